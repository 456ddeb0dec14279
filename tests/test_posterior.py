"""The confidence of a group: its posterior probability over all alignments (posterior.py)."""

from __future__ import annotations

import math

import pytest

from sitegen.align.posterior import TEMPERATURE, bead_posteriors
from sitegen.align.search import SentenceAligner
from sitegen.align.sentences import DEFAULT_RATIO, PRIORS
from sitegen.text.sentences import split_chinese, split_english


def test_two_equally_likely_alignments_share_the_certainty() -> None:
    # 2×2 sentences: two 1:1 groups (cost 1 + 1) or one 2:2 group (cost 2).
    costs = {(0, 0, 1, 1): 1.0, (1, 1, 1, 1): 1.0, (0, 0, 2, 2): 2.0}
    found = bead_posteriors(costs, 2, 2)
    assert found == pytest.approx({(0, 0, 1, 1): 0.5, (1, 1, 1, 1): 0.5, (0, 0, 2, 2): 0.5})


def test_a_much_cheaper_alignment_takes_nearly_all_the_certainty() -> None:
    costs = {(0, 0, 1, 1): 1.0, (1, 1, 1, 1): 1.0, (0, 0, 2, 2): 9.0}
    found = bead_posteriors(costs, 2, 2)
    share = 1 / (1 + math.exp(-7 / TEMPERATURE))
    assert found[0, 0, 1, 1] == pytest.approx(share)
    assert found[0, 0, 2, 2] == pytest.approx(1 - share)


def test_no_alignment_reaching_the_end_gives_no_posteriors() -> None:
    assert bead_posteriors({(0, 0, 1, 1): 1.0}, 2, 2) == {}


def fund_paragraph() -> tuple[list[str], list[str], SentenceAligner]:
    """Five English sentences against four Chinese: a table with shapes to weigh."""
    en = split_english(
        "The fund opened in 2015. It supports research by universities. Many firms joined it."
        " The scheme grew quickly over the years. Results were published."
    )
    zh = split_chinese(
        "基金於 2015 年成立，支持大學研究。很多企業參與。計劃多年來迅速發展。成果已發表。"
    )
    return en, zh, SentenceAligner(en, zh, DEFAULT_RATIO)


def test_every_sentence_is_in_exactly_one_group_with_probability_one() -> None:
    en, zh, aligner = fund_paragraph()
    aligner.best_shapes(PRIORS)
    found = bead_posteriors(aligner._beads, len(en), len(zh))
    for k in range(len(en)):
        covering = sum(p for (i, _, a, _), p in found.items() if i <= k < i + a)
        assert covering == pytest.approx(1.0)
    for k in range(len(zh)):
        covering = sum(p for (_, j, _, b), p in found.items() if j <= k < j + b)
        assert covering == pytest.approx(1.0)


def test_only_the_wanted_beads_are_worked_out_and_order_does_not_matter() -> None:
    costs = {(1, 1, 1, 1): 1.0, (0, 0, 2, 2): 2.0, (0, 0, 1, 1): 1.0}  # not in end order
    everything = bead_posteriors(costs, 2, 2)
    assert everything == pytest.approx({(0, 0, 1, 1): 0.5, (1, 1, 1, 1): 0.5, (0, 0, 2, 2): 0.5})
    wanted = bead_posteriors(costs, 2, 2, {(0, 0, 2, 2)})
    assert wanted == pytest.approx({(0, 0, 2, 2): 0.5})


def reference_posteriors(costs: dict, n: int, m: int) -> dict:
    """Forward-backward written out plainly: cells in sorted order, each cell's terms in
    the order of the table (as the search sums them)."""
    into: dict = {}
    out: dict = {}
    for (i, j, a, b), cost in costs.items():
        weight = -cost / TEMPERATURE
        into.setdefault((i + a, j + b), []).append(((i, j), weight))
        out.setdefault((i, j), []).append(((i + a, j + b), weight))

    def log_sum(terms: list[float]) -> float:
        top = max(terms)
        return (
            terms[0] if len(terms) == 1 else top + math.log(sum(math.exp(t - top) for t in terms))
        )

    forward = {(0, 0): 0.0}
    for cell in sorted(into):
        terms = [forward[s] + w for s, w in into[cell] if s in forward]
        if terms:
            forward[cell] = log_sum(terms)
    backward = {(n, m): 0.0}
    for cell in sorted(out, reverse=True):
        terms = [backward[e] + w for e, w in out[cell] if e in backward]
        if terms:
            backward[cell] = log_sum(terms)
    total = forward[n, m]
    return {
        (i, j, a, b): math.exp(
            min(0.0, forward[i, j] - c / TEMPERATURE + backward[i + a, j + b] - total)
        )
        for (i, j, a, b), c in costs.items()
        if (i, j) in forward and (i + a, j + b) in backward
    }


def test_a_real_table_gets_exactly_what_forward_backward_written_out_gives() -> None:
    en, zh, aligner = fund_paragraph()
    shapes = aligner.best_shapes(PRIORS)
    assert bead_posteriors(aligner._beads, len(en), len(zh)) == reference_posteriors(
        aligner._beads, len(en), len(zh)
    )
    # Asked for a group off the chosen path, the aligner works out every posterior.
    expected = reference_posteriors(aligner._beads, len(en), len(zh))
    chosen = next(iter(aligner._chosen))
    assert aligner.confidence(*chosen) == expected[chosen]
    off_path = next(bead for bead in expected if bead not in aligner._chosen)
    assert aligner.confidence(*off_path) == expected[off_path]
    assert len(shapes) == len(aligner._chosen)
