"""How one build reads, remembers and writes: a plain build's way, and the interface the
preview's memory (preview/session.py) implements in its own way."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from ..model.content import Document, load_document
from ..model.site import Site
from .assets import Assets
from .cache import BuildCache, Cache, site_key
from .parallel import worker_count
from .searchindex import index_search
from .staging import Output, Staging, locked


class Stages(Protocol):
    may_fork: bool  # whether documents may render in worker processes

    def load_document(self, path: Path, src_path: str, reserved: set[str]) -> Document: ...
    def cache(
        self, out_dir: Path, site: Site, project: Path, assets: Assets, env: object
    ) -> Cache: ...
    def lock(self, out_dir: Path) -> AbstractContextManager[None]: ...
    def output(self, out_dir: Path) -> Output: ...
    def index(self, site: Site, output: Output, out_dir: Path) -> None: ...


class BuildStages:
    """A build: documents read afresh, the output's manifest as the cache (none with
    `use_cache` off), files written into a staging folder that replaces the output whole,
    one build at a time per output folder, over every CPU."""

    may_fork = True

    def __init__(self, use_cache: bool = True) -> None:
        self.use_cache = use_cache

    def load_document(self, path: Path, src_path: str, reserved: set[str]) -> Document:
        return load_document(path, src_path, reserved)

    def cache(self, out_dir: Path, site: Site, project: Path, assets: Assets, env: object) -> Cache:
        key = site_key(repr(site.config), project, assets.urls)
        return BuildCache(out_dir if self.use_cache else None, key)

    def lock(self, out_dir: Path) -> AbstractContextManager[None]:
        return locked(out_dir)

    def output(self, out_dir: Path) -> Output:
        return Staging(out_dir)

    def index(self, site: Site, output: Output, out_dir: Path) -> None:
        """The search index, made (or carried over) before the output is swapped in."""
        previous = out_dir if self.use_cache else None
        index_search(site, output.read, output.write, previous, worker_count())
