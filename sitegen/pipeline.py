"""The build, stage by stage: the table of contents of the whole tool."""

from __future__ import annotations

import dataclasses
import sys
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .model.config import SiteConfig, load_config, normalise_base_url
from .model.content import Document, load_document, load_documents
from .model.site import Site, build_site_model
from .output.assets import STATIC_DIR, Assets, load_assets
from .output.cache import BuildCache, site_key
from .output.parallel import Sink, worker_count
from .output.staging import Output, Staging, check_output_dir, locked
from .render.pages import Renderer


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    pages: int
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

    def renderer(
        self,
        site: Site,
        project: Path,
        assets: Assets,
        out_dir: Path | None = None,
        use_cache: bool = True,
    ) -> Renderer:
        """A renderer for one build. Building into `out_dir`, it renders over every CPU
        (the workers write into the staging folder) and reuses what the last build of
        `out_dir` rendered; rendering into memory (`check`) stays in this process."""
        renderer = Renderer(site, project, asset_url=assets.url)
        if out_dir is not None:
            renderer.workers = worker_count()
            key = site_key(repr(site.config), project, assets.urls)
            renderer.cache = BuildCache(out_dir if use_cache else None, key)
        return renderer

    def lock(self, out_dir: Path) -> AbstractContextManager[None]:
        """Held for the whole build: one build at a time per output folder."""
        return locked(out_dir)

    def output(self, out_dir: Path) -> Output:
        """Where rendered files go: a staging folder swapped in whole by commit()."""
        return Staging(out_dir)


def build(
    project: Path,
    out_dir: Path | None = None,
    base_url: str | None = None,
    stages: Stages | None = None,
    use_cache: bool = True,
) -> BuildResult:
    """Load, validate, derive, render, then write; any user mistake raises SiteError first.

    With `use_cache`, documents unchanged since the last build of `out_dir` are carried
    over from it instead of rendered again (buildcache.py).
    """
    started = time.perf_counter()
    stages = stages or Stages()
    # 1. Load and validate the configuration, the output folder and every document.
    config = load_site_config(project, base_url)
    out_dir = check_output_dir(out_dir or project / config.output, project)
    with stages.lock(out_dir):
        site = load_site(project, config, stages)

        # 2. Render every page, data file and static asset into a staging folder beside
        #    the output (3) that replaces the output whole once everything has rendered.
        with stages.output(out_dir) as output:
            render_into(output.write, project, site, stages, out_dir, use_cache)
            output.commit(config.keep)

    return BuildResult(
        out_dir=out_dir,
        pages=len(site.pages),
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


def render_files(project: Path, site: Site) -> dict[str, bytes]:
    """The whole site in memory (for `check`): output path -> bytes."""
    files: dict[str, bytes] = {}
    render_into(files.__setitem__, project, site)
    return files


def render_into(
    sink: Sink,
    project: Path,
    site: Site,
    stages: Stages | None = None,
    out_dir: Path | None = None,
    use_cache: bool = True,
) -> None:
    """Pages, data exports and static assets (CSS/JS content-hashed) into `sink`, as
    (output path, bytes or PREVIOUS for a file carried over from the last build of
    `out_dir`). With an `out_dir`, worker processes call `sink` too, so it must write
    somewhere they all share (output.Staging writes files)."""
    stages = stages or Stages()
    assets = load_assets(project / STATIC_DIR)
    renderer = stages.renderer(site, project, assets, out_dir, use_cache)
    # A progress bar on a terminal, once a build has taken more than two seconds.
    with tqdm(
        total=len(site.documents), unit="doc", delay=2, disable=None, leave=False, file=sys.stderr
    ) as bar:
        renderer.render_site(sink, progress=bar.update)
    for name, data in assets.files.items():
        sink(name, data)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
