"""Anchors as running totals (anchortable.py): a group's uneven anchors by subtraction."""

from __future__ import annotations

from collections import Counter

import pytest

from sitegen.align import anchortable
from sitegen.align.anchortable import AnchorTable

EN = [Counter({"2015": 1}), Counter(), Counter({"2015": 1, "42": 2}), Counter({"Lau": 1})]
ZH = [Counter({"2015": 2}), Counter({"42": 1}), Counter()]
WEIGHTS = {"2015": 1.0, "42": 0.5, "Lau": 0.0}  # Lau: one side only, so never trusted


def merged_unmatched(i: int, j: int, a: int, b: int, counts: bool) -> float:
    """The same question answered the slow way: the group's counts merged and compared."""
    en, zh = sum(EN[i : i + a], Counter()), sum(ZH[j : j + b], Counter())
    total = 0.0
    for key in sorted(en.keys() | zh.keys()):
        weight, here, there = WEIGHTS[key], en[key], zh[key]
        if counts:
            total += weight * abs(here - there)
        elif (here > 0) != (there > 0):
            total += weight
    return total


@pytest.mark.parametrize("counts", [True, False])
@pytest.mark.parametrize("rows_up_to", [32, 0])  # running totals; merged counts (many anchors)
def test_every_group_gets_what_merging_its_sentences_would_give(
    counts: bool, rows_up_to: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(anchortable, "ROWS_UP_TO", rows_up_to)
    table = AnchorTable(EN, ZH, WEIGHTS)
    assert table._merging == (rows_up_to == 0)
    for i in range(len(EN) + 1):
        for j in range(len(ZH) + 1):
            for a in range(len(EN) - i + 1):
                for b in range(len(ZH) - j + 1):
                    expected = merged_unmatched(i, j, a, b, counts)
                    assert table.unmatched(i, j, a, b, counts=counts) == expected


def test_counts_weigh_how_many_more_times_one_side_has_an_anchor() -> None:
    table = AnchorTable(EN, ZH, WEIGHTS)
    assert table.unmatched(0, 0, 1, 1) == 1.0  # 2015 once against twice
    assert table.unmatched(0, 0, 1, 1, counts=False) == 0.0  # both have it
    assert table.unmatched(2, 1, 1, 1) == 1.0 + 0.5  # 2015 missing; 42 twice against once
    assert table.unmatched(3, 2, 1, 1) == 0.0  # an untrusted anchor costs nothing
