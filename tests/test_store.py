"""The store kept between builds (.sitegen-cache/): unchanged files are not read, derived data
is not derived again, and a damaged, truncated or foreign store is rebuilt, never trusted."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from conftest import many_documents, read_tree
from sitegen.output import private, store
from sitegen.pipeline import build
from sitegen.project import CACHE_DIR


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The files each build parses and the documents it derives (in this process)."""
    seen: dict[str, list[str]] = {"parsed": [], "derived": []}
    parse, derive = store.load_document, store.derive_document

    def spy_parse(path, src_path, *args):
        seen["parsed"].append(src_path)
        return parse(path, src_path, *args)

    def spy_derive(document):
        seen["derived"].append(document.slug)
        return derive(document)

    monkeypatch.setattr(store, "load_document", spy_parse)
    monkeypatch.setattr(store, "derive_document", spy_derive)
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 1)
    return seen


def test_unchanged_files_are_not_parsed_again(tmp_path: Path, calls: dict) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    assert sorted(calls["parsed"]) == [f"content/doc-{n}.yaml" for n in range(3)]
    calls["parsed"].clear()
    build(project, out_dir=out)  # a new process would read the same store from the disk
    assert calls["parsed"] == []
    os.utime(project / "content/doc-1.yaml")  # touched, not changed: read, not parsed
    document = project / "content/doc-2.yaml"
    document.write_text(document.read_text("utf-8").replace("Intro", "Preface"), "utf-8")
    build(project, out_dir=out)
    assert calls["parsed"] == ["content/doc-2.yaml"]


def test_a_template_edit_renders_without_deriving_again(tmp_path: Path, calls: dict) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    assert sorted(calls["derived"]) == ["doc-0", "doc-1", "doc-2"]
    calls["derived"].clear()
    template = project / "templates/document.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(project, out_dir=out)
    assert calls["derived"] == []
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def _shards(project: Path) -> list[Path]:
    return sorted((project / CACHE_DIR / "documents").iterdir())


def _derived(project: Path) -> list[Path]:
    return sorted((project / CACHE_DIR / "derived").iterdir())


class Evil:
    """Unpickling this runs code: the store must never load it from a file not its own."""

    def __reduce__(self):
        return (os.system, (f"touch {EVIL_MARK}",))


EVIL_MARK = Path("/tmp/sitegen-test-store-evil-ran")


def _evil_file(path: Path) -> None:
    payload = pickle.dumps(Evil())
    header = private._MAGIC + private.digest(payload).encode("ascii") + b"\n"
    path.write_bytes(header + payload)
    os.chown(path, 12345, 12345) if os.getuid() == 0 else path.chmod(0o666)


DAMAGE = {
    "truncated shard": lambda p: _shards(p)[0].write_bytes(_shards(p)[0].read_bytes()[:40]),
    "flipped byte": lambda p: _shards(p)[0].write_bytes(_shards(p)[0].read_bytes()[:-1] + b"!"),
    "empty shard": lambda p: _shards(p)[0].write_bytes(b""),
    "foreign shard": lambda p: private.write_private(_shards(p)[0], {"not": "records"}),
    "shard of others": lambda p: _shards(p)[0].chmod(0o666),
    "evil shard": lambda p: _evil_file(_shards(p)[0]),
    "garbage derived": lambda p: [d.write_bytes(b"\x80\x04garbage") for d in _derived(p)],
    "derived of another": lambda p: [private.write_private(d, "a string") for d in _derived(p)],
    "evil derived": lambda p: [_evil_file(d) for d in _derived(p)],
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_store_gives_a_correct_build(tmp_path: Path, damage: str) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    document = project / "content/doc-1.yaml"  # stored docs must not hide this edit
    EVIL_MARK.unlink(missing_ok=True)
    DAMAGE[damage](project)
    document.write_text(document.read_text("utf-8").replace("Doc 1", "Changed"), "utf-8")
    template = project / "templates/document.html"  # every document renders again
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(project, out_dir=out)
    assert not EVIL_MARK.exists(), "a pickle from a file not our own was loaded"
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")
    build(project, out_dir=out)  # and the store is whole again
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_a_store_folder_others_may_write_is_not_trusted(tmp_path: Path, calls: dict) -> None:
    project, out = many_documents(tmp_path / "project", 2), tmp_path / "out"
    build(project, out_dir=out)
    (project / CACHE_DIR / "documents").chmod(0o777)
    os.utime(project / "site.yaml")  # so the build looks at its documents again
    calls["parsed"].clear()
    build(project, out_dir=out)
    assert sorted(calls["parsed"]) == ["content/doc-0.yaml", "content/doc-1.yaml"]
