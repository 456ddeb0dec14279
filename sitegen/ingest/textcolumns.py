"""Two columns side by side in extracted text: one language in each, a row per pair.

A bilingual table (English left, Chinese right, one row per paragraph pair) leaves an
extraction tool in one of two shapes. `pdftotext -layout` keeps a row's halves on one
line: the right column starts at the same position on every line of a page, a run of
spaces before it (pdftotext gives each character one position, a CJK one too, so the
position is counted in characters). pdftotext's default mode and pdfminer write the
columns one after the other in chunks: a few lines of one language, then a few of the
other, or a line of each in turn (textchunks.py).

Either way we make one stream of text per column, page breaks kept (furniture removal
still sees pages), and give the first column's stream before the second's: each then
reads as ordinary text of one language. Only strong evidence splits a page: most of its
lines blank or spaced across the one position, a good share with text on both sides, and
the two sides in different languages; ordinary indented text and tables are never split.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.lookalikes import normalise_extracted
from ..text.scripts import line_language
from .textchunks import Line, Page, recurring_lines, regroup_chunks

_GAP = 2  # spaces at least between the columns
_TWO_SIDED = 0.3  # of a page's lines at least have text in both columns
_MISFITS = 0.1  # of a page's lines at most run across the gap (kept whole, by language)
_DOMINANT = 0.75  # of a column's lines at least are in its language
_CANDIDATES = 3  # the most common positions where text follows a wide gap
_NEAREST_GAPS = 4  # where a line across the boundary may be cut, the ones nearest to it
_BETWEEN = re.compile(rf"\S {{{_GAP},}}(?=\S)")


@dataclass
class Columns:
    """The text's lines (number, text), look-alikes normalised: each column's stream after
    the other if the text is in two columns of different languages, as they are otherwise.
    Page breaks stay (a line `\\f` between the pages of a stream, and between streams)."""

    lines: list[Line]
    # Regrouped from chunks, the tool's reading order within a page: the lines on every
    # page, which are furniture wherever they stand. None for text in reading order.
    scattered: frozenset[str] | None = None


def separate_columns(text: str) -> Columns:
    """The text's lines, each column's stream after the other if it has two columns.

    Columns are found before normalising, which changes the lengths of lines (a soft
    hyphen goes, a ligature becomes two letters); then the lines of a column are
    normalised as lines of their own: a soft hyphen at its end is at a line end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = split_pages(text)
    streams = _side_by_side(pages)
    chunks = None if streams else regroup_chunks(pages)
    if not (streams or chunks):
        return Columns(
            [(n, normalise_extracted(line)) for n, line in enumerate(text.split("\n"), 1)]
        )
    normalised = [
        [[(number, normalise_extracted(line)) for number, line in page] for page in stream]
        for stream in streams or chunks or []
    ]
    lines: list[Line] = []
    for stream in normalised:
        for page in stream:
            if lines:
                lines.append((page[0][0] if page else lines[-1][0], "\f"))
            lines += page
    return Columns(lines, recurring_lines(normalised) if chunks else None)


def split_pages(text: str) -> list[Page]:
    """The text's pages (at form feeds, which may fall inside a line), each a list of its
    lines (number, text)."""
    pages: list[Page] = [[]]
    for number, line in enumerate(text.split("\n"), 1):
        for index, part in enumerate(line.split("\f")):
            if index:
                pages.append([])
            pages[-1].append((number, part))
    return pages


def _side_by_side(pages: list[Page]) -> list[list[Page]] | None:
    """The left and the right column's streams, if most of the text is in two columns."""
    boundaries = [_boundary(page) for page in pages]
    rows = [sum(1 for _, text in page if text.strip()) for page in pages]
    split = sum(count for count, at in zip(rows, boundaries, strict=True) if at)
    if not split or 2 * split < sum(rows):
        return None
    halves = [
        [_halves(text, at) for _, text in page] if at else None
        for page, at in zip(pages, boundaries, strict=True)
    ]
    left = _language_of(side[0] for page in halves if page for side in page if side)
    right = _language_of(side[1] for page in halves if page for side in page if side)
    if not (left and right) or left == right:
        return None
    streams: list[list[Page]] = [[], []]
    for page, page_halves, at in zip(pages, halves, boundaries, strict=True):
        columns: list[Page] = [[], []]
        for index, (number, text) in enumerate(page):
            found = page_halves[index] if page_halves else None
            if found is None:  # across the gap, or a page in one column
                found = _by_language(text, left, right, at)
            columns[0].append((number, found[0]))
            columns[1].append((number, found[1]))
        streams[0].append(columns[0])
        streams[1].append(columns[1])
    return streams


def _boundary(page: Page) -> int | None:
    """Where the page's right column starts: a position that most lines leave blank, or
    have a wide gap across, and that many have text on both sides of."""
    rows = [text.rstrip() for _, text in page if text.strip()]
    starts = Counter(found.end() for text in rows for found in _BETWEEN.finditer(text))
    for column, _ in starts.most_common(_CANDIDATES):
        halves = [_halves(text, column) for text in rows]
        both = sum(1 for found in halves if found and found[0].strip() and found[1].strip())
        misfits = sum(1 for found in halves if found is None)
        if both >= max(3, _TWO_SIDED * len(rows)) and misfits <= _MISFITS * len(rows):
            return column
    return None


def _halves(text: str, column: int) -> tuple[str, str] | None:
    """The line's text left and right of `column`; None if it runs across the gap."""
    if text[max(0, column - _GAP) : column].strip():
        return None
    return text[:column].rstrip(), text[column:]


def _by_language(text: str, left: str, right: str, column: int | None) -> tuple[str, str]:
    """A line that the column boundary does not split: cut at the wide gap nearest the
    boundary that has the left's language before it and the right's after it (a running
    head wider than its column); whole, to the column of its language, if there is none."""
    gaps = sorted(
        (found.end() for found in _BETWEEN.finditer(text)),
        key=lambda at: abs(at - (column or at)),
    )
    for at in gaps[:_NEAREST_GAPS]:
        if line_language(text[:at]) == left and line_language(text[at:]) == right:
            return text[:at].rstrip(), text[at:]
    return ("", text) if line_language(text) == right else (text, "")


def _language_of(texts: Iterable[str]) -> str | None:
    """The language that most of the lines are in, if they are most of them by far."""
    found = Counter(line_language(text) for text in texts if text.strip())
    found.pop(None, None)
    if not found:
        return None
    language, count = found.most_common(1)[0]
    return language if count >= _DOMINANT * sum(found.values()) else None
