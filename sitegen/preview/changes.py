"""Change notices from the operating system (inotify, FSEvents or ReadDirectoryChangesW,
through watchfiles), so an idle preview costs nothing and a save is seen at once.

Polling a large site costs: at 10,000 documents one look at every file's signature takes
about 40 ms, so looking 20 times a second kept most of a core busy while nobody typed.
The notices only say when to look: the preview still compares every file's signature
before it rebuilds (watcher.py), so a notice too many costs a look and nothing else.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

QUIET_MS = 50  # a burst of saves is over when nothing changed for this long
MAX_WAIT_MS = 1000  # ... or when it has lasted this long
_STOP_CHECK_MS = 500  # how long a stopped feed may take to notice

Roots = tuple[tuple[Path, int], ...]  # folders to watch, each with its inode


class ChangeFeed:
    """Watches folders of `base` in a thread and calls `notify` (from that thread) when a
    burst of changes is over; names `ignored` (in the path below `base`) do not count.
    `failed` turns true when the operating system cannot watch them, and stays true:
    then the preview looks for itself."""

    def __init__(
        self, base: Path, notify: Callable[[], None], ignored: Callable[[str], bool]
    ) -> None:
        self._base, self._notify, self._ignored = base, notify, ignored
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.roots: Roots = ()
        self.failed = False

    @property
    def watching(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def follow(self, roots: Roots) -> None:
        """Watch these folders (recursively), if not already. A watch may listen on to a
        folder removed and made again (its old inode): so the roots come with their
        inodes, and a new one starts a new watch."""
        if self.failed or (self.watching and roots == self.roots):
            return
        self.stop()
        self.roots, self._stop = roots, threading.Event()
        if roots:
            args = (tuple(path for path, _inode in roots), self._stop)
            # Not a daemon: one killed at exit inside watchfiles' Rust code aborts the
            # process ("FATAL: exception not rethrown"); the preview stops it instead.
            self._thread = threading.Thread(target=self._run, args=args)
            self._thread.start()

    def stop(self, wait: bool = False) -> None:
        """End the watch (within _STOP_CHECK_MS; a late notice only makes a look); with
        `wait`, return once it has ended, as before the process exits."""
        self._stop.set()
        if wait and self._thread is not None:
            self._thread.join(timeout=4 * _STOP_CHECK_MS / 1000)
        self._thread = None

    def _run(self, roots: tuple[Path, ...], stop: threading.Event) -> None:
        try:
            for _changes in watchfiles.watch(
                *roots,
                watch_filter=self._wanted,
                debounce=MAX_WAIT_MS,
                step=QUIET_MS,
                stop_event=stop,
                rust_timeout=_STOP_CHECK_MS,
                raise_interrupt=False,
            ):
                self._notify()
        except Exception as error:  # no watch (e.g. out of inotify watches): poll instead
            print(
                f"Warning: cannot watch the sources for changes ({error});"
                " looking for changes by polling instead",
                file=sys.stderr,
                flush=True,
            )
            self.failed = True
        if not stop.is_set():  # a watched folder was removed: look, follow the rest
            self._notify()

    def _wanted(self, change: watchfiles.Change, path: str) -> bool:
        try:
            parts = Path(path).relative_to(self._base).parts
        except ValueError:  # through a linked folder: count it
            return True
        return not any(self._ignored(part) for part in parts)
