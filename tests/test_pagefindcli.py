"""Pagefind's command line (sitegen/output/pagefindcli.py): a part indexed one language per
run gives, with the real binary, the bundle one run over all its pages gives, byte for
byte; runs that disagree are an error, not a silently mixed bundle."""

from __future__ import annotations

import dataclasses
import json
import signal
import threading
import time
from pathlib import Path

import pytest

from conftest import many_documents, parts_of, read_tree
from sitegen.errors import SiteError
from sitegen.output import pagefindcli, searchindex
from sitegen.output.pagefindcli import ENTRY_FILE, merge_bundles
from sitegen.pipeline import build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("pagefindcli")
    project, out = many_documents(root / "project", 3), root / "out"
    build(project, out_dir=out)
    return project, out


def _index(project: Path, out: Path) -> dict[str, bytes]:
    files = {}
    for _part, found in searchindex.run_pagefind(*parts_of(project, out)):
        files |= found
    return files


def test_each_language_keeps_to_its_folder(built: tuple[Path, Path]) -> None:
    (part,) = parts_of(*built)[0]
    assert searchindex.language_folders(part) == ["en", "sc", "tc"]


def test_runs_per_language_give_the_bundle_of_one_run(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = []
    real = pagefindcli.run_pagefind

    def recorded(program, pages, bundle, folder=None):
        folders.append(folder)
        return real(program, pages, bundle, folder)

    monkeypatch.setattr(pagefindcli, "run_pagefind", recorded)
    per_language = _index(*built)
    assert sorted(folders) == ["en", "sc", "tc"]
    monkeypatch.setattr(searchindex, "language_folders", lambda part: [])
    folders.clear()
    whole = _index(*built)
    assert folders == [None]
    assert per_language == whole
    entry = json.loads(per_language[f"pagefind/{ENTRY_FILE}"])
    assert sorted(entry["languages"]) == ["en", "zh-hans", "zh-hant-hk"]


@pytest.mark.parametrize("url", ["doc-0-tc.html", "en/doc-0-tc/"])
def test_pages_outside_their_languages_folder_are_indexed_in_one_run(
    built: tuple[Path, Path], url: str
) -> None:
    (part,) = parts_of(*built)[0]
    chinese = next(item for item in part.groups[0] if item.page.url.startswith("tc/"))
    moved = dataclasses.replace(chinese.page, url=url)
    at = part.groups[0].index(chinese)
    part.groups[0][at] = type(chinese)(**{**vars(chinese), "page": moved})
    assert searchindex.language_folders(part) == []  # at the root, or in English's folder


def _bundle(folder: Path, languages: dict, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / ENTRY_FILE).write_text(json.dumps({"version": "1", "languages": languages}))
    return folder


def test_merged_bundles_hold_every_file_and_language(tmp_path: Path) -> None:
    en = _bundle(tmp_path / "en", {"en": {"page_count": 2}}, {"a.js": b"s", "index/en_1": b"1"})
    tc = _bundle(tmp_path / "tc", {"zh": {"page_count": 2}}, {"a.js": b"s", "index/zh_1": b"2"})
    merge_bundles([en, tc], tmp_path / "bundle")
    merged = read_tree(tmp_path / "bundle")
    entry = json.loads(merged.pop(ENTRY_FILE))
    assert entry == {
        "version": "1",
        "languages": {"en": {"page_count": 2}, "zh": {"page_count": 2}},
    }
    assert merged == {"a.js": b"s", "index/en_1": b"1", "index/zh_1": b"2"}
    assert not en.exists() and not tc.exists()


def test_runs_that_disagree_are_an_error(tmp_path: Path) -> None:
    en = _bundle(tmp_path / "en", {"en": {}}, {"pagefind.js": b"one version"})
    tc = _bundle(tmp_path / "tc", {"zh": {}}, {"pagefind.js": b"another"})
    with pytest.raises(SiteError, match=r"disagree on pagefind\.js"):
        merge_bundles([en, tc], tmp_path / "bundle")


def test_a_run_still_going_when_the_process_leaves_is_stopped() -> None:
    """What the exit hook does when the preview stops while its thread runs Pagefind."""
    finished: list[tuple[int, str, str]] = []
    thread = threading.Thread(target=lambda: finished.append(pagefindcli._run(["sleep", "60"])))
    thread.start()
    deadline = time.monotonic() + 10
    while not pagefindcli._RUNNING and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pagefindcli._HOOKED  # registered with atexit by the first run
    started = time.monotonic()
    pagefindcli._stop_running()
    thread.join(10)
    assert finished and finished[0][0] == -signal.SIGKILL
    assert time.monotonic() - started < 5 and not pagefindcli._RUNNING
