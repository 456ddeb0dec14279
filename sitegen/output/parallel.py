"""A map over processes: each worker runs a plain function on whole items (documents).

Workers are forked, so they start with the parent's memory (the site model, templates,
Markdown and OpenCC already built) and the function itself; only item indices go to them
and only the function's small results come back. A function that writes files writes them
itself (into a folder every worker shares).

Where `fork` is unavailable (Windows, macOS defaults) or there are few items, everything
runs in the calling process: the results are the same either way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..errors import SiteError

_PR_SET_PDEATHSIG = 1
PARALLEL_FROM = 40  # items; below this, starting workers costs more than it saves
CHUNK = 8  # items per task: small enough to balance, large enough to amortise

Item = TypeVar("Item")
Result = TypeVar("Result")

# What the forked workers inherit (set just before the pool starts).
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def worker_count() -> int:
    """Processes to work with: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def parallel_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    before_fork: Callable[[], object] = lambda: None,
) -> Iterator[list[Result]]:
    """`function` on every item, in order; yields the results chunk by chunk.
    `before_fork` loads what every worker should share, when there will be workers."""
    global _job
    chunks = [range(i, min(i + CHUNK, len(items))) for i in range(0, len(items), CHUNK)]
    if workers < 2 or len(items) < PARALLEL_FROM or not can_fork():
        for chunk in chunks:
            yield [function(items[i]) for i in chunk]
        return
    before_fork()
    _job = (function, items)
    try:
        context = multiprocessing.get_context("fork")
        # concurrent.futures, not multiprocessing.Pool: a worker that dies (the system
        # out of memory, say) fails the build instead of leaving it waiting forever.
        pool = ProcessPoolExecutor(
            min(workers, len(chunks)),
            mp_context=context,
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        )
        with pool:
            yield from pool.map(_run_in_worker, chunks)
    except BrokenProcessPool:
        raise SiteError(
            "a rendering process ended unexpectedly (out of memory?); the previous output"
            " is untouched"
        ) from None
    finally:
        _job = None


def _die_with_parent(parent: int) -> None:
    """A worker ends when its build is killed: otherwise it would wait forever, holding the
    output's lock (inherited with the build's files), and no build could start again."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # Linux: the kernel sees to it
    except (OSError, AttributeError, TypeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # killed before the line above
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.1)
    os._exit(1)


def _run_in_worker(chunk: range) -> list[Any]:
    assert _job is not None, "workers fork after the job is set"
    function, items = _job
    return [function(items[i]) for i in chunk]
