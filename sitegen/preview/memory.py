"""The preview's memory of what it rendered: the build cache's interface, kept in memory.

A unit is rendered again only when what it reads changed: its templates (and all they
extend or include, by file signature), its document, what a site-wide page shows of every
document (as the build cache has it), the site config or the static files' names.
Carried-over files are handed on as PREVIOUS: the preview's writer (session.py) still
has them in the output folder.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path

import jinja2
from jinja2 import meta

from ..model.site import Site
from ..model.units import Unit
from ..output.assets import Assets
from ..output.cache import Cached
from ..output.folder import PREVIOUS
from ..output.signatures import Signature, file_signature
from ..project import TEMPLATES_DIR


class MemoryCache:
    """Per unit, the key of the inputs it was last rendered from, its files and counts."""

    def __init__(self) -> None:
        self._units: dict[str, tuple[Hashable, tuple[str, ...], tuple[int, ...]]] = {}
        self._pending: dict[str, tuple[Hashable, tuple[str, ...], tuple[int, ...]]] = {}
        self._site_key: tuple | None = None
        self._analysis: dict[str, tuple[Signature | None, set[str]]] = {}
        self._stale: set[str] = set()
        self.rendered: list[str] = []  # the files of the units the last build rendered

    def start(self, site: Site, project: Path, assets: Assets, env: jinja2.Environment) -> None:
        """A new build: forget every unit if the config or the static files' names changed."""
        # repr, not ==: Language.strings is left out of the dataclass's comparison.
        site_key = (repr(site.config), tuple(assets.urls.items()))
        if site_key != self._site_key:
            self._units.clear()
            self._site_key = site_key
        self._env, self._templates_dir = env, project / TEMPLATES_DIR

        self._inputs: dict[tuple[str, ...], tuple] = {}
        self._pending.clear()
        self._stale.clear()
        self.rendered = []

    def lookup(self, unit: Unit, shown: str | None) -> Cached | None:
        remembered = self._units.get(unit.name)
        if remembered is None or remembered[0] != self._key(unit, shown):
            self._stale.add(unit.name)
            return None
        return Cached(dict.fromkeys(remembered[1], PREVIOUS), remembered[2])

    def record(
        self, unit: Unit, shown: str | None, files: Mapping[str, object], counts: Sequence[int]
    ) -> None:
        self._pending[unit.name] = (self._key(unit, shown), tuple(files), tuple(counts))
        if unit.name in self._stale:
            self._stale.discard(unit.name)
            self.rendered += files

    def own_files(self) -> dict[str, bytes]:
        return {}  # nothing on disk: the preview's folder is temporary

    def commit(self) -> None:
        """The build's files are written: remember its units (a failed build's are not)."""
        self._units = self._pending
        self._pending = {}

    def _key(self, unit: Unit, shown: str | None) -> tuple:
        """What the unit reads: its templates (and all they extend or include), its
        document, and what the unit's pages show of the other documents (titles, order,
        milestones and their anchors: the build cache's rule), so a paragraph's edit leaves
        the pages that list documents as they were."""
        shows = shown if unit.shows is None else unit.shows
        return (self._template_inputs(unit.templates), unit.document, shows)

    def _template_inputs(self, names: tuple[str, ...]) -> tuple:
        found = self._inputs.get(names)
        if found is None:
            try:
                closure = set().union(*(self._closure(name) for name in names))
            except jinja2.TemplateError:
                return (object(),)  # never equal: render, and let rendering report it
            found = self._inputs[names] = tuple((n, self._analysis[n][0]) for n in sorted(closure))
        return found

    def _closure(self, name: str) -> set[str]:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self._analyse(current)[1])
        return seen

    def _analyse(self, name: str) -> tuple[Signature | None, set[str]]:
        """What a template references, re-parsed only when its file changed."""
        signature = file_signature(self._templates_dir / name)
        cached = self._analysis.get(name)
        if cached is None or cached[0] != signature:
            source = self._env.loader.get_source(self._env, name)[0]
            tree = self._env.parse(source)
            refs = list(meta.find_referenced_templates(tree))
            if None in refs:  # a computed name: it could be any template
                refs = [p.name for p in self._templates_dir.iterdir() if p.is_file()]
            cached = self._analysis[name] = (signature, set(refs))
        return cached
