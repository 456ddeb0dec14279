#!/usr/bin/env python3
"""Search index benchmark: Pagefind's time and index size for 1,000 and 10,000 documents.

For every size N it builds the generated documents of bench/corpus.py once with
`python build.py build` (a subprocess; its search index included), then, in this process,
on that output:

    index         the index made afresh from the built pages as the build makes it
                  (sitegen.output.searchindex: the pages copied with their translations
                  over every CPU, Pagefind's command line, its files read back); median
                  of --repeat runs
    unchanged     the check an unchanged rebuild makes instead (every indexed page hashed,
                  the previous index carried over)

and the index's size: files and bytes in all, the fragments (one per page, fetched per
hit shown), the word index chunks, and what one language's first search fetches
(pagefind.js, its worker, the entry file, that language's metadata and wasm).

    python3 bench/bench_search.py [--sizes 1000,10000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import REPO, make_project

sys.path.insert(0, str(REPO))

from sitegen.model.config import load_site_config
from sitegen.model.load import load_site
from sitegen.output.parallel import worker_count
from sitegen.output.searchindex import INDEX_DIR, index_search, run_pagefind
from sitegen.output.searchpages import search_pages
from sitegen.output.searchparts import split_into_parts


def build(project: Path, out: Path) -> float:
    started = time.perf_counter()
    command = [sys.executable, str(REPO / "build.py"), "build", "--project", str(project)]
    subprocess.run([*command, "--out", str(out)], check=True, capture_output=True, timeout=7200)
    return time.perf_counter() - started


def sizes_of(files: dict[str, bytes]) -> dict[str, str]:
    def total(names: list[str]) -> str:
        return f"{sum(len(files[n]) for n in names) / 1e6:.2f} MB ({len(names)} files)"

    first_search = [
        n
        for n in files
        if n.endswith(("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"))
        or ("zh-hant-hk" in n and n.endswith(".pf_meta"))
        or n.endswith("wasm.unknown.pagefind")
    ]
    return {
        "all": total(list(files)),
        "fragments": total([n for n in files if "/fragment/" in n]),
        "word index": total([n for n in files if "/index/" in n]),
        "first Traditional search fetches": total(first_search),
    }


def bench_size(root: Path, size: int, repeat: int) -> None:
    project = make_project(root / f"site-{size}", size)
    out = root / f"out-{size}"
    seconds = build(project, out)
    site = load_site(project, load_site_config(project))
    groups = list(search_pages(site))

    def read(rel: str) -> bytes:
        return (out / rel).read_bytes()

    times, files = [], {}
    for _ in range(repeat):
        started = time.perf_counter()
        parts = split_into_parts(groups, [""] * len(groups))  # keys matter only to rebuilds
        files = {}
        for _part, bundle in run_pagefind(parts, read, worker_count()):
            files.update(bundle)
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    indexed = index_search(site, read, lambda name, data: None, out)
    unchanged = time.perf_counter() - started
    pages = sum(len(group) for group in groups)
    print(f"\n{size:,} documents, {pages:,} pages indexed (the whole build: {seconds:.1f} s)")
    print(f"  index          {statistics.median(times):8.2f} s  (median of {repeat})")
    print(f"  unchanged      {unchanged:8.2f} s  (indexed again: {indexed})")
    for what, figure in sizes_of(files).items():
        print(f"  {what:<33} {figure}")
    assert all(name.startswith(f"{INDEX_DIR}/") for name in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            bench_size(root, size, args.repeat)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
