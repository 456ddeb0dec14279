"""Rendering spread over processes: each worker renders whole documents.

A document's pages and exports all need its sentence alignment, so a document is never
split between workers: the alignment is computed once, where the document is rendered.
Workers are forked, so they start with the parent's site model, templates, Markdown and
OpenCC converters already built; they write their files into the staging folder
themselves and send back only sentence group counts. Site-wide
pages (home, timeline, 404) are rendered by the parent afterwards, from the sentence
group counts the workers report.

Where `fork` is unavailable (Windows, macOS defaults) or the site is small, everything
runs in the calling process: the output is byte-identical either way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from ..errors import SiteError

if TYPE_CHECKING:
    from ..model.content import Document
    from ..render.pages import Renderer
    from .staging import Previous

PARALLEL_FROM = 40  # documents; below this, starting workers costs more than it saves
CHUNK = 8  # documents per task: small enough to balance, large enough to amortise

Sink = Callable[[str, "bytes | Previous"], None]  # receives each rendered file

# What the forked workers inherit (set just before the pool starts).
_renderer: Renderer | None = None
_sink: Sink | None = None


def worker_count() -> int:
    """Processes to render with: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def render_documents(
    renderer: Renderer,
    documents: list[Document],
    workers: int,
    sink: Sink,
    progress: Callable[[int], None] = lambda done: None,
) -> Iterator[dict[str, list[int]]]:
    """Render each document's files into `sink` (in the workers: it must be safe to call
    from a forked process, as output.Staging.write is); yield sentence group counts."""
    global _renderer, _sink
    chunks = [documents[i : i + CHUNK] for i in range(0, len(documents), CHUNK)]
    if workers < 2 or len(documents) < PARALLEL_FROM or not can_fork():
        for chunk in chunks:
            yield render_chunk(renderer, chunk, sink)
            progress(len(chunk))
        return
    _renderer, _sink = renderer, sink
    try:
        context = multiprocessing.get_context("fork")
        # concurrent.futures, not multiprocessing.Pool: a worker that dies (the system
        # out of memory, say) fails the build instead of leaving it waiting forever.
        with ProcessPoolExecutor(min(workers, len(chunks)), mp_context=context) as pool:
            slugs = [[d.slug for d in chunk] for chunk in chunks]
            for counts in pool.map(_render_in_worker, slugs):
                yield counts
                progress(len(counts))
    except BrokenProcessPool:
        raise SiteError(
            "a rendering process ended unexpectedly (out of memory?); the previous output"
            " is untouched"
        ) from None
    finally:
        _renderer = _sink = None


def _render_in_worker(slugs: list[str]) -> dict[str, list[int]]:
    assert _renderer is not None and _sink is not None, "workers fork after these are set"
    by_slug = _renderer.site.documents_by_slug
    return render_chunk(_renderer, [by_slug[slug] for slug in slugs], _sink)


def render_chunk(renderer: Renderer, documents: list[Document], sink: Sink) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for document in documents:
        for name, data in renderer.render_document(document).items():
            sink(name, data)
        counts[document.slug] = renderer.group_counts(document)
    return counts
