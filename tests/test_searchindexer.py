"""The preview's search index (sitegen/preview/searchindexer.py): made in a background
thread after the preview's build, following edits, its stale files removed, and left
alone when the pages did not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TINY_DOCUMENT
from preview_harness import wait_until
from sitegen.output.searchindex import INDEX_DIR, SEARCH_RECORD
from sitegen.pipeline import build
from sitegen.preview.searchindexer import BackgroundIndex, PagesOnDisk
from sitegen.preview.session import PreviewStages


def record(out: Path) -> dict:
    try:
        return json.loads((out / SEARCH_RECORD).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def index_files(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in (out / INDEX_DIR).rglob("*") if p.is_file()}


def settled(stages: PreviewStages) -> bool:
    return stages.wait_for_index(timeout=0)


def test_the_index_follows_the_preview_in_the_background(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, stages = tmp_path / "preview", PreviewStages()
    build(tiny_project, out, stages=stages)
    wait_until(lambda: settled(stages) and record(out), what="the first index")
    first = record(out)
    assert index_files(out) == set(first["files"])
    assert "Indexed 3 pages for search" in capsys.readouterr().out

    content = tiny_project / "content" / "hello.yaml"
    content.write_text(TINY_DOCUMENT.replace("Intro", "Opening words"), encoding="utf-8")
    build(tiny_project, out, stages=stages)
    wait_until(lambda: settled(stages) and record(out)["parts"] != first["parts"], what="an index")
    assert index_files(out) == set(record(out)["files"]), "the old index's files stay behind"
    assert "Indexed 3 pages" in capsys.readouterr().out

    build(tiny_project, out, stages=stages)
    wait_until(lambda: settled(stages), what="the indexer to finish")
    assert "Indexed" not in capsys.readouterr().out, "indexed again with nothing changed"


def test_a_run_whose_pages_a_later_build_removed_ends_quietly(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The thread reads the pages from the output after the build committed them; one a
    later build deleted meanwhile ends that run without an error (the later build's run
    follows), and the next request indexes as usual."""
    out, stages = tmp_path / "preview", PreviewStages()
    build(tiny_project, out, stages=stages)
    wait_until(lambda: settled(stages) and record(out), what="the first index")
    capsys.readouterr()
    site, _ = stages._index_next
    pages = PagesOnDisk(out, site)
    (out / pages.names[0]).unlink()
    index = BackgroundIndex(lambda target, data: target.write_bytes(data))
    index.request(site, pages, out)
    wait_until(lambda: index.wait(timeout=0), what="the run to end")
    assert capsys.readouterr().err == ""
    with pytest.raises(KeyError):  # a name the mapping does not hold is no page
        PagesOnDisk(out, site)["../site.yaml"]
