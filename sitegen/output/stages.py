"""How one build reads, remembers and writes: a plain build's way, and the interface the
preview (preview/session.py) implements with the same parts kept in memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from contextlib import AbstractContextManager, contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..project import CACHE_DIR
from .cache import BuildCache, Cache, code_key, site_key
from .folder import Output, locked
from .journal import Journal, recover
from .private import output_name
from .uptodate import Counts, UpToDate, inputs_key

# A build with nothing to do stops before the loader, the aligner and the search index are
# imported (a third of a second of start-up): the store and the index come in when used.
if TYPE_CHECKING:
    from ..align.segments import Derived
    from ..model.content import Document
    from ..model.site import Site
    from .assets import Assets
    from .store import DocumentStore


class Stages(Protocol):
    may_fork: bool  # whether documents may render in worker processes

    def begin(self, project: Path) -> None: ...
    def unchanged(self, out_dir: Path, options: object) -> Counts | None: ...
    def load_document(self, path: Path, src_path: str, reserved: Set[str]) -> Document: ...
    def derive(self, document: Document) -> Derived: ...
    def cache(
        self, out_dir: Path, site: Site, project: Path, assets: Assets, env: object
    ) -> Cache: ...
    def lock(self, out_dir: Path) -> AbstractContextManager[None]: ...
    def output(self, out_dir: Path) -> Output: ...
    def index(self, site: Site, output: Output, out_dir: Path) -> None: ...
    def done(self, files: Iterable[str], counts: Counts, changed: Iterable[str]) -> None: ...


class BuildStages:
    """A build: the project's store (`.sitegen-cache/`) for documents and derived data and
    the record of the last build (uptodate.py), the output's manifest for rendered units,
    the journal for writing, one build at a time per output folder, over every CPU. With
    `use_cache` off nothing kept is read (all is read, derived and rendered afresh, and
    compared with the bytes on disk), but all is kept."""

    may_fork = True

    def __init__(self, use_cache: bool = True) -> None:
        self.use_cache = use_cache

    def begin(self, project: Path) -> None:
        # The inputs' signatures first, before anything is read: a save during the build
        # is then a change for the next one.
        self.project, self.code = project, code_key()
        self.inputs_key = inputs_key(project, self.code)

    @cached_property
    def store(self) -> DocumentStore:
        """Read only by a build that has something to do."""
        from .store import DocumentStore

        return DocumentStore(self.project / CACHE_DIR, self.code, read=self.use_cache)

    def unchanged(self, out_dir: Path, options: object) -> Counts | None:
        self.key = f"{self.inputs_key}:{options!r}"  # the record is the output folder's
        self.record = UpToDate(self.project / CACHE_DIR, out_dir)
        return self.record.unchanged(self.key) if self.use_cache else None

    def load_document(self, path: Path, src_path: str, reserved: Set[str]) -> Document:
        return self.store.load_document(path, src_path, reserved)

    def derive(self, document: Document) -> Derived:
        return self.store.derive(document)

    def cache(self, out_dir: Path, site: Site, project: Path, assets: Assets, env: object) -> Cache:
        key = site_key(repr(site.config), project, assets.urls, self.code)
        intact = self.record.intact.keys()  # their files need no look
        return BuildCache(out_dir if self.use_cache else None, key, self.store.keys, intact)

    def lock(self, out_dir: Path) -> AbstractContextManager[None]:
        return locked_and_recovered(out_dir)

    def output(self, out_dir: Path) -> Output:
        return Journal(out_dir, use_index=self.use_cache)

    def index(self, site: Site, output: Output, out_dir: Path) -> None:
        """The search index, made (or carried over) before the journal commits."""
        from .parallel import worker_count
        from .preparedpages import PreparedPages
        from .searchindex import index_search

        previous = out_dir if self.use_cache else None
        mirror = self.project / CACHE_DIR / "search" / output_name(out_dir)
        if not self.use_cache:  # every page prepared afresh, and kept for the next build
            PreparedPages(mirror).forget()
        workers, intact = worker_count(), self.record.intact.keys()
        index_search(
            site, output.read, output.write, previous, workers, output.digest, mirror, intact
        )

    def done(self, files: Iterable[str], counts: Counts, changed: Iterable[str]) -> None:
        self.store.save()
        self.record.keep(self.key, files, counts, changed)


@contextmanager
def locked_and_recovered(out_dir: Path) -> Iterator[None]:
    """The output to ourselves, with whatever a killed build left put right first."""
    with locked(out_dir):
        recover(out_dir)
        yield


@contextmanager
def recovered(out_dir: Path) -> Iterator[None]:
    """For an output only this process writes (the preview's): no lock, but put right what
    an interrupted write left."""
    recover(out_dir)
    yield
