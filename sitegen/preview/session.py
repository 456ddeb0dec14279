"""The preview's stages: the same `build()` as `python3 build.py`, with the same parts (the
store of documents and derived data, the journal), kept in memory between rebuilds.

A content file is parsed again only when its signature changed; a unit is rendered again
only when what it reads changed (memory.py); a file is written only when its bytes changed,
in place and atomically through the journal, so the server never serves a page half written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Set
from contextlib import AbstractContextManager
from pathlib import Path

import jinja2

from ..align.segments import Derived
from ..model.content import Document
from ..model.site import Site
from ..output.assets import Assets
from ..output.cache import code_key
from ..output.folder import Output
from ..output.journal import Journal
from ..output.stages import recovered
from ..output.store import DocumentStore
from ..output.uptodate import Counts
from ..project import CACHE_DIR
from .memory import MemoryCache
from .searchindexer import BackgroundIndex, PagesOnDisk


class PreviewStages:
    """Remembers documents, rendered units and written files between builds. Documents
    render over every CPU as in a build (a large site's first build, a template edit):
    workers write through the journal and hand their files' digests back."""

    may_fork = True

    def __init__(self) -> None:
        self._store: DocumentStore | None = None
        self._cache = MemoryCache()
        self._written: dict[str, str] | None = None  # output path -> digest, as last built
        self._journal: Journal | None = None
        self._search = BackgroundIndex(_replace)
        self._index_next: tuple[Site, Path] | None = None  # for `done` to ask
        self.changed: list[str] = []  # output paths the last build wrote or removed

    @property
    def rendered(self) -> list[str]:
        """The files the last build rendered (the others were unchanged)."""
        return self._cache.rendered

    def begin(self, project: Path) -> None:
        if self._store is None:  # the code cannot change while it runs
            self._store = DocumentStore(project / CACHE_DIR, code_key())
        self._store.start()

    def load_document(self, path: Path, src_path: str, reserved: Set[str]) -> Document:
        assert self._store is not None
        return self._store.load_document(path, src_path, reserved)

    def derive(self, document: Document) -> Derived:
        assert self._store is not None
        return self._store.derive(document)

    def cache(
        self, out_dir: Path, site: Site, project: Path, assets: Assets, env: object
    ) -> MemoryCache:
        assert isinstance(env, jinja2.Environment)
        self._cache.start(site, project, assets, env)
        return self._cache

    def lock(self, out_dir: Path) -> AbstractContextManager[None]:
        return recovered(out_dir)

    def output(self, out_dir: Path) -> Journal:
        # It remembers what it wrote, and its folder goes with it: no index on disk.
        self._journal = Journal(out_dir, known=self._written, record=False)
        return self._journal

    def index(self, site: Site, output: Output, out_dir: Path) -> None:
        """The search index follows in the background (searchindexer.py), once the
        pages are written (`done`), so a save reloads them without waiting for it."""
        self._index_next = (site, out_dir)

    def close(self) -> None:
        """The preview stops: the search index's thread may find its folder gone."""
        self._search.close()

    def wait_for_index(self, timeout: float = 120) -> bool:
        """Whether the search index of the last build is written within `timeout` s."""
        return self._search.wait(timeout)

    def unchanged(self, out_dir: Path, options: object) -> Counts | None:
        """Never known without a look: the preview's memory makes a rebuild cheap anyway."""
        return None

    def done(self, files: Iterable[str], counts: Counts, changed: Iterable[str]) -> None:
        """The build's files are written: remember its units, files and documents."""
        assert self._journal is not None and self._store is not None
        self._written, self.changed = dict(self._journal.files), self._journal.changed
        self._cache.commit()
        self._store.save()
        assert self._index_next is not None
        site, out_dir = self._index_next
        self._search.request(site, PagesOnDisk(out_dir, site), out_dir)


def _replace(target: Path, data: bytes) -> None:
    """One search index file, atomically (the index is written beside the journal's files,
    by the background thread; dot files are never served)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
