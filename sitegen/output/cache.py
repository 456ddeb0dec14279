"""The build cache: a document whose inputs did not change since the last build of the
same output folder is neither re-aligned nor re-rendered; its files are carried over.

The manifest lives in the output folder it describes (`.sitegen-manifest.json`), so it can
never disagree with the files beside it: a build swaps the folder and its manifest in
together. It records one key for everything every page depends on (site.yaml, the
templates, the static files' names, this package's code and the versions of the
libraries that shape the output) and, per document, a key of its
content with the files it produced and its sentence group counts (the timeline's links
need them). The site-wide files (home, timeline, 404, sitemap, timeline.json) have one
entry too, keyed by what they show of every document: slugs, titles, milestones and
sentence group counts, so an edit to a paragraph's text leaves them as they were.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..model.content import Document

MANIFEST = ".sitegen-manifest.json"
SITE_WIDE = "*site-wide*"  # the site-wide files' entry; no slug can contain "*"
_OUTPUT_LIBRARIES = ("Jinja2", "Markdown", "nh3", "OpenCC", "PyYAML")
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CachedDocument:
    key: str
    files: tuple[str, ...]
    counts: tuple[int, ...]


def site_key(config_repr: str, project: Path, asset_urls: object) -> str:
    """Everything a document's pages depend on besides the document itself."""
    digest = hashlib.sha256()
    digest.update(config_repr.encode("utf-8"))
    digest.update(repr(_library_versions()).encode("utf-8"))
    digest.update(repr(asset_urls).encode("utf-8"))
    folders = ((project / "templates", "*"), (_PACKAGE, "*.py"))
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


def site_wide_key(documents: list[Document], counts: dict[str, list[int]]) -> str:
    """What the site-wide pages show of the documents."""
    shown = [(d.slug, d.title, d.milestones, counts.get(d.slug)) for d in documents]
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


def document_key(document: Document) -> str:
    """The document as loaded (texts, kinds, overrides, milestones, slug, title)."""
    return hashlib.sha256(repr(document).encode("utf-8")).hexdigest()


class BuildCache:
    """The previous build's manifest, if its site key matches; empty otherwise."""

    def __init__(self, out_dir: Path | None, key: str) -> None:
        self.out_dir, self.key = out_dir, key
        self.previous: dict[str, CachedDocument] = {}
        self.current: dict[str, CachedDocument] = {}
        if out_dir is not None:
            self.previous = _read_manifest(out_dir / MANIFEST, key)

    def lookup(self, document: Document) -> CachedDocument | None:
        """The previous files of an unchanged document, when they are all still there."""
        return self.lookup_entry(document.slug, document_key(document))

    def record(self, document: Document, files: list[str], counts: list[int]) -> None:
        self.record_entry(document.slug, document_key(document), files, counts)

    def lookup_entry(self, name: str, key: str) -> CachedDocument | None:
        """What the previous build produced for `name` from inputs of key `key`."""
        cached = self.previous.get(name)
        if cached is None or cached.key != key or self.out_dir is None:
            return None
        if not all((self.out_dir / file).is_file() for file in cached.files):
            return None
        return cached

    def record_entry(self, name: str, key: str, files: list[str], counts: list[int]) -> None:
        self.current[name] = CachedDocument(key, tuple(sorted(files)), tuple(counts))

    def manifest(self) -> bytes:
        documents = {
            slug: {"key": entry.key, "files": list(entry.files), "counts": list(entry.counts)}
            for slug, entry in sorted(self.current.items())
        }
        text = json.dumps({"site": self.key, "documents": documents}, indent=0, sort_keys=True)
        return text.encode("utf-8") + b"\n"


def _read_manifest(path: Path, key: str) -> dict[str, CachedDocument]:
    """A damaged, foreign or outdated manifest is no cache at all, never an error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("site") != key:
            return {}
        return {
            slug: CachedDocument(entry["key"], tuple(entry["files"]), tuple(entry["counts"]))
            for slug, entry in data["documents"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
