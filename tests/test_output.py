"""Atomic output: the previous site survives any failure, and dangerous folders are refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, make_project, read_tree
from sitegen.errors import SiteError
from sitegen.output.staging import MARKER, check_output_dir, write_site
from sitegen.pipeline import build


def _leftovers(folder: Path) -> list[Path]:
    """Staging and swapped-out folders a build left beside its output."""
    return [*folder.glob(".out.staging-*"), *folder.glob(".out.old-*")]


def test_build_replaces_the_output_whole(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    (tiny_project / "content" / "hello.yaml").rename(tiny_project / "content" / "renamed.yaml")
    build(tiny_project, out_dir=out)
    assert (out / "renamed" / "index.html").is_file()
    assert not (out / "hello").exists(), "pages of a removed document must disappear"
    assert not list(_leftovers(tmp_path)), "no staging folder is left behind"


def test_failed_write_leaves_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"index.html": b"old"}, out)
    with pytest.raises(OSError):  # `data` is both a file and a folder: the write fails
        write_site({"index.html": b"new", "data": b"x", "data/x.json": b"{}"}, out)
    assert (out / "index.html").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_publisher_files_are_kept(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    (out / "CNAME").write_text("guide.example.org\n", encoding="utf-8")
    (out / "stray.html").write_text("removed on the next build", encoding="utf-8")
    build(tiny_project, out_dir=out)
    assert (out / "CNAME").read_text(encoding="utf-8") == "guide.example.org\n"
    assert not (out / "stray.html").exists()


@pytest.mark.parametrize("name", [".", "content", "templates", "static", ".."])
def test_project_folders_are_refused(tiny_project: Path, name: str) -> None:
    with pytest.raises(SiteError, match="refusing to build into"):
        check_output_dir(tiny_project / name, tiny_project)


def test_home_and_root_are_refused(tiny_project: Path) -> None:
    for folder in (Path.home(), Path("/")):
        with pytest.raises(SiteError, match="refusing to build into"):
            check_output_dir(folder, tiny_project)


def test_a_foreign_non_empty_folder_is_refused(tiny_project: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(SiteError, match="holds files this tool did not write"):
        build(tiny_project, out_dir=foreign)
    assert (foreign / "holiday.jpg").read_bytes() == b"\xff\xd8"
    (tmp_path / "empty").mkdir()
    build(tiny_project, out_dir=tmp_path / "empty")
    assert (tmp_path / "empty" / MARKER).is_file()


def test_a_build_killed_half_way_leaves_the_previous_output(tmp_path: Path) -> None:
    """Kill a large build while it writes its staging folder; the old site stays whole."""
    sys.path.insert(0, str(REPO / "bench"))
    from bench_build import make_project as make_large_project

    project = make_large_project(tmp_path / "large", 300)
    out = tmp_path / "out"
    build(project, out_dir=out)
    before = read_tree(out)
    (project / "content" / "message-00001.yaml").unlink()  # the next build differs
    command = [sys.executable, str(REPO / "build.py"), "--project", str(project), "--out", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.staging-*")) and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert list(tmp_path.glob(".out.staging-*")), "the build was not caught while writing"
    assert read_tree(out) == before
    build(project, out_dir=out)  # the next build cleans up after the killed one
    assert not list(_leftovers(tmp_path))


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"a.html": b"same", "b.html": b"old", "sub/c.css": b"same"}, out)
    before = {name: (out / name).stat() for name in ("a.html", "b.html", "sub/c.css")}
    time.sleep(0.01)
    write_site({"a.html": b"same", "b.html": b"new", "sub/c.css": b"same"}, out)
    after = {name: (out / name).stat() for name in before}
    for name in ("a.html", "sub/c.css"):
        assert (after[name].st_ino, after[name].st_mtime_ns) == (
            before[name].st_ino,
            before[name].st_mtime_ns,
        ), name
    assert (out / "b.html").read_bytes() == b"new"
    assert after["b.html"].st_ino != before["b.html"].st_ino


def test_a_second_build_into_the_same_folder_is_refused(tiny_project: Path, tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    before = read_tree(out)
    handle = os.open(tmp_path, os.O_RDONLY)  # another build holds the folder
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(SiteError, match="another build is writing"):
            build(tiny_project, out_dir=out)
    finally:
        os.close(handle)
    assert read_tree(out) == before
    build(tiny_project, out_dir=out)  # once it is done, building works again


def test_a_swap_cut_short_is_put_right_by_the_next_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"index.html": b"previous"}, out)
    out.rename(tmp_path / ".out.old-4242")  # killed between the two renames
    bad = make_project(tmp_path / "bad", {"content/bad.yaml": "title: [\n"})
    with pytest.raises(SiteError):
        build(bad, out_dir=out)  # even a build that fails puts the previous site back
    assert (out / "index.html").read_bytes() == b"previous"
    assert not list(tmp_path.glob(".out.old-*"))
