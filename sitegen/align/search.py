"""The search for sentence groups: dynamic programming over bead shapes, each costing the
improbability of its length ratio, the anchors it leaves unmatched and the lexical evidence
against it (lexical.py), plus its shape's prior."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

from .anchortable import AnchorTable
from .band import rows
from .lexical import Evidence, dictionary_words, evidence, learned_words, teaches_anything
from .paragraphs import LEXICAL_UP_TO, VARIANCE, anchor_weights, measured
from .posterior import Bead, bead_posteriors

ANCHOR_WEIGHT = 4.0  # cost of an unmatched anchor that both sides of the paragraph use evenly
LEXICAL_WEIGHT = 0.6  # how much the dictionary's evidence counts beside lengths and anchors
PLAIN_DEVIATION = 1.0  # standard deviations of length a sentence-by-sentence pair may show
NULL_COST = 6.0  # a sentence left without a partner: its length says nothing, so a flat cost
Shape = tuple[int, int]
SHAPE_CONFIDENCE = {(1, 1): 1.0, (1, 2): 0.9, (2, 1): 0.9, (2, 2): 0.75, (1, 3): 0.6, (3, 1): 0.6}


class SentenceAligner:
    """The costs of grouping a paragraph's sentences, computed once per paragraph."""

    def __init__(self, en: Sequence[str], zh: Sequence[str], ratio: float) -> None:
        self.en_lengths, self.en_anchors = measured(en, "en")
        self.zh_lengths, self.zh_anchors = measured(zh, "zh")
        self.ratio = ratio
        self.en, self.zh = en, zh
        self._lexical: Evidence | bool | None = False  # computed when first needed
        self._dictionary_evidence: Evidence | None = None  # the first, without learning
        # An anchor both sides use as often is trusted fully; one side only: not at all.
        self.weights = anchor_weights(self.en_anchors, self.zh_anchors)
        # Only trusted anchors can cost, counted up to each sentence once (anchortable.py).
        self._anchors = AnchorTable(self.en_anchors, self.zh_anchors, self.weights)
        # Lengths up to each sentence, so a group's length is one subtraction.
        self._en_ends = list(itertools.accumulate(self.en_lengths, initial=0))
        self._zh_ends = list(itertools.accumulate(self.zh_lengths, initial=0))
        self._fixed: dict[tuple[int, int, int, int], float] = {}  # costs but the lexical one
        self._memoise = True
        self._beads: dict[Bead, float] = {}  # the last search's beads and costs, if it kept them
        self._posteriors: dict[Bead, float] | None = None  # worked out from them when asked
        self._chosen: set[Bead] = set()  # the beads of the last search's path
        self._posteriors_of: set[Bead] | None = None  # the beads worked out (None: all)

    @property
    def lexical(self) -> Evidence | None:
        if self._lexical is False:  # none for a huge paragraph: lengths and anchors alone
            small = len(self.en) * len(self.zh) <= LEXICAL_UP_TO
            self._words = dictionary_words(self.zh) if small else []
            self._lexical = evidence(self.en, self.zh, words=self._words) if small else None
            self._dictionary_evidence = self._lexical
        return self._lexical  # type: ignore[return-value]

    def learn(self, learned: Mapping[str, frozenset[str]]) -> None:
        """Weigh the lexical evidence again with translations the document taught itself."""
        if learned and self._lexical:
            found = learned_words(self.zh, learned)
            if teaches_anything(self.en, found, learned):
                self._lexical = evidence(self.en, self.zh, learned, self._words, found)
            else:  # the dictionary's own tables: nothing learned touches the paragraph
                self._lexical = self._dictionary_evidence

    def is_plain(self) -> bool:
        """Sentence by sentence, lengths as expected and no anchor out of place: nothing for
        the dictionary to decide (most government translations, at a fraction of the cost)."""
        n = len(self.en_lengths)
        return n == len(self.zh_lengths) and all(
            abs(self.deviation(k, k, 1, 1)) < PLAIN_DEVIATION
            and not self.unmatched(k, k, 1, 1, counts=False)
            for k in range(n)
        )

    def best_shapes(self, priors: Mapping[Shape, float]) -> list[Shape]:
        """The cheapest sequence of bead shapes covering both sides."""
        n, m = len(self.en_lengths), len(self.zh_lengths)
        if self.is_plain():
            return [(1, 1)] * n
        widest = math.ceil(max(n, m) / min(n, m))
        shapes = dict(priors)
        if widest > 4:  # only reachable with wider beads: allow them, at a high price
            shapes |= {s: 0.001 / k for k in range(5, widest + 1) for s in ((1, k), (k, 1))}
        band = rows(self.en_lengths, self.zh_lengths)
        # A banded table is searched once per pass anyway: memoising it would only cost memory.
        self._memoise = len(band[0]) == m + 1
        prices = [(shape, -math.log(prior)) for shape, prior in shapes.items()]
        # Per English position, the best cost and last shape at each Chinese position.
        cost: list[dict[int, float]] = [{0: 0.0}, *({} for _ in range(n))]
        back: list[dict[int, Shape]] = [{} for _ in range(n + 1)]
        beads: dict[Bead, float] = {}  # each bead's cost, for the confidence (a whole table)
        # Each bead costs -log P(length match) + a price per unmatched anchor (fixed: the
        # same in every pass) - the lexical evidence; a sentence alone costs a flat price and
        # its anchors. Inlined: this loop is most of an alignment's time.
        memoise, fixed_of, lexical = self._memoise, self._fixed.get, self.lexical
        score = lexical.score if lexical is not None else None
        for i in range(n + 1):
            here, came = cost[i], back[i]
            sources = [(a, b, price, cost[i - a]) for (a, b), price in prices if i >= a]
            for j in band[i]:
                best, chosen = here.get(j, math.inf), None
                for a, b, price, source in sources:
                    before = source.get(j - b)
                    if before is None:
                        continue
                    key = (i - a, j - b, a, b)
                    fixed = fixed_of(key)
                    if fixed is None:
                        fixed = self._fixed_cost(*key)
                    if a and b and score is not None:
                        fixed = fixed - LEXICAL_WEIGHT * score(i - a, a, j - b, b)
                    bead = price + fixed
                    if memoise:
                        beads[key] = bead
                    total = before + bead
                    if total < best:
                        best, chosen = total, (a, b)
                if chosen is not None:
                    here[j], came[j] = best, chosen
        path, self._chosen = _path(back, n, m)
        self._beads, self._posteriors = beads, None
        return path

    def deviation(self, i: int, j: int, a: int, b: int) -> float:
        """How many standard deviations the Chinese length is from the expected one."""
        expected = (self._en_ends[i + a] - self._en_ends[i]) * self.ratio
        found = self._zh_ends[j + b] - self._zh_ends[j]
        return (found - expected) / math.sqrt(VARIANCE * max((expected + found) / 2, 1))

    def unmatched(self, i: int, j: int, a: int, b: int, *, counts: bool = True) -> float:
        """Trusted anchors one side of the bead has more often than the other (weighted);
        with `counts` False, only those one side has and the other lacks altogether."""
        return self._anchors.unmatched(i, j, a, b, counts=counts)

    def _fixed_cost(self, i: int, j: int, a: int, b: int) -> float:
        """The cost but the lexical evidence (the same in every pass), kept if memoising."""
        anchors = ANCHOR_WEIGHT * self.unmatched(i, j, a, b) if self.weights else 0.0
        if not a or not b:
            fixed = NULL_COST + anchors
        else:
            delta = self.deviation(i, j, a, b)
            match = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)  # P(|Z| > delta)
            fixed = -math.log(match) + anchors
        if self._memoise:
            self._fixed[i, j, a, b] = fixed
        return fixed

    def confidence(self, i: int, j: int, a: int, b: int) -> float:
        """How likely the group is right, 0..1: the share of probable alignments that contain
        it (posterior.py) when the search weighed the whole table. Otherwise (a paragraph too
        plain to search, or so large that only a band was searched), from the group alone:
        shape × exp(-δ²/8) × exp(-u/2), where shape is 1 for 1:1, 0.9 for 1:2 and 2:1, 0.75
        for 2:2, 0.6 for 1:3 and 3:1, 0.4 wider; δ is the length deviation in standard
        deviations; u the weighted count of anchors (numbers, names) on one side only.
        """
        bead = (i, j, a, b)
        if self._beads:
            # The chosen groups' posteriors are what is asked for (a third of the work
            # spared); another group's makes them all.
            every = bead not in self._chosen
            if self._posteriors is None or (every and self._posteriors_of is not None):
                n, m = len(self.en), len(self.zh)
                self._posteriors_of = None if every else self._chosen
                self._posteriors = bead_posteriors(self._beads, n, m, self._posteriors_of)
            if bead in self._posteriors:
                return self._posteriors[bead]
        shape = SHAPE_CONFIDENCE.get((a, b), 0.4)
        delta = self.deviation(i, j, a, b)
        unmatched = self.unmatched(i, j, a, b, counts=False)
        return shape * math.exp(-(delta**2) / 8) * math.exp(-unmatched / 2)


def _path(back: list[dict[int, Shape]], n: int, m: int) -> tuple[list[Shape], set[Bead]]:
    """The shapes of the cheapest path, read back from its last cell, and its beads."""
    path, beads, i, j = [], set(), n, m
    while i or j:
        a, b = back[i][j]
        path.append((a, b))
        i, j = i - a, j - b
        beads.add((i, j, a, b))
    return path[::-1], beads
