"""State kept between builds in the project's `.sitegen-cache/` (git-ignored; delete it at will).

Per content file (in one of 64 shards, so an edit rewrites a small file): its signature
(mtime, size, inode), a key of its bytes, and the Document parsed from it, so an unchanged
file is not even read; and per key, the document's derived data (sentence groups, counts),
so a template edit re-renders without aligning again. The whole store is dropped when this
package's code or an output library changes (`code_key`).

The files are private pickles (private.py), used only when of the expected types: anything
else is no cache, rebuilt, never trusted, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from ..align.segments import Derived, derive_document
from ..errors import SiteError
from ..model.content import MAX_CONTENT_BYTES, Document, load_document
from ..model.files import read_regular
from .private import digest, read_private, write_private
from .signatures import Signature, file_signature

_DOCUMENTS = "documents"  # the records, in shards by file name
_SHARDS = 64
_DERIVED = "derived"


@dataclass(frozen=True)
class Record:
    signature: Signature | None
    reserved: tuple[str, ...]
    key: str  # of the file's bytes, its name and the reserved slugs
    document: Document


class DocumentStore:
    """Documents and their derived data, from the last build's store where still valid.
    With `read` off (`--no-cache`) nothing stored is used, but this build's state is kept."""

    def __init__(self, folder: Path, code: str, read: bool = True) -> None:
        self.folder, self.code, self.read = folder, code, read
        self.keys: dict[str, str] = {}  # src_path -> key, of this build's documents
        self._loaded: dict[str, Record] = {}
        self._current: dict[str, Record] = {}
        for shard in range(_SHARDS) if read else ():
            found = read_private(folder / _DOCUMENTS / f"{shard:02x}.pickle")
            if isinstance(found, tuple) and len(found) == 2 and found[0] == code:
                self._loaded |= {k: v for k, v in found[1].items() if _is_record(v, shard)}

    def load_document(self, path: Path, src_path: str, reserved: Set[str]) -> Document:
        """The file's Document: kept from last time while its signature is the same."""
        signature, names = file_signature(path), tuple(sorted(reserved))
        record = self._loaded.get(src_path)
        if record is None or record.signature != signature or record.reserved != names:
            data = _read_regular(path, src_path)
            key = digest(f"{src_path}\0{names}\0".encode() + (data or b""))
            if data is None or record is None or record.key != key:
                document = load_document(path, src_path, reserved, data)
            else:  # touched, not changed
                document = record.document
            record = Record(signature, names, key, document)
        self._current[src_path] = record
        self.keys[src_path] = record.key
        return record.document

    def derive(self, document: Document) -> Derived:
        """The document's derived data, from the store when its content was derived before
        (by this code); computed and stored otherwise. Runs in worker processes too."""
        key = self.keys.get(document.src_path)
        if key is None:
            return derive_document(document)
        path = self.folder / _DERIVED / self._derived_name(key)
        found = read_private(path) if self.read else None
        if isinstance(found, Derived) and len(found.groups) == len(document.paragraphs):
            return found
        derived = derive_document(document)
        write_private(path, derived)
        return derived

    def start(self) -> None:
        """A new build (the preview keeps one store for many)."""
        self._current, self.keys = {}, {}

    def save(self) -> None:
        """Keep this build's documents for the next (after a good build only)."""
        if self._current == self._loaded:
            return
        shards: list[dict[str, Record]] = [{} for _ in range(_SHARDS)]
        for src_path, record in self._current.items():
            shards[_shard(src_path)][src_path] = record
        changed = {_shard(k) for k in self._current.keys() ^ self._loaded.keys()}
        changed |= {_shard(k) for k, v in self._current.items() if self._loaded.get(k) is not v}
        for shard in sorted(changed):  # one edit rewrites one small file, not the whole store
            write_private(
                self.folder / _DOCUMENTS / f"{shard:02x}.pickle", (self.code, shards[shard])
            )
        self._loaded, self.read = dict(self._current), True
        ignore = self.folder / ".gitignore"  # ignored in any project, as .pytest_cache is
        if not ignore.exists():
            with contextlib.suppress(OSError):
                ignore.write_text("# Written by build.py: a cache, never committed.\n*\n")
        live = {self._derived_name(record.key) for record in self._current.values()}
        try:
            for entry in os.scandir(self.folder / _DERIVED):
                if entry.name not in live:
                    os.unlink(entry.path)  # a document since edited or removed
        except OSError:
            pass

    def _derived_name(self, key: str) -> str:
        return digest(f"{self.code}:{key}".encode()) + ".pickle"


def _is_record(value: object, shard: int) -> bool:
    if not (isinstance(value, Record) and isinstance(value.document, Document)):
        return False
    return _shard(value.document.src_path) == shard


def _shard(src_path: str) -> int:
    return hashlib.blake2b(src_path.encode("utf-8"), digest_size=2).digest()[0] % _SHARDS


def _read_regular(path: Path, src_path: str) -> bytes | None:
    """The bytes of a regular content file within the size limit, read without waiting on
    a pipe; None for anything else, which load_document reports."""
    try:
        return read_regular(path, src_path, MAX_CONTENT_BYTES)
    except (SiteError, OSError):
        return None
