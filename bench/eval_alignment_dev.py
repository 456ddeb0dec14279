#!/usr/bin/env python3
"""Sentence alignment on the hand-aligned development set (../shared/align-dev, MAC-Dev).

Strict precision, recall and F1 of groups (a predicted group counts only when both its
English and its Chinese text, whitespace aside, equal a gold group's), recall by gold
shape, how well our sentence splits meet the gold sentence boundaries, how the confidence
is calibrated (share right per confidence band), and the CPU time of the alignment (and
of loading the dictionary, apart). The texts are read from the shared folder and never
copied anywhere.

    python3 bench/eval_alignment_dev.py [--dev ../shared/align-dev] [--verbose] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.align.lexical import simplified  # noqa: E402
from sitegen.align.lexicon import english_words, load_index  # noqa: E402
from sitegen.align.sentences import align_document  # noqa: E402
from sitegen.text.sentences import split_chinese, split_english  # noqa: E402

DEV = REPO.parent / "shared" / "align-dev"


def forget_sentences() -> None:
    """Empty the per-sentence caches (Simplified text, English words) between runs."""
    simplified.cache_clear()
    english_words.cache_clear()


def squeeze(text: str) -> str:
    return "".join(text.split())


def chapters(folder: Path) -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.gold.yaml"))
    ]


def boundaries(parts: list[str]) -> set[int]:
    """Character offsets (whitespace aside) where sentences end."""
    ends, at = set(), 0
    for part in parts:
        at += len(squeeze(part))
        ends.add(at)
    return ends


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=1, help="align N times, report the least CPU (noisy VMs)"
    )
    args = parser.parse_args()
    tally: Counter[str] = Counter()
    by_shape: Counter[str] = Counter()
    shape_right: Counter[str] = Counter()
    bands: Counter[tuple[int, bool]] = Counter()
    started = time.process_time()
    load_index()  # the target is alignment's CPU once the dictionary is loaded
    loading = time.process_time() - started
    cpu = 0.0
    for chapter in chapters(args.dev):
        paragraphs = chapter["paragraphs"]
        pairs_of = [(p["en"], p["zh"]) for p in paragraphs]
        times = []
        for _ in range(max(1, args.repeat)):
            forget_sentences()  # per-sentence work is not carried from the run before
            started = time.process_time()
            aligned = align_document(pairs_of)
            times.append(time.process_time() - started)
        cpu += min(times)
        for paragraph, predicted in zip(paragraphs, aligned, strict=True):
            gold = [
                (squeeze(" ".join(g["en"])), squeeze("".join(g["zh"])))
                for g in paragraph["sentences"]
            ]
            shapes = [f"{len(g['en'])}:{len(g['zh'])}" for g in paragraph["sentences"]]
            found = {(squeeze(g.en), squeeze(g.zh)) for g in predicted}
            wanted = set(gold)
            tally["gold"] += len(gold)
            tally["predicted"] += len(predicted)
            tally["correct"] += len(found & wanted)
            for group, shape in zip(gold, shapes, strict=True):
                by_shape[shape] += 1
                shape_right[shape] += group in found
            for group in predicted:
                right = (squeeze(group.en), squeeze(group.zh)) in wanted
                bands[(min(int(group.confidence * 10), 9), right)] += 1
            for side, split in (("en", split_english), ("zh", split_chinese)):
                gold_ends = boundaries([s for g in paragraph["sentences"] for s in g[side]])
                ours = boundaries(split(paragraph[side]))
                tally[f"{side}_gold_ends"] += len(gold_ends)
                tally[f"{side}_our_ends"] += len(ours)
                tally[f"{side}_shared_ends"] += len(gold_ends & ours)
            if args.verbose and found != wanted:
                print(f"\n✗ {chapter['id']}")
                for group in predicted:
                    mark = " " if (squeeze(group.en), squeeze(group.zh)) in wanted else "✗"
                    print(f"  {mark} {group.confidence:.2f} {group.en.strip()[:100]!r}")
                    print(f"         {group.zh.strip()[:60]!r}")
    pairs = sum(len(c["paragraphs"]) for c in chapters(args.dev))
    precision = tally["correct"] / tally["predicted"]
    recall = tally["correct"] / tally["gold"]
    f1 = 2 * precision * recall / (precision + recall)
    print(
        f"groups      {tally['gold']} gold, {tally['predicted']} predicted,"
        f" {tally['correct']} right"
    )
    print(f"strict      P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print(
        "recall by gold shape (en:zh): "
        + ", ".join(f"{s} {shape_right[s] / n:.2f} ({n})" for s, n in by_shape.most_common())
    )
    for side in ("en", "zh"):
        shared, gold_n, ours = (
            tally[f"{side}_{k}"] for k in ("shared_ends", "gold_ends", "our_ends")
        )
        print(f"splits {side}   {shared}/{gold_n} gold sentence ends found, {ours - shared} extra")
    print(
        "confidence  "
        + ", ".join(
            f"{b / 10:.1f}: {bands[(b, True)]}/{bands[(b, True)] + bands[(b, False)]}"
            for b in range(10)
            if bands[(b, True)] + bands[(b, False)]
        )
    )
    # Expected calibration error: how far, on average over groups, the share right in a
    # confidence band is from the band's middle.
    error = sum(
        abs(bands[(b, True)] - (b + 0.5) / 10 * (bands[(b, True)] + bands[(b, False)]))
        for b in range(10)
    )
    print(f"calibration {error / tally['predicted']:.3f} expected error (0 is perfect)")
    print(f"CPU         {cpu:.2f} s for {pairs} paragraph pairs; lexicon loaded in {loading:.2f} s")


if __name__ == "__main__":
    main()
