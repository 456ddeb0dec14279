"""How sure an alignment is of each group: the share of all alignments, weighed by their
probability, that contain it (the forward-backward algorithm over the search's table).

The search keeps the one cheapest path; its costs are -log probabilities, so every path has
a probability too. A group that every likely path shares is certain whatever its lengths
look like; a group that a path almost as cheap would split or shift is not. Measured this
way, the number means what it says: groups at 0.9 are right about nine times in ten.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

Bead = tuple[int, int, int, int]  # English start, Chinese start, English count, Chinese count
TEMPERATURE = 1.3  # costs are nats, but not independent ones: fitted on the development set


def bead_posteriors(
    costs: Mapping[Bead, float], n: int, m: int, wanted: Collection[Bead] | None = None
) -> dict[Bead, float]:
    """For every bead of the table (with its cost), or only the `wanted` ones, the
    probability that the alignment of the n English and m Chinese sentences contains it."""
    beads = [
        (bead, (i, j), (i + a, j + b), -cost / TEMPERATURE)
        for bead, cost in costs.items()
        for i, j, a, b in (bead,)
    ]
    # The search makes them in the order of the cells they end at, and its posteriors are
    # summed in that order; others are sorted so (their sums may differ in the last bit).
    if any(one[2] > other[2] for one, other in itertools.pairwise(beads)):
        beads.sort(key=lambda bead: bead[2])
    # Every bead ends after it starts: in this order, the beads into a cell all come before
    # any bead out of it; backwards, those out of it before any into it.
    forward = _sweep(((start, end, w) for _, start, end, w in beads), (0, 0), False)
    total = forward.get((n, m))
    if total is None:
        return {}
    backward = _sweep(((end, start, w) for _, start, end, w in reversed(beads)), (n, m), True)
    found = {}
    for bead, start, end, weight in beads:
        if wanted is not None and bead not in wanted:
            continue
        if start in forward and end in backward:
            share = forward[start] + weight + backward[end] - total
            found[bead] = math.exp(min(0.0, share))
    return found


def _sweep(
    beads: Iterable[tuple[Cell, Cell, float]], origin: Cell, backwards: bool
) -> dict[Cell, float]:
    """The log of the summed probabilities of all paths from `origin` to each cell, over
    beads (from, to, log weight) in an order that reaches a cell fully before leaving it."""
    terms: dict[Cell, list[float]] = defaultdict(list)
    terms[origin].append(0.0)
    totals: dict[Cell, float] = {}
    for source, target, weight in beads:
        value = totals.get(source)
        if value is None:
            if source not in terms:
                continue  # no path reaches it
            found = terms[source]
            value = totals[source] = _log_sum(found[::-1] if backwards else found)
        terms[target].append(value + weight)
    for cell, found in terms.items():
        if cell not in totals:
            totals[cell] = _log_sum(found[::-1] if backwards else found)
    return totals


Cell = tuple[int, int]


def _log_sum(terms: list[float]) -> float:
    if len(terms) == 1:
        return terms[0]  # exactly what the sum below gives: top + log(1)
    top = max(terms)
    return top + math.log(sum(math.exp(t - top) for t in terms))
