"""The journal: a build killed at any instant is finished or rolled back by the next one."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, read_tree
from sitegen.errors import SiteError
from sitegen.output import journal
from sitegen.output.journal import INDEX, JOURNAL, PENDING, Journal, recover
from sitegen.pipeline import build

sys.path.insert(0, str(REPO / "bench"))
from bench_build import make_project as make_large_project


def _site_files(out: Path) -> dict[str, bytes]:
    """The output but for the tool's own files (.sitegen*: pending files, journal, index)."""
    return {k: v for k, v in read_tree(out).items() if not k.split("/")[0].startswith(".sitegen")}


def _change_everything(project: Path) -> None:
    """A template edit (every page differs), a removed and an added document."""
    base = project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("<footer", "<!--x--><footer"), "utf-8")
    (project / "content" / "message-00001.yaml").unlink()
    text = (project / "content" / "message-00002.yaml").read_text(encoding="utf-8")
    (project / "content" / "added.yaml").write_text(text.replace("Message 2", "Added"), "utf-8")


def _start(project: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, str(REPO / "build.py"), "--project", str(project), "--out", str(out)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_build_killed_at_any_point_is_finished_or_rolled_back(tmp_path: Path) -> None:
    project = make_large_project(tmp_path / "project", 120)
    out, saved = tmp_path / "out", tmp_path / "saved"
    build(project, out_dir=out)
    shutil.copytree(out, saved)
    old = _site_files(out)
    _change_everything(project)
    build(project, out_dir=tmp_path / "clean", use_cache=False)
    new = read_tree(tmp_path / "clean")
    started = time.monotonic()
    _start(project, tmp_path / "timing").wait(timeout=120)  # how long an uninterrupted one takes
    duration = time.monotonic() - started

    caught = {"rendering": 0, "journal": 0}
    for point in [duration * k / 8 for k in range(1, 8)] + ["journal"] * 8:
        if point == "journal" and caught["journal"] >= 2:
            break
        shutil.rmtree(out)
        shutil.copytree(saved, out)
        process = _start(project, out)
        deadline = time.monotonic() + (60 if point == "journal" else point)
        while time.monotonic() < deadline and process.poll() is None:
            if point == "journal" and (out / JOURNAL).exists():
                break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        caught["journal"] += (out / JOURNAL).exists()
        caught["rendering"] += (out / PENDING).exists() and not (out / JOURNAL).exists()
        # Killed: every page is the old one or the new one, none torn or missing in between.
        for name, data in _site_files(out).items():
            assert data in (old.get(name), new.get(name)), name
        assert set(old) & set(new) <= set(_site_files(out)), "a page of both sites is missing"
        _build_once_the_lock_is_free(project, out)  # finishes or rolls back the killed one
        assert read_tree(out) == new
    assert caught["journal"], f"no kill landed while the journal was applied ({duration=})"
    assert caught["rendering"], f"no kill landed while files were rendered ({duration=})"


def _build_once_the_lock_is_free(project: Path, out: Path) -> None:
    """A killed build's workers end with it, but on a loaded machine that can take longer
    than the lock's one-second wait: retry that one refusal for a while."""
    deadline = time.monotonic() + 30
    while True:
        try:
            build(project, out_dir=out)
            return
        except SiteError as error:
            if "another build is writing" not in str(error) or time.monotonic() > deadline:
                raise


def test_a_committed_journal_is_finished_by_recover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    with Journal(out) as first:
        for name in ("a.html", "gone/b.html"):
            first.write(name, b"old")
        first.commit()
    monkeypatch.setattr(journal, "apply_journal", lambda out_dir: None)  # killed at the commit
    with Journal(out) as second:
        second.write("a.html", b"new")
        second.write("new/c.html", b"new")
        second.commit()
    assert (out / JOURNAL).is_file() and (out / PENDING).is_dir()  # kept for the next build
    assert (out / "a.html").read_bytes() == b"old"
    monkeypatch.undo()
    recover(out)
    assert _site_files(out) == {"a.html": b"new", "new/c.html": b"new"}
    assert not (out / "gone").exists() and not (out / JOURNAL).exists()
    assert json.loads((out / INDEX).read_bytes()) == second.files


@pytest.mark.parametrize(
    "plan",
    [b"{not json", b'{"moves": [["x", "../escape.html"]], "deletes": []}', b'{"moves": 3}'],
)
def test_a_damaged_journal_is_dropped_with_the_index(tmp_path: Path, plan: bytes) -> None:
    """Not a journal this tool wrote whole: nothing outside the output is touched, and the
    index goes too, so the next build compares every file with the disk."""
    out = tmp_path / "out"
    with Journal(out) as first:
        first.write("a.html", b"old")
        first.commit()
    (out / JOURNAL).write_bytes(plan)
    recover(out)
    assert not (out / JOURNAL).exists() and not (out / INDEX).exists()
    assert not (tmp_path / "escape.html").exists()
    assert (out / "a.html").read_bytes() == b"old"


def test_a_journal_that_fails_half_way_is_finished_once_the_obstacle_is_gone(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    with Journal(out) as first:
        first.write("a.html", b"old")
        first.commit()
    (out / "b.html").mkdir()  # someone's folder where the new site has a file
    (out / "b.html" / "theirs.txt").write_bytes(b"not ours")
    with pytest.raises(SiteError, match="could not finish writing"), Journal(out) as second:
        second.write("a.html", b"new")
        second.write("b.html", b"new")
        second.commit()
    assert (out / JOURNAL).is_file() and (out / PENDING).is_dir()
    shutil.rmtree(out / "b.html")
    recover(out)
    assert _site_files(out) == {"a.html": b"new", "b.html": b"new"}


def test_without_a_record_the_files_move_and_no_index_is_written(tmp_path: Path) -> None:
    """The preview's journal: it remembers what it wrote, so it keeps no index."""
    out = tmp_path / "out"
    with Journal(out, record=False) as first:
        first.write("a/index.html", b"one")
        first.write("b.txt", b"two")
        first.commit()
    assert not (out / INDEX).exists()
    with Journal(out, known=first.files, record=False) as second:
        second.write("a/index.html", b"one, edited")
        second.write("b.txt", b"two")
        second.commit()
    assert second.changed == ["a/index.html"]
    assert _site_files(out) == {"a/index.html": b"one, edited", "b.txt": b"two"}
    assert not (out / INDEX).exists() and not (out / PENDING).exists()


def test_files_another_process_wrote_are_moved_too(tmp_path: Path) -> None:
    """A worker writes pending files the parent never named: the commit finds them all."""
    out = tmp_path / "out"
    with Journal(out) as parent:
        parent.write("here.html", b"parent")
        worker = Journal(out)  # as a forked worker's copy: same folder, its own names
        digests = {"there/index.html": worker.write("there/index.html", b"worker")}
        parent.adopt(digests)
        parent.commit()
    assert sorted(parent.changed) == ["here.html", "there/index.html"]
    assert _site_files(out) == {"here.html": b"parent", "there/index.html": b"worker"}
