"""Atomic output: the previous site survives any failure, and dangerous folders are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import SiteError
from sitegen.output import check_output_dir, write_site
from sitegen.pipeline import build


def test_build_replaces_the_output_whole(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    (tiny_project / "content" / "hello.yaml").rename(tiny_project / "content" / "renamed.yaml")
    build(tiny_project, out_dir=out)
    assert (out / "renamed" / "index.html").is_file()
    assert not (out / "hello").exists(), "pages of a removed document must disappear"
    assert not list(tmp_path.glob(".out.*")), "no staging folder is left behind"


def test_failed_write_leaves_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"index.html": b"old"}, tmp_path / "no-static", out)
    with pytest.raises(OSError):  # `data` is both a file and a folder: the write fails
        write_site({"index.html": b"new", "data": b"x", "data/x.json": b"{}"}, tmp_path, out)
    assert (out / "index.html").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


@pytest.mark.parametrize("name", [".", "content", "templates", "static", ".."])
def test_project_folders_are_refused(tiny_project: Path, name: str) -> None:
    with pytest.raises(SiteError, match="refusing to build into"):
        check_output_dir(tiny_project / name, tiny_project)


def test_home_and_root_are_refused(tiny_project: Path) -> None:
    for folder in (Path.home(), Path("/")):
        with pytest.raises(SiteError, match="refusing to build into"):
            check_output_dir(folder, tiny_project)
