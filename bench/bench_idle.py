#!/usr/bin/env python3
"""Idle benchmark for `python build.py serve`: the CPU an open preview uses while nobody
types, on the foreword and on N generated documents.

Starts the real server in a subprocess, waits until its first build and search index are
done, lets it settle, then reads the process's CPU time (user + system, from /proc) over
a quiet spell and prints it as a share of one core. Linux only (/proc).

    python3 bench/bench_idle.py [--sizes 2000 10000] [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench_reload import foreword_project, start_server, warm_store
from corpus import make_project

REPO = Path(__file__).resolve().parent.parent


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_share(project: Path, seconds: float) -> float:
    """The preview's CPU use while idle, as a share of one core."""
    process, _port = start_server(project)
    try:
        for line in process.stdout:  # the first index follows the first build
            if line.startswith("Indexed"):
                break
        else:
            raise SystemExit(f"the server stopped (exit code {process.wait()})")
        time.sleep(2)
        cpu, started = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        return (_cpu_seconds(process.pid) - cpu) / (time.monotonic() - started)
    finally:
        process.terminate()
        process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000])
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    print(f"{'site':>16} {'idle CPU':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        projects = [("foreword", foreword_project(Path(tmp) / "foreword"))]
        projects += [
            (f"{n} documents", make_project(Path(tmp) / f"site-{n}", n)) for n in args.sizes
        ]
        for name, project in projects:
            warm_store(project)
            share = idle_share(project, args.seconds)
            print(f"{name:>16} {share * 100:>10.1f} % of a core", flush=True)


if __name__ == "__main__":
    main()
