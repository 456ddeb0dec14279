"""The preview's memory between rebuilds: load, render and write again only what changed.

The preview runs the same `build()` in a loop (pipeline.py); these stages make each run
cheap. A content file is parsed again only when its stat changed; a page is rendered again
only when what it reads changed (its templates, its document, every document if its
templates list them, the site config or the asset names); a file is written only when its
bytes changed. With nothing remembered, they do what a plain build does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from ..model.content import Document
from ..model.site import Page, Site
from ..output.assets import Assets
from ..output.staging import MARKER, MARKER_TEXT, Output, Previous
from ..pipeline import Stages
from ..render.pages import TEMPLATES_DIR, Renderer

# Template variables that read every document: a page using one is rendered again
# whenever any document changes (the home page's list, the timeline).
SITE_WIDE = {"documents", "timeline"}

Signature = tuple[int, int, int]


def file_signature(path: Path | str) -> Signature | None:
    """(mtime, size, inode): an editor's atomic save (rename over) changes the inode too."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class IncrementalStages(Stages):
    """Stages that remember documents, rendered pages and written files between builds."""

    def __init__(self) -> None:
        self._documents: dict[str, tuple[tuple, Document]] = {}
        self._renderer: CachingRenderer | None = None
        self._written: dict[str, bytes] = {}
        self.changed: list[str] = []  # output paths the last write changed or removed

    @property
    def rendered(self) -> list[str]:
        """Pages and data files the last build rendered (the others were unchanged)."""
        return self._renderer.rendered if self._renderer else []

    def load_document(self, path: Path, src_path: str, reserved: set[str]) -> Document:
        # Stat before reading: a save during the read then shows as a change next time.
        key = (file_signature(path), frozenset(reserved))
        cached = self._documents.get(src_path)
        if cached and cached[0] == key:
            return cached[1]
        document = super().load_document(path, src_path, reserved)
        self._documents[src_path] = (key, document)
        return document

    def renderer(
        self,
        site: Site,
        project: Path,
        assets: Assets,
        out_dir: Path | None = None,
        use_cache: bool = True,
    ) -> Renderer:
        """One process, no build cache: this renderer keeps its own, in memory."""
        if self._renderer is None or self._renderer.markdown.allow_html != site.config.allow_html:
            self._renderer = CachingRenderer(site, project, asset_url=assets.url)
        self._renderer.start(site, assets)
        return self._renderer

    def lock(self, out_dir: Path) -> AbstractContextManager[None]:
        return nullcontext()  # the preview's own temporary folder: one server writes it

    def output(self, out_dir: Path) -> Output:
        return _Collected(self, out_dir)

    def write(self, files: dict[str, bytes], out_dir: Path, keep: tuple[str, ...] = ()) -> None:
        """Only changed files, each replaced atomically, so a page is never served half written."""
        changed = [name for name, data in files.items() if self._written.get(name) != data]
        for name in changed:
            _replace(out_dir / name, files[name])
        removed = sorted(self._written.keys() - files.keys())
        for name in removed:
            (out_dir / name).unlink(missing_ok=True)
        if not (out_dir / MARKER).is_file():  # check_output_dir wants to know the folder is ours
            _replace(out_dir / MARKER, MARKER_TEXT)
        self._written = dict(files)
        self.changed = changed + removed


class _Collected:
    """The whole site gathered in memory, then written by IncrementalStages.write: the
    preview compares it with what it wrote last time and replaces only what changed."""

    def __init__(self, stages: IncrementalStages, out_dir: Path) -> None:
        self.stages, self.out_dir = stages, out_dir
        self.files: dict[str, bytes] = {}

    def __enter__(self) -> _Collected:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def write(self, rel_path: str, data: bytes | Previous) -> None:
        assert isinstance(data, bytes), "the preview uses no build cache"
        self.files[rel_path] = data

    def commit(self, keep: tuple[str, ...] = ()) -> None:
        self.stages.write(dict(sorted(self.files.items())), self.out_dir, keep)


class CachingRenderer(Renderer):
    """A Renderer that keeps each page's HTML with the inputs it was rendered from."""

    def __init__(self, site: Site, project: Path, asset_url: Callable[[str], str]) -> None:
        super().__init__(site, project, asset_url)
        self._templates_dir = project / TEMPLATES_DIR
        self._pages: dict[str, tuple[tuple, str]] = {}  # dest_path -> (inputs, html)
        self._data: dict[tuple[str, str], tuple[Document, Any]] = {}  # (kind, slug)
        self._analysis: dict[str, tuple[Signature | None, set[str], bool]] = {}
        self._inputs: dict[str, tuple] = {}  # template -> its inputs, for this build
        self._site_key: tuple | None = None
        self.rendered: list[str] = []  # pages and data files rendered by the last build

    def start(self, site: Site, assets: Assets) -> None:
        """A new build: forget everything if the config or the asset names changed."""
        # repr, not ==: Language.strings is left out of the dataclass's comparison.
        site_key = (repr(site.config), assets.urls)
        if site_key != self._site_key:
            self._pages.clear()
            self._data.clear()
            self._site_key = site_key
        self.site, self.asset_url = site, assets.url
        self._timeline = None  # both read every document: recomputed per build
        self._group_counts.clear()
        self._inputs.clear()
        self._all_documents = tuple(site.documents)
        self.rendered = []

    def render_page(self, page: Page) -> str:
        inputs = (self._template_inputs(page.template), page.document)
        cached = self._pages.get(page.dest_path)
        if cached and cached[0] == inputs:
            return cached[1]
        html = super().render_page(page)
        self._pages[page.dest_path] = (inputs, html)
        self.rendered.append(page.dest_path)
        return html

    def render_data(self, document: Document) -> str:
        return self._per_document("json", document, super().render_data)

    def render_tmx(self, document: Document) -> bytes:
        return self._per_document("tmx", document, super().render_tmx)

    def _per_document(self, kind: str, document: Document, render: Callable) -> Any:
        """An export that reads only its document (and the config, see start)."""
        cached = self._data.get((kind, document.slug))
        if cached and cached[0] == document:
            return cached[1]
        output = render(document)
        self._data[(kind, document.slug)] = (document, output)
        self.rendered.append(f"data/{document.slug}.{kind}")
        return output

    def _template_inputs(self, name: str) -> tuple:
        """The signatures of a template and all it extends or includes, plus every
        document when one of them reads a SITE_WIDE variable."""
        found = self._inputs.get(name)
        if found is None:
            try:
                closure = self._closure(name)
            except jinja2.TemplateError:
                return (object(),)  # never equal: render, and let render_page report it
            signatures = tuple((n, self._analysis[n][0]) for n in sorted(closure))
            reads_all = any(self._analysis[n][2] for n in closure)
            found = self._inputs[name] = (signatures, self._all_documents if reads_all else None)
        return found

    def _closure(self, name: str) -> set[str]:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self._analyse(current)[1])
        return seen

    def _analyse(self, name: str) -> tuple[Signature | None, set[str], bool]:
        """What a template references, re-parsed only when its file changed."""
        signature = file_signature(self._templates_dir / name)
        cached = self._analysis.get(name)
        if cached is None or cached[0] != signature:
            source = self.env.loader.get_source(self.env, name)[0]
            tree = self.env.parse(source)
            refs = list(meta.find_referenced_templates(tree))
            if None in refs:  # a computed name: it could be any template
                refs = [p.name for p in self._templates_dir.iterdir() if p.is_file()]
            reads = bool(SITE_WIDE & meta.find_undeclared_variables(tree))
            cached = self._analysis[name] = (signature, set(refs), reads)
        return cached


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")  # dot files are never served
    temporary.write_bytes(data)
    os.replace(temporary, target)
