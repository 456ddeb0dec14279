#!/usr/bin/env python3
"""What large paragraphs cost: alignment time and peak memory as a paragraph grows.

Each case runs in a fresh child process (so peak memory is its own) with a time limit:
sentence alignment of one paragraph pair with N sentences a side, paragraph alignment at
ingest with N paragraphs a side, a 1,000,000-character paragraph pair, and ingest of a text
whose English is one 1 MB line.

    python3 bench/bench_align_cost.py [--sizes 250 500 5000] [--paragraphs 500 3000]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = [
    "the",
    "council",
    "will",
    "review",
    "digital",
    "policy",
    "and",
    "support",
    "innovation",
    "in",
    "every",
    "district",
]
HANZI = "政府會檢討數字政策並支持各區創新科技發展計劃資助市民企業"


def english_sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 24))]
    return " ".join(words).capitalize() + "."


def chinese_sentence(rng: random.Random) -> str:
    return "".join(rng.choice(HANZI) for _ in range(rng.randint(8, 30))) + "。"


def paragraph_pair(sentences: int, seed: int = 1) -> tuple[str, str]:
    rng = random.Random(seed)
    en = " ".join(english_sentence(rng) for _ in range(sentences))
    zh = "".join(chinese_sentence(rng) for _ in range(sentences))
    return en, zh


def run_case(case: str, size: int) -> None:
    """In the child: one case, then its CPU time and peak memory on stdout."""
    started = time.process_time()
    if case == "sentences":
        from sitegen.align.sentences import align_document

        groups = align_document([paragraph_pair(size)])
        detail = f"{sum(map(len, groups))} groups"
    elif case == "characters":  # one paragraph pair of `size` characters of English
        from sitegen.align.sentences import align_document

        en, zh = paragraph_pair(size // 90)
        groups = align_document([(en[:size], zh)])
        detail = f"{len(en[:size]):,} + {len(zh):,} characters, {sum(map(len, groups))} groups"
    elif case == "paragraphs":  # paragraph alignment at ingest, `size` paragraphs a side
        from sitegen.align.paragraphs import align_texts

        rng = random.Random(2)
        en = [english_sentence(rng) + " " + english_sentence(rng) for _ in range(size)]
        zh = [chinese_sentence(rng) + chinese_sentence(rng) for _ in range(size)]
        zh[size // 2 : size // 2 + 2] = [zh[size // 2] + zh[size // 2 + 1]]  # one pair merged
        detail = f"{len(align_texts(en, zh))} beads"
    else:  # ingest: the English one line of `size` bytes, the Chinese after it
        from sitegen.ingest.paragraphs import ingest_text

        en, zh = paragraph_pair(size // 90)
        content = ingest_text(f"{en[:size]}\n\n{zh}\n", display_name="big.txt", slug="big")
        detail = f"{len(content['paragraphs'])} paragraphs"
    cpu = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{cpu:.2f} {peak:.0f} {detail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 5000])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[500, 3000])
    parser.add_argument("--limit", type=float, default=120, help="seconds per case")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_case(args.child[0], int(args.child[1]))
        return
    cases = [("sentences", n) for n in args.sizes]
    cases += [("paragraphs", n) for n in args.paragraphs]
    cases += [("characters", 1_000_000), ("ingest", 1_000_000)]
    for case, size in cases:
        command = [sys.executable, __file__, "--child", case, str(size)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=args.limit, check=True
            )
        except subprocess.TimeoutExpired:
            print(f"{case:<10} {size:>9,}  over {args.limit:.0f} s (stopped)")
            continue
        cpu, peak, detail = done.stdout.split(" ", 2)
        print(f"{case:<10} {size:>9,}  {cpu:>7} s CPU  {peak:>5} MB peak  {detail.strip()}")


if __name__ == "__main__":
    main()
