"""What the search index reads: each single-language document page as published, with the
translation of each of its sentences attached as Pagefind metadata.

A search hit names the sentence it found (Pagefind records every element with an id, our
`#pN-sM` spans included, with its text); the reader also sees that sentence's aligned
translation, which Pagefind hands back from the page's metadata under the same id. The
translations come from the counterpart page's own spans, so they read exactly as there:
English pages take the Chinese as written (Traditional), Chinese pages take the English.
Metadata is stored, never indexed, and never shown on the published page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from ..errors import SiteError
from ..model.site import BOTH, Page, Site

# The ids whose text a hit can point at: sentence groups (p2-s3) and headings (p4).
_SENTENCE_ID = re.compile(r"p\d+-s\d+")
_HEADING_ID = re.compile(r"p\d+")
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_VOID = frozenset(("br", "img", "wbr", "hr", "input", "meta", "link", "source"))
MAIN_END = b"</main>"


@dataclass(frozen=True)
class SearchPage:
    """A page to index, the page holding its translations, and its side-by-side page."""

    page: Page
    lang: str  # the page's `lang`: en, zh-Hant-HK, zh-Hans
    counterpart: Page
    counterpart_lang: str  # the `lang` of its translations
    both: Page


def search_pages(site: Site) -> Iterator[list[SearchPage]]:
    """Every document's single-language pages, document by document."""
    english, chinese = site.pair
    for document in site.documents:
        both = site.page_of(document, BOTH)
        group = []
        for language in site.config.languages:
            other = chinese if language.text == "en" else english
            counterpart = site.page_of(document, other.code)
            page = site.page_of(document, language.code)
            group.append(SearchPage(page, language.lang, counterpart, other.lang, both))
        yield group


def indexed_html(search_page: SearchPage, html: bytes, translations: dict[str, str]) -> bytes:
    """The page as Pagefind should read it: as published, plus, before `</main>`, an
    element Pagefind skips for its words but reads metadata from: the side-by-side page's
    URL, the page's and the translations' language, each sentence's translation by id
    (`translations`: the counterpart page's `sentence_texts`)."""
    item = search_page
    meta = {"both": item.both.url, "lang": item.lang, "counterpart_lang": item.counterpart_lang}
    meta |= {key: text for key, text in translations.items() if text}
    spans = "".join(
        f'<span data-pagefind-meta="{escape(key)}">{escape(text)}</span>'
        for key, text in meta.items()
    )
    block = f"<div data-pagefind-ignore hidden>{spans}</div>".encode()
    at = html.rfind(MAIN_END)
    if at < 0:
        raise SiteError(
            f"templates/{search_page.page.template}: the search index reads each page's"
            f" <main>, but /{search_page.page.url} has no </main>"
        )
    return html[:at] + block + html[at:]


def sentence_texts(html: bytes) -> dict[str, str]:
    """The text of each sentence group and heading of a page, by id (`p2-s3`, `p4`)."""
    parser = _Texts()
    parser.feed(html.decode("utf-8"))
    parser.close()
    return {key: " ".join("".join(parts).split()) for key, parts in parser.texts.items()}


class _Texts(HTMLParser):
    """Collects the text inside each element whose id is a sentence's or a heading's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, list[str]] = {}
        self._open: list[list] = []  # [id, depth] of the elements being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        for element in self._open:
            element[1] += 1
        element_id = dict(attrs).get("id") or ""
        heading = tag in _HEADINGS and _HEADING_ID.fullmatch(element_id)
        if heading or _SENTENCE_ID.fullmatch(element_id):
            self.texts[element_id] = []
            self._open.append([element_id, 1])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        for element in self._open:
            element[1] -= 1
        self._open = [element for element in self._open if element[1] > 0]

    def handle_data(self, data: str) -> None:
        for element_id, _depth in self._open:
            self.texts[element_id].append(data)
