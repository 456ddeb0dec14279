"""The build, stage by stage: the table of contents of the whole tool."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path

from .assets import STATIC_DIR, Assets, load_assets
from .config import SiteConfig, load_config, normalise_base_url
from .content import Document, load_document, load_documents
from .output import check_output_dir, write_site
from .render import Renderer
from .site import Site, build_site_model


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


class Stages:
    """How a build reads a document, gets its renderer and writes. A plain build remembers
    nothing; the preview's subclass (incremental.py) redoes only what changed between runs."""

    def load_document(self, path: Path, src_path: str, reserved: set[str]) -> Document:
        return load_document(path, src_path, reserved)

    def renderer(self, site: Site, project: Path, assets: Assets) -> Renderer:
        return Renderer(site, project, asset_url=assets.url)

    def write(self, files: dict[str, bytes], out_dir: Path, keep: tuple[str, ...] = ()) -> None:
        write_site(files, out_dir, keep=keep)


def build(
    project: Path,
    out_dir: Path | None = None,
    base_url: str | None = None,
    stages: Stages | None = None,
) -> BuildResult:
    """Load, validate, derive, render, then write; any user mistake raises SiteError first."""
    started = time.perf_counter()
    stages = stages or Stages()
    # 1. Load and validate the configuration, the output folder and every document.
    config = load_site_config(project, base_url)
    out_dir = check_output_dir(out_dir or project / config.output, project)
    site = load_site(project, config, stages)

    # 2. Render every page, data file and static asset in memory.
    files = render_files(project, site, stages)

    # 3. Write: staged beside the output and swapped in whole.
    stages.write(files, out_dir, keep=config.keep)

    return BuildResult(
        out_dir=out_dir,
        pages=len(site.pages),
        files=len(files),
        documents=len(site.documents),
        paragraphs=sum(len(d.paragraphs) for d in site.documents),
        milestones=sum(len(d.milestones) for d in site.documents),
        seconds=time.perf_counter() - started,
    )


def load_site_config(project: Path, base_url: str | None = None) -> SiteConfig:
    """site.yaml, with the command line's --base-url winning over it."""
    config = load_config(project)
    if base_url is not None:
        config = dataclasses.replace(config, base_url=normalise_base_url(base_url))
    return config


def load_site(project: Path, config: SiteConfig, stages: Stages | None = None) -> Site:
    """Every document, validated, laid out as pages that know their paths and URLs."""
    prefixes = {x.prefix for x in config.languages}
    load = (stages or Stages()).load_document
    documents = load_documents(project, reserved=prefixes, load=load)
    return build_site_model(config, documents)


def render_files(project: Path, site: Site, stages: Stages | None = None) -> dict[str, bytes]:
    """Pages, data exports and static assets (CSS/JS content-hashed): output path -> bytes."""
    assets = load_assets(project / STATIC_DIR)
    renderer = (stages or Stages()).renderer(site, project, assets)
    return {**renderer.render_site(), **assets.files}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
