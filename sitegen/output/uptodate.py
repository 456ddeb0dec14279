"""A build with nothing to do, told without loading the site: the inputs' signatures and the
output's folders as the last good build left them.

After a build, its record (in the project's `.sitegen-cache/`, one per output folder) holds
a key of everything it read, taken before it read anything (every input file's mtime, size
and inode, the tool's code and libraries, the command's options), the state of every folder
of the output once written (a file created, renamed over or deleted in a folder changes the
folder's mtime), and the summary's counts. The next build whose key and folders are all the
same has nothing to do: it writes nothing and says so. Anything else (an edit, a touched
file, a deleted page, a journal left by a killed build, a damaged record) is a full
incremental build, which keeps a new record once it is done. A file edited in place in the
output by hand is not seen, as the build cache (cache.py) trusts the files it wrote; the
tool's own files there (manifest, index) are checked one by one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..project import is_internal
from .outputpaths import folders_of
from .private import output_name, read_private, write_private
from .signatures import Signature, file_signature, input_signatures

_RECORDS = "uptodate"


@dataclass(frozen=True)
class Counts:
    """What a build's summary says of the site."""

    pages: int
    documents: int
    paragraphs: int
    milestones: int


@dataclass(frozen=True)
class Record:
    key: str
    # Output folder (or the tool's own file in it) -> its signature when the build ended
    # (when it began, for a folder it did not write into).
    folders: tuple[tuple[str, Signature], ...]
    counts: Counts


def inputs_key(project: Path, code: str) -> str:
    """Everything a build reads, by signature, with the tool's code."""
    inputs = sorted(input_signatures(project).items())
    where = (str(project.resolve()), code)
    return hashlib.sha256(repr((where, inputs)).encode("utf-8")).hexdigest()


class UpToDate:
    """The record of the last build into `out_dir`, kept in `cache_dir`."""

    def __init__(self, cache_dir: Path, out_dir: Path) -> None:
        self.path = cache_dir / _RECORDS / f"{output_name(out_dir)}.pickle"
        self.out_dir = out_dir
        # Output folder -> its signature, for those as the last build left them, seen
        # before this build wrote anything: a file in one is where that build put it.
        self.intact: dict[str, Signature] = {}

    def unchanged(self, key: str) -> Counts | None:
        """The last build's counts when nothing it read or wrote has changed since. Either
        way `intact` then holds the output folders as that build left them."""
        record = read_private(self.path)
        if not isinstance(record, Record):
            return None
        folder = str(self.out_dir)
        try:
            self.intact = {
                rel: state
                for rel, state in record.folders
                if file_signature(os.path.join(folder, rel)) == state
            }
        except (TypeError, ValueError):
            self.intact = {}
            return None
        if record.key != key or len(self.intact) != len(record.folders):
            return None
        return record.counts if isinstance(record.counts, Counts) else None

    def keep(
        self, key: str, files: Iterable[str], counts: Counts, written: Iterable[str] = ()
    ) -> None:
        """After a good build: `files` are the output paths it wrote or kept, `written` those
        it wrote or deleted. A folder it did not write into keeps the signature seen before
        it began (a change made during the build is then a change for the next one)."""
        folders = {""} | folders_of(files)
        # The tool's own files (manifest, index, search record) may be damaged in place,
        # which no folder's mtime shows: each is checked as a file.
        own: set[str] = set()
        with contextlib.suppress(OSError):
            own = {e.name for e in os.scandir(self.out_dir) if is_internal(e.name)}
            folders |= own
        fresh = {""} | own | folders_of(written)
        states = []
        for rel in sorted(folders):
            state = None if rel in fresh else self.intact.get(rel)
            state = state or file_signature(os.path.join(self.out_dir, rel))
            if state is None:  # changed under us: no record, so the next build is a full one
                with contextlib.suppress(OSError):
                    self.path.unlink()
                return
            states.append((rel, state))
        write_private(self.path, Record(key, tuple(states), counts))
