"""The anchors of a paragraph's sentences as running totals, so the search can ask of any
group of sentences how many trusted anchors one side has and the other lacks with a few
subtractions, not by merging the sentences' counts for every group it weighs."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping, Sequence


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
        self._rows = [(weights[key], _running(en, key), _running(zh, key)) for key in trusted]
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
        for weight, en_before, zh_before in self._rows:
            here = en_before[i + a] - en_before[i]
            there = zh_before[j + b] - zh_before[j]
            if counts:
                total += weight * abs(here - there)
            elif (here > 0) != (there > 0):
                total += weight
        return total


def _running(counters: Sequence[Counter[str]], key: str) -> list[int]:
    return list(itertools.accumulate((c.get(key, 0) for c in counters), initial=0))


def _running_held(counters: Sequence[Counter[str]], trusted: frozenset[str]) -> list[int]:
    held = (not trusted.isdisjoint(+counter) for counter in counters)  # `+`: counts above 0
    return list(itertools.accumulate(held, initial=0))
