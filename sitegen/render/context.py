"""What a template sees: a typed context, built by one function for each page.

Everything is computed before the template runs (the sentence groups come from the derive
stage); the callables only convert, format or point at pages the site model laid out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict
from urllib.parse import quote

from markupsafe import Markup, escape

from ..align.segments import Derived
from ..align.timeline import Entry, Timeline, by_year, page_entries
from ..model.config import Language, SiteConfig
from ..model.content import Document
from ..model.site import BOTH, Page, PageKind, Site, relative_url
from ..text.dates import format_date, format_in_year, format_qualified
from ..text.datestyle import styled
from .metadata import alternates, describe, link
from .navigation import Navigation, get_navigation
from .structured import article_data, json_ld
from .text import Pair, Texts


@dataclass(frozen=True)
class Shared:
    """What every page of a build draws on."""

    site: Site
    texts: Texts
    asset_url: Callable[[str], str]  # a static file's site-root-relative URL


class PageContext(TypedDict):
    site: SiteConfig
    page: Page
    language: Language | None  # None on side-by-side pages
    lang: Language  # the language of the page's own interface
    pair: tuple[Language, Language]
    languages: tuple[Language, ...]
    strings: dict[str, str]
    home: Page
    homes: dict[str, Page]
    timeline_page: Page
    documents: list[Document]
    document: Document | None
    page_of: Callable[[Document, str], Page]
    url: Callable[..., str]
    asset: Callable[[str], str]
    text: Callable[[Pair, Language], str]
    html: Callable[..., Markup]
    sentences: Callable[[Document, int, Language], list[tuple[Markup, str]]]
    spans: Callable[..., Markup]  # a paragraph's groups as <span class="seg" id="pN-sM">
    timeline: list[tuple[str, list[Entry]]] | None  # a timeline page's entries by year
    timeline_years: dict[str, Page]  # every year and the timeline page it begins on
    milestone_date: Callable[[Entry, Language], str]
    date_in_year: Callable[[Entry, Language], str]
    source_of: Callable[[Entry, Language], str]
    is_both: bool
    alternates: list[tuple[str, str]]
    canonical: str | None
    description: str
    nav: Navigation  # neighbours, breadcrumbs, contents listings, the cover, feeds
    structured: Markup | None  # a document page's JSON-LD
    date: Callable[[Document, Language], str]  # its date: "1 March 2025" / "2025年3月1日"
    source_url: str | None  # a document's source file, copied into the output


def get_context(
    page: Page, shared: Shared, derived: Derived | None, timeline: Timeline | None
) -> PageContext:
    """The context of `page`; `derived` is its document's, `timeline` every milestone."""
    site, texts = shared.site, shared.texts
    config = site.config
    language = {x.code: x for x in config.languages}.get(page.variant)
    variant = page.variant if page.variant in site.homes else BOTH
    url = page_linker(page, config)
    is_not_found, is_timeline = page.kind == PageKind.NOT_FOUND, page.kind == PageKind.TIMELINE
    return PageContext(
        site=config,
        page=page,
        language=language,
        lang=language or site.pair[0],
        pair=site.pair,
        languages=config.languages,
        strings=(language or site.pair[0]).strings,
        home=site.homes[variant],
        homes=site.homes,
        timeline_page=site.timelines[variant],
        documents=site.documents,
        document=page.document,
        page_of=site.page_of,
        url=url,
        asset=lambda name: url(shared.asset_url(name)),
        text=texts.text,
        html=texts.html,
        sentences=_sentences(page, texts, derived),
        spans=_spans(page, texts, derived),
        timeline=by_year(page_entries(timeline, page.number)) if is_timeline else None,
        timeline_years=_timeline_years(site, page, timeline) if is_timeline else {},
        milestone_date=lambda entry, language: milestone_date(texts, entry, language),
        date_in_year=lambda entry, language: milestone_date(texts, entry, language, in_year=True),
        source_of=lambda entry, language: source_of(texts, entry, language),
        is_both=page.variant == BOTH,
        alternates=[(x.hreflang, link(config, page, x.page.url)) for x in alternates(page, config)],
        canonical=None if is_not_found or not config.base_url else link(config, page, page.url),
        description=_description(page, shared, language or site.pair[0]),
        nav=get_navigation(page, site),
        structured=_structured(page, shared),
        date=lambda document, language: document_date(texts, document, language),
        source_url=_source_url(page, site, url),
    )


def _timeline_years(site: Site, page: Page, timeline: Timeline) -> dict[str, Page]:
    """A timeline of several pages: each year with the page where it begins."""
    if len(site.timeline_pages) == 1:
        return {}
    pages = site.timeline_pages
    return {year: pages[n - 1][page.variant] for year, n in timeline.year_starts.items()}


def _structured(page: Page, shared: Shared) -> Markup | None:
    if page.document is None:
        return None
    config = shared.site.config
    data = article_data(page, shared.site, lambda to: link(config, page, to), shared.texts.text)
    return json_ld(data)


def _source_url(page: Page, site: Site, url: Callable[..., str]) -> str | None:
    source = site.source_path(page.document) if page.document else None
    return url(quote(source)) if source else None


def page_linker(page: Page, config: SiteConfig) -> Callable[..., str]:
    """`url(target, fragment="")`: a link from `page` to a page or site-root-relative URL."""

    def url(target: Page | str, fragment: str = "") -> str:
        to_url = target.url if isinstance(target, Page) else target
        # A host serves 404.html at any missing address, at any depth, where relative links
        # would break: the 404 page links absolutely to a known base URL, else from the
        # domain's root (`check` and `publish` warn that a sub-path deploy needs base_url).
        if page.kind == PageKind.NOT_FOUND:
            found = (config.base_url or "/") + to_url
        else:
            found = relative_url(page.url, to_url)
        return found + (f"#{fragment}" if fragment else "")

    return url


def milestone_date(texts: Texts, entry: Entry, language: Language, in_year: bool = False) -> str:
    """The entry's date the Hong Kong way, with its qualifier ("later in 2024"), written
    as its document writes dates; `in_year`: only what its year's heading does not say."""
    milestone = entry.milestone
    shown = (format_in_year if in_year else format_qualified)(
        milestone.date, milestone.qualifier, language.text
    )
    return texts.convert(styled(shown, language.text, entry.document.date_style), language)


def document_date(texts: Texts, document: Document, language: Language) -> str:
    """When the document was published, written as its own text writes dates."""
    assert document.date is not None
    shown = format_date(document.date, language.text)
    return texts.convert(styled(shown, language.text, document.date_style), language)


def source_of(texts: Texts, entry: Entry, language: Language) -> str:
    """Where a milestone comes from, e.g. "Foreword, paragraph 4" (site.yaml's wording)."""
    title = texts.text(entry.document.title, language)
    wording = language.strings["source"]
    return wording.replace("{title}", title).replace("{paragraph}", str(entry.milestone.paragraph))


def _sentences(page: Page, texts: Texts, derived: Derived | None) -> Callable:
    def sentences(document: Document, index: int, language: Language) -> list:
        """Paragraph `index` (0-based) of the page's document, group by group."""
        if derived is None or document is not page.document:
            raise ValueError(f"sentences() is for the page's own document (on /{page.url})")
        return texts.sentences(derived.groups[index], language)

    return sentences


def _spans(page: Page, texts: Texts, derived: Derived | None) -> Callable[..., Markup]:
    sentences = _sentences(page, texts, derived)

    def spans(document: Document, index: int, language: Language, suffix: str = "") -> Markup:
        """Paragraph `index` (0-based) as its sentence groups' spans, `id="pN-sM{suffix}"`,
        each with `data-seg="pN-sM"` on the side-by-side page (where site.js pairs them).
        One call per paragraph: a template loop per sentence cost a third of rendering."""
        number, parts = index + 1, []
        linked = page.variant == BOTH
        for group, (html, space) in enumerate(sentences(document, index, language), start=1):
            seg = f"p{number}-s{group}"
            data = f' data-seg="{seg}"' if linked else ""
            parts.append(f'<span class="seg" id="{seg}{escape(suffix)}"{data}>{html}</span>{space}')
        return Markup("".join(parts))

    return spans


def _description(page: Page, shared: Shared, language: Language) -> str:
    document, texts = page.document, shared.texts
    if document is None:
        return texts.text(shared.site.config.title, language)
    first = next((p for p in document.paragraphs if not p.is_heading), document.paragraphs[0])
    return describe(texts.plain(texts.text(first, language)), language.text)
