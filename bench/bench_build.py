#!/usr/bin/env python3
"""Build-time benchmark: the foreword, and generated sites of N documents.

Prints a table of median wall-clock times. Documents are built deterministically from the
foreword's paragraphs (varied in order and length), so runs are comparable.

    python3 bench/bench_build.py [--sizes 1 100 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.pipeline import build  # noqa: E402


def make_project(root: Path, count: int) -> Path:
    """A project with `count` documents derived from the foreword."""
    root.mkdir()
    foreword = yaml.safe_load((REPO / "content" / "foreword.yaml").read_text(encoding="utf-8"))
    paragraphs = foreword["paragraphs"]
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    (root / "content").mkdir()
    for n in range(count):
        rotated = paragraphs[n % len(paragraphs) :] + paragraphs[: n % len(paragraphs)]
        document = {
            "title": {"en": f"Message {n + 1}", "zh": f"獻辭 {n + 1}"},
            "paragraphs": rotated[: 2 + n % 3],
            "milestones": [],
        }
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        (root / "content" / f"message-{n + 1:05d}.yaml").write_text(text, encoding="utf-8")
    return root


def time_build(project: Path, out: Path, repeat: int) -> tuple[float, int]:
    times, pages = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = build(project, out_dir=out)
        times.append(time.perf_counter() - started)
        pages = result.pages
    return statistics.median(times), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'site':>22} {'pages':>7} {'full build (median)':>20}")
    with tempfile.TemporaryDirectory() as tmp:
        seconds, pages = time_build(REPO, Path(tmp) / "foreword-out", args.repeat)
        print(f"{'foreword':>22} {pages:>7} {seconds:>18.3f} s")
        for size in args.sizes:
            project = make_project(Path(tmp) / f"site-{size}", size)
            seconds, pages = time_build(project, Path(tmp) / f"out-{size}", args.repeat)
            print(f"{f'{size} documents':>22} {pages:>7} {seconds:>18.3f} s")


if __name__ == "__main__":
    main()
