#!/usr/bin/env python3
"""Sentence alignment quality on a hand-aligned set (tests/fixtures/alignment_gold.yaml).

Each gold pair is a paragraph pair with its right sentence groups. The aligner sees only the
paragraphs (the ratio calibrated on the whole set, as on a document); a predicted group
counts as correct when it is exactly a gold group (texts compared without the whitespace at
their ends). Prints precision and recall of groups, pairs aligned entirely right, and how
many groups fall below the review threshold.

    python3 bench/eval_alignment.py [--gold FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.align.sentences import align_sentences, length_ratio  # noqa: E402

GOLD = REPO / "tests" / "fixtures" / "alignment_gold.yaml"
LOW_CONFIDENCE = 0.5  # the threshold below which `build.py check` asks for a review

Group = tuple[str, str]


@dataclass(frozen=True)
class Scores:
    gold: int  # gold groups
    predicted: int  # predicted groups
    correct: int  # predicted groups that are exactly gold groups
    pairs: int
    pairs_right: int  # pairs whose groups are all right
    low_confidence: int  # predicted groups below LOW_CONFIDENCE
    low_and_wrong: int  # ... of which wrong: the reviewer's useful work

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0


def load_gold(path: Path = GOLD) -> list[tuple[str, list[Group]]]:
    """(name, gold groups) per pair."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(p["name"], [(g["en"], g["zh"]) for g in p["groups"]]) for p in data["pairs"]]


def paragraph(groups: list[Group]) -> Group:
    return " ".join(en for en, _ in groups), "".join(zh for _, zh in groups)


def evaluate(gold: list[tuple[str, list[Group]]], verbose: bool = False) -> Scores:
    ratio = length_ratio(paragraph(groups) for _, groups in gold)
    totals = dict.fromkeys(("gold", "predicted", "correct", "right", "low", "low_wrong"), 0)
    for name, groups in gold:
        en, zh = paragraph(groups)
        predicted = align_sentences(en, zh, ratio)
        expected = {(e.strip(), z.strip()) for e, z in groups}
        hits = [(g.en.strip(), g.zh.strip()) in expected for g in predicted]
        low = [g.confidence < LOW_CONFIDENCE for g in predicted]
        totals["gold"] += len(groups)
        totals["predicted"] += len(predicted)
        totals["correct"] += sum(hits)
        totals["right"] += all(hits) and len(predicted) == len(groups)
        totals["low"] += sum(low)
        totals["low_wrong"] += sum(lo and not hit for lo, hit in zip(low, hits, strict=True))
        if verbose and not all(hits):
            print(f"\n✗ {name}")
            for group, hit in zip(predicted, hits, strict=True):
                mark = " " if hit else "✗"
                print(f"  {mark} {group.confidence:.2f} {group.en.strip()!r}")
                print(f"         {group.zh!r}")
    return Scores(
        totals["gold"],
        totals["predicted"],
        totals["correct"],
        len(gold),
        totals["right"],
        totals["low"],
        totals["low_wrong"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--verbose", action="store_true", help="show the pairs aligned wrong")
    args = parser.parse_args()
    scores = evaluate(load_gold(args.gold), args.verbose)
    print(f"pairs            {scores.pairs_right}/{scores.pairs} aligned entirely right")
    print(f"groups           {scores.gold} gold, {scores.predicted} predicted")
    print(f"precision        {scores.precision:.3f} ({scores.correct}/{scores.predicted})")
    print(f"recall           {scores.recall:.3f} ({scores.correct}/{scores.gold})")
    print(
        f"low confidence   {scores.low_confidence} groups below {LOW_CONFIDENCE}"
        f" ({scores.low_and_wrong} of them wrong)"
    )


if __name__ == "__main__":
    main()
