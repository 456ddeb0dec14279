"""Rendering over several processes gives exactly what one process gives, errors included."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import many_documents, read_tree
from sitegen.errors import SiteError
from sitegen.output import parallel
from sitegen.pipeline import build

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs the fork start method")


def test_parallel_output_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = many_documents(tmp_path / "project", 12)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)
    build(project, out_dir=tmp_path / "serial")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 2)
    contexts = []
    get_context = parallel.multiprocessing.get_context
    monkeypatch.setattr(
        parallel.multiprocessing, "get_context", lambda m: contexts.append(m) or get_context(m)
    )
    build(project, out_dir=tmp_path / "parallel")
    # Forked twice: the documents rendered, then the pages prepared for the search index.
    assert contexts == ["fork", "fork"], "the build should have used worker processes"
    serial, parallel_tree = read_tree(tmp_path / "serial"), read_tree(tmp_path / "parallel")
    assert serial == parallel_tree
    assert "timeline/index.html" in serial and "data/doc-11.tmx" in serial


def test_a_template_error_in_a_worker_is_reported_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = many_documents(tmp_path / "project", 12)
    template = project / "templates" / "document.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{{ spans(document, number - 1, language) }}",
            "{{ spans(document, number - 1, language).nope.x }}",
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 2)
    with pytest.raises(SiteError) as caught:
        build(project, out_dir=tmp_path / "out")
    [problem] = caught.value.problems
    assert problem.file == "templates/document.html" and problem.line
    assert "nope" in problem.message


def test_check_sees_every_page_of_a_site_big_enough_for_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.check import ERROR, run_check

    project = many_documents(tmp_path / "project", 12)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 2)
    findings = run_check(project)
    assert not [f for f in findings if f.level == ERROR], findings


def test_a_worker_that_dies_fails_the_build_instead_of_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from sitegen.render.pages import Renderer

    project = many_documents(tmp_path / "project", 12)
    out = tmp_path / "out"
    build(project, out_dir=out)
    before = read_tree(out)
    original = Renderer.render_document

    def dies_on_doc_05(self: Renderer, document, *args):  # the system killing a worker
        if document.slug == "doc-5":
            os._exit(137)
        return original(self, document, *args)

    monkeypatch.setattr(Renderer, "render_document", dies_on_doc_05)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 2)
    with pytest.raises(SiteError, match="ended unexpectedly"):
        build(project, out_dir=out, use_cache=False)
    assert read_tree(out) == before
