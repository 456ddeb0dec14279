"""Which cells of an alignment table to search: all of a small one, a band along the
lengths' diagonal of a large one.

Both aligners (paragraphs at ingest, sentences in a paragraph) are dynamic programs over an
English × Chinese table; searched whole, a paragraph of 500 sentences a side costs 250,000
cells and a minute. A translation stays near the diagonal its lengths draw: after the first
40 % of the English characters comes about the first 40 % of the Chinese ones. So a large
table is searched only within `width` units of that diagonal, and time grows linearly.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

FULL_SEARCH_UP_TO = 20_000  # cells (English × Chinese units) searched whole: ~140 a side
BAND_WIDTH = 20  # Chinese units searched either side of the diagonal in a larger table


def rows(
    en_lengths: Sequence[int], zh_lengths: Sequence[int], width: int = BAND_WIDTH
) -> list[range]:
    """For each English position 0..n, the Chinese positions 0..m to search.

    Every band reaches from (0, 0) to (n, m), and consecutive rows overlap, so an aligner
    that may leave a unit alone always finds a path; one that may not widens the band
    (`widened`) when none is found.
    """
    n, m = len(en_lengths), len(zh_lengths)
    if (n + 1) * (m + 1) <= FULL_SEARCH_UP_TO or width >= m:
        return [range(m + 1)] * (n + 1)
    en_ends = list(itertools.accumulate(en_lengths, initial=0))
    zh_ends = list(itertools.accumulate(zh_lengths, initial=0))
    scale = zh_ends[-1] / max(en_ends[-1], 1)
    centres = [bisect.bisect_left(zh_ends, at * scale) for at in en_ends[:-1]] + [m]
    # A row reaches up to the next row's centre too: consecutive rows always overlap.
    return [
        range(max(0, centre - width), min(m, following + width) + 1)
        for centre, following in zip(centres, [*centres[1:], m], strict=True)
    ]


def widened(width: int) -> int:
    """The next band to try when one finds no path."""
    return width * 2
