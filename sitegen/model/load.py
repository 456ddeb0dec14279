"""Load and validate a whole project into the site model: site.yaml, then every document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..project import CONTENT_DIR
from .config import SiteConfig
from .content import Document, load_documents
from .docmeta import source_file
from .site import Site, build_site_model

LoadDocument = Callable[[Path, str, set[str]], Document]


def load_site(project: Path, config: SiteConfig, load: LoadDocument | None = None) -> Site:
    """Every document, validated, laid out as pages that know their paths and URLs.
    `load` reads one content file (the preview's skips files that did not change)."""
    prefixes = {x.prefix for x in config.languages}
    documents = load_documents(project, reserved=prefixes, load=load)
    sources = {d.slug: source_file(project / CONTENT_DIR, d.source) for d in documents}
    return build_site_model(config, documents, {k: v for k, v in sources.items() if v})
