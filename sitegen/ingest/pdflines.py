"""A PDF page's characters gathered into text lines, column by column.

pdfminer gives characters with their boxes; its own line finder splits justified lines and
reorders them, so lines are built here: a page's columns are found by the empty vertical
gutter between them, and within a column characters sharing a baseline make a line, in x
order, with a space wherever the gap between two characters is as wide as one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.scripts import is_cjk

_NO_SPACE_BEFORE = set("-\u2010\u2011\u00ad,.;:!?)]}’”%")
_NO_SPACE_AFTER = set("([{‘“$")
_GUTTER = 0.8  # a column gutter is at least this many times the body text size wide


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    y: float  # baseline: larger is higher on the page
    size: float  # font size of most of its characters
    bold: bool
    column: int  # 0 for the left (or only) column


@dataclass(frozen=True)
class PageLines:
    number: int  # 1-based
    lines: tuple[Line, ...]  # column by column, top to bottom


@dataclass(frozen=True)
class _Char:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool


def page_lines(layout: object, number: int) -> PageLines:
    """The lines of one pdfminer LTPage."""
    chars = [c for c in _chars(layout) if c.text.strip() or c.text == " "]
    columns = _split_columns(chars)
    lines = [line for index, column in enumerate(columns) for line in _lines(column, index)]
    return PageLines(number, tuple(lines))


def _chars(item: object) -> list[_Char]:
    from pdfminer.layout import LTChar

    found = []
    for child in item:  # type: ignore[attr-defined]
        if isinstance(child, LTChar):
            if child.upright and child.size > 0:
                bold = "bold" in child.fontname.lower() or "black" in child.fontname.lower()
                found.append(
                    _Char(child.get_text(), child.x0, child.x1, child.y0, child.size, bold)
                )
        elif hasattr(child, "__iter__"):
            found += _chars(child)  # figures and other containers
    return found


def _split_columns(chars: list[_Char]) -> list[list[_Char]]:
    """Left and right of the widest empty gutter in the middle of the text, if any."""
    visible = [c for c in chars if c.text.strip()]
    if len(visible) < 40:
        return [chars]
    left, right = min(c.x0 for c in visible), max(c.x1 for c in visible)
    size = sorted(c.size for c in visible)[len(visible) // 2]
    covered = sorted((c.x0, c.x1) for c in visible)
    best, reach = None, covered[0][1]
    for start, end in covered[1:]:
        gap = start - reach
        middle = left + 0.2 * (right - left) <= (start + reach) / 2 <= left + 0.8 * (right - left)
        if gap >= _GUTTER * size and middle and (best is None or gap > best[1] - best[0]):
            best = (reach, start)
        reach = max(reach, end)
    if best is None:
        return [chars]
    cut = (best[0] + best[1]) / 2
    return [[c for c in chars if c.x1 <= cut], [c for c in chars if c.x0 >= cut]]


def _lines(chars: list[_Char], column: int) -> list[Line]:
    """Characters on one baseline (within a third of their size) make a line."""
    rows: list[list[_Char]] = []
    for char in sorted(chars, key=lambda c: -c.y):
        if rows and abs(rows[-1][0].y - char.y) <= 0.35 * max(char.size, rows[-1][0].size):
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = [_line(_without_overlapping_spaces(row), column) for row in rows]
    return [line for line in lines if line.text]


def _without_overlapping_spaces(row: list[_Char]) -> list[_Char]:
    """The row in x order, minus space glyphs drawn under the next character (Chromium puts
    one under the hyphen it adds at a line break)."""
    row = sorted(row, key=lambda c: c.x0)
    return [
        char
        for char, following in zip(row, [*row[1:], None], strict=True)
        if not (char.text == " " and following is not None and following.x0 < char.x1 - 1)
    ]


def _may_space(before: str, after: str, text: str) -> bool:
    """Whether a gap between two characters can be a space: never before closing
    punctuation or a hyphen (a glyph set apart by justification), nor after an opening one."""
    if after == " " or text.endswith(" "):
        return False
    return after[:1] not in _NO_SPACE_BEFORE and before[-1:] not in _NO_SPACE_AFTER


def _line(row: list[_Char], column: int) -> Line:
    text = ""
    previous: _Char | None = None
    for char in row:
        if previous is not None and _may_space(previous.text, char.text, text):
            gap = char.x0 - previous.x1
            both_cjk = is_cjk(char.text[:1]) and is_cjk(previous.text[-1:])
            if gap > (0.9 if both_cjk else 0.2) * char.size:
                text += " "
        text += char.text
        previous = char
    visible = [c for c in row if c.text.strip()] or row
    sizes = sorted(c.size for c in visible)
    bold = sum(c.bold for c in visible) > len(visible) / 2
    return Line(
        " ".join(text.split()),
        min(c.x0 for c in visible),
        max(c.x1 for c in visible),
        min(c.y for c in visible),
        round(sizes[len(sizes) // 2], 1),
        bold,
        column,
    )
