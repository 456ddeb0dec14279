"""A large site's search index in parts: its documents cut, by a hash of their address,
into parts of at most about DOCUMENTS_PER_PART, each part its own Pagefind bundle
(`pagefind/`, the primary, and `pagefind/part-N/`), so an edit indexes one part again.
Each part's key says what its bundle is made from (searchindex.py compares it)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .searchpages import SearchPage

INDEX_DIR = "pagefind"
# Pagefind indexes a whole bundle at once, holding every page in memory (about 240 kB a
# page: 7 GB for 30,000 pages) and indexing them all again for one edit. So a large site's
# documents are cut, by a hash of their address, into parts of at most about this many,
# each its own bundle, and only a changed part is indexed again. The count of parts is a
# power of two, so adding documents moves them between parts only when it doubles.
# Smaller parts make an edit cheaper and a reader's first search dearer (it loads every
# part); bench/bench_search_parts.py, 1,000 documents, 50 ms a request: 1 part, edit
# 11.8 s, 453 MB, first search 1.13 s; 4 parts 4.5 s, 138 MB, 1.15 s; 32 parts 1.7 s,
# 107 MB, 1.79 s.
DOCUMENTS_PER_PART = 250
MAX_PARTS = 32  # each part is one more index a search loads: beyond this, parts grow
# The code that makes a bundle from the pages: a change to it makes every part afresh.
_CODE = [
    Path(__file__).with_name(name)
    for name in (
        "searchparts.py",
        "searchpages.py",
        "preparedpages.py",
        "searchindex.py",
        "pagefindcli.py",
    )
]

Digest = Callable[[str], str]  # an output file's digest (journal.digest of its bytes)


@dataclass
class Part:
    """Some documents' pages, indexed together into one bundle."""

    number: int
    groups: list[list[SearchPage]] = field(default_factory=list)
    group_keys: list[str] = field(default_factory=list)
    bundle: str = ""  # its folder in the output: pagefind/ (the primary), pagefind/part-N/

    def key(self) -> str:
        """What its bundle is made from: its documents' pages, the Pagefind version, this
        code (each group key covers it), its place."""
        digest = hashlib.sha256(f"{_version()}\0{self.bundle}".encode())
        for key in self.group_keys:
            digest.update(key.encode())
        return digest.hexdigest()


def part_count(documents: int, per_part: int | None = None) -> int:
    """How many parts `documents` documents are indexed in: 1 up to `per_part`, else the
    power of two that keeps parts at most that big (up to MAX_PARTS)."""
    per_part = per_part or DOCUMENTS_PER_PART
    count = 1
    while count * per_part < documents and count < MAX_PARTS:
        count *= 2
    return count


def part_of(group: list[SearchPage], count: int) -> int:
    """The part a document's pages go to: a hash of its address, the same in every build."""
    if count == 1:
        return 0
    digest = hashlib.sha256(group[0].both.url.encode()).digest()
    return int.from_bytes(digest[:8], "big") % count


def split_into_parts(groups: list[list[SearchPage]], group_keys: list[str]) -> list[Part]:
    """The parts that hold documents, the first of them the primary bundle (pagefind/)."""
    count = part_count(len(groups))
    parts = [Part(number) for number in range(count)]
    for group, key in zip(groups, group_keys, strict=True):
        part = parts[part_of(group, count)]
        part.groups.append(group)
        part.group_keys.append(key)
    held = [part for part in parts if part.groups]
    for at, part in enumerate(held):
        part.bundle = f"{INDEX_DIR}/" if at == 0 else f"{INDEX_DIR}/part-{part.number}/"
    return held


def code_digest() -> bytes:
    """The code that prepares the pages."""
    return hashlib.sha256(b"".join(path.read_bytes() for path in _CODE)).digest()


def group_key(group: list[SearchPage], digest_of: Digest, code: bytes) -> str:
    """What one document's prepared pages are made from: its pages and their counterparts
    (by digest, which the journal already knows: an unchanged rebuild reads no page)."""
    digest = hashlib.sha256(code)
    for item in group:
        for part in (item.page.dest_path, item.counterpart.dest_path, item.both.url):
            digest.update(part.encode() + b"\0")
        digest.update(digest_of(item.page.dest_path).encode() + b"\0")
        digest.update(digest_of(item.counterpart.dest_path).encode() + b"\0")
    return digest.hexdigest()


def _version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "?"
