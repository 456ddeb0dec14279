"""Sentence alignment inside one paragraph pair: which English sentences say what which
Chinese sentences say.

The paragraph aligner's method (sitegen.align, Gale & Church 1993) at sentence scale: dynamic
programming over beads of 1:1, 1:2, 2:1, 2:2 and, as a last resort, 1:3 / 3:1 sentences, each
costing the improbability of its length ratio (calibrated on the whole document, not on one
paragraph) plus a price for every anchor it leaves unmatched. Anchors are normalised values
(sitegen.numbers): `$3 billion` meets `30 億`, `three-year` meets `三年`, `AI` meets `人工智能`.
There are no 1:0 or 0:1 beads: every sentence shares a group with a sentence of the other
language.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text.numbers import anchor_keys
from ..text.sentences import split_chinese, split_english
from .paragraphs import PRIORS, VARIANCE, text_length

DEFAULT_RATIO = 0.3  # Chinese characters per English one in Hong Kong government text
ANCHOR_WEIGHT = 4.0  # cost of an unmatched anchor that both sides of the paragraph use evenly
SHAPE_CONFIDENCE = {(1, 1): 1.0, (1, 2): 0.9, (2, 1): 0.9, (2, 2): 0.75, (1, 3): 0.6, (3, 1): 0.6}
Shape = tuple[int, int]


@dataclass(frozen=True)
class SentenceGroup:
    en: str  # one or more consecutive English sentences, concatenated
    zh: str  # one or more consecutive Chinese sentences, concatenated
    confidence: float  # 0..1; low means a reviewer should look


def length_ratio(pairs: Iterable[tuple[str, str]]) -> float:
    """Chinese length per English length over a whole document (DEFAULT_RATIO if empty)."""
    en_total = zh_total = 0
    for en, zh in pairs:
        en_total, zh_total = en_total + text_length(en), zh_total + text_length(zh)
    return zh_total / en_total if en_total and zh_total else DEFAULT_RATIO


def align_sentences(en: str, zh: str, ratio: float) -> list[SentenceGroup]:
    """The paragraph pair as aligned groups; their texts join back to `en` and `zh` exactly.

    A side without any text leaves one group with confidence 0 (nothing can be aligned).
    """
    en_parts, zh_parts = split_english(en), split_chinese(zh)
    if not en_parts or not zh_parts:
        return [SentenceGroup(en, zh, 0.0)] if en or zh else []
    if not (math.isfinite(ratio * text_length(en)) and ratio > 0):
        ratio = DEFAULT_RATIO  # none, negative, or so large that expected lengths overflow
    aligner = _Aligner(en_parts, zh_parts, ratio)
    groups, i, j = [], 0, 0
    for a, b in aligner.best_shapes():
        group = SentenceGroup(
            "".join(en_parts[i : i + a]),
            "".join(zh_parts[j : j + b]),
            aligner.confidence(i, j, a, b),
        )
        groups.append(group)
        i, j = i + a, j + b
    return groups


class _Aligner:
    def __init__(self, en: Sequence[str], zh: Sequence[str], ratio: float) -> None:
        self.en_lengths = [text_length(t) for t in en]
        self.zh_lengths = [text_length(t) for t in zh]
        self.en_anchors = [anchor_keys(t, "en") for t in en]
        self.zh_anchors = [anchor_keys(t, "zh") for t in zh]
        self.ratio = ratio
        en_total, zh_total = sum(self.en_anchors, Counter()), sum(self.zh_anchors, Counter())
        # An anchor both sides use as often is trusted fully; one side only: not at all.
        self.weights = {
            key: min(en_total[key], zh_total[key]) / max(en_total[key], zh_total[key])
            for key in en_total.keys() & zh_total.keys()
        }

    def best_shapes(self) -> list[Shape]:
        """The cheapest sequence of bead shapes covering both sides."""
        n, m = len(self.en_lengths), len(self.zh_lengths)
        widest = math.ceil(max(n, m) / min(n, m))
        shapes = dict(PRIORS)
        if widest > 3:  # only reachable with wider beads: allow them, at a high price
            shapes |= {s: 0.001 / k for k in range(4, widest + 1) for s in ((1, k), (k, 1))}
        cost = {(0, 0): 0.0}
        back: dict[tuple[int, int], Shape] = {}
        for i in range(n + 1):
            for j in range(m + 1):
                for (a, b), prior in shapes.items():
                    if (i - a, j - b) not in cost:
                        continue
                    total = cost[i - a, j - b] - math.log(prior) + self.cost(i - a, j - b, a, b)
                    if total < cost.get((i, j), math.inf):
                        cost[i, j], back[i, j] = total, (a, b)
        path, i, j = [], n, m
        while i or j:
            a, b = back[i, j]
            path.append((a, b))
            i, j = i - a, j - b
        return path[::-1]

    def deviation(self, i: int, j: int, a: int, b: int) -> float:
        """How many standard deviations the Chinese length is from the expected one."""
        expected = sum(self.en_lengths[i : i + a]) * self.ratio
        found = sum(self.zh_lengths[j : j + b])
        return (found - expected) / math.sqrt(VARIANCE * max((expected + found) / 2, 1))

    def unmatched(self, i: int, j: int, a: int, b: int, *, counts: bool = True) -> float:
        """Trusted anchors one side of the bead has more often than the other (weighted);
        with `counts` False, only those one side has and the other lacks altogether."""
        en, zh = _merged(self.en_anchors[i : i + a]), _merged(self.zh_anchors[j : j + b])
        total = 0.0
        # Only keys the bead has can count; sorted, so the float sum never depends on
        # the hash seed (builds are byte-identical).
        for key in sorted(en.keys() | zh.keys()):
            weight = self.weights.get(key)
            if weight:
                here, there = en.get(key, 0), zh.get(key, 0)
                if counts:
                    total += weight * abs(here - there)
                elif (here > 0) != (there > 0):
                    total += weight
        return total

    def cost(self, i: int, j: int, a: int, b: int) -> float:
        """-log P(length match) + a price per unmatched anchor (the prior is the caller's)."""
        delta = self.deviation(i, j, a, b)
        match = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)  # two-tailed P(|Z| > delta)
        return -math.log(match) + ANCHOR_WEIGHT * self.unmatched(i, j, a, b)

    def confidence(self, i: int, j: int, a: int, b: int) -> float:
        """shape × exp(-δ²/8) × exp(-u/2), in 0..1.

        shape is 1 for 1:1, 0.9 for 1:2 and 2:1, 0.75 for 2:2, 0.6 for 1:3 and 3:1, 0.4 wider;
        δ is the length deviation in standard deviations (one δ costs 12%, two 39%); u is the
        weighted count of anchors (numbers, names) found on one side of the group only: a
        name repeated more often in one language is normal, one missing altogether is not.
        """
        shape = SHAPE_CONFIDENCE.get((a, b), 0.4)
        delta = self.deviation(i, j, a, b)
        unmatched = self.unmatched(i, j, a, b, counts=False)
        return shape * math.exp(-(delta**2) / 8) * math.exp(-unmatched / 2)


def _merged(counters: Sequence[Counter[str]]) -> Counter[str]:
    """The counts of a bead's sentences together (most beads have one: no copy)."""
    if len(counters) == 1:
        return counters[0]
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return total
