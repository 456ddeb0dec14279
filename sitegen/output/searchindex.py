"""The search index: Pagefind over the single-language document pages, into `pagefind/`.

Pagefind (its `extended` binary, which segments Chinese) makes one index per `<html lang>`,
so English, Traditional and Simplified pages are searched apart: `en`, `zh-hant-hk`,
`zh-hans`. It runs once per build, after every page is rendered and before the output is
made visible, on copies of the pages that carry each sentence's translation
(searchpages.py), kept between builds in the project's .sitegen-cache/ so that an edit
prepares its own document's copies again, not every document's (PreparedPages). When
the pages it would read are byte for byte those the previous index was made from
(recorded in `.sitegen-search.json` beside it), the previous index files are carried over
instead: an unchanged rebuild does not index again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
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
# Pagefind's ready-made interfaces: the site has its own (static/search.js), so not these.
_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")
_TIMEOUT = 3600  # seconds: generous (1,000 documents take about 13 s)
_CODE = [Path(__file__), Path(__file__).with_name("searchpages.py")]

Read = Callable[[str], bytes]  # an output file's bytes, by its path in the output
Digest = Callable[[str], str]  # an output file's digest (journal.digest of its bytes)
Sink = Callable[[str, "bytes | Previous"], None]


def index_search(
    site: Site,
    read: Read,
    sink: Sink,
    previous_dir: Path | None,
    workers: int = 1,
    digest_of: Digest | None = None,
    mirror: Path | None = None,
) -> bool:
    """Hand `sink` the search index of the pages `read` gives; True when it was made
    afresh, False when the previous output's index (in `previous_dir`) was carried over.
    `workers` processes prepare the pages (forked: 1 where forking is unsafe); `digest_of`
    gives a page's digest as the journal has it (by default, of the bytes `read` gives);
    `mirror` keeps the pages as prepared for Pagefind between builds (PreparedPages)."""
    groups = list(search_pages(site))
    code, digest_of = _code_digest(), digest_of or (lambda name: file_digest(read(name)))
    group_keys = [_group_key(group, digest_of, code) for group in groups]
    key = _key(group_keys)
    files = _unchanged_index(previous_dir, key) if previous_dir else None
    indexed = files is None
    if files is None:
        fresh = run_pagefind(groups, read, workers, mirror, group_keys) if groups else {}
        for name, data in fresh.items():
            sink(name, data)
        files = list(fresh)
    else:
        for name in files:
            sink(name, PREVIOUS)
    sink(SEARCH_RECORD, json.dumps({"key": key, "files": files}, indent=0).encode())
    return indexed


def run_pagefind(
    groups: list[list[SearchPage]],
    read: Read,
    workers: int = 1,
    mirror: Path | None = None,
    group_keys: list[str] | None = None,
) -> dict[str, bytes]:
    """Index the pages with Pagefind's command line; its files by output path
    (`pagefind/...`), but for Pagefind's own search interfaces. The pages are prepared in
    a scratch folder, or kept up to date in `mirror` (then `group_keys` are the groups')."""
    executable = _executable()
    with tempfile.TemporaryDirectory(prefix="sitegen-search-") as scratch:
        pages, bundle = Path(scratch, "pages"), Path(scratch, "bundle")
        if mirror is not None and group_keys is not None:
            pages = PreparedPages(mirror).update(groups, group_keys, read, workers)
        else:
            for _done in parallel_map(partial(_prepare, read, pages), groups, workers):
                pass
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
        return {
            f"{INDEX_DIR}/{path.relative_to(bundle).as_posix()}": _stable(path)
            for path in sorted(bundle.rglob("*"))
            if path.is_file() and not path.name.startswith(_UNUSED)
        }


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

    def update(
        self, groups: list[list[SearchPage]], keys: list[str], read: Read, workers: int
    ) -> Path:
        known = self._read_record()
        self.record.unlink(missing_ok=True)
        if not known:
            shutil.rmtree(self.pages, ignore_errors=True)  # no record: nothing there is known
        current: dict[str, list] = {}
        stale = []
        for group, key in zip(groups, keys, strict=True):
            name = group[0].page.dest_path
            current[name] = [key, [item.page.dest_path for item in group]]
            if known.get(name, [None])[0] != key:
                stale.append(group)
        for name, (_old, files) in known.items():
            if name not in current or current[name][1] != files:
                for file in files:
                    (self.pages / file).unlink(missing_ok=True)
        for _done in parallel_map(partial(_prepare, read, self.pages), stale, workers):
            pass
        self.pages.mkdir(parents=True, exist_ok=True)
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


def _key(group_keys: list[str]) -> str:
    """What the index is made from: every document's pages, the Pagefind version, this code."""
    digest = hashlib.sha256(_version().encode())
    for key in group_keys:  # each covers this code
        digest.update(key.encode())
    return digest.hexdigest()


def _version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "?"


def _unchanged_index(previous_dir: Path, key: str) -> list[str] | None:
    """The previous index's files, if it was made from the same pages and is all there."""
    try:
        record = json.loads((previous_dir / SEARCH_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = record.get("files") if isinstance(record, dict) else None
    if record.get("key") != key or not isinstance(files, list):
        return None
    if not all(isinstance(name, str) and (previous_dir / name).is_file() for name in files):
        return None
    return files
