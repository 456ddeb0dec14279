"""A PDF's lines laid out as one-language paragraphs and headings.

Page furniture goes first: the lines at a page's top and bottom edge that are page numbers,
repeat at that edge on other pages (digits aside: "Annual Report 2024 · Page 3"), or sit
apart from the body in a smaller type. Then each stream of text (a column that keeps to one
language across pages, or else the page's columns in reading order) is cut into paragraphs
where the gap between lines opens up, the type changes, the language changes, a line is
indented after a sentence ends, or a sentence ends on a short line. Larger or bold lines
are headings.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

from ..text.scripts import EN, line_language
from .blocks import Block, ends_sentence
from .furniture import is_page_number
from .pdflines import Line, PageLines

_EDGE_LINES = 2  # a header or footer is at most two lines deep
_PAGE_LABEL = re.compile(r"(?:page|p\.|第)\s*\d{1,4}\s*[頁页]?\s*$|\s\d{1,4}$", re.IGNORECASE)

Placed = tuple[int, Line]  # (page number, line)


def layout_blocks(pages: list[PageLines]) -> tuple[list[Block], list[str]]:
    """Blocks in reading order, and the furniture dropped ("page N: text")."""
    kept, dropped = _drop_furniture(pages)
    body = _body_size(line for _, line in kept)
    pitch = _typical_pitch(kept, body)
    blocks = []
    for stream in _streams(kept):
        blocks += _paragraphs(stream, body, pitch)
    return blocks, dropped


def _drop_furniture(pages: list[PageLines]) -> tuple[list[Placed], list[str]]:
    edges = {page.number: _edge_candidates(page) for page in pages}
    keys = Counter((where, _key(line.text)) for found in edges.values() for where, line in found)
    body = _body_size(line for page in pages for line in page.lines)
    removed: set[int] = set()
    dropped = []
    for page in pages:
        for where, line in edges[page.number]:
            repeated = keys[(where, _key(line.text))] >= 2 and not ends_sentence(line.text)
            small = line.size < 0.85 * body
            if is_page_number(line.text) or repeated or small:
                removed.add(id(line))
                dropped.append(f"page {page.number}: {line.text}")
    kept = [(p.number, line) for p in pages for line in p.lines if id(line) not in removed]
    return kept, dropped


def _edge_candidates(page: PageLines) -> list[tuple[str, Line]]:
    """The top and bottom lines of a page (across its columns)."""
    ordered = sorted(page.lines, key=lambda line: -line.y)
    top = [("top", line) for line in ordered[:_EDGE_LINES]]
    bottom = [("bottom", line) for line in ordered[max(_EDGE_LINES, len(ordered) - _EDGE_LINES) :]]
    return top + bottom


def _key(text: str) -> str:
    """What a running line repeats: digits (page numbers, years) aside."""
    return re.sub(r"\d+", "#", _PAGE_LABEL.sub("", " ".join(text.split())))


def _body_size(lines: Iterable[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _typical_pitch(kept: list[Placed], body: float) -> float:
    """The usual distance between the baselines of two lines of body text."""
    pitches = [
        a.y - b.y
        for (pa, a), (pb, b) in itertools.pairwise(kept)
        if pa == pb
        and a.column == b.column
        and a.size == b.size == body
        and 0 < a.y - b.y < 3 * body
    ]
    return sorted(pitches)[len(pitches) // 2] if pitches else 1.2 * body


def _streams(kept: list[Placed]) -> list[list[Placed]]:
    """A column whose lines keep to one language is read across pages on its own (English
    left, Chinese right); otherwise the page's columns follow each other."""
    columns: dict[int, list[Placed]] = {}
    for placed in kept:
        columns.setdefault(placed[1].column, []).append(placed)
    if len(columns) > 1 and all(_is_one_language(lines) for lines in columns.values()):
        return [columns[index] for index in sorted(columns)]
    return [kept]


def _is_one_language(lines: list[Placed]) -> bool:
    found = Counter(line_language(line.text) for _, line in lines)
    found.pop(None, None)
    return bool(found) and found.most_common(1)[0][1] >= 0.9 * sum(found.values())


def _paragraphs(stream: list[Placed], body: float, pitch: float) -> list[Block]:
    groups: list[tuple[str, list[Placed]]] = []
    language: str | None = None
    margins = _margins(stream)
    for placed in stream:
        language = line_language(placed[1].text, language) or language or EN
        if not groups or _starts_paragraph(groups[-1], placed, margins, pitch, language):
            groups.append((language, []))
        groups[-1][1].append(placed)
    return [_block(language, placed, body) for language, placed in groups]


def _starts_paragraph(
    group: tuple[str, list[Placed]],
    current: Placed,
    margins: dict[tuple[int, int], tuple[float, float]],
    pitch: float,
    language: str,
) -> bool:
    (page_a, a), (page_b, b) = group[1][-1], current
    if group[0] != language or abs(a.size - b.size) > 0.1 * b.size:
        return True
    if a.bold != b.bold:
        return True
    if page_a != page_b or a.column != b.column:
        return ends_sentence(a.text)  # a page break inside a paragraph does not end it
    if a.y - b.y > 1.4 * pitch:
        return True
    left, right = margins[page_b, b.column]
    indented = b.x0 - left > 0.8 * b.size
    short = right - a.x1 > 2.5 * a.size
    return ends_sentence(a.text) and (indented or short)


def _margins(stream: list[Placed]) -> dict[tuple[int, int], tuple[float, float]]:
    """Per (page, column): the left edge most of its lines share, and the right edge."""
    lines: dict[tuple[int, int], list[Line]] = {}
    for page, line in stream:
        lines.setdefault((page, line.column), []).append(line)
    return {
        key: (
            Counter(round(line.x0) for line in found).most_common(1)[0][0] - 0.5,
            max(line.x1 for line in found),
        )
        for key, found in lines.items()
    }


def _block(language: str, placed: list[Placed], body: float) -> Block:
    lines = [line for _, line in placed]
    larger = all(line.size >= 1.15 * body for line in lines)
    bold = all(line.bold for line in lines) and len(lines) <= 2
    is_heading = (larger or bold) and not ends_sentence(lines[-1].text)
    texts = [(page, line.text) for page, line in placed]
    return Block(language, texts, "heading" if is_heading else "paragraph")
