"""PDF page furniture: page numbers, running headers and footers, and page breaks.

Text extracted from a printed guide keeps what the printer put around the text: a form feed
between pages, a page number, a header or footer repeated on every page. We drop those, and
decide at each page break whether the paragraph goes on (no closing punctuation before the
break) or a new one starts, so that re-flow sees one continuous text.
"""

from __future__ import annotations

import re
from collections import Counter

from .blocks import ends_sentence

Line = tuple[int, str]  # (1-based line number in the source, text); "" is a blank line
_BREAK = (0, "\f")  # a page break marker in the item stream

_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?"  # 3, - 3 -
    r"|(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"  # Page 3, Page 3 of 12
    r"|\d{1,3}\s*/\s*\d{1,3}"  # 3 / 12
    r"|第\s*\d{1,3}\s*[頁页](?:\s*[，,/]?\s*共\s*\d{1,3}\s*[頁页])?",  # 第 3 頁
    re.IGNORECASE,
)
_DEPTH = 2  # a header may be two lines deep: a title line and a page-number line


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def remove_furniture(text: str) -> list[Line]:
    """The source lines without page furniture; page breaks become a blank line or nothing."""
    items = _split_pages(text)
    removed: set[int] = set()  # indexes into items
    _mark_running_lines(items, removed)
    for index, (_, line) in enumerate(items):
        if is_page_number(line) and _is_at_edge(items, index, removed):
            removed.add(index)
            items[index] = _BREAK  # a page number marks where a page ended
    kept = [item for index, item in enumerate(items) if index not in removed or item is _BREAK]
    return _resolve_breaks(kept)


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


def _mark_running_lines(items: list[Line], removed: set[int]) -> None:
    """Headers/footers: lines recurring at the top or bottom of most pages (digits aside)."""
    for _ in range(_DEPTH):
        pages = [[i for i in page if i not in removed] for page in _pages(items)]
        pages = [page for page in pages if page]
        if len(pages) < 2:
            return
        for edge in (0, -1):
            ends = [page[edge] for page in pages]
            for index in ends:
                if is_page_number(items[index][1]):
                    removed.add(index)
            keys = {i: _running_key(items[i][1]) for i in ends}
            counts = Counter(keys.values())
            needed = max(3, len(pages) // 2 + 1)  # two alike could be chance: keep the text
            removed.update(i for i in ends if keys[i] and counts[keys[i]] >= needed)


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
