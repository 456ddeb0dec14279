"""The build: `build` is the table of contents of the whole tool, and its first step tells
whether there is anything to do at all (assemble.py holds the stages of one that has).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .model.config import load_site_config
from .output.folder import check_output_dir
from .output.stages import BuildStages, Stages
from .output.uptodate import Counts

if TYPE_CHECKING:
    from .model.site import Site


def build(
    project: Path,
    out_dir: Path | None = None,
    base_url: str | None = None,
    stages: Stages | None = None,
    use_cache: bool = True,
) -> BuildResult:
    """Load, validate, derive, render, then write; any user mistake raises SiteError first."""
    started, stages = time.perf_counter(), stages or BuildStages(use_cache)
    # 0. The inputs' signatures, site.yaml and the output folder.
    stages.begin(project)
    config = load_site_config(project, base_url)
    out_dir = check_output_dir(out_dir or project / config.output, project)
    with stages.lock(out_dir):
        # Nothing the last build read or wrote has changed: nothing to do, nothing written
        # (and the loader, aligner and renderer, a third of a second to import, never are).
        known = stages.unchanged(out_dir, base_url)
        if known is not None:
            return BuildResult.known(out_dir, known, time.perf_counter() - started)
        from .assemble import assemble  # 1-5: load, derive, render, index, write

        site, changed, files = assemble(project, config, out_dir, stages)
        result = BuildResult.of(out_dir, site, changed, time.perf_counter() - started)
        stages.done(files, result.counts, changed)
    return result


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
