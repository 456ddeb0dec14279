"""Render the site model through the Jinja2 templates into bytes, keyed by output path.

The renderer decides nothing about what to render: it is handed a document with its
derived data, or a site-wide unit (model/units.py) with the timeline, and returns bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from ..align.segments import Derived
from ..align.timeline import Timeline
from ..model.content import Document
from ..model.site import TIMELINE_DATA, Page, Site, data_paths
from ..model.units import DATA_UNIT, FEED_TEMPLATE, FEEDS_UNIT, SITEMAP_TEMPLATE, Unit
from ..project import CONTENT_DIR
from .context import Shared, get_context
from .environment import get_template, make_environment, render_template
from .exports import crawler_files, document_json, document_tmx, timeline_json
from .feeds import feed_files
from .text import Texts


class Renderer:
    """Holds what is costly to create (templates, Markdown, OpenCC) for a whole build."""

    def __init__(self, site: Site, project: Path, asset_url: Callable[[str], str]) -> None:
        self.site, self.project = site, project
        self.env = make_environment(project)
        self.shared = Shared(site, Texts(site.config.allow_html), asset_url)

    def render_page(
        self, page: Page, derived: Derived | None = None, timeline: Timeline | None = None
    ) -> bytes:
        context = get_context(page, self.shared, derived, timeline)
        return render_template(self.env, page.template, context, page.url).encode("utf-8")

    def render_document(self, document: Document, derived: Derived) -> dict[str, bytes]:
        """A document's pages and its JSON and TMX exports."""
        files = {
            page.dest_path: self.render_page(page, derived)
            for page in self.site.pages_by_slug[document.slug]
        }
        json_path, tmx_path = data_paths(document.slug)
        files[json_path] = document_json(document, derived)
        files[tmx_path] = document_tmx(document, derived, self.site, self.shared.texts)
        source = self.site.source_path(document)
        if source:  # the file it came from, as it is in content/
            name = self.site.sources[document.slug].name
            files[source] = (self.project / CONTENT_DIR / name).read_bytes()
        return files

    def render_site_wide(self, unit: Unit, timeline: Timeline) -> dict[str, bytes]:
        """A site-wide unit's files, from every milestone in date order."""
        if unit.name == DATA_UNIT:
            files = {TIMELINE_DATA: timeline_json(self.site, self.shared.texts, timeline)}
            sitemap = get_template(self.env, SITEMAP_TEMPLATE)
            return files | crawler_files(self.site, lambda **context: sitemap.render(context))
        if unit.name == FEEDS_UNIT:
            feed = get_template(self.env, FEED_TEMPLATE)
            return feed_files(self.site, self.shared.texts, lambda **c: feed.render(c))
        pages = self._pages
        return {name: self.render_page(pages[name], None, timeline) for name in unit.files}

    @cached_property
    def _pages(self) -> dict[str, Page]:
        return {page.dest_path: page for page in self.site.pages}
