"""Rendering over several processes gives exactly what one process gives, errors included."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TINY_DOCUMENT, make_project
from sitegen import parallel
from sitegen.errors import SiteError
from sitegen.pipeline import build

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs the fork start method")


def _project(root: Path, count: int = 12) -> Path:
    files = {
        f"content/doc-{n:02}.yaml": TINY_DOCUMENT.replace("Hello", f"Doc {n}").replace(
            "2024", str(2000 + n)
        )
        for n in range(count)
    }
    return make_project(root, files)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_parallel_output_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path / "project")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**9)
    build(project, out_dir=tmp_path / "serial")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    monkeypatch.setattr("sitegen.pipeline.worker_count", lambda: 2)
    contexts = []
    get_context = parallel.multiprocessing.get_context
    monkeypatch.setattr(
        parallel.multiprocessing, "get_context", lambda m: contexts.append(m) or get_context(m)
    )
    build(project, out_dir=tmp_path / "parallel")
    assert contexts == ["fork"], "the build should have rendered in worker processes"
    serial, parallel_tree = _tree(tmp_path / "serial"), _tree(tmp_path / "parallel")
    assert serial == parallel_tree
    assert "timeline/index.html" in serial and "data/doc-11.tmx" in serial


def test_a_template_error_in_a_worker_is_reported_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path / "project")
    template = project / "templates" / "document.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace("{{ sentence }}", "{{ sentence.nope.x }}"),
        encoding="utf-8",
    )
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr("sitegen.pipeline.worker_count", lambda: 2)
    with pytest.raises(SiteError) as caught:
        build(project, out_dir=tmp_path / "out")
    [problem] = caught.value.problems
    assert problem.file == "templates/document.html" and problem.line
    assert "nope" in problem.message


def test_check_sees_every_page_of_a_site_big_enough_for_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.check import ERROR, run_check

    project = _project(tmp_path / "project")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr("sitegen.pipeline.worker_count", lambda: 2)
    findings = run_check(project)
    assert not [f for f in findings if f.level == ERROR], findings


def test_a_worker_that_dies_fails_the_build_instead_of_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from sitegen.render import Renderer

    project = _project(tmp_path / "project")
    out = tmp_path / "out"
    build(project, out_dir=out)
    before = _tree(out)
    original = Renderer.render_document

    def dies_on_doc_05(self: Renderer, document):  # the system killing a worker
        if document.slug == "doc-05":
            os._exit(137)
        return original(self, document)

    monkeypatch.setattr(Renderer, "render_document", dies_on_doc_05)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr("sitegen.pipeline.worker_count", lambda: 2)
    with pytest.raises(SiteError, match="ended unexpectedly"):
        build(project, out_dir=out, use_cache=False)
    assert _tree(out) == before
