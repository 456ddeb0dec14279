"""Pagefind's command line: the bundles of a site's parts, each made by one run per language,
as many runs at once as there are workers.

Pagefind indexes on one core, and each language's index in a bundle is its own (its
metadata, word index and fragments; the entry file lists the languages): three runs of
one language each, their files put together and their entry files' languages merged, give
the bundle one run over all the pages gives, byte for byte, in about half the time on two
cores and with a third of the memory per run. A part whose languages do not each keep to
a folder of their own (`en/`, `tc/`, `sc/`) is indexed in one run.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import subprocess
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ..errors import SiteError

ENTRY_FILE = "pagefind-entry.json"
_TIMEOUT = 3600  # seconds: generous (1,000 documents take about 13 s)

Job = tuple[int, list[str]]  # a part's number (its pages' folder), its languages' folders
# The runs going on, so that a process leaving mid-index (the preview stopped while its
# background thread indexes) takes them with it: an orphan would go on writing into a
# scratch folder nobody removes any more.
_RUNNING: set[subprocess.Popen] = set()
_RUNNING_LOCK = threading.Lock()
_HOOKED = False


def executable() -> Path:
    from pagefind.service import get_executable  # the wheel's binary, or one on PATH

    found = get_executable()
    if found is None or not found.is_file():
        raise SiteError(
            "the search index needs Pagefind's program: python3 -m pip install -r"
            " requirements.txt (it installs pagefind[extended])"
        )
    return found


def run_pagefind(program: Path, pages: Path, bundle: Path, folder: str | None = None) -> None:
    """One Pagefind run over the pages below `pages` (or only those in `folder`)."""
    command = [str(program), "--site", str(pages), "--output-path", str(bundle)]
    command += ["--root-selector", "main", "--silent"]
    if folder is not None:
        command += ["--glob", f"{folder}/**/*.{{html}}"]
    returncode, stdout, stderr = _run(command)
    if returncode != 0:
        raise SiteError(f"the search index: Pagefind failed: {(stderr or stdout).strip()}")


def _run(command: list[str]) -> tuple[int, str, str]:
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        _track(process)
        try:
            stdout, stderr = process.communicate(timeout=_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise SiteError(f"the search index: Pagefind took over {_TIMEOUT} s") from None
        except BaseException:  # Ctrl+C: the run stops too, not waited for
            process.kill()
            raise
        finally:
            with _RUNNING_LOCK:
                _RUNNING.discard(process)
    return process.returncode, stdout, stderr


def _track(process: subprocess.Popen) -> None:
    global _HOOKED
    with _RUNNING_LOCK:
        if not _HOOKED:  # registered after the scratch folder's clean-up: so it runs first
            atexit.register(_stop_running)
            _HOOKED = True
        _RUNNING.add(process)


def _stop_running() -> None:
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for process in running:
        with contextlib.suppress(OSError):
            process.kill()
    for process in running:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)


def bundles(
    program: Path, pages: Path, scratch: Path, jobs: list[Job], workers: int
) -> Iterator[Path]:
    """Each job's bundle folder (in `scratch`), in order, once made from `pages/<number>/`;
    at most `workers` Pagefind runs at once, and at most `workers` parts begun and not yet
    handed over (the caller reads a bundle, then asks for the next)."""
    workers = max(1, workers)
    waiting = iter(jobs)
    begun: deque[tuple[Path, list[Path], list[Future[None]]]] = deque()
    with ThreadPoolExecutor(max_workers=workers) as pool:

        def begin() -> None:
            job = next(waiting, None)
            if job is None:
                return
            number, folders = job
            bundle = scratch / f"bundle-{number}"
            runs: list[tuple[Path, str | None]] = [(bundle, None)]
            if len(folders) > 1:
                runs = [(scratch / f"bundle-{number}-{folder}", folder) for folder in folders]
            source = pages / str(number)
            futures = [pool.submit(run_pagefind, program, source, *run) for run in runs]
            begun.append((bundle, [out for out, _ in runs], futures))

        for _ in range(workers):
            begin()
        while begun:
            bundle, outputs, futures = begun.popleft()
            for future in futures:
                future.result()  # Pagefind's failure, as a SiteError
            if outputs != [bundle]:
                merge_bundles(outputs, bundle)
            yield bundle
            begin()


def merge_bundles(parts: list[Path], bundle: Path) -> None:
    """One bundle of the languages' bundles `parts` (each removed): their files together,
    their entry files' languages in one."""
    entries = []
    bundle.mkdir(parents=True, exist_ok=True)
    for part in parts:
        for path in sorted(part.rglob("*")):
            if not path.is_file():
                continue
            name = path.relative_to(part)
            if name.as_posix() == ENTRY_FILE:
                entries.append(json.loads(path.read_bytes()))
                continue
            target = bundle / name
            if target.exists():  # Pagefind's scripts and wasm: the same in every run
                if target.read_bytes() != path.read_bytes():
                    raise SiteError(f"the search index: Pagefind's runs disagree on {name}")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        shutil.rmtree(part)
    entry = entries[0]  # its keys in Pagefind's order: the file stays byte for byte one run's
    for other in entries[1:]:
        if {**other, "languages": None} != {**entry, "languages": None}:  # version, settings
            raise SiteError("the search index: Pagefind's runs disagree on their entry file")
        entry["languages"] |= other["languages"]
    (bundle / ENTRY_FILE).write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
