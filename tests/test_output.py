"""Output written in place through a journal: only what changed, each file atomically; the
previous site survives any failure, and dangerous folders are refused."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import read_tree
from sitegen.errors import SiteError
from sitegen.output.folder import MARKER, check_output_dir
from sitegen.output.journal import JOURNAL, PENDING, Journal
from sitegen.pipeline import build


def write_site(files: dict[str, bytes], out: Path, use_index: bool = True) -> list[str]:
    """`files` through the journal, as a build writes them; returns what changed."""
    with Journal(out, use_index) as journal:
        for name, data in files.items():
            journal.write(name, data)
        journal.commit()
    return journal.changed


def _leftovers(out: Path) -> list[Path]:
    """What a build keeps for itself while it writes (never left after it)."""
    return [*out.glob(f"{PENDING}*"), *out.glob(f"{JOURNAL}*")]


def test_a_removed_document_disappears(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    (tiny_project / "content" / "hello.yaml").rename(tiny_project / "content" / "renamed.yaml")
    build(tiny_project, out_dir=out)
    assert (out / "renamed" / "index.html").is_file()
    assert not (out / "hello").exists(), "pages of a removed document must disappear"
    assert not (out / "en" / "hello").exists(), "and their emptied folders"
    assert not _leftovers(out), "no pending file or journal is left behind"


def test_failed_write_leaves_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"index.html": b"old"}, out)
    with pytest.raises(SiteError, match="both a file and a folder"):
        write_site({"index.html": b"new", "data": b"x", "data/x.json": b"{}"}, out)
    assert (out / "index.html").read_bytes() == b"old"
    assert not _leftovers(out)


def _break_template(project: Path) -> None:
    """A template error: raised while documents render, after the output is opened."""
    page = project / "templates" / "document.html"
    text = page.read_text(encoding="utf-8").replace("{% block main %}", "{% block main %}{{ x.y }}")
    page.write_text(text, encoding="utf-8")


def test_a_failed_build_writes_nothing(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    _break_template(tiny_project)
    with pytest.raises(SiteError):
        build(tiny_project, out_dir=out)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_a_failed_first_build_leaves_no_folder(tiny_project: Path, tmp_path: Path) -> None:
    _break_template(tiny_project)
    with pytest.raises(SiteError):
        build(tiny_project, out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_nothing_changed_writes_nothing(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    time.sleep(0.01)
    result = build(tiny_project, out_dir=out)
    assert result.changed == ()
    assert result.summary("out").endswith(": no change")
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_publisher_files_are_kept(tiny_project: Path, tmp_path: Path) -> None:
    """A build deletes only files it wrote; a full build (--no-cache) makes the output
    exactly the site, but for the files site.yaml's `keep` names (CNAME by default)."""
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    (out / "CNAME").write_text("guide.example.org\n", encoding="utf-8")
    (out / "stray.html").write_text("not written by the tool", encoding="utf-8")
    build(tiny_project, out_dir=out)
    assert (out / "stray.html").is_file()
    build(tiny_project, out_dir=out, use_cache=False)
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


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"a.html": b"same", "b.html": b"old", "sub/c.css": b"same"}, out)
    before = {name: (out / name).stat() for name in ("a.html", "b.html", "sub/c.css")}
    time.sleep(0.01)
    changed = write_site({"a.html": b"same", "b.html": b"new", "sub/c.css": b"same"}, out)
    assert changed == ["b.html"]
    after = {name: (out / name).stat() for name in before}
    for name in ("a.html", "sub/c.css"):
        assert (after[name].st_ino, after[name].st_mtime_ns) == (
            before[name].st_ino,
            before[name].st_mtime_ns,
        ), name
    assert (out / "b.html").read_bytes() == b"new"
    assert after["b.html"].st_ino != before["b.html"].st_ino
    # Without the index (--no-cache), files are compared with the bytes on disk.
    assert write_site({"a.html": b"same", "b.html": b"new", "sub/c.css": b"same"}, out, False) == []


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
