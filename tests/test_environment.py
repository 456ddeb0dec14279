"""The Jinja2 environment (render/environment.py): templates compiled once a process, and
compiled again when they change."""

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
