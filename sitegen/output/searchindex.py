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

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator, Set
from functools import partial
from pathlib import Path

from ..model.site import Site
from . import pagefindcli
from .folder import PREVIOUS, Previous
from .journal import digest as file_digest
from .outputpaths import is_present
from .pagefindcli import ENTRY_FILE
from .parallel import parallel_map
from .preparedpages import PreparedPages, Read, prepare_in
from .searchpages import search_pages
from .searchparts import INDEX_DIR, Digest, Part, code_digest, group_key, split_into_parts

SEARCH_RECORD = ".sitegen-search.json"
# The bundles a search merges (search.js reads it; so can any other Pagefind client).
PARTS_FILE = f"{INDEX_DIR}/parts.json"
# Pagefind's ready-made interfaces: the site has its own (static/search.js), so not these.
_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")
# A merged bundle is searched with the primary's scripts and wasm: its own are not needed.
_PRIMARY_ONLY = ("pagefind.js", "pagefind-worker.js", "wasm.")

Sink = Callable[[str, "bytes | Previous"], None]


def index_search(
    site: Site,
    read: Read,
    sink: Sink,
    previous_dir: Path | None,
    workers: int = 1,
    digest_of: Digest | None = None,
    mirror: Path | None = None,
    intact: Set[str] = frozenset(),
) -> bool:
    """Hand `sink` the search index of the pages `read` gives; True when it changed (a
    part made afresh, or one gone), False when the previous output's (in `previous_dir`)
    was carried over whole. `workers` processes prepare the pages (forked: 1 where
    forking is unsafe); `digest_of` gives a page's digest as the journal has it (by
    default, of the bytes `read` gives); `mirror` keeps the pages as prepared for Pagefind
    between builds (PreparedPages); a previous file in one of the `intact` folders (as the
    last build left them) is there without a look."""
    groups = list(search_pages(site))
    code, digest_of = code_digest(), digest_of or (lambda name: file_digest(read(name)))
    parts = split_into_parts(groups, [group_key(group, digest_of, code) for group in groups])
    previous = _previous_parts(previous_dir) if previous_dir else {}
    record: dict[str, dict] = {}
    stale: list[Part] = []
    for part in parts:
        key = part.key()
        files = _unchanged_files(previous_dir, previous.get(part.bundle), key, intact)
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
    """Index each of the `stale` parts with Pagefind's command line (pagefindcli.py:
    `workers` runs at once, one per language), handed over in order; each part's files by
    output path (`pagefind/...`), but for Pagefind's own search interfaces. The pages are
    prepared in a scratch folder, or kept up to date in `mirror` (then `every_part` are
    the site's parts, all kept there)."""
    program = pagefindcli.executable()
    # A process leaving mid-run (the preview stopped) removes what it can, quietly.
    with tempfile.TemporaryDirectory(
        prefix="sitegen-search-", ignore_cleanup_errors=True
    ) as scratch:
        if mirror is not None and every_part is not None:
            pages = PreparedPages(mirror).update(every_part, read, workers)
        else:
            pages = Path(scratch, "pages")
            jobs = [(pages / str(part.number), group) for part in stale for group in part.groups]
            for _done in parallel_map(partial(prepare_in, read), jobs, workers):
                pass
        jobs = [(part.number, language_folders(part)) for part in stale]
        made = pagefindcli.bundles(program, pages, Path(scratch), jobs, workers)
        for part, bundle in zip(stale, made, strict=True):
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
            shutil.rmtree(bundle)  # handed over: the scratch holds `workers` bundles at most


def language_folders(part: Part) -> list[str]:
    """The folder each language's pages of the part keep to (`en`, `tc`, `sc`), one run of
    Pagefind each; [] when they do not keep to one each (then one run indexes them all)."""
    folders: dict[str, set[str]] = {}
    for group in part.groups:
        for item in group:
            folder, slash, _ = item.page.dest_path.partition("/")
            if not slash:
                return []
            folders.setdefault(item.lang, set()).add(folder)
    if any(len(found) != 1 for found in folders.values()):
        return []
    chosen = [next(iter(found)) for found in folders.values()]
    return sorted(chosen) if len(set(chosen)) == len(chosen) else []


def _stable(path: Path) -> bytes:
    """A bundle file's bytes; the entry file's languages in a fixed order (Pagefind writes
    them in any), so two builds of the same site are byte-identical."""
    data = path.read_bytes()
    if path.name != ENTRY_FILE:
        return data
    entry = json.loads(data)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()


def _previous_parts(previous_dir: Path) -> dict[str, dict]:
    """The previous index's parts as its record has them, by bundle; {} if unreadable."""
    try:
        record = json.loads((previous_dir / SEARCH_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    parts = record.get("parts") if isinstance(record, dict) else None
    return parts if isinstance(parts, dict) else {}


def _unchanged_files(
    previous_dir: Path | None, recorded: object, key: str, intact: Set[str]
) -> list[str] | None:
    """A previous part's files, if it was made from the same pages and is all there."""
    if previous_dir is None or not isinstance(recorded, dict) or recorded.get("key") != key:
        return None
    files = recorded.get("files")
    if not isinstance(files, list) or not files:
        return None
    folder = str(previous_dir)  # 30,000 files at 10,000 documents: most need no look
    if not all(isinstance(name, str) and is_present(folder, name, intact) for name in files):
        return None
    return files
