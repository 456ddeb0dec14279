"""The preview's change notices (preview/changes.py): the operating system's, for real, and
how the preview looks at the files with them and without them (preview/watcher.py)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from conftest import make_project
from preview_harness import save, wait_until
from sitegen.preview import watcher
from sitegen.preview.changes import ChangeFeed
from sitegen.preview.watcher import Preview


class Notices:
    """Counts the feed's notices (it calls from its own thread)."""

    def __init__(self) -> None:
        self.count, self._lock = 0, threading.Lock()

    def __call__(self) -> None:
        with self._lock:
            self.count += 1


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.endswith("~")


@pytest.fixture
def feed(tmp_path: Path):
    (tmp_path / "content").mkdir()
    notices = Notices()
    feed = ChangeFeed(tmp_path, notices, _ignored)
    feed.follow(_roots(tmp_path / "content"))
    feed.notices = notices
    yield feed
    feed.stop(wait=True)


def _roots(*paths: Path) -> tuple[tuple[Path, int], ...]:
    return tuple((path, path.stat().st_ino) for path in paths)


def _settled(feed: ChangeFeed, path: Path) -> None:
    """The watch has started: a first save is heard (the thread may start late)."""
    probe = path / "probe.yaml"
    wait_until(lambda: save(probe, "probe") or feed.notices.count, what="a first notice")
    probe.unlink()
    wait_until(lambda: feed.notices.count >= 2, what="the probe's removal")


def test_a_save_is_noticed_once_its_burst_is_over(feed: ChangeFeed, tmp_path: Path) -> None:
    _settled(feed, tmp_path / "content")
    (tmp_path / "content/sub").mkdir()
    before = feed.notices.count
    for n in range(5):  # one burst of saves, nested folder included
        save(tmp_path / f"content/sub/doc-{n}.yaml", f"text {n}")
    wait_until(lambda: feed.notices.count > before, what="a notice")
    assert feed.notices.count - before <= 2  # one burst, not one notice per save


def test_editor_temporaries_and_dot_files_are_not_noticed(feed: ChangeFeed, tmp_path: Path) -> None:
    _settled(feed, tmp_path / "content")
    before = feed.notices.count
    (tmp_path / "content/.doc.yaml.swp").write_text("swap", encoding="utf-8")
    (tmp_path / "content/doc.yaml~").write_text("backup", encoding="utf-8")
    (tmp_path / "content/.git").mkdir()
    (tmp_path / "content/.git/index").write_text("x", encoding="utf-8")
    save(tmp_path / "content/seen.yaml", "a save after them")  # the watch is still going
    wait_until(lambda: feed.notices.count > before, what="the last save's notice")
    assert feed.notices.count == before + 1


def test_a_folder_replaced_at_once_is_followed(feed: ChangeFeed, tmp_path: Path) -> None:
    _settled(feed, tmp_path / "content")
    shutil.rmtree(tmp_path / "content")
    (tmp_path / "content").mkdir()  # a watch may listen on to the removed folder
    feed.follow(_roots(tmp_path / "content"))  # a new inode: a new watch
    _settled(feed, tmp_path / "content")


def test_a_folder_that_cannot_be_watched_means_polling(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    feed = ChangeFeed(tmp_path, Notices(), _ignored)
    feed.follow(((tmp_path / "gone", 1),))
    wait_until(lambda: feed.failed, what="the failure")
    assert "looking for changes by polling instead" in capfd.readouterr().err
    feed.follow(_roots(tmp_path))  # and for good: no thread that fails again
    assert feed.failed


@pytest.fixture
def looks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the preview's looks at every file's signature."""
    seen: list[int] = []
    real = watcher.snapshot

    def counted(project: Path):
        seen.append(1)
        return real(project)

    monkeypatch.setattr(watcher, "snapshot", counted)
    return seen


def test_with_notices_an_idle_preview_only_glances(
    tmp_path: Path, looks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "project")
    preview = Preview(project, tmp_path / "out", Notices())
    try:
        looks.clear()
        for _ in range(20):  # a second of polling
            preview.poll()
        assert looks == []
        monkeypatch.setattr(watcher, "LOOK_SECONDS", 0.0)  # then the safety look is due
        preview.poll()
        assert looks == [1]
    finally:
        preview.close()


def test_without_notices_every_poll_looks(tmp_path: Path, looks: list[int]) -> None:
    project = make_project(tmp_path / "project")
    preview = Preview(project, tmp_path / "out")
    looks.clear()
    for _ in range(5):
        preview.poll()
    assert len(looks) == 5


def test_site_yaml_is_glanced_at_and_a_notice_rebuilds_at_once(
    tmp_path: Path, looks: list[int]
) -> None:
    project = make_project(tmp_path / "project")
    preview = Preview(project, tmp_path / "out", Notices())
    rebuilt: list[int] = []
    preview.rebuild = lambda: rebuilt.append(1)  # the build itself is tested in test_serve
    try:
        config = project / "site.yaml"
        save(config, config.read_text(encoding="utf-8") + "\n")  # no notice covers it
        preview.poll()
        assert len(looks) == 2 and rebuilt == []  # seen; waiting for the burst to be over
        wait_until(lambda: preview.poll() or rebuilt, what="the rebuild once quiet")
        save(project / "content/hello.yaml", "title: {en: x, zh: y}\n")
        preview.notice()  # as the feed calls it, on the loop's thread
        assert len(rebuilt) == 2
        preview.notice()  # a notice without a change: a look, no rebuild
        assert len(rebuilt) == 2
    finally:
        preview.close()
