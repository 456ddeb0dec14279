"""Units: output files rendered together and carried over together.

One unit per document (its pages and data exports), one per kind of page that lists every
document (home, timeline, 404), and one for the site's data files. The build cache and the
preview's memory both decide per unit whether last time's files still hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content import Document
from .site import TIMELINE_DATA, PageKind, Site

SITEMAP_TEMPLATE = "sitemap.xml"
DATA_UNIT = "*data*"  # timeline.json and the crawler files; no slug can contain "*"


@dataclass(frozen=True)
class Unit:
    """Output files rendered together and carried over together."""

    name: str  # a document's slug, or *kind* for site-wide pages
    files: tuple[str, ...]  # their output paths (the crawler files vary: see DATA_UNIT)
    templates: tuple[str, ...]  # the templates they are rendered through
    document: Document | None = None


def document_unit(site: Site, document: Document) -> Unit:
    return Unit(document.slug, tuple(site.document_files(document)), ("document.html",), document)


def site_wide_units(site: Site) -> list[Unit]:
    """The pages that list every document, by kind, then the site's data files."""
    units = []
    for kind in (PageKind.HOME, PageKind.TIMELINE, PageKind.NOT_FOUND):
        pages = [p for p in site.pages if p.kind == kind]
        templates = tuple(sorted({p.template for p in pages}))
        units.append(Unit(f"*{kind}*", tuple(p.dest_path for p in pages), templates))
    return [*units, Unit(DATA_UNIT, (TIMELINE_DATA,), (SITEMAP_TEMPLATE,))]
