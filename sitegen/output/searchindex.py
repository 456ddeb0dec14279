"""The search index: Pagefind over the single-language document pages, into `pagefind/`.

Pagefind (its `extended` binary, which segments Chinese) makes one index per `<html lang>`,
so English, Traditional and Simplified pages are searched apart: `en`, `zh-hant-hk`,
`zh-hans`. It runs after every page is rendered and before the output is made visible, on
copies of the pages that carry each sentence's translation (searchpages.py), kept between
builds in the project's .sitegen-cache/ so that an edit prepares its own document's copies
again, not every document's (PreparedPages). A large site is indexed in parts (bundles
`pagefind/` and `pagefind/part-N/`, listed in `pagefind/parts.json`; search.js merges
them): a part whose pages are byte for byte those its previous bundle was made from
(recorded in `.sitegen-search.json`) is carried over, so an edit indexes one part again
and an unchanged rebuild none.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path

from ..errors import SiteError
from ..model.site import Site
from .folder import PREVIOUS, Previous
from .journal import digest as file_digest
from .parallel import parallel_map
from .searchpages import SearchPage, indexed_html, search_pages, sentence_texts

SEARCH_RECORD = ".sitegen-search.json"
INDEX_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
# The bundles a search merges (search.js reads it; so can any other Pagefind client).
PARTS_FILE = f"{INDEX_DIR}/parts.json"
# Pagefind indexes a whole bundle at once, holding every page in memory (about 240 kB a
# page: 7 GB for 30,000 pages) and indexing them all again for one edit. So a large site's
# documents are cut, by a hash of their address, into parts of at most about this many,
# each its own bundle, and only a changed part is indexed again. The count of parts is a
# power of two, so adding documents moves them between parts only when it doubles.
DOCUMENTS_PER_PART = 1000
MAX_PARTS = 64  # each part is one more index a search loads: beyond this, parts grow
# Pagefind's ready-made interfaces: the site has its own (static/search.js), so not these.
_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")
# A merged bundle is searched with the primary's scripts and wasm: its own are not needed.
_PRIMARY_ONLY = ("pagefind.js", "pagefind-worker.js", "wasm.")
_TIMEOUT = 3600  # seconds: generous (1,000 documents take about 13 s)
_CODE = [Path(__file__), Path(__file__).with_name("searchpages.py")]

Read = Callable[[str], bytes]  # an output file's bytes, by its path in the output
Digest = Callable[[str], str]  # an output file's digest (journal.digest of its bytes)
Sink = Callable[[str, "bytes | Previous"], None]


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


def index_search(
    site: Site,
    read: Read,
    sink: Sink,
    previous_dir: Path | None,
    workers: int = 1,
    digest_of: Digest | None = None,
    mirror: Path | None = None,
) -> bool:
    """Hand `sink` the search index of the pages `read` gives; True when it changed (a
    part made afresh, or one gone), False when the previous output's (in `previous_dir`)
    was carried over whole. `workers` processes prepare the pages (forked: 1 where
    forking is unsafe); `digest_of` gives a page's digest as the journal has it (by
    default, of the bytes `read` gives); `mirror` keeps the pages as prepared for Pagefind
    between builds (PreparedPages)."""
    groups = list(search_pages(site))
    code, digest_of = _code_digest(), digest_of or (lambda name: file_digest(read(name)))
    parts = split_into_parts(groups, [_group_key(group, digest_of, code) for group in groups])
    previous = _previous_parts(previous_dir) if previous_dir else {}
    record: dict[str, dict] = {}
    stale: list[Part] = []
    for part in parts:
        key = part.key()
        files = _unchanged_files(previous_dir, previous.get(part.bundle), key)
        if files is None:
            stale.append(part)
        else:
            for name in files:
                sink(name, PREVIOUS)
        record[part.bundle] = {"key": key, "files": files}
    if stale:
        for part, fresh in run_pagefind(stale, read, workers, mirror, parts):
            for name, data in fresh.items():
                sink(name, data)
            record[part.bundle]["files"] = list(fresh)
    changed = bool(stale) or previous.keys() != record.keys()  # or a part is gone
    if parts:
        bundles = [part.bundle.removeprefix(f"{INDEX_DIR}/") for part in parts]
        sink(PARTS_FILE, json.dumps({"bundles": bundles}).encode() if changed else PREVIOUS)
    files = [name for entry in record.values() for name in entry["files"]]
    files += [PARTS_FILE] if parts else []
    sink(SEARCH_RECORD, json.dumps({"parts": record, "files": files}, indent=0).encode())
    return changed


def run_pagefind(
    stale: list[Part],
    read: Read,
    workers: int = 1,
    mirror: Path | None = None,
    every_part: list[Part] | None = None,
) -> Iterator[tuple[Part, dict[str, bytes]]]:
    """Index each of the `stale` parts with Pagefind's command line, one after another (so
    memory is one part's); each part's files by output path (`pagefind/...`), but for
    Pagefind's own search interfaces. The pages are prepared in a scratch folder, or kept
    up to date in `mirror` (then `every_part` are the site's parts, all kept there)."""
    executable = _executable()
    with tempfile.TemporaryDirectory(prefix="sitegen-search-") as scratch:
        if mirror is not None and every_part is not None:
            pages = PreparedPages(mirror).update(every_part, read, workers)
        else:
            pages = Path(scratch, "pages")
            jobs = [(pages / str(part.number), group) for part in stale for group in part.groups]
            for _done in parallel_map(partial(_prepare_in, read), jobs, workers):
                pass
        for part in stale:
            bundle = Path(scratch, f"bundle-{part.number}")
            _pagefind(executable, pages / str(part.number), bundle)
            primary = part.bundle == f"{INDEX_DIR}/"
            yield (
                part,
                {
                    f"{part.bundle}{path.relative_to(bundle).as_posix()}": _stable(path)
                    for path in sorted(bundle.rglob("*"))
                    if path.is_file()
                    and not path.name.startswith(_UNUSED)
                    and (primary or not path.name.startswith(_PRIMARY_ONLY))
                },
            )
            shutil.rmtree(bundle)  # handed over: the scratch holds one part's bundle at most


def _pagefind(executable: Path, pages: Path, bundle: Path) -> None:
    command = [str(executable), "--site", str(pages), "--output-path", str(bundle)]
    command += ["--root-selector", "main", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise SiteError(f"the search index: Pagefind took over {_TIMEOUT} s") from None
    if result.returncode != 0:
        raise SiteError(
            f"the search index: Pagefind failed: {(result.stderr or result.stdout).strip()}"
        )


def _prepare_in(read: Read, job: tuple[Path, list[SearchPage]]) -> None:
    _prepare(read, *job)


def _prepare(read: Read, pages: Path, group: list[SearchPage]) -> None:
    """One document's pages as Pagefind should read them, written below `pages`."""
    counterparts = {item.counterpart.dest_path for item in group}
    texts = {name: sentence_texts(read(name)) for name in counterparts}
    for item in group:
        target = pages / item.page.dest_path
        target.parent.mkdir(parents=True, exist_ok=True)
        html = read(item.page.dest_path)
        target.write_bytes(indexed_html(item, html, texts[item.counterpart.dest_path]))


def _stable(path: Path) -> bytes:
    """A bundle file's bytes; the entry file's languages in a fixed order (Pagefind writes
    them in any), so two builds of the same site are byte-identical."""
    data = path.read_bytes()
    if path.name != ENTRY_FILE:
        return data
    entry = json.loads(data)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()


def _executable() -> Path:
    from pagefind.service import get_executable  # the wheel's binary, or one on PATH

    executable = get_executable()
    if executable is None or not executable.is_file():
        raise SiteError(
            "the search index needs Pagefind's program: python3 -m pip install -r"
            " requirements.txt (it installs pagefind[extended])"
        )
    return executable


class PreparedPages:
    """The pages as prepared for Pagefind, kept between builds in `folder` (in the
    project's .sitegen-cache/), so an edit prepares its own document's pages again, not
    every document's. Its record (each group's key and files) is removed before the folder
    changes and written once it is whole: a build killed in between starts afresh."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.pages, self.record = folder, folder / "pages", folder / "groups.json"

    def update(self, parts: list[Part], read: Read, workers: int) -> Path:
        """Every part's pages prepared, each part in its own folder (`pages/<number>/`);
        the folder that holds them."""
        known = self._read_record()
        self.record.unlink(missing_ok=True)
        if not known:
            shutil.rmtree(self.pages, ignore_errors=True)  # no record: nothing there is known
        current: dict[str, list] = {}
        stale = []
        for part in parts:
            for group, key in zip(part.groups, part.group_keys, strict=True):
                name = group[0].page.dest_path
                files = [f"{part.number}/{item.page.dest_path}" for item in group]
                current[name] = [key, files]
                if known.get(name) != [key, files]:
                    stale.append((self.pages / str(part.number), group))
        for name, (_old, files) in known.items():
            if name not in current or current[name][1] != files:
                for file in files:
                    (self.pages / file).unlink(missing_ok=True)
        for _done in parallel_map(partial(_prepare_in, read), stale, workers):
            pass
        for part in parts:  # Pagefind wants the folder even if nothing was prepared
            (self.pages / str(part.number)).mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps(current), encoding="utf-8")
        return self.pages

    def _read_record(self) -> dict[str, list]:
        try:
            found = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(found, dict) or not all(
            isinstance(v, list) and len(v) == 2 and isinstance(v[1], list) for v in found.values()
        ):
            return {}
        return found


def _code_digest() -> bytes:
    """The code that prepares the pages."""
    return hashlib.sha256(b"".join(path.read_bytes() for path in _CODE)).digest()


def _group_key(group: list[SearchPage], digest_of: Digest, code: bytes) -> str:
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


def _previous_parts(previous_dir: Path) -> dict[str, dict]:
    """The previous index's parts as its record has them, by bundle; {} if unreadable."""
    try:
        record = json.loads((previous_dir / SEARCH_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    parts = record.get("parts") if isinstance(record, dict) else None
    return parts if isinstance(parts, dict) else {}


def _unchanged_files(previous_dir: Path | None, recorded: object, key: str) -> list[str] | None:
    """A previous part's files, if it was made from the same pages and is all there."""
    if previous_dir is None or not isinstance(recorded, dict) or recorded.get("key") != key:
        return None
    files = recorded.get("files")
    if not isinstance(files, list) or not files:
        return None
    if not all(isinstance(name, str) and (previous_dir / name).is_file() for name in files):
        return None
    return files
