"""Units: output files rendered together and carried over together.

One unit per document (its pages and data exports), one per kind of page that lists
documents (home, timeline, each contents page, the archive's index and each year page,
the feeds, 404), and one for the site's data files. The build cache and the preview's
memory both decide per unit whether last time's files still hold: from its inputs' key,
and from `shows`, what the unit shows of other documents (a document's neighbours and
chapter; a list page's titles, dates and order), so editing a paragraph renders nothing
but its own document again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from .content import Document
from .guide import COVER_SIZE
from .listing import listings
from .site import TIMELINE_DATA, PageKind, Site

SITEMAP_TEMPLATE = "sitemap.xml"
FEED_TEMPLATE = "feed.xml"
DATA_UNIT = "*data*"  # timeline.json and the crawler files; no slug can contain "*"
FEEDS_UNIT = "*feeds*"
FEED_SIZE = 50  # the newest documents a feed lists


@dataclass(frozen=True)
class Unit:
    """Output files rendered together and carried over together."""

    name: str  # a document's slug, or *kind* for site-wide pages
    files: tuple[str, ...]  # their output paths (the crawler files vary: see DATA_UNIT)
    templates: tuple[str, ...]  # the templates they are rendered through
    document: Document | None = None
    # What the files show besides their own document (None: the timeline's key, which
    # only the build knows once documents are derived).
    shows: str | None = None
    page: int = 0  # a timeline unit's page number (its key covers that page's entries)


def document_unit(site: Site, document: Document) -> Unit:
    files = tuple(site.document_files(document))
    return Unit(document.slug, files, ("document.html",), document, _around(site, document))


def site_wide_units(site: Site) -> list[Unit]:
    """The pages that list documents, by kind (contents page by page), then the feeds
    and the site's data files."""
    units, listed = [], listings(site.documents)

    def listing_of(document: Document) -> str:
        return listed[document.slug][0]

    for kind in (PageKind.HOME, PageKind.NOT_FOUND):
        pages = [p for p in site.pages if p.kind == kind]
        templates = tuple(sorted({p.template for p in pages}))
        shows = {PageKind.HOME: _cover(site, listing_of), PageKind.NOT_FOUND: ""}[kind]
        units.append(Unit(f"*{kind}*", tuple(p.dest_path for p in pages), templates, None, shows))
    for number, variants in enumerate(site.timeline_pages, start=1):
        files = tuple(page.dest_path for page in variants.values())
        units.append(Unit(f"*timeline-{number}*", files, ("timeline.html",), page=number))
    guide = site.guide
    for number, variants in enumerate(site.contents, start=1):
        chapters = [
            (x.chapter.number, x.chapter.title, x.continued) for x in guide.contents[number - 1]
        ]
        shown = [listing_of(d) for x in guide.contents[number - 1] for d in x.documents]
        files = tuple(page.dest_path for page in variants.values())
        shows = _digest((chapters, shown, len(site.contents)))
        units.append(Unit(f"*contents-{number}*", files, ("contents.html",), None, shows))
    units += _archive_units(site, listing_of)
    feeds = tuple(site.feed_path(x) for x in site.config.languages)
    shows = _digest([listing_of(d) for d in feed_documents(site)])
    units.append(Unit(FEEDS_UNIT, feeds, (FEED_TEMPLATE,), None, shows))
    return [*units, Unit(DATA_UNIT, (TIMELINE_DATA,), (SITEMAP_TEMPLATE,))]


def _archive_units(site: Site, listing_of: Callable[[Document], str]) -> list[Unit]:
    """The index of years (what it shows: each year's count), then every year page (its
    documents and how many pages its year has)."""
    if not site.archive:
        return []
    years = site.guide.years
    files = tuple(page.dest_path for page in site.archive.values())
    shows = _digest([(year, [len(listed) for listed in pages]) for year, pages in years.items()])
    units = [Unit("*archive*", files, ("archive.html",), None, shows)]
    for year, pages in site.years.items():
        for number, variants in enumerate(pages, start=1):
            shown = [listing_of(d) for d in years[year][number - 1]]
            files = tuple(page.dest_path for page in variants.values())
            shows = _digest((shown, len(pages)))
            units.append(Unit(f"*year-{year}-{number}*", files, ("archive.html",), None, shows))
    return units


def feed_documents(site: Site) -> list[Document]:
    """The documents a feed lists: the FEED_SIZE newest with a date, newest first."""
    dated = [d for d in site.documents if d.date]
    dated.sort(key=lambda d: (d.date, d.slug), reverse=True)
    return dated[:FEED_SIZE]


def _around(site: Site, document: Document) -> str:
    """What a document's pages show of others: its neighbours, its chapter and where the
    contents list it, and its source file (by size and time)."""
    before, after = site.guide.neighbours(document)
    chapter = site.guide.chapter_of(document)
    return repr(
        (
            [(d.slug, d.title) for d in (before, after) if d],
            (chapter.number, chapter.title, site.guide.chapter_pages[chapter.number]),
            site.sources.get(document.slug),
        )
    )


def _cover(site: Site, listing_of: Callable[[Document], str]) -> str:
    cover = [
        (c.number, c.title, len(c.documents), [listing_of(d) for d in c.documents[:COVER_SIZE]])
        for c in site.guide.chapters
    ]
    return _digest((cover, len(site.contents), bool(site.archive)))


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()
