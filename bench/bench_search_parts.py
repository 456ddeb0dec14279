#!/usr/bin/env python3
"""What the size of the search index's parts costs: an edit's rebuild against a reader's search.

A large site's index is cut into parts (sitegen/output/searchparts.py): an edit indexes its
document's part again, and a search loads every part. Smaller parts make edits cheaper and
searches dearer. For every `--per-part` figure this builds the same generated documents
(bench/corpus.py) in a process of its own with that figure, then reports:

    parts         how many bundles the index is in
    edit          the wall time of a rebuild after one paragraph of one document changed
    peak          the edited rebuild's memory (its process's, or its largest Pagefind run's)
    first search  in Chromium, from typing a query on a Traditional page to its hits shown
                  (every part's entry file, metadata and word index fetched), from a local
                  server that waits --latency ms before each answer, as a far host would
    next search   another query on the same page (the parts loaded; their word index not)
    requests      what the first search fetched (HTTP/1.1, as the browser limits it), bytes

    python3 bench/bench_search_parts.py [--documents 1000] [--per-part 1000,250,62,16]
                                        [--latency 50] [--keep DIR]

Needs Chromium (`apt-get install -y chromium`) and Playwright (requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from corpus import REPO, edit_document, make_project

QUERIES = ("數碼", "創新")  # on a Traditional page: the first search, then the next


class _Slow(SimpleHTTPRequestHandler):
    """Files served as a far host would: `latency` seconds before each answer (Pagefind
    fetches from a Web Worker, beyond the reach of the browser's network emulation), and
    every request counted."""

    latency: ClassVar[float] = 0.0
    served: ClassVar[list[int]] = []

    def do_GET(self) -> None:
        time.sleep(self.latency)
        path = Path(self.translate_path(self.path))
        self.served.append(path.stat().st_size if path.is_file() else 0)
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path, latency: float) -> Iterator[str]:
    _Slow.latency = latency
    handler = functools.partial(_Slow, directory=folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_build(project: Path, out: Path, per_part: int) -> tuple[float, float]:
    """`build.py build` with parts of `per_part` documents, in a process of its own: its
    wall seconds and its peak memory (MB; its largest Pagefind run's, if larger)."""
    code = (
        f"import sys; sys.path.insert(0, {str(REPO)!r}); from sitegen.output import searchparts;"
        f" searchparts.DOCUMENTS_PER_PART = {per_part}; import build;"
        f" sys.exit(build.main(['build', '--project', {str(project)!r}, '--out', {str(out)!r}]))"
    )
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"the build failed ({status})")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def build_with(project: Path, out: Path, per_part: int) -> tuple[int, float, float]:
    """Parts, the edited rebuild's seconds and its peak memory (MB)."""
    run_build(project, out, per_part)
    edit_document(project, 3)
    edited, peak = run_build(project, out, per_part)
    parts = len(list((out / "pagefind").glob("**/pagefind-entry.json")))
    return parts, edited, peak


def time_searches(url: str) -> tuple[float, float, int, int]:
    """First and next search (ms), and the first search's requests and bytes."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.goto(url + "tc/doc-00001/")
        page.wait_for_load_state("networkidle")
        _Slow.served.clear()
        figures = []
        for query in QUERIES:
            started = time.perf_counter()
            page.get_by_role("searchbox").fill(query)
            page.wait_for_function(
                "q => document.querySelector('.search-status').textContent.includes(q)"
                " && document.querySelector('.search-results li')",
                arg=query,
                timeout=120_000,
            )
            figures.append((time.perf_counter() - started) * 1000)
            if len(figures) == 1:
                first_requests, first_bytes = len(_Slow.served), sum(_Slow.served)
        browser.close()
    return figures[0], figures[1], first_requests, first_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--per-part", default="1000,250,62,16")
    parser.add_argument("--latency", type=float, default=50.0, help="ms before each answer")
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-parts-"))
    try:
        project = root / f"project-{args.documents}"
        if not project.exists():  # kept from a run before (--keep)
            make_project(project, args.documents)
        print(f"{args.documents:,} documents; {args.latency:.0f} ms before each answer")
        print(
            f"{'per part':>9} {'parts':>6} {'edit':>8} {'peak':>8}"
            f" {'first search':>13} {'next search':>12} {'requests':>9} {'bytes':>9}"
        )
        for per_part in (int(n) for n in args.per_part.split(",")):
            out = root / f"out-{per_part}"
            parts, edited, peak = build_with(project, out, per_part)
            with served(out, args.latency / 1000) as url:
                first, following, requests, size = time_searches(url)
            print(
                f"{per_part:>9} {parts:>6} {edited:>7.2f}s {peak:>5.0f} MB"
                f" {first:>10.0f} ms {following:>9.0f} ms {requests:>9} {size / 1e6:>7.2f}MB",
                flush=True,
            )
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
