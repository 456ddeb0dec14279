"""Shared test helpers: a test is a tiny site written into tmp_path."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.model.config import load_site_config
from sitegen.model.load import load_site
from sitegen.output.searchpages import search_pages
from sitegen.output.searchparts import split_into_parts

REPO = Path(__file__).resolve().parent.parent

# The preview harness's fixtures (`project`, `server`) for every test that asks for them.
pytest_plugins = ["preview_harness"]

TINY_DOCUMENT = """\
title: {en: "Hello", zh: "你好"}
paragraphs:
  - en: "Intro"
    zh: "引言"
    kind: heading
  - en: "12. The Government will *act* in 2024."
    zh: "12. 政府會在 2024 年行動。"
milestones:
  - date: "2024"
    en: "Government acts"
    zh: "政府行動"
    paragraph: 2
"""


def make_project(root: Path, files: dict[str, str] | None = None, *, real: bool = True) -> Path:
    """A project in `root`: the repository's site.yaml, templates and static (when `real`),
    overlaid with `files` (relative path -> text, dedented)."""
    root.mkdir(parents=True, exist_ok=True)
    if real:
        shutil.copy(REPO / "site.yaml", root / "site.yaml")
        shutil.copytree(REPO / "templates", root / "templates")
        shutil.copytree(REPO / "static", root / "static")
    (root / "content").mkdir(exist_ok=True)
    for rel_path, text in (files or {}).items():
        target = root / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def many_documents(root: Path, count: int) -> Path:
    """A project of `count` small documents, doc-0 … doc-N, each with its own year."""
    files = {
        f"content/doc-{n}.yaml": TINY_DOCUMENT.replace("Hello", f"Doc {n}").replace(
            "2024", str(2000 + n)
        )
        for n in range(count)
    }
    return make_project(root, files)


def read_tree(root: Path, *, skip: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """Every file below `root` (relative POSIX path -> bytes), but those named in `skip`."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name not in skip
    }


@pytest.fixture
def tiny_project(tmp_path: Path) -> Path:
    """The real templates with one small document."""
    return make_project(tmp_path / "project", {"content/hello.yaml": TINY_DOCUMENT})


def run_build_py(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`python build.py ARGS` as a user runs it, in a subprocess."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def parts_of(project: Path, out: Path) -> tuple[list, Callable[[str], bytes]]:
    """The built project's search parts (as a build cuts them) and a reader of its output."""
    groups = list(search_pages(load_site(project, load_site_config(project))))
    keys = [""] * len(groups)  # keys matter only to rebuilds
    return split_into_parts(groups, keys), lambda name: (out / name).read_bytes()
