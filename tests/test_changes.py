"""The preview's change notices (preview/changes.py): the operating system's, for real, and
how the preview looks at the files with them and without them (preview/watcher.py)."""

from __future__ import annotations

import shutil
import threading
import time
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


def _steady(feed: ChangeFeed, for_seconds: float = 0.3) -> int:
    """The notice count once no notice has come for `for_seconds`."""
    while True:
        count = feed.notices.count
        time.sleep(for_seconds)
        if feed.notices.count == count:
            return count


def _settled(feed: ChangeFeed, path: Path, roots: tuple = ()) -> None:
    """The watch has started: a save is heard (the thread may start late; with `roots`,
    following them at every try, as the preview's poll does); then no notice is due."""
    probe = path / "probe.yaml"
    before = feed.notices.count

    def heard() -> bool:
        if roots:
            feed.follow(roots)
        save(probe, "probe")
        return feed.notices.count > before

    wait_until(heard, what="a notice of a save")
    probe.unlink()
    _steady(feed)


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
    time.sleep(0.5)  # ten times the feed's quiet: a notice would have come
    assert feed.notices.count == before
    save(tmp_path / "content/seen.yaml", "a save after them")  # the watch is still going
    wait_until(lambda: feed.notices.count > before, what="the last save's notice")


def test_a_folder_replaced_at_once_is_followed(feed: ChangeFeed, tmp_path: Path) -> None:
    _settled(feed, tmp_path / "content")
    shutil.rmtree(tmp_path / "content")
    (tmp_path / "content").mkdir()  # often with the old inode: the removal ends the watch
    _settled(feed, tmp_path / "content", _roots(tmp_path / "content"))


def test_a_folder_that_cannot_be_watched_means_polling(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Any error of watchfiles' (here a name the system refuses; out of inotify watches
    or instances in life) means polling, and for good."""
    feed = ChangeFeed(tmp_path, Notices(), _ignored)
    feed.follow(((tmp_path / "nul\0name", 1),))
    wait_until(lambda: feed.failed, what="the failure")
    assert "looking for changes by polling instead" in capfd.readouterr().err
    feed.follow(_roots(tmp_path))  # no thread that fails again
    assert feed.failed and not feed.watching


def test_a_folder_removed_before_the_watch_starts_is_no_failure(tmp_path: Path) -> None:
    """A branch switch may remove a folder between the preview's glance and the watch."""
    feed = ChangeFeed(tmp_path, Notices(), _ignored)
    feed.notices = feed._notify
    feed.follow(((tmp_path / "gone", 1),))
    wait_until(lambda: not feed.watching, what="the watch to end")
    assert not feed.failed
    (tmp_path / "content").mkdir()
    _settled(feed, tmp_path / "content", _roots(tmp_path / "content"))  # followed again
    feed.stop(wait=True)


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
        preview.poll()  # the first looks (saves made during the first build)
        looks.clear()
        for _ in range(20):  # twenty polls, well within the LOOK_SECONDS of the last look
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


def test_site_yaml_is_glanced_at_and_a_notice_looks(tmp_path: Path, looks: list[int]) -> None:
    project = make_project(tmp_path / "project")
    preview = Preview(project, tmp_path / "out", Notices())
    rebuilt: list[int] = []
    preview.rebuild = lambda: rebuilt.append(1)  # the build itself is tested in test_serve
    try:
        preview.poll()  # the first: a look
        config = project / "site.yaml"
        save(config, config.read_text(encoding="utf-8") + "\n")  # no notice covers it
        preview.poll()
        assert len(looks) == 3 and rebuilt == []  # seen; waiting for the burst to be over
        wait_until(lambda: preview.poll() or rebuilt, what="the rebuild once quiet")
        save(project / "content/hello.yaml", "title: {en: x, zh: y}\n")
        looked = len(looks)
        preview.notice()  # as the feed calls it, on the loop's thread: a look
        assert len(looks) == looked + 1 and len(rebuilt) == 1  # the files may not be quiet
        wait_until(lambda: preview.poll() or len(rebuilt) == 2, what="the rebuild once quiet")
        preview.notice()  # a notice without a change: a look, no rebuild
        time.sleep(2 * watcher.QUIET_SECONDS)
        preview.poll()
        assert len(rebuilt) == 2
    finally:
        preview.close()
