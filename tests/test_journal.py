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
    for point in [duration * k / 8 for k in range(1, 8)] + ["journal"] * 4:
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
        assert set(old) <= set(_site_files(out)) | set(new)
        build(project, out_dir=out)  # finishes or rolls back the killed build first
        assert read_tree(out) == new
    assert caught["journal"], "no kill landed while the journal was being applied"
    assert caught["rendering"], "no kill landed while files were being rendered"


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
