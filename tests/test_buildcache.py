"""The build cache: unchanged documents are carried over from the last build, never stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, many_documents, read_tree, run_build_py
from sitegen.output.cache import MANIFEST
from sitegen.pipeline import build
from sitegen.render.pages import Renderer


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the documents each build renders (single process, so it is seen)."""
    slugs: list[str] = []
    original = Renderer.render_document

    def spy(self: Renderer, document, *args):
        slugs.append(document.slug)
        return original(self, document, *args)

    monkeypatch.setattr(Renderer, "render_document", spy)
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 1)
    return slugs


def test_an_unchanged_rebuild_renders_no_document(tmp_path: Path, rendered: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    first = read_tree(out)
    rendered.clear()
    build(project, out_dir=out)
    assert rendered == []
    assert read_tree(out) == first


def test_one_edited_document_is_rendered_again(tmp_path: Path, rendered: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    page = project / "content/doc-1.yaml"
    page.write_text(page.read_text(encoding="utf-8").replace("Intro", "Preface"), "utf-8")
    rendered.clear()
    build(project, out_dir=out)
    assert rendered == ["doc-1"]
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_a_template_change_renders_everything(tmp_path: Path, rendered: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    template = project / "templates/document.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    rendered.clear()
    build(project, out_dir=out)
    assert sorted(rendered) == ["doc-0", "doc-1", "doc-2"]


def test_a_site_yaml_change_renders_everything(tmp_path: Path, rendered: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    rendered.clear()
    build(project, out_dir=out, base_url="https://example.org/guide/")
    assert sorted(rendered) == ["doc-0", "doc-1", "doc-2"]


@pytest.mark.parametrize("damage", ["not json", '{"site": 1}', '{"documents": []}', ""])
def test_a_damaged_manifest_is_no_cache(tmp_path: Path, rendered: list[str], damage: str) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    (out / MANIFEST).write_text(damage, encoding="utf-8")
    rendered.clear()
    build(project, out_dir=out)
    assert sorted(rendered) == ["doc-0", "doc-1", "doc-2"]


def test_a_deleted_output_file_is_rendered_again(tmp_path: Path, rendered: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    (out / "tc/doc-2/index.html").unlink()
    rendered.clear()
    build(project, out_dir=out)
    assert rendered == ["doc-2"]
    assert (out / "tc/doc-2/index.html").is_file()


def test_no_cache_renders_everything_from_the_command_line(tmp_path: Path) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    assert run_build_py("build", "--project", str(project), "--out", str(out)).returncode == 0
    page = out / "doc-0/index.html"
    good = page.read_bytes()
    page.write_bytes(b"edited by hand")  # the cache trusts the output it wrote...
    assert run_build_py("build", "--project", str(project), "--out", str(out)).returncode == 0
    assert page.read_bytes() == b"edited by hand"
    result = run_build_py("build", "--project", str(project), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert page.read_bytes() == good  # ...and --no-cache renders it again


def test_site_wide_pages_follow_what_they_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kinds: list[str] = []
    original = Renderer.render_page
    monkeypatch.setattr(
        Renderer,
        "render_page",
        lambda self, page, *args: kinds.append(page.kind) or original(self, page, *args),
    )
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 1)
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    document = project / "content/doc-1.yaml"

    kinds.clear()  # a paragraph's text: the home page and timeline show none of it
    document.write_text(document.read_text("utf-8").replace("Intro", "Preface"), "utf-8")
    build(project, out_dir=out)
    assert set(kinds) == {"document"}

    kinds.clear()  # a title: every page that lists the documents shows it (404 shows none)
    document.write_text(document.read_text("utf-8").replace("Doc 1", "Renamed"), "utf-8")
    build(project, out_dir=out)
    assert set(kinds) == {"home", "timeline", "contents", "document"}
    assert "Renamed" in (out / "en/timeline/index.html").read_text(encoding="utf-8")
    assert "Renamed" in (out / "index.html").read_text(encoding="utf-8")
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


@pytest.mark.parametrize(
    "edit",
    ["content/doc-2.yaml", "templates/base.html", "site.yaml", "static/site.css"],
)
def test_after_any_edit_the_cached_build_equals_a_fresh_one(tmp_path: Path, edit: str) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    target = project / edit
    text = target.read_text(encoding="utf-8")
    changed = {
        "content/doc-2.yaml": text.replace("Intro", "Overview"),
        "templates/base.html": text.replace("<footer", "<!-- edited -->\n<footer"),
        "site.yaml": text.replace("home: Home", "home: Home page"),
        "static/site.css": text + "\n.edited { color: inherit; }\n",
    }[edit]
    assert changed != text
    target.write_text(changed, encoding="utf-8")
    build(project, out_dir=out)
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


@pytest.mark.parametrize("change", ["delete", "add", "delete and add"])
def test_after_documents_come_and_go_the_cached_build_equals_a_fresh_one(
    tmp_path: Path, change: str
) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    if "delete" in change:
        (project / "content/doc-1.yaml").unlink()
    if "add" in change:
        text = (project / "content/doc-2.yaml").read_text(encoding="utf-8")
        (project / "content/new.yaml").write_text(text.replace("Doc 2", "New"), "utf-8")
    build(project, out_dir=out)
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_a_new_version_of_the_tool_renders_everything_again(tmp_path: Path) -> None:
    """The tool's own code is part of every key: a copy of it, changed in how it writes the
    JSON exports, rebuilds over the old output exactly as a clean build of that version."""
    tool = tmp_path / "tool"
    shutil.copytree(
        REPO / "sitegen", tool / "sitegen", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO / "build.py", tool / "build.py")
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"

    def run(*args: str) -> None:
        command = [sys.executable, str(tool / "build.py"), "--project", str(project), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr

    run("--out", str(out))
    before = (out / "data/doc-1.json").read_bytes()
    exports = tool / "sitegen/render/exports.py"
    text = exports.read_text(encoding="utf-8")
    exports.write_text(text.replace("ensure_ascii=False, indent=2", "ensure_ascii=False, indent=1"))
    run("--out", str(out))
    assert (out / "data/doc-1.json").read_bytes() != before
    run("--out", str(tmp_path / "fresh"), "--no-cache")
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_an_edit_that_moves_a_milestone_anchor_updates_the_timeline(tmp_path: Path) -> None:
    """The timeline links a milestone to its sentence (pN-sM) while the paragraph has that
    many sentence groups; an edit that takes the sentence away moves the link to pN."""
    project, out = many_documents(tmp_path / "project", 2), tmp_path / "out"
    document = project / "content/doc-1.yaml"
    text = document.read_text(encoding="utf-8")
    two = text.replace("in 2001.", "in 2001. It will act again.").replace(
        "行動。", "行動。它會再次行動。"
    )
    document.write_text(two.replace("paragraph: 2", "paragraph: 2\n    sentence: 2"), "utf-8")
    build(project, out_dir=out)
    assert "doc-1/#p2-s2" in (out / "timeline/index.html").read_text(encoding="utf-8")
    document.write_text(text.replace("paragraph: 2", "paragraph: 2\n    sentence: 2"), "utf-8")
    build(project, out_dir=out)
    assert "doc-1/#p2-s2" not in (out / "timeline/index.html").read_text(encoding="utf-8")
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")
