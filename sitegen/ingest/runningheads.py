"""Running heads and feet: lines that a printer repeats at the top or bottom of the pages.

A line (digits aside) at the same edge of most pages runs; so does one at the edge of most
pages of its own language, since a bilingual guide has an English head on the English
pages and a Chinese one on the Chinese pages. One line alike on two pages could be chance,
but a head in both languages alike on every page, even of two, is not. And where one
language's pages have a running head, the other language's have one too, though it runs on
one page only (a Chinese translation a page long): the line at that edge of those pages is
theirs if it is short and heading-like, with the line beside it if a tool cut the head
where its script changes (`2024` / `年數碼基建報告`).
"""

from __future__ import annotations

import re
from collections import Counter

from ..text.scripts import EN, ZH, line_language
from .lineshapes import ends_sentence, is_heading_line
from .linewidths import display_width
from .pagelabels import is_page_number

Line = tuple[int, str]  # (1-based line number in the source, text)
_DEPTH = 2  # a header may be two lines deep: a title line and a page-number line
_SHORT = 0.6  # a running line in the other language is at most this part of its page's widest


def mark_running_lines(
    items: list[Line], pages: list[list[int]], removed: set[int], *, in_order: bool = True
) -> None:
    """Headers/footers and the page numbers among them, into `removed` (indexes of `items`;
    `pages` has the indexes of each page's non-blank lines). Only if the lines are `in_order`
    does a line at a page's edge stand where the other language's running head stands."""
    for depth in range(_DEPTH):
        kept = [[i for i in page if i not in removed] for page in pages]
        kept = [page for page in kept if page]
        if len(kept) < 2:
            return
        languages = [_page_language(items, page) for page in kept]
        for edge in (0, -1):
            ends = [page[edge] for page in kept]
            for index in ends:
                if is_page_number(items[index][1]):
                    removed.add(index)
            keys = {i: _running_key(items[i][1]) for i in ends}
            running: set[int] = set()
            for key in set(keys.values()) - {""}:
                holders = [i for i in ends if keys[i] == key]
                if _is_running([items[i][1] for i in holders], languages, depth == 0):
                    running.update(holders)
            if depth == 0 and in_order:
                running |= _in_both_languages(items, kept, edge)
                running |= _in_other_language(items, kept, languages, edge, running)
            removed |= running


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
    same = len({" ".join(text.split()) for text in texts}) == 1
    return at_edge and same and len(languages) >= 3 and len(texts) >= max(2, own // 2 + 1)


def _in_both_languages(items: list[Line], pages: list[list[int]], edge: int) -> set[int]:
    """A running head in both languages at `edge` of every page, even of two: one line
    with an English and a Chinese part, a wide gap between, or an English and a Chinese
    line one after the other. Two pages alike in both languages are no chance."""
    rows = [(page if edge == 0 else page[::-1])[:2] for page in pages]

    def alike(depth: int) -> bool:  # the same line on every page, `depth` lines in
        texts = {" ".join(items[row[depth]][1].split()) for row in rows if len(row) > depth}
        return len(texts) == 1 and all(len(row) > depth for row in rows)

    if not alike(0):
        return set()
    parts = re.split(r"\s{3,}|\t", items[rows[0][0]][1].strip())
    if len(parts) == 2 and _one_of_each(parts):
        return {row[0] for row in rows}
    if alike(1) and _one_of_each([items[index][1] for index in rows[0]]):
        return {index for row in rows for index in row}
    return set()


def _one_of_each(texts: list[str]) -> bool:
    """Two running-line texts, one English and one Chinese."""
    languages = {line_language(text) for text in texts if _running_key(text)}
    return len(texts) == 2 and languages == {EN, ZH}


def _in_other_language(
    items: list[Line],
    pages: list[list[int]],
    languages: list[str | None],
    edge: int,
    running: set[int],
) -> set[int]:
    """When the pages of one language have a running line at `edge`, the line at that
    edge of each page of the other language, if it is short and heading-like; with the
    line next to it if it says no language (`2024` / `年數碼基建報告`: a tool cut the head
    where the script changes)."""
    headed = {
        language for page, language in zip(pages, languages, strict=True) if page[edge] in running
    }
    if len(headed - {None}) != 1:
        return set()
    found = set()
    for page, language in zip(pages, languages, strict=True):
        if language in headed or language is None or page[edge] in running:
            continue
        inward = page if edge == 0 else page[::-1]
        head = inward[:2] if line_language(items[inward[0]][1]) is None else inward[:1]
        widest = max(display_width(items[index][1].strip()) for index in page)
        if all(_may_run(items[index][1], language, widest) for index in head):
            found.update(head)
    return found


def _may_run(text: str, language: str, widest: int) -> bool:
    """Short (by far, beside the widest line of its page) and heading-like."""
    short = display_width(text.strip()) <= _SHORT * widest
    return short and bool(_running_key(text)) and is_heading_line(text, language)


def _running_key(text: str) -> str:
    """Page numbers aside, what a running line repeats; "" for prose, which never runs."""
    if ends_sentence(text) or len(text.strip()) > 80:
        return ""
    return re.sub(r"\d+", "#", " ".join(text.split()))
