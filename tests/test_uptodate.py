"""A build with nothing to do knows it without loading the site (output/uptodate.py), and
never mistakes a change, in the inputs or in the output, for nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, many_documents, read_tree, run_build_py
from sitegen.output.cache import MANIFEST
from sitegen.output.stages import BuildStages
from sitegen.output.uptodate import Counts, UpToDate
from sitegen.pipeline import build
from sitegen.project import CACHE_DIR


def _build(project: Path, out: Path, **options: object) -> tuple[BuildStages, object]:
    stages = BuildStages()
    return stages, build(project, out_dir=out, stages=stages, **options)


def _looked_at_documents(stages: BuildStages) -> bool:
    return "store" in vars(stages)  # the document store is opened only to load the site


@pytest.fixture(autouse=True)
def one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 1)


def test_nothing_changed_is_known_without_loading_anything(tmp_path: Path) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    stages, first = _build(project, out)
    assert _looked_at_documents(stages) and first.changed
    before = read_tree(out)
    stages, again = _build(project, out)
    assert not _looked_at_documents(stages)
    assert again.changed == () and "no change" in again.summary("out")
    assert again.counts == first.counts
    assert read_tree(out) == before


def test_the_command_line_says_no_change(tmp_path: Path) -> None:
    project, out = many_documents(tmp_path / "project", 2), tmp_path / "out"
    for expected in ("files changed", "no change"):
        result = run_build_py("build", "--project", str(project), "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.rstrip().endswith(expected), result.stdout


# What a build with nothing to do must not import: they cost a third of a second of
# start-up, more than the check itself on 10,000 documents.
HEAVY_MODULES = ("sitegen.assemble", "sitegen.align", "sitegen.render", "jinja2", "opencc", "tqdm")


def test_nothing_to_do_imports_neither_loader_nor_renderer(tmp_path: Path) -> None:
    project, out = many_documents(tmp_path / "project", 2), tmp_path / "out"
    build(project, out_dir=out)
    script = (
        "import sys; from pathlib import Path; from sitegen.pipeline import build; "
        f"result = build(Path({str(project)!r}), Path({str(out)!r})); "
        "print(result.changed == (), *sorted(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    nothing_changed, *modules = done.stdout.split()
    assert nothing_changed == "True"
    assert "sitegen.output.uptodate" in modules  # the check did run, in this process
    imported = [
        m for m in modules if m.split(".")[0] in HEAVY_MODULES or m.startswith(HEAVY_MODULES)
    ]
    assert not imported, imported


@pytest.mark.parametrize(
    "change",
    [
        "touch a document",
        "edit a document",
        "add a document",
        "delete a document",
        "touch site.yaml",
        "edit a template",
        "add a static file",
        "delete an output page",
        "edit a document and delete another's output page",
        "add an output file",
        "damage the manifest in place",
        "leave a killed build's pending folder",
        "damage the record",
    ],
)
def test_any_change_is_a_real_build_equal_to_a_clean_one(tmp_path: Path, change: str) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    _build(project, out)
    document = project / "content/doc-1.yaml"
    text = document.read_text(encoding="utf-8")
    if change == "touch a document":
        os.utime(document, ns=(1, 1))
    elif change == "edit a document":
        document.write_text(text.replace("Doc 1", "Doc One"), encoding="utf-8")
    elif change == "add a document":
        (project / "content/new.yaml").write_text(text.replace("Doc 1", "New"), "utf-8")
    elif change == "delete a document":
        document.unlink()
    elif change == "touch site.yaml":
        os.utime(project / "site.yaml", ns=(1, 1))
    elif change == "edit a template":
        template = project / "templates/base.html"
        template.write_text(template.read_text("utf-8") + "<!-- edited -->\n", "utf-8")
    elif change == "add a static file":
        (project / "static/extra.txt").write_text("new", encoding="utf-8")
    elif change == "delete an output page":
        (out / "tc/doc-2/index.html").unlink()
    elif change == "edit a document and delete another's output page":
        document.write_text(text.replace("Doc 1", "Doc One"), encoding="utf-8")
        (out / "tc/doc-2/index.html").unlink()  # its folder is then not as last left
    elif change == "add an output file":
        (out / "en/stray.html").write_text("not ours", encoding="utf-8")
    elif change == "damage the manifest in place":
        with open(out / MANIFEST, "r+b") as manifest:
            manifest.write(b"{")
    elif change == "leave a killed build's pending folder":
        (out / ".sitegen-pending").mkdir()
    elif change == "damage the record":
        for record in (project / CACHE_DIR / "uptodate").iterdir():
            record.write_bytes(record.read_bytes()[:-7] + b"damaged")
    stages, _ = _build(project, out)
    assert _looked_at_documents(stages), "a change was taken for nothing"
    _build(project, tmp_path / "fresh", use_cache=False)
    expected = read_tree(tmp_path / "fresh")
    if change == "add an output file":
        expected["en/stray.html"] = b"not ours"  # an incremental build leaves others' files
    assert read_tree(out) == expected
    stages, _ = _build(project, out)
    assert not _looked_at_documents(stages), "after the real build, nothing is left to do"


def test_each_output_folder_and_base_url_has_its_own_record(tmp_path: Path) -> None:
    project = many_documents(tmp_path / "project", 2)
    _build(project, tmp_path / "one")
    stages, _ = _build(project, tmp_path / "two")
    assert _looked_at_documents(stages)
    stages, result = _build(project, tmp_path / "one", base_url="https://example.org/guide/")
    assert _looked_at_documents(stages) and result.changed
    stages, _ = _build(project, tmp_path / "one", base_url="https://example.org/guide/")
    assert not _looked_at_documents(stages)


def test_a_build_without_the_cache_is_never_skipped(tmp_path: Path) -> None:
    project, out = many_documents(tmp_path / "project", 2), tmp_path / "out"
    _build(project, out)
    stages = BuildStages(use_cache=False)
    build(project, out_dir=out, stages=stages)
    assert _looked_at_documents(stages)


def test_a_record_whose_folders_are_gone_is_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "en").mkdir(parents=True)
    record = UpToDate(tmp_path / "cache", out)
    counts = Counts(1, 1, 1, 0)
    record.keep("key", ["en/index.html", "index.html"], counts)
    assert record.unchanged("key") == counts
    assert record.unchanged("another key") is None
    (out / "en").rmdir()
    assert record.unchanged("key") is None


def test_a_folder_changed_during_a_build_is_a_change_for_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "en").mkdir(parents=True)
    files, counts = ["en/index.html", "index.html"], Counts(1, 1, 1, 0)
    UpToDate(tmp_path / "cache", out).keep("key", files, counts)
    during = UpToDate(tmp_path / "cache", out)
    assert during.unchanged("new key") is None and "en" in during.intact
    (out / "en/stray.html").write_text("saved by hand while the build ran", encoding="utf-8")
    during.keep("new key", files, counts)  # the build wrote nothing into en/
    assert UpToDate(tmp_path / "cache", out).unchanged("new key") is None
    after = UpToDate(tmp_path / "cache", out)
    after.unchanged("new key")
    after.keep("new key", files, counts, written=["en/index.html"])  # en/ is looked at again
    assert UpToDate(tmp_path / "cache", out).unchanged("new key") == counts
