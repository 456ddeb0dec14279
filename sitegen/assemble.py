"""A build with work to do, stage by stage: load, derive, render, index, write.

Only this module holds the renderer, the cache and the worker processes together: the
renderer returns bytes, the cache remembers units, the workers map a plain function.
pipeline.py imports it only once the up-to-date check has found something to do.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import NamedTuple

from tqdm import tqdm

from .align.segments import Derived, prepare_derive
from .align.timeline import Timeline, timeline_entries
from .model.config import SiteConfig
from .model.content import Document
from .model.load import load_site
from .model.site import Site
from .model.units import Unit, document_unit, site_wide_units
from .output.assets import load_assets
from .output.cache import Cache
from .output.folder import Output
from .output.parallel import parallel_map, worker_count
from .output.shown import Shown
from .output.stages import Stages
from .project import STATIC_DIR
from .render.pages import Renderer

Sink = Callable[[str, object], str]  # takes each file (output path, bytes or PREVIOUS): digest
GroupCounts = dict[str, tuple[int, ...]]  # slug -> sentence groups per paragraph


class Assembled(NamedTuple):
    site: Site
    changed: list[str]  # the output paths written or deleted
    files: list[str]  # every output path the build wrote or kept


def assemble(project: Path, config: SiteConfig, out_dir: Path, stages: Stages) -> Assembled:
    """The whole site into `out_dir` (locked by the caller); any user mistake raises
    SiteError before anything is written."""
    # 1. Load and validate every document and static file (a document whose file is
    #    unchanged since the last build comes from the store).
    site = load_site(project, config, stages.load_document)
    assets = load_assets(project / STATIC_DIR)
    renderer = Renderer(site, project, assets.url)
    cache = stages.cache(out_dir, site, project, assets, renderer.env)
    with stages.output(out_dir) as output, progress_bar(len(site.documents)) as progress:
        # 2. Decide what to carry over: a document unchanged since the last build keeps
        #    its files, and its sentence group counts (the timeline's anchors need them).
        stale, counts = carry_over(cache, site, output.write, progress)
        # 3. Derive (or take from the store), then render, every other document over
        #    every CPU: derived once, before its templates run, and handed to them.
        job = partial(derive_and_render, renderer, stages.derive, output.write)
        documents = [unit.document for unit in stale.values()]
        workers = worker_count() if stages.may_fork else 1
        for done in parallel_map(job, documents, workers, before_fork=prepare_derive):
            counts |= record_rendered(cache, output, stale, done, progress)
        # 4. Derive the timeline (each milestone's anchor, in date order), then render the
        #    pages that list every document, unless what they show is as it was.
        timeline = timeline_entries(site.documents, counts)
        shown = Shown(site.documents, timeline)
        render_site_wide(renderer, cache, timeline, shown, output.write)
        # 5. The cache's record and the static files, then the search index of the
        #    single-language pages (carried over when they are as last time); commit
        #    writes the journal, then moves every changed file into place.
        for name, data in (cache.own_files() | assets.files).items():
            output.write(name, data)
        stages.index(site, output, out_dir)
        output.commit(config.keep)
    return Assembled(site, list(output.changed), list(output.files))


def carry_over(
    cache: Cache, site: Site, sink: Sink, progress: Callable[[int], None]
) -> tuple[dict[str, Unit], GroupCounts]:
    """Hand the cached documents' files on to `sink`; return the units still to render
    (by slug) and the carried-over documents' sentence group counts."""
    stale: dict[str, Unit] = {}
    counts: GroupCounts = {}
    for unit in (document_unit(site, document) for document in site.documents):
        cached = cache.lookup(unit, None)
        if cached is None:
            stale[unit.name] = unit
            continue
        for name, data in cached.files.items():
            sink(name, data)
        cache.record(unit, None, cached.files, cached.counts)
        counts[unit.name] = cached.counts
    progress(len(site.documents) - len(stale))
    return stale, counts


def derive_and_render(
    renderer: Renderer, derive: Callable[[Document], Derived], sink: Sink, document: Document
) -> tuple[str, dict[str, str], tuple[int, ...]]:
    """One document, in whichever process: derived, rendered, handed to `sink` (which
    writes files every worker can reach); returns what the parent records of it: its
    files' digests and its sentence group counts."""
    derived = derive(document)
    files = renderer.render_document(document, derived)
    digests = {name: sink(name, data) for name, data in files.items()}
    return document.slug, digests, derived.counts


def record_rendered(
    cache: Cache,
    output: Output,
    stale: Mapping[str, Unit],
    done: Sequence[tuple],
    progress: Callable,
) -> GroupCounts:
    counts: GroupCounts = {}
    for slug, files, document_counts in done:
        output.adopt(files)
        cache.record(stale[slug], None, files, document_counts)
        counts[slug] = document_counts
    progress(len(done))
    return counts


def render_site_wide(
    renderer: Renderer, cache: Cache, timeline: Timeline, shown: Shown, sink: Sink
) -> None:
    """The pages that list every document and the site's data files, unit by unit."""
    for unit in site_wide_units(renderer.site):
        key = shown(unit) if unit.shows is None else None
        cached = cache.lookup(unit, key)
        files = cached.files if cached else renderer.render_site_wide(unit, timeline)
        for name, data in files.items():
            sink(name, data)
        cache.record(unit, key, files, ())


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int], object]]:
    """A progress bar on a terminal, once a build has taken more than two seconds."""
    options = {"unit": "doc", "delay": 2, "disable": None, "leave": False, "file": sys.stderr}
    with tqdm(total=total, **options) as bar:
        yield bar.update
