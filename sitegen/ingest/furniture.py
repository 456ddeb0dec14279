"""PDF page furniture: page numbers, running headers and footers, and page breaks.

Text extracted from a printed guide keeps what the printer put around the text: a form feed
between pages, a page number, a header or footer repeated on every page (in a bilingual
guide, an English one on the English pages and a Chinese one on the Chinese pages), and in
`pdftotext -layout` output a page label pushed to the right margin of a running line
(`Annual Report 2024        Page 3`). We drop those (pagelabels.py, runningheads.py), and
decide at each page break whether the paragraph goes on (no closing punctuation before the
break) or a new one starts, so that re-flow sees one continuous text.
"""

from __future__ import annotations

import re
from collections import Counter

from .dehyphenate import ends_in_break_hyphen
from .lineshapes import ends_sentence
from .pagelabels import NUMBER, glued_label, is_page_number
from .runningheads import mark_running_lines

__all__ = ["is_page_number", "remove_furniture"]

Line = tuple[int, str]  # (1-based line number in the source, text); "" is a blank line
_BREAK = (0, "\f")  # a page break marker in the item stream


def remove_furniture(
    text: str | list[Line], *, scattered: frozenset[str] | None = None
) -> list[Line]:
    """The source lines (the text's, or numbered lines that may hold form feeds) without
    page furniture; page breaks become a blank line or nothing. A text whose lines are
    `scattered` (a tool's reading order, which may put a running head anywhere on a page)
    comes with the lines on all its pages: they go wherever they are."""
    items = _split_pages(list(enumerate(text.split("\n"), 1)) if isinstance(text, str) else text)
    _unglue_page_labels(items)
    removed: set[int] = set()  # indexes into items
    mark_running_lines(items, _pages(items), removed, in_order=scattered is None)
    if scattered:
        removed.update(i for i, (_, line) in enumerate(items) if _same(line) in scattered)
    for index, (_, line) in enumerate(items):
        if is_page_number(line) and _is_at_edge(items, index, removed):
            removed.add(index)
            items[index] = _BREAK  # a page number marks where a page ended
    kept = [item for index, item in enumerate(items) if index not in removed or item is _BREAK]
    return _drop_line_spacing(_resolve_breaks(kept))


def _split_pages(lines: list[Line]) -> list[Line]:
    items: list[Line] = []
    for number, line in lines:
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
    glued = {i: found for i, (_, text) in enumerate(items) if (found := glued_label(text))}
    texts = {i: text for i, (text, _) in glued.items()}
    bare = {i for i, (_, label) in glued.items() if re.fullmatch(NUMBER, label)}
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


def _same(text: str) -> str:
    return " ".join(text.split())


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
