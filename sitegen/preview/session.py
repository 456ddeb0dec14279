"""The preview's stages: the same `build()` as `python3 build.py`, made cheap to run again.

A content file is parsed again only when its signature changed; a unit is rendered again
only when what it reads changed (memory.py); a file is written only when its bytes changed,
in place and atomically, so the server never serves a page half written.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import jinja2

from ..model.content import Document, load_document
from ..model.site import Site
from ..output.assets import Assets
from ..output.staging import MARKER, MARKER_TEXT, Output, Previous
from .memory import MemoryCache
from .searchindexer import BackgroundIndex, indexed_pages
from .signatures import file_signature


class PreviewStages:
    """Remembers documents, rendered units and written files between builds; one process."""

    may_fork = False  # the written files are remembered in this process

    def __init__(self) -> None:
        self._documents: dict[str, tuple[tuple, Document]] = {}
        self._cache = MemoryCache()
        self._written: dict[str, bytes] = {}
        self._search = BackgroundIndex(_replace)
        self.changed: list[str] = []  # output paths the last write changed or removed

    @property
    def rendered(self) -> list[str]:
        """The files the last build rendered (the others were unchanged)."""
        return self._cache.rendered

    def load_document(self, path: Path, src_path: str, reserved: set[str]) -> Document:
        # Stat before reading: a save during the read then shows as a change next time.
        key = (file_signature(path), frozenset(reserved))
        cached = self._documents.get(src_path)
        if cached and cached[0] == key:
            return cached[1]
        document = load_document(path, src_path, reserved)
        self._documents[src_path] = (key, document)
        return document

    def cache(
        self, out_dir: Path, site: Site, project: Path, assets: Assets, env: object
    ) -> MemoryCache:
        assert isinstance(env, jinja2.Environment)
        self._cache.start(site, project, assets, env)
        return self._cache

    def lock(self, out_dir: Path) -> AbstractContextManager[None]:
        return nullcontext()  # the preview's own temporary folder: one server writes it

    def output(self, out_dir: Path) -> InPlace:
        return InPlace(self, out_dir)

    def index(self, site: Site, output: Output, out_dir: Path) -> None:
        """The search index follows in the background (searchindexer.py), so a save
        reloads the pages without waiting for it."""
        self._search.request(site, indexed_pages(site, output), out_dir)

    def wait_for_index(self, timeout: float = 120) -> bool:
        """Whether the search index of the last build is written within `timeout` s."""
        return self._search.wait(timeout)

    def written(self, rel_path: str) -> bytes:
        """The bytes the last build wrote to `rel_path`."""
        return self._written[rel_path]

    def write(self, files: dict[str, bytes | Previous], out_dir: Path) -> None:
        """Only changed files, each replaced atomically; PREVIOUS keeps what is there."""
        kept = {
            name: self._written[name] for name, data in files.items() if isinstance(data, Previous)
        }
        fresh = {name: data for name, data in files.items() if isinstance(data, bytes)}
        changed = [name for name, data in fresh.items() if self._written.get(name) != data]
        for name in changed:
            _replace(out_dir / name, fresh[name])
        removed = sorted(self._written.keys() - files.keys())
        for name in removed:
            (out_dir / name).unlink(missing_ok=True)
        if not (out_dir / MARKER).is_file():  # check_output_dir wants to know the folder is ours
            _replace(out_dir / MARKER, MARKER_TEXT)
        self._written = kept | fresh
        self.changed = changed + removed
        self._cache.commit()


class InPlace:
    """The whole site gathered in memory, then written by PreviewStages.write, which
    compares it with what it wrote last time and replaces only what changed."""

    def __init__(self, stages: PreviewStages, out_dir: Path) -> None:
        self.stages, self.out_dir = stages, out_dir
        self.files: dict[str, bytes | Previous] = {}

    def __enter__(self) -> InPlace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def write(self, rel_path: str, data: bytes | Previous) -> None:
        self.files[rel_path] = data

    def read(self, rel_path: str) -> bytes:
        data = self.files[rel_path]
        return self.stages.written(rel_path) if isinstance(data, Previous) else data

    def commit(self, keep: tuple[str, ...] = ()) -> None:
        self.stages.write(dict(sorted(self.files.items())), self.out_dir)


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")  # dot files are never served
    temporary.write_bytes(data)
    os.replace(temporary, target)
