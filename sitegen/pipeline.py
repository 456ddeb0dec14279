"""The build, stage by stage: `build` is the table of contents of the whole tool.

Only this module holds the renderer, the cache and the worker processes together: the
renderer returns bytes, the cache remembers units, the workers map a plain function.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from tqdm import tqdm

from .align.segments import Derived, prepare_derive
from .align.timeline import Timeline, timeline_entries
from .model.content import Document
from .model.load import load_site, load_site_config
from .model.site import Site
from .model.units import Unit, document_unit, site_wide_units
from .output.assets import load_assets
from .output.cache import Cache
from .output.folder import Output, check_output_dir
from .output.parallel import parallel_map, worker_count
from .output.shown import Shown
from .output.stages import BuildStages, Stages
from .output.uptodate import Counts
from .project import STATIC_DIR
from .render.pages import Renderer

Sink = Callable[[str, object], str]  # takes each file (output path, bytes or PREVIOUS): digest
GroupCounts = dict[str, tuple[int, ...]]  # slug -> sentence groups per paragraph


def build(
    project: Path,
    out_dir: Path | None = None,
    base_url: str | None = None,
    stages: Stages | None = None,
    use_cache: bool = True,
) -> BuildResult:
    """Load, validate, derive, render, then write; any user mistake raises SiteError first."""
    started, stages = time.perf_counter(), stages or BuildStages(use_cache)
    # 1. Load and validate site.yaml, the output folder, every document and static file
    #    (a document whose file is unchanged since the last build comes from the store).
    stages.begin(project)
    config = load_site_config(project, base_url)
    out_dir = check_output_dir(out_dir or project / config.output, project)
    with stages.lock(out_dir):
        # Nothing the last build read or wrote has changed: nothing to do, nothing written.
        known = stages.unchanged(out_dir, base_url)
        if known is not None:
            return BuildResult.known(out_dir, known, time.perf_counter() - started)
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
        result = BuildResult.of(out_dir, site, output.changed, time.perf_counter() - started)
        stages.done(output.files, result.counts)
    return result


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


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    pages: int
    documents: int
    paragraphs: int
    milestones: int
    seconds: float
    changed: tuple[str, ...] = ()  # the output paths written or deleted

    @classmethod
    def of(cls, out_dir: Path, site: Site, changed: list[str], seconds: float) -> BuildResult:
        paragraphs = sum(len(d.paragraphs) for d in site.documents)
        milestones = sum(len(d.milestones) for d in site.documents)
        return cls(
            out_dir,
            len(site.pages),
            len(site.documents),
            paragraphs,
            milestones,
            seconds,
            tuple(changed),
        )

    @classmethod
    def known(cls, out_dir: Path, counts: Counts, seconds: float) -> BuildResult:
        """A build that had nothing to do (uptodate.py)."""
        figures = (counts.pages, counts.documents, counts.paragraphs, counts.milestones)
        return cls(out_dir, *figures, seconds)

    @property
    def counts(self) -> Counts:
        return Counts(self.pages, self.documents, self.paragraphs, self.milestones)

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
        written = _plural(len(self.changed), "file") + " changed" if self.changed else "no change"
        return f"Built {pages} ({counts}) into {shown_out} in {self.seconds:.2f} s: {written}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
