"""The Jinja2 environment (render/environment.py): templates compiled once a process and
kept in the project's cache for the next, compiled again when they change or their kept
code is damaged."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from sitegen.render.environment import make_environment, render_template


def _project(root: Path, text: str) -> Path:
    (root / "templates").mkdir(parents=True)
    (root / "templates/page.html").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    real = jinja2.Environment.compile

    def counted(self, source, name=None, *args, **kwargs):
        names.append(name)
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


def _render(project: Path) -> str:
    return render_template(make_environment(project), "page.html", {"x": "<b>"}, "page/")


def test_a_template_is_compiled_once_for_every_environment(tmp_path: Path, compiles) -> None:
    project = _project(tmp_path / "one", "Hello {{ x }}")
    assert _render(project) == "Hello &lt;b&gt;"
    assert _render(project) == "Hello &lt;b&gt;"  # a new environment, as every rebuild
    assert compiles == ["page.html"]


def test_an_edited_template_is_compiled_again(tmp_path: Path, compiles) -> None:
    project = _project(tmp_path / "one", "Hello {{ x }}")
    _render(project)
    page = project / "templates/page.html"
    page.write_text("Goodbye {{ x }}", encoding="utf-8")
    os.utime(page, ns=(0, 0))  # even with the old time: the source's checksum differs
    assert _render(project) == "Goodbye &lt;b&gt;"
    assert compiles == ["page.html", "page.html"]


def test_projects_with_the_same_template_names_do_not_mix(tmp_path: Path) -> None:
    first = _project(tmp_path / "one", "One {{ x }}")
    second = _project(tmp_path / "two", "Two {{ x }}")
    assert (_render(first), _render(second)) == ("One &lt;b&gt;", "Two &lt;b&gt;")


@pytest.fixture
def new_process(monkeypatch: pytest.MonkeyPatch):
    """Forget what this process compiled, as a new build process starts with nothing."""
    from sitegen.render import environment

    def forget() -> None:
        monkeypatch.setattr(environment, "_COMPILED", {})

    return forget


def _compiled_files(project: Path) -> list[Path]:
    return sorted((project / ".sitegen-cache/templates").iterdir())


def test_the_next_process_takes_the_compiled_template_from_the_project_cache(
    tmp_path: Path, compiles, new_process
) -> None:
    project = _project(tmp_path / "one", "Hello {{ x }}")
    _render(project)
    assert len(_compiled_files(project)) == 1
    new_process()
    assert _render(project) == "Hello &lt;b&gt;"
    assert compiles == ["page.html"]


def test_the_next_process_compiles_an_edited_template_again(
    tmp_path: Path, compiles, new_process
) -> None:
    project = _project(tmp_path / "one", "Hello {{ x }}")
    _render(project)
    new_process()
    (project / "templates/page.html").write_text("Goodbye {{ x }}", encoding="utf-8")
    assert _render(project) == "Goodbye &lt;b&gt;"
    assert compiles == ["page.html", "page.html"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",
        lambda data: data[:16] + bytes(len(data) - 16),  # its digest kept, its code zeroed
        lambda data: bytes(16) + data[16:],  # its digest zeroed
    ],
    ids=["truncated", "empty", "code-zeroed", "digest-zeroed"],
)
def test_a_damaged_compiled_template_is_compiled_again(
    tmp_path: Path, compiles, new_process, damage
) -> None:
    project = _project(tmp_path / "one", "Hello {{ x }}")
    _render(project)
    [compiled] = _compiled_files(project)
    compiled.write_bytes(damage(compiled.read_bytes()))
    new_process()
    assert _render(project) == "Hello &lt;b&gt;"
    assert compiles == ["page.html", "page.html"]
    new_process()  # and written whole again
    assert _render(project) == "Hello &lt;b&gt;"
    assert compiles == ["page.html", "page.html"]


def test_a_project_cache_that_cannot_be_written_only_costs_compiling(
    tmp_path: Path, compiles, new_process
) -> None:
    project = _project(tmp_path / "one", "Hello {{ x }}")
    (project / ".sitegen-cache").write_text("not a folder", encoding="utf-8")
    assert _render(project) == "Hello &lt;b&gt;"
    new_process()
    assert _render(project) == "Hello &lt;b&gt;"
    assert compiles == ["page.html", "page.html"]
