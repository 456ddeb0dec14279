"""What a page shows of the guide around it: the previous and next document, breadcrumbs,
the contents pages' listings and their pagination, the cover's chapters, the year
archives, the feeds.

Every link is a page the site model laid out; templates only ask `url()` for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.config import Language
from ..model.content import Document
from ..model.guide import Listing
from ..model.order import Chapter
from ..model.site import BOTH, Page, PageKind, Site


@dataclass(frozen=True)
class Crumb:
    """One step of the breadcrumbs: a title (a pair, or an interface string key)."""

    title: dict[str, str] | None
    string: str | None  # an interface string's key (home, contents) when title is None
    page: Page
    fragment: str = ""


@dataclass(frozen=True)
class Navigation:
    previous: tuple[Document, Page] | None = None
    next: tuple[Document, Page] | None = None
    crumbs: tuple[Crumb, ...] = ()
    listings: tuple[Listing, ...] = ()  # a contents page's chapters and documents
    # The home page's chapters: each with its first documents and where its contents begin.
    cover: tuple[tuple[Chapter, tuple[Document, ...], Page], ...] = ()
    contents: dict[int, Page] = field(default_factory=dict)  # contents page by number
    feeds: tuple[tuple[Language, str], ...] = ()  # (language, feed path) for <head>
    archive: Page | None = None  # the index of years (None: no document has a date)
    # A paginated list's pages by number (the contents', or one year's), this one included.
    pages: dict[int, Page] = field(default_factory=dict)
    years: tuple[tuple[str, int, Page], ...] = ()  # the archive's: year, documents, page
    documents: tuple[Document, ...] = ()  # a year page's documents
    year_page: Page | None = None  # a dated document's year in the archive

    @property
    def page_count(self) -> int:
        return max(len(self.pages), 1)


def get_navigation(page: Page, site: Site) -> Navigation:
    """The navigation of `page`, in its own variant."""
    variant = page.variant
    contents = {n: variants[variant] for n, variants in enumerate(site.contents, start=1)}
    feeds = tuple(
        (x, site.feed_path(x))
        for x in site.config.languages
        if x.code == variant or (variant == BOTH and x in site.pair)
    )
    archive = site.archive.get(variant)
    common = {"contents": contents, "feeds": feeds, "archive": archive}
    if page.kind == PageKind.DOCUMENT and page.document is not None:
        return _around_document(page, page.document, site, common)
    if page.kind == PageKind.CONTENTS:
        listings = tuple(site.guide.contents[page.number - 1])
        return Navigation(listings=listings, pages=contents, **common)
    if page.kind == PageKind.TIMELINE:
        pages = {n: variants[variant] for n, variants in enumerate(site.timeline_pages, 1)}
        return Navigation(pages=pages, **common)
    if page.kind == PageKind.ARCHIVE:
        years = tuple(
            (year, sum(map(len, listed)), site.years[year][0][variant])
            for year, listed in site.guide.years.items()
        )
        return Navigation(years=years, **common)
    if page.kind == PageKind.YEAR:
        return _year(page, site, common)
    if page.kind == PageKind.HOME:
        starts = site.guide.chapter_pages
        cover = tuple((c, docs, contents[starts[c.number]]) for c, docs in site.guide.cover())
        first = site.documents[0]  # the cover leads on to the first document
        return Navigation(next=(first, site.page_of(first, variant)), cover=cover, **common)
    return Navigation(**common)


def _year(page: Page, site: Site, common: dict) -> Navigation:
    """One page of a year's archive: its documents, its sibling pages, home › years › year."""
    pages = {n: variants[page.variant] for n, variants in enumerate(site.years[page.year], 1)}
    crumbs = (
        Crumb(None, "home", site.homes[page.variant]),
        Crumb(None, "archive", common["archive"]),
        Crumb({"en": page.year, "zh": page.year}, None, pages[1]),
    )
    documents = site.guide.years[page.year][page.number - 1]
    return Navigation(crumbs=crumbs, pages=pages, documents=documents, **common)


def _around_document(page: Page, document: Document, site: Site, common: dict) -> Navigation:
    before, after = site.guide.neighbours(document)
    chapter = site.guide.chapter_of(document)
    home = site.homes[page.variant]
    crumbs = [Crumb(None, "home", home)]
    if chapter.title is not None:
        start = common["contents"][site.guide.chapter_pages[chapter.number]]
        crumbs.append(Crumb(chapter.title, None, start, f"section-{chapter.number}"))
    crumbs.append(Crumb(document.title, None, page))
    year = site.years.get(document.date[:4]) if document.date else None
    return Navigation(
        year_page=year[0][page.variant] if year else None,
        previous=(before, site.page_of(before, page.variant)) if before else None,
        next=(after, site.page_of(after, page.variant)) if after else None,
        crumbs=tuple(crumbs),
        **common,
    )
