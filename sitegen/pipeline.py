"""The build, stage by stage: the table of contents of the whole tool."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path

from .config import load_config, normalise_base_url
from .content import load_documents
from .output import STATIC_DIR, check_output_dir, write_site
from .render import Renderer
from .site import build_site_model


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    pages: int
    files: int
    documents: int
    paragraphs: int
    milestones: int
    seconds: float

    def summary(self, shown_out: str) -> str:
        counts = ", ".join(
            _plural(n, noun)
            for n, noun in (
                (self.documents, "document"),
                (self.paragraphs, "paragraph"),
                (self.milestones, "milestone"),
            )
        )
        pages = _plural(self.pages, "page")
        return f"Built {pages} ({counts}) into {shown_out} in {self.seconds:.2f} s"


def build(project: Path, out_dir: Path | None = None, base_url: str | None = None) -> BuildResult:
    """Load, validate, derive, render, then write; any user mistake raises SiteError first."""
    started = time.perf_counter()
    # 1. Load and validate the configuration and every document, before writing anything.
    config = load_config(project)
    if base_url is not None:
        config = dataclasses.replace(config, base_url=normalise_base_url(base_url))
    out_dir = check_output_dir(out_dir or project / config.output, project)
    prefixes = {x.prefix for x in config.languages}
    documents = load_documents(project, reserved=prefixes)

    # 2. Lay out the site: every page knows its output path and URL.
    site = build_site_model(config, documents)

    # 3. Render every page and data file in memory.
    renderer = Renderer(site, project, asset_url=lambda name: f"{STATIC_DIR}/{name}")
    files = renderer.render_site()

    # 4. Write: staged beside the output and swapped in whole.
    write_site(files, project / STATIC_DIR, out_dir)

    return BuildResult(
        out_dir=out_dir,
        pages=len(site.pages),
        files=len(files),
        documents=len(documents),
        paragraphs=sum(len(d.paragraphs) for d in documents),
        milestones=sum(len(d.milestones) for d in documents),
        seconds=time.perf_counter() - started,
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
