"""The anchors of a paragraph's sentences as running totals, so the search can ask of any
group of sentences how many trusted anchors one side has and the other lacks with a few
subtractions, not by merging the sentences' counts for every group it weighs.

A table costs memory and time per anchor for every group: a paragraph with more than
ROWS_UP_TO trusted anchors (a long list of figures, thousands of sentences) merges the
counts of each group's sentences instead, which costs only for the anchors a group holds.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

ROWS_UP_TO = 32  # trusted anchors kept as running totals; beyond, counts are merged


class AnchorTable:
    """Per trusted anchor (one with a weight), its count in the sentences before each
    position of either language."""

    def __init__(
        self,
        en: Sequence[Counter[str]],
        zh: Sequence[Counter[str]],
        weights: Mapping[str, float],
    ) -> None:
        # Sorted, so a group's float sum never depends on the hash seed (builds are
        # byte-identical); an anchor neither side of a group holds adds exactly 0.0.
        trusted = sorted(key for key, weight in weights.items() if weight)
        self._weights = weights
        self._merging = merging = len(trusted) > ROWS_UP_TO
        self._rows = (
            [] if merging else [(weights[k], _running(en, k), _running(zh, k)) for k in trusted]
        )
        self._en = [_trusted(counter, weights) for counter in en] if merging else []
        self._zh = [_trusted(counter, weights) for counter in zh] if merging else []
        # Sentences holding any trusted anchor, so a group without one is answered at once.
        held = frozenset(trusted)
        self._en_held = _running_held(en, held)
        self._zh_held = _running_held(zh, held)

    def unmatched(self, i: int, j: int, a: int, b: int, *, counts: bool = True) -> float:
        """The weight of the anchors English i..i+a and Chinese j..j+b hold unevenly: with
        `counts`, each anchor weighed by how many more times one side has it; without, only
        those one side has and the other lacks altogether."""
        if self._en_held[i + a] == self._en_held[i] and self._zh_held[j + b] == self._zh_held[j]:
            return 0.0
        total = 0.0
        for weight, here, there in self._counts(i, j, a, b):
            if counts:
                total += weight * abs(here - there)
            elif (here > 0) != (there > 0):
                total += weight
        return total

    def _counts(self, i: int, j: int, a: int, b: int) -> Iterator[tuple[float, int, int]]:
        """(weight, English count, Chinese count) of the anchors, in sorted order."""
        if not self._merging:
            for weight, en_before, zh_before in self._rows:
                yield weight, en_before[i + a] - en_before[i], zh_before[j + b] - zh_before[j]
            return
        en, zh = _merged(self._en[i : i + a]), _merged(self._zh[j : j + b])
        for key in sorted(en.keys() | zh.keys()):
            yield self._weights[key], en.get(key, 0), zh.get(key, 0)


def _running(counters: Sequence[Counter[str]], key: str) -> list[int]:
    return list(itertools.accumulate((c.get(key, 0) for c in counters), initial=0))


def _running_held(counters: Sequence[Counter[str]], trusted: frozenset[str]) -> list[int]:
    held = (not trusted.isdisjoint(+counter) for counter in counters)  # `+`: counts above 0
    return list(itertools.accumulate(held, initial=0))


def _trusted(counter: Counter[str], weights: Mapping[str, float]) -> Counter[str]:
    return Counter({key: n for key, n in counter.items() if weights.get(key)})


def _merged(counters: Sequence[Counter[str]]) -> Counter[str]:
    """The counts of a group's sentences together (no copy for a group with one)."""
    holding = [counter for counter in counters if counter]
    if len(holding) <= 1:
        return holding[0] if holding else Counter()
    total: Counter[str] = Counter()
    for counter in holding:
        total.update(counter)
    return total
