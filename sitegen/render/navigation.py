"""What a page shows of the guide around it: the previous and next document, breadcrumbs,
the contents pages' listings and their pagination, the cover's chapters, the feeds.

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
    page_count: int = 1  # how many contents pages there are
    contents: dict[int, Page] = field(default_factory=dict)  # contents page by number
    feeds: tuple[tuple[Language, str], ...] = ()  # (language, feed path) for <head>


def get_navigation(page: Page, site: Site) -> Navigation:
    """The navigation of `page`, in its own variant."""
    variant = page.variant
    contents = {n: variants[variant] for n, variants in enumerate(site.contents, start=1)}
    feeds = tuple(
        (x, site.feed_path(x))
        for x in site.config.languages
        if x.code == variant or (variant == BOTH and x in site.pair)
    )
    common = {"page_count": len(contents), "contents": contents, "feeds": feeds}
    if page.kind == PageKind.DOCUMENT and page.document is not None:
        return _around_document(page, page.document, site, common)
    if page.kind == PageKind.CONTENTS:
        return Navigation(listings=tuple(site.guide.contents[page.number - 1]), **common)
    if page.kind == PageKind.HOME:
        starts = site.guide.chapter_pages
        cover = tuple((c, docs, contents[starts[c.number]]) for c, docs in site.guide.cover())
        first = site.documents[0]  # the cover leads on to the first document
        return Navigation(next=(first, site.page_of(first, variant)), cover=cover, **common)
    return Navigation(**common)


def _around_document(page: Page, document: Document, site: Site, common: dict) -> Navigation:
    before, after = site.guide.neighbours(document)
    chapter = site.guide.chapter_of(document)
    home = site.homes[page.variant]
    crumbs = [Crumb(None, "home", home)]
    if chapter.title is not None:
        start = common["contents"][site.guide.chapter_pages[chapter.number]]
        crumbs.append(Crumb(chapter.title, None, start, f"section-{chapter.number}"))
    crumbs.append(Crumb(document.title, None, page))
    return Navigation(
        previous=(before, site.page_of(before, page.variant)) if before else None,
        next=(after, site.page_of(after, page.variant)) if after else None,
        crumbs=tuple(crumbs),
        **common,
    )
