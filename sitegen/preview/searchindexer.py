"""The preview's search index, made in a background thread after each build.

Indexing a large site takes seconds (Pagefind reads every page again), and a save should
reload the open pages at once: so the preview hands the pages to this thread and reloads
without waiting; the index follows a moment later, announced in the log ("Indexed … for
search"). Only the latest build's pages are indexed: saves made while it runs make one
more index, not one each. The thread writes only the index's files (never a page), each
atomically, the bundle's entry file and the record last, so a search sees the old index or
the new one.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path

from ..model.site import Site
from ..output.folder import Previous
from ..output.searchindex import ENTRY_FILE, PARTS_FILE, SEARCH_RECORD, index_search
from ..output.searchpages import search_pages

Write = Callable[[Path, bytes], None]  # one file, replaced atomically


def indexed_names(site: Site) -> list[str]:
    """Every page the index reads, by its path in the output."""
    return sorted({s.page.dest_path for group in search_pages(site) for s in group})


class PagesOnDisk(Mapping[str, bytes]):
    """The pages, read by the thread from the output once the build has committed it (a
    save no longer waits while 30,000 pages are read at 10,000 documents, nor while their
    names are listed). A later build may replace a page meanwhile (each atomically): then
    the next run, which that build asked for, indexes it; one it deleted is a run that
    ends quietly."""

    def __init__(self, out_dir: Path, site: Site) -> None:
        self.out_dir, self._site = out_dir, site

    @cached_property
    def names(self) -> list[str]:
        return indexed_names(self._site)

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self.names)

    def __getitem__(self, name: str) -> bytes:
        if name not in self._known:
            raise KeyError(name)
        try:
            return (self.out_dir / name).read_bytes()
        except FileNotFoundError:
            raise _Superseded from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class _Superseded(Exception):
    """A page of this run's build is gone: a later build has replaced it."""


class BackgroundIndex:
    """One thread at a time indexes the most recent pages it was given."""

    def __init__(self, write: Write) -> None:
        self._write = write
        self._lock = threading.Lock()
        self._pending: tuple[Site, Mapping[str, bytes], Path] | None = None
        self._running = False
        self._idle = threading.Event()
        self._idle.set()
        self._closing = threading.Event()

    def request(self, site: Site, pages: Mapping[str, bytes], out_dir: Path) -> None:
        with self._lock:
            self._pending = (site, pages, out_dir)
            if not self._running:
                self._running = True
                self._idle.clear()
                threading.Thread(target=self._loop, daemon=True).start()

    def close(self) -> None:
        """The preview stops and its folder goes: a run it breaks ends without a word."""
        self._closing.set()

    def wait(self, timeout: float) -> bool:
        """Whether every index asked for is written (or failed) within `timeout` seconds."""
        return self._idle.wait(timeout)

    def _loop(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._running = False
                    self._idle.set()
                    return
            try:
                _index(*job, self._write)
            except _Superseded:
                pass  # a later build's run follows
            except Exception as error:  # the preview lives on; the log says why
                if not self._closing.is_set():
                    print(f"search index: {error}", file=sys.stderr, flush=True)


def _index(site: Site, pages: Mapping[str, bytes], out_dir: Path, write: Write) -> None:
    started = time.perf_counter()
    before = _recorded(out_dir)
    fresh: dict[str, bytes] = {}
    kept: set[str] = set()

    def keep(name: str, data: bytes | Previous) -> None:
        if isinstance(data, bytes):
            fresh[name] = data
        else:
            kept.add(name)  # a part carried over: its files stay

    if not index_search(site, pages.__getitem__, keep, out_dir):
        return
    last = (ENTRY_FILE, PARTS_FILE, SEARCH_RECORD)
    for name in sorted(fresh, key=lambda name: name.endswith(last)):
        write(out_dir / name, fresh[name])
    for name in before - fresh.keys() - kept:
        (out_dir / name).unlink(missing_ok=True)
    count = len(pages)
    print(f"Indexed {count} pages for search in {time.perf_counter() - started:.2f} s", flush=True)


def _recorded(out_dir: Path) -> set[str]:
    """The files of the index the last run wrote."""
    try:
        return set(json.loads((out_dir / SEARCH_RECORD).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()
