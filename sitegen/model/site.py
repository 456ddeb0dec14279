"""The site model: which pages exist, where each is written and how pages link to each other.

Every page knows its `dest_path` (inside the output folder) and `url` (relative to the
site root, always ending in `/` for pages), computed once here. Templates never join
paths: they ask `relative_url()` for a link from the page they are rendering, so the
output works under any sub-path and from `file://`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from ..errors import Problems
from .config import Language, SiteConfig
from .content import Document

BOTH = "both"  # the variant key of side-by-side pages
TIMELINE_DATA = "data/timeline.json"  # every milestone, in TimelineJS's format


class PageKind(StrEnum):
    HOME = "home"
    DOCUMENT = "document"
    TIMELINE = "timeline"
    NOT_FOUND = "not_found"


@dataclass(eq=False)
class Page:
    kind: PageKind
    variant: str  # BOTH or a language code (en, tc, sc)
    url: str  # relative to the site root: "", "foreword/", "en/foreword/"
    template: str
    document: Document | None = None
    alternates: dict[str, Page] = field(default_factory=dict)  # variant -> page, self included

    @property
    def dest_path(self) -> str:
        if self.url.endswith(".html"):
            return self.url
        return f"{self.url}index.html"


@dataclass
class Site:
    config: SiteConfig
    documents: list[Document]
    pages: list[Page]
    data_files: dict[str, Document]  # dest_path -> document (data/<slug>.json)

    def document_files(self, document: Document) -> list[str]:
        """Everything a document writes: its pages, then its JSON and TMX exports."""
        pages = [page.dest_path for page in self.pages_by_slug[document.slug]]
        return [*pages, *data_paths(document.slug)]

    def page_of(self, document: Document, variant: str) -> Page:
        """A document's page in one variant (BOTH or a language code)."""
        return self.pages_by_slug[document.slug][0].alternates[variant]

    @cached_property
    def pages_by_slug(self) -> dict[str, list[Page]]:
        """Every document's pages (side by side and each language)."""
        pages: dict[str, list[Page]] = {d.slug: [] for d in self.documents}
        for page in self.pages:
            if page.document is not None:
                pages[page.document.slug].append(page)
        return pages

    @cached_property
    def homes(self) -> dict[str, Page]:
        """The home page of each variant (looked up once: every page links to its home)."""
        return self._of_kind(PageKind.HOME)

    @cached_property
    def timelines(self) -> dict[str, Page]:
        """The timeline page of each variant."""
        return self._of_kind(PageKind.TIMELINE)

    def _of_kind(self, kind: PageKind) -> dict[str, Page]:
        return {page.variant: page for page in self.pages if page.kind == kind}

    @property
    def pair(self) -> tuple[Language, Language]:
        """The two languages shown side by side: the English and the Chinese as written."""
        return self.config.language_for("en"), self.config.language_for("zh")


def build_site_model(config: SiteConfig, documents: list[Document]) -> Site:
    """Lay out every page; two documents that would write the same page are an error."""
    pages = _variants(config, PageKind.HOME, "", "home.html")
    home_alternates = pages[0].alternates
    not_found = Page(PageKind.NOT_FOUND, BOTH, "404.html", "404.html", alternates=home_alternates)
    pages += _variants(config, PageKind.TIMELINE, "timeline/", "timeline.html")
    for document in documents:
        pages += _variants(
            config, PageKind.DOCUMENT, f"{document.slug}/", "document.html", document
        )
    pages.append(not_found)
    _check_unique(pages)
    data_files = {data_paths(d.slug)[0]: d for d in documents}
    return Site(config, documents, pages, data_files)


def data_paths(slug: str) -> tuple[str, str]:
    """A document's data exports: its JSON (with sentence alignment) and its TMX."""
    return f"data/{slug}.json", f"data/{slug}.tmx"


def _variants(
    config: SiteConfig, kind: PageKind, url: str, template: str, document: Document | None = None
) -> list[Page]:
    """The side-by-side page at /url plus one page per language at /<prefix>/url."""
    group = [Page(kind, BOTH, url, template, document)]
    group += [Page(kind, x.code, f"{x.prefix}/{url}", template, document) for x in config.languages]
    alternates = {page.variant: page for page in group}
    for page in group:
        page.alternates = alternates
    return group


def _check_unique(pages: list[Page]) -> None:
    problems, seen = Problems(), {}
    for page in pages:
        other = seen.setdefault(page.dest_path, page)
        if other is not page:
            who = [
                p.document.src_path if p.document else f"the {p.kind} page" for p in (other, page)
            ]
            problems.add(who[1], None, f"would write {page.dest_path}, which {who[0]} writes too")
    problems.raise_if_any()


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both relative to the site root)."""
    from_dir = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    depth = from_dir.strip("/").count("/") + 1 if from_dir.strip("/") else 0
    link = "../" * depth + to_url
    return link or "./"
