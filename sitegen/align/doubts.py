"""Why a paragraph pair may be wrongly paired: the reasons ingest writes beside the pair and
`check` repeats, so an editor reviews the few pairs that need it, not all of them."""

from __future__ import annotations

import math
from collections.abc import Iterable

from .consistency import find_inconsistencies
from .paragraphs import VARIANCE, text_length
from .sentences import length_ratio

MAX_DEVIATION = 3.0  # standard deviations of the length difference (Gale & Church)


def pair_doubts(en: str, zh: str, ratio: float) -> list[str]:
    """Reasons to look at a pair: numbers or names one side lacks (consistency.py), or
    lengths that differ far more than this document's translations usually do (`ratio`:
    Chinese length per English length)."""
    length = length_doubt(en, zh, ratio)
    return find_inconsistencies(en, zh) + ([length] if length else [])


def length_doubt(en: str, zh: str, ratio: float) -> str | None:
    """Whether one side is far longer than a translation of the other would be."""
    expected, found = text_length(en) * ratio, text_length(zh)
    deviation = (found - expected) / math.sqrt(VARIANCE * max((expected + found) / 2, 1))
    if abs(deviation) <= MAX_DEVIATION:
        return None
    longer = "Chinese" if deviation > 0 else "English"
    return f"the {longer} is much longer than a translation of the other side would be"


def document_doubts(pairs: Iterable[tuple[str, str, bool]]) -> dict[int, list[str]]:
    """Doubts per pair index for a document's (en, zh, is_heading) pairs; headings aside."""
    pairs = list(pairs)
    ratio = length_ratio((en, zh) for en, zh, heading in pairs if not heading)
    found = {}
    for index, (en, zh, heading) in enumerate(pairs):
        reasons = [] if heading else pair_doubts(en, zh, ratio)
        if reasons:
            found[index] = reasons
    return found
