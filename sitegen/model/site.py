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
from .archive import ARCHIVE_URL, year_url
from .config import Language, SiteConfig
from .content import Document
from .docmeta import SourceFile
from .guide import Guide
from .order import order_documents

BOTH = "both"  # the variant key of side-by-side pages
TIMELINE_DATA = "data/timeline.json"  # every milestone, in TimelineJS's format
FEED = "feed.xml"  # each reading language's Atom feed, under its prefix
TIMELINE_PAGE_SIZE = 100  # milestones per timeline page: about 60 KB side by side


class PageKind(StrEnum):
    HOME = "home"
    DOCUMENT = "document"
    TIMELINE = "timeline"
    CONTENTS = "contents"
    ARCHIVE = "archive"  # the years, each with its count of documents
    YEAR = "year"  # one page of a year's archive
    NOT_FOUND = "not_found"


@dataclass(eq=False)
class Page:
    kind: PageKind
    variant: str  # BOTH or a language code (en, tc, sc)
    url: str  # relative to the site root: "", "foreword/", "en/foreword/"
    template: str
    document: Document | None = None
    alternates: dict[str, Page] = field(default_factory=dict)  # variant -> page, self included
    number: int = 1  # a list page's place among its kind's pages (contents/page/2/)
    year: str = ""  # a year archive page's year
    # Its file in the output, from `url`: set once (asked for 100,000 times a rebuild at
    # 10,000 documents).
    dest_path: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.dest_path = self.url if self.url.endswith(".html") else f"{self.url}index.html"


@dataclass
class Site:
    config: SiteConfig
    documents: list[Document]  # in reading order (sections first, then by date and name)
    pages: list[Page]
    data_files: dict[str, Document]  # dest_path -> document (data/<slug>.json)
    guide: Guide
    sources: dict[str, SourceFile] = field(default_factory=dict)  # slug -> source in content/

    def source_path(self, document: Document) -> str | None:
        """Where a document's source file (content/<name>) is copied in the output."""
        source = self.sources.get(document.slug)
        return f"data/source/{document.slug}/{source.name}" if source else None

    def feed_path(self, language: Language) -> str:
        """A reading language's Atom feed: en/feed.xml."""
        return f"{language.prefix}/{FEED}"

    def document_files(self, document: Document) -> list[str]:
        """Everything a document writes: its pages, then its JSON and TMX exports."""
        pages = [page.dest_path for page in self.pages_by_slug[document.slug]]
        source = self.source_path(document)
        return [*pages, *data_paths(document.slug), *([source] if source else [])]

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
        """The timeline's (first) page of each variant."""
        return self.timeline_pages[0]

    @cached_property
    def timeline_pages(self) -> list[dict[str, Page]]:
        """The timeline's pages, in order, each by variant (at least one)."""
        pages = [p for p in self.pages if p.kind == PageKind.TIMELINE and p.variant == BOTH]
        return [page.alternates for page in pages]

    @cached_property
    def contents(self) -> list[dict[str, Page]]:
        """The contents pages, in order, each by variant."""
        pages = [p for p in self.pages if p.kind == PageKind.CONTENTS and p.variant == BOTH]
        return [page.alternates for page in pages]

    @cached_property
    def archive(self) -> dict[str, Page]:
        """The archive's index of years, by variant (empty when no document has a date)."""
        return self._of_kind(PageKind.ARCHIVE)

    @cached_property
    def years(self) -> dict[str, list[dict[str, Page]]]:
        """Year -> its archive pages in order, each by variant; newest year first."""
        found: dict[str, list[dict[str, Page]]] = {}
        for page in self.pages:
            if page.kind == PageKind.YEAR and page.variant == BOTH:
                found.setdefault(page.year, []).append(page.alternates)
        return found

    def _of_kind(self, kind: PageKind) -> dict[str, Page]:
        return {page.variant: page for page in self.pages if page.kind == kind}

    @property
    def pair(self) -> tuple[Language, Language]:
        """The two languages shown side by side: the English and the Chinese as written."""
        return self.config.language_for("en"), self.config.language_for("zh")


def build_site_model(
    config: SiteConfig, documents: list[Document], sources: dict[str, SourceFile] | None = None
) -> Site:
    """Put the documents in reading order and lay out every page; two documents that would
    write the same page are an error. `sources`: slug -> a source file found in content/."""
    documents, chapters = order_documents(config.sections, documents)
    guide = Guide(chapters, documents)
    pages = _variants(config, PageKind.HOME, "", "home.html")
    home_alternates = pages[0].alternates
    not_found = Page(PageKind.NOT_FOUND, BOTH, "404.html", "404.html", alternates=home_alternates)
    milestones = sum(len(d.milestones) for d in documents)
    for number in range(1, max(1, -(-milestones // TIMELINE_PAGE_SIZE)) + 1):
        url = "timeline/" if number == 1 else f"timeline/page/{number}/"
        pages += _variants(config, PageKind.TIMELINE, url, "timeline.html", number=number)
    for number in range(1, len(guide.contents) + 1):
        url = "contents/" if number == 1 else f"contents/page/{number}/"
        pages += _variants(config, PageKind.CONTENTS, url, "contents.html", number=number)
    pages += _archive_pages(config, guide)
    for document in documents:
        pages += _variants(
            config, PageKind.DOCUMENT, f"{document.slug}/", "document.html", document
        )
    pages.append(not_found)
    _check_unique(pages)
    data_files = {data_paths(d.slug)[0]: d for d in documents}
    return Site(config, documents, pages, data_files, guide, sources or {})


def _archive_pages(config: SiteConfig, guide: Guide) -> list[Page]:
    """The index of years and every year's pages, when some document has a date."""
    if not guide.years:
        return []
    pages = _variants(config, PageKind.ARCHIVE, ARCHIVE_URL, "archive.html")
    for year, listed in guide.years.items():
        for number in range(1, len(listed) + 1):
            url = year_url(year, number)
            pages += _variants(config, PageKind.YEAR, url, "archive.html", None, number, year)
    return pages


def data_paths(slug: str) -> tuple[str, str]:
    """A document's data exports: its JSON (with sentence alignment) and its TMX."""
    return f"data/{slug}.json", f"data/{slug}.tmx"


def _variants(
    config: SiteConfig,
    kind: PageKind,
    url: str,
    template: str,
    document: Document | None = None,
    number: int = 1,
    year: str = "",
) -> list[Page]:
    """The side-by-side page at /url plus one page per language at /<prefix>/url."""
    group = [Page(kind, BOTH, url, template, document, number=number, year=year)]
    group += [
        Page(kind, x.code, f"{x.prefix}/{url}", template, document, number=number, year=year)
        for x in config.languages
    ]
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
