"""How sure an alignment is of each group: the share of all alignments, weighed by their
probability, that contain it (the forward-backward algorithm over the search's table).

The search keeps the one cheapest path; its costs are -log probabilities, so every path has
a probability too. A group that every likely path shares is certain whatever its lengths
look like; a group that a path almost as cheap would split or shift is not. Measured this
way, the number means what it says: groups at 0.9 are right about nine times in ten.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

Bead = tuple[int, int, int, int]  # English start, Chinese start, English count, Chinese count
TEMPERATURE = 1.3  # costs are nats, but not independent ones: fitted on the development set


def bead_posteriors(costs: Mapping[Bead, float], n: int, m: int) -> dict[Bead, float]:
    """For every bead of the table (with its cost), the probability that the alignment
    of the n English and m Chinese sentences contains it."""
    weights = [
        ((i, j), (i + a, j + b), -cost / TEMPERATURE) for (i, j, a, b), cost in costs.items()
    ]
    into: dict[tuple[int, int], list[tuple[tuple[int, int], float]]] = defaultdict(list)
    out: dict[tuple[int, int], list[tuple[tuple[int, int], float]]] = defaultdict(list)
    for start, end, weight in weights:
        into[end].append((start, weight))
        out[start].append((end, weight))
    forward = {(0, 0): 0.0}
    for cell in sorted(into):  # every bead ends after it starts, in this order
        terms = [forward[start] + weight for start, weight in into[cell] if start in forward]
        if terms:
            forward[cell] = _log_sum(terms)
    total = forward.get((n, m))
    if total is None:
        return {}
    backward = {(n, m): 0.0}
    for cell in sorted(out, reverse=True):
        terms = [backward[end] + weight for end, weight in out[cell] if end in backward]
        if terms:
            backward[cell] = _log_sum(terms)
    found = {}
    for bead, (start, end, weight) in zip(costs, weights, strict=True):
        if start in forward and end in backward:
            share = forward[start] + weight + backward[end] - total
            found[bead] = math.exp(min(0.0, share))
    return found


def _log_sum(terms: list[float]) -> float:
    if len(terms) == 1:
        return terms[0]  # exactly what the sum below gives: top + log(1)
    top = max(terms)
    return top + math.log(sum(math.exp(t - top) for t in terms))
