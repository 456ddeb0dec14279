"""Alignment of English and Chinese paragraphs at ingest.

Gale & Church (1993): dynamic programming over the two sequences, where each step takes a
"bead" of 1-3 units from each side and costs the improbability of their length ratio plus the
bead's prior. Chinese uses far fewer characters than English, so the expected ratio is
calibrated on the document itself. Lengths alone can be fooled (a long English paragraph
translated tersely), so anchors both sides share - numbers, years, acronyms such as AI, 5G,
ICT, CAHK - add a cost for every anchor a bead leaves unmatched.

Every unit gets a partner: there are no 1:0 or 0:1 beads, so a paragraph translated as two
is merged rather than left with an empty half.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from ..text.numbers import anchor_keys
from ..text.sentences import ends_quotation
from .band import BAND_WIDTH, rows, widened
from .lexical import Evidence, evidence

Bead = tuple[tuple[int, ...], tuple[int, ...]]  # (English indexes, Chinese indexes)

# Prior probability of each bead shape (Gale & Church's, with 1:3 and 3:1 added, 1:0 dropped).
PRIORS = {(1, 1): 0.89, (1, 2): 0.0445, (2, 1): 0.0445, (2, 2): 0.011, (1, 3): 0.005, (3, 1): 0.005}
VARIANCE = 6.8  # Gale & Church's variance of the length difference per character
ANCHOR_WEIGHT = 4.0  # cost of one anchor in a bead that the other side of the bead lacks
LEXICAL_WEIGHT = 0.5  # the dictionary's evidence (lexical.py), as in sentence alignment
LEXICAL_UP_TO = 3600  # paragraph pairs to weigh (English × Chinese); beyond, lengths alone


QUOTATION_END = "\x00quotation-end"  # an anchor no text can hold: a speech ends here


def measured(texts: Sequence[str], language: str) -> tuple[list[int], list[Counter[str]]]:
    """Each text's length and anchors (by value, as both aligners compare them: `$3
    billion` meets `30 億`), among them the end of a quotation (dialogue in a novel: the
    translation closes the speech where the original does)."""
    anchors = []
    for text in texts:
        keys = anchor_keys(text, language)
        if ends_quotation(text, language):
            keys = keys.copy()
            keys[QUOTATION_END] += 1
        anchors.append(keys)
    return [text_length(t) for t in texts], anchors


def text_length(text: str) -> int:
    """Characters other than whitespace (str.split splits at exactly str.isspace)."""
    return len("".join(text.split()))


def align_texts(
    en: Sequence[str],
    zh: Sequence[str],
    *,
    en_kinds: Sequence[str] | None = None,
    zh_kinds: Sequence[str] | None = None,
    anchor_weight: float = ANCHOR_WEIGHT,
) -> list[Bead]:
    """The cheapest monotonic pairing of all units, as beads in reading order.

    Units of different kinds (heading, paragraph) are only grouped when no alignment is
    possible otherwise. Both sequences must be non-empty.
    """
    if not en or not zh:
        raise ValueError("alignment needs at least one unit on each side")
    en_kinds = list(en_kinds or ["paragraph"] * len(en))
    zh_kinds = list(zh_kinds or ["paragraph"] * len(zh))
    widest = max(3, math.ceil(max(len(en), len(zh)) / min(len(en), len(zh))))
    wide = {**PRIORS, **{(1, k): 0.001 / k for k in range(4, widest + 1)}}
    wide.update({(k, 1): 0.001 / k for k in range(4, widest + 1)})
    aligner = _Aligner(en, zh, anchor_weight)
    if len(en) != len(zh) and len(en) * len(zh) <= LEXICAL_UP_TO:
        aligner.lexical = evidence(en, zh)  # which paragraphs to join: words can tell
    width = BAND_WIDTH
    while True:  # a band too narrow for any path (no unit may stay alone) is widened
        band = rows(aligner.en_lengths, aligner.zh_lengths, width)
        for shapes, kinds in ((PRIORS, True), (wide, True), (wide, False)):
            beads = aligner.run(shapes, (en_kinds, zh_kinds) if kinds else None, band)
            if beads is not None:
                return beads
        if len(band[0]) == len(zh) + 1:  # pragma: no cover - the whole table always aligns
            raise AssertionError("the widest beads always align")
        width = widened(width)


class _Aligner:
    def __init__(self, en: Sequence[str], zh: Sequence[str], anchor_weight: float) -> None:
        self.en_lengths, self.en_anchors = measured(en, "en")
        self.zh_lengths, self.zh_anchors = measured(zh, "zh")
        self.ratio = max(sum(self.zh_lengths), 1) / max(sum(self.en_lengths), 1)
        self.weights = anchor_weights(self.en_anchors, self.zh_anchors, anchor_weight)
        self.lexical: Evidence | None = None

    def run(
        self, shapes: dict, kinds: tuple[list[str], list[str]] | None, band: list[range]
    ) -> list[Bead] | None:
        n, m = len(self.en_lengths), len(self.zh_lengths)
        cost: list[dict[int, float]] = [{} for _ in range(n + 1)]
        back: dict[tuple[int, int], tuple[int, int]] = {}
        cost[0][0] = 0.0
        for i in range(n + 1):
            for j in band[i]:
                for a, b in shapes:
                    if a > i or cost[i - a].get(j - b, math.inf) == math.inf:
                        continue
                    if kinds and len({*kinds[0][i - a : i], *kinds[1][j - b : j]}) > 1:
                        continue
                    total = cost[i - a][j - b] + self.bead_cost(i - a, i, j - b, j, shapes)
                    if total < cost[i].get(j, math.inf):
                        cost[i][j], back[i, j] = total, (a, b)
        if m not in cost[n]:
            return None
        beads, i, j = [], n, m
        while i or j:
            a, b = back[i, j]
            beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
            i, j = i - a, j - b
        return beads[::-1]

    def bead_cost(self, i0: int, i1: int, j0: int, j1: int, shapes: dict) -> float:
        """-log P(shape) - log P(length match) + a price per unmatched anchor."""
        expected = sum(self.en_lengths[i0:i1]) * self.ratio
        found = sum(self.zh_lengths[j0:j1])
        delta = (found - expected) / math.sqrt(VARIANCE * max((expected + found) / 2, 1))
        match = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)  # two-tailed P(|Z| > delta)
        en_anchors = sum(self.en_anchors[i0:i1], Counter())
        zh_anchors = sum(self.zh_anchors[j0:j1], Counter())
        unmatched = sum(  # only the bead's own tokens: the others differ by 0
            self.weights[token] * abs(en_anchors[token] - zh_anchors[token])
            for token in sorted(en_anchors.keys() | zh_anchors.keys())
            if token in self.weights
        )
        lexical = self.lexical.score(i0, i1 - i0, j0, j1 - j0) if self.lexical else 0.0
        prior = -math.log(shapes[i1 - i0, j1 - j0])
        return prior - math.log(match) + unmatched - LEXICAL_WEIGHT * lexical


def anchor_weights(
    en: list[Counter[str]], zh: list[Counter[str]], weight: float = 1.0
) -> dict[str, float]:
    """How much each anchor can be trusted: by how evenly the two texts use it.

    `2024` three times in each language is a reliable anchor; `AI`, written 人工智能 in most
    Chinese sentences, is a weak one; a token only one side has (the 7 of 7 月) is noise.
    """
    en_total, zh_total = sum(en, Counter()), sum(zh, Counter())
    shared = en_total.keys() & zh_total.keys()
    return {
        t: weight * min(en_total[t], zh_total[t]) / max(en_total[t], zh_total[t]) for t in shared
    }
