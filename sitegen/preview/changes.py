"""Change notices from the operating system (inotify, FSEvents or ReadDirectoryChangesW,
through watchfiles), so an idle preview costs next to nothing and a save is seen at once
(but for a content file that links to another: its target's edits wait for the preview's
look every 2 s).

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
_STOP_CHECK_MS = 500  # the longest one call into watchfiles' Rust code lasts

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
        """Watch these folders (recursively), if not already. A watch listens on to a
        folder removed and made again (the removed one), so it ends when a root is
        removed (`_run`), and the roots come with their inodes: either starts a new one."""
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
        """End the watch (watchfiles sees the event within a step; a late notice only
        makes a look); with `wait`, return once it has ended, as before the process exits."""
        self._stop.set()
        if wait and self._thread is not None:
            self._thread.join(timeout=4 * _STOP_CHECK_MS / 1000)
        self._thread = None

    def _run(self, roots: tuple[Path, ...], stop: threading.Event) -> None:
        removed = {(watchfiles.Change.deleted, str(root)) for root in roots}
        try:
            for changes in watchfiles.watch(
                *roots,
                watch_filter=self._wanted,
                debounce=MAX_WAIT_MS,
                step=QUIET_MS,
                stop_event=stop,
                rust_timeout=_STOP_CHECK_MS,
                raise_interrupt=False,
            ):
                self._notify()
                if changes & removed:
                    break  # deaf from now on, even to a folder made again at once
        except FileNotFoundError:
            pass  # a root removed since the preview looked (a branch switch): follow again
        except Exception as error:  # no watch (e.g. out of inotify watches): poll instead
            print(
                f"Warning: cannot watch the sources for changes ({error});"
                " looking for changes by polling instead",
                file=sys.stderr,
                flush=True,
            )
            self.failed = True
        if not stop.is_set():  # a watched folder was removed: look, and follow again
            self._notify()

    def _wanted(self, change: watchfiles.Change, path: str) -> bool:
        try:
            parts = Path(path).relative_to(self._base).parts
        except ValueError:  # through a linked folder: count it
            return True
        return not any(self._ignored(part) for part in parts)
