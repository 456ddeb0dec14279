"""PDF page furniture: page numbers, running headers and footers, and page breaks.

Text extracted from a printed guide keeps what the printer put around the text: a form feed
between pages, a page number, a header or footer repeated on every page (in a bilingual
guide, an English one on the English pages and a Chinese one on the Chinese pages), and in
`pdftotext -layout` output a page label pushed to the right margin of a running line
(`Annual Report 2024        Page 3`). We drop those, and decide at each page break whether
the paragraph goes on (no closing punctuation before the break) or a new one starts, so
that re-flow sees one continuous text.
"""

from __future__ import annotations

import re
from collections import Counter

from ..text.scripts import line_language
from .blocks import ends_sentence
from .dehyphenate import ends_in_break_hyphen

Line = tuple[int, str]  # (1-based line number in the source, text); "" is a blank line
_BREAK = (0, "\f")  # a page break marker in the item stream

_NUMBER = r"(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?"  # 3, - 3 -
_LABEL = (
    r"(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"  # Page 3, Page 3 of 12
    r"|\d{1,3}\s*/\s*\d{1,3}"  # 3 / 12
    r"|第\s*\d{1,3}\s*[頁页](?:\s*[，,/]?\s*共\s*\d{1,3}\s*[頁页])?"  # 第 3 頁
)
_PAGE_NUMBER = re.compile(f"{_NUMBER}|{_LABEL}", re.IGNORECASE)
# A page label beside a running line, a wide gap (a tab, three spaces or more) between:
# `Annual Report 2024        Page 3`, `12        CAHK Guide 2025`.
_LABEL_AT_END = re.compile(f"(?:{_NUMBER}|{_LABEL})$", re.IGNORECASE)
_LABEL_AT_START = re.compile(f"(?:{_NUMBER}|{_LABEL})(?=\\s)", re.IGNORECASE)
_LONGEST_LABEL = 24  # `第 123 頁，共 456 頁`: only a line's last characters are looked at
_DEPTH = 2  # a header may be two lines deep: a title line and a page-number line


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def remove_furniture(text: str) -> list[Line]:
    """The source lines without page furniture; page breaks become a blank line or nothing."""
    items = _split_pages(text)
    _unglue_page_labels(items)
    removed: set[int] = set()  # indexes into items
    _mark_running_lines(items, removed)
    for index, (_, line) in enumerate(items):
        if is_page_number(line) and _is_at_edge(items, index, removed):
            removed.add(index)
            items[index] = _BREAK  # a page number marks where a page ended
    kept = [item for index, item in enumerate(items) if index not in removed or item is _BREAK]
    return _drop_line_spacing(_resolve_breaks(kept))


def _split_pages(text: str) -> list[Line]:
    items: list[Line] = []
    for number, line in enumerate(text.split("\n"), 1):
        for part_index, part in enumerate(line.split("\f")):
            if part_index:
                items.append(_BREAK)
            items.append((number, part))
    return items


def _pages(items: list[Line]) -> list[list[int]]:
    """Indexes of the non-blank lines of each page."""
    pages: list[list[int]] = [[]]
    for index, item in enumerate(items):
        if item is _BREAK:
            pages.append([])
        elif item[1].strip():
            pages[-1].append(index)
    return [page for page in pages if page]


def _unglue_page_labels(items: list[Line]) -> None:
    """Page labels beside text, a wide gap between, taken off the text: `Page 3` or
    `第 3 頁` anywhere; a bare number only on a page's first or last line, beside text that
    another page has there too (a running head), and not when the line next to it ends in a
    number too (a table's figures)."""
    glued = {i: found for i, (_, text) in enumerate(items) if (found := _glued(text))}
    texts = {i: text for i, (text, _) in glued.items()}
    bare = {i for i, (_, label) in glued.items() if re.fullmatch(_NUMBER, label)}
    pages = _pages(items)
    at_edges = Counter(
        _same(texts.get(i, items[i][1])) for page in pages for i in {page[0], page[-1]}
    )
    for page in pages:
        for position, index in enumerate(page):
            if index in bare:
                inward = page[1:2] if position == 0 else page[position - 1 : position]
                edge = position in (0, len(page) - 1) and not set(inward) & bare
                if not edge or at_edges[_same(texts[index])] < 2:
                    continue
            if index in texts:
                items[index] = (items[index][0], texts[index])


def _glued(text: str) -> tuple[str, str] | None:
    """The text and the page label of a line that has one beside it, a wide gap between."""
    stripped = text.rstrip()
    found = _LABEL_AT_END.search(stripped, max(0, len(stripped) - _LONGEST_LABEL))
    if found and _is_wide_gap(stripped[: found.start()]):
        return stripped[: found.start()].rstrip(), found[0]
    body = text.lstrip()
    found = _LABEL_AT_START.match(body)
    if found and _is_wide_gap(body[found.end() :], at_end=False):
        return body[found.end() :].lstrip(), found[0]
    return None


def _is_wide_gap(text: str, at_end: bool = True) -> bool:
    """Text ending (or, not `at_end`, starting) in a tab or 3+ spaces, with text beyond."""
    rest = text.rstrip() if at_end else text.lstrip()
    gap = text[len(rest) :] if at_end else text[: len(text) - len(rest)]
    return bool(rest.strip()) and (len(gap) >= 3 or "\t" in gap)


def _same(text: str) -> str:
    return " ".join(text.split())


def _mark_running_lines(items: list[Line], removed: set[int]) -> None:
    """Headers/footers: lines recurring at the top or bottom of most pages (digits aside),
    or of most pages of their own language."""
    for depth in range(_DEPTH):
        pages = [[i for i in page if i not in removed] for page in _pages(items)]
        pages = [page for page in pages if page]
        if len(pages) < 2:
            return
        languages = [_page_language(items, page) for page in pages]
        for edge in (0, -1):
            ends = [page[edge] for page in pages]
            for index in ends:
                if is_page_number(items[index][1]):
                    removed.add(index)
            keys = {i: _running_key(items[i][1]) for i in ends}
            for key in set(keys.values()) - {""}:
                holders = [i for i in ends if keys[i] == key]
                if _is_running([items[i][1] for i in holders], languages, depth == 0):
                    removed.update(holders)


def _page_language(items: list[Line], page: list[int]) -> str | None:
    said = Counter(line_language(items[index][1]) for index in page)
    said.pop(None, None)
    return said.most_common(1)[0][0] if said else None


def _is_running(texts: list[str], languages: list[str | None], at_edge: bool) -> bool:
    """On most pages (two alike could be chance: keep the text), or on most pages of its own
    language; the very first or last line of two such pages if it is the same line."""
    if len(texts) >= max(3, len(languages) // 2 + 1):
        return True
    language = line_language(texts[0])
    own = sum(1 for found in languages if found == language) if language else len(languages)
    if len(texts) >= max(3, own // 2 + 1):
        return True
    same = len({_same(text) for text in texts}) == 1
    return at_edge and same and len(languages) >= 3 and len(texts) >= max(2, own // 2 + 1)


def _running_key(text: str) -> str:
    """Page numbers aside, what a running line repeats; "" for prose, which never runs."""
    if ends_sentence(text) or len(text.strip()) > 80:
        return ""
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _is_at_edge(items: list[Line], index: int, removed: set[int]) -> bool:
    """Next to a page break, a blank line or either end of the file."""

    def is_edge(i: int) -> bool:
        return i < 0 or i >= len(items) or items[i] is _BREAK or not items[i][1].strip()

    def neighbour(i: int, step: int) -> int:
        while 0 <= i < len(items) and i in removed and items[i] is not _BREAK:
            i += step
        return i

    return is_edge(neighbour(index - 1, -1)) or is_edge(neighbour(index + 1, 1))


def _resolve_breaks(items: list[Line]) -> list[Line]:
    """A break after closing punctuation ends the paragraph; otherwise the text runs on."""
    lines: list[Line] = []
    pending = False
    for item in items:
        if item is _BREAK:
            while lines and not lines[-1][1].strip():
                lines.pop()
            pending = True
        elif not item[1].strip():
            if not pending:
                lines.append(item)
        else:
            if pending and lines and ends_sentence(lines[-1][1]):
                lines.append((item[0], ""))
            pending = False
            lines.append(item)
    return lines


def _drop_line_spacing(lines: list[Line]) -> list[Line]:
    """Some tools (pdfminer) put a blank line after every line. Blank lines in the middle
    of sentences say so, and then one blank line is line spacing, not a paragraph break:
    it goes, and re-flow finds the paragraphs as in text without blank lines."""
    gaps = {
        index
        for index in range(1, len(lines) - 1)
        if not lines[index][1].strip()
        and lines[index - 1][1].strip()
        and lines[index + 1][1].strip()
    }
    inside = sum(1 for index in gaps if _goes_on(lines[index - 1][1], lines[index + 1][1]))
    if inside < 3 or 4 * inside < len(gaps):
        return lines
    return [line for index, line in enumerate(lines) if index not in gaps]


def _goes_on(before: str, after: str) -> bool:
    """The sentence goes on across the gap: `…thank our` / `members…`, `un‐` / `wavering`."""
    if ends_sentence(before):
        return False
    return ends_in_break_hyphen(before.rstrip()) or after.lstrip()[:1].islower()
