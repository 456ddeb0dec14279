"""`build.py publish` commits the built site to gh-pages and pushes it to a real (bare) repo."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import run_build_py

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **IDENTITY}
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_publish_pushes_the_built_site_to_a_bare_repository(
    tiny_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote = tmp_path / "remote.git"
    git("init", "--bare", "--quiet", str(remote), cwd=tmp_path)
    git("init", "--quiet", cwd=tiny_project)
    git("add", ".", cwd=tiny_project)
    git("commit", "--quiet", "-m", "content", cwd=tiny_project)
    git("remote", "add", "origin", str(remote), cwd=tiny_project)
    for name, value in IDENTITY.items():  # the build.py subprocess inherits these
        monkeypatch.setenv(name, value)

    first = run_build_py("publish", "--project", str(tiny_project))
    assert first.returncode == 0, first.stderr
    assert "Published" in first.stdout
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in files and "tc/hello/index.html" in files and ".nojekyll" in files
    built = sorted(
        p.relative_to(tiny_project / "_site").as_posix()
        for p in (tiny_project / "_site").rglob("*")
        if p.is_file()
    )
    assert sorted(files) == built
    # Only the output and the build's store (.sitegen-cache/, which a real project ignores).
    untracked = git("status", "--porcelain", cwd=tiny_project).splitlines()
    assert set(untracked) <= {"?? _site/", "?? .sitegen-cache/"}, "working tree intact"

    (tiny_project / "content" / "hello.yaml").write_text(
        'title: {en: "Changed", zh: "已改"}\nparagraphs:\n  - {en: "New.", zh: "新。"}\n',
        encoding="utf-8",
    )
    second = run_build_py("publish", "--project", str(tiny_project))
    assert second.returncode == 0, second.stderr
    assert git("rev-list", "--count", "gh-pages", cwd=remote).strip() == "2"
    page = git("show", "gh-pages:en/hello/index.html", cwd=remote)
    assert "Changed" in page


def test_publish_outside_a_git_repository_is_a_clear_error(tiny_project: Path) -> None:
    result = run_build_py("publish", "--project", str(tiny_project))
    assert result.returncode == 1
    assert "publish needs the project to be a git repository" in result.stderr
    assert "Traceback" not in result.stderr
