"""`build.py publish` commits the built site to gh-pages and pushes it to a real (bare) repo."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import TINY_DOCUMENT, run_build_py
from sitegen.publish import publishable

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
    remote = _repository(tiny_project, tmp_path, monkeypatch)
    first = run_build_py("publish", "--project", str(tiny_project))
    assert first.returncode == 0, first.stderr
    assert "Published" in first.stdout
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in files and "tc/hello/index.html" in files and ".nojekyll" in files
    built = sorted(
        p.relative_to(tiny_project / "_site").as_posix()
        for p in (tiny_project / "_site").rglob("*")
        if p.is_file() and not p.name.startswith(".sitegen")
    )
    assert sorted(files) == built
    assert (tiny_project / "_site/.sitegen").is_file(), "built, but internal: not published"
    assert git("status", "--porcelain", cwd=tiny_project) == "?? _site/\n", "working tree intact"

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


def _repository(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    remote = tmp_path / "remote.git"
    git("init", "--bare", "--quiet", str(remote), cwd=tmp_path)
    git("init", "--quiet", cwd=project)
    git("add", ".", cwd=project)
    git("commit", "--quiet", "-m", "content", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    for name, value in IDENTITY.items():  # the build.py subprocess inherits these
        monkeypatch.setenv(name, value)
    return remote


def test_internal_files_are_left_out_by_one_rule(tmp_path: Path) -> None:
    """Every name starting with .sitegen, file or folder, at any depth; nothing else."""
    out = tmp_path / "_site"
    names = [".sitegen", ".sitegen-manifest.json", ".sitegen-journal", ".sitegen-cache/a.bin"]
    names += ["index.html", "en/index.html", "en/.sitegen-x", ".nojekyll", "static/.well"]
    for name in names:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(name, encoding="utf-8")
    with publishable(out) as tree:
        kept = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file())
        assert (tree / "index.html").read_text(encoding="utf-8") == "index.html"
    assert kept == [".nojekyll", "en/index.html", "index.html", "static/.well"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"], "the copy is cleaned up"
    assert (out / ".sitegen-cache/a.bin").is_file(), "the output itself is untouched"


def test_publish_runs_check_first_and_stops_on_errors(
    tiny_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tiny_project / "templates/base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace("</body>", '<a href="nowhere/">x</a></body>'),
        encoding="utf-8",
    )
    remote = _repository(tiny_project, tmp_path, monkeypatch)
    result = run_build_py("publish", "--project", str(tiny_project))
    assert result.returncode == 1
    assert "nowhere/" in result.stderr and "Not published: check found" in result.stderr
    assert "Traceback" not in result.stderr
    branches = subprocess.run(
        ["git", "branch", "--list", "gh-pages"], cwd=remote, capture_output=True, text=True
    )
    assert branches.stdout == "", "nothing pushed"
    assert not (tiny_project / "_site").exists(), "nothing built"


def test_publish_warns_about_uncommitted_content(
    tiny_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote = _repository(tiny_project, tmp_path, monkeypatch)
    hello = tiny_project / "content/hello.yaml"
    hello.write_text(hello.read_text(encoding="utf-8").replace("Hello", "Draft"), "utf-8")
    (tiny_project / "content/new.yaml").write_text(TINY_DOCUMENT, encoding="utf-8")
    result = run_build_py("publish", "--project", str(tiny_project))
    assert result.returncode == 0, result.stderr
    assert (
        "Warning: content/ has changes not committed to git (content/hello.yaml,"
        " content/new.yaml)" in result.stderr
    )
    assert "Draft" in git("show", "gh-pages:en/hello/index.html", cwd=remote)

    git("add", ".", cwd=tiny_project)
    git("commit", "--quiet", "-m", "drafts", cwd=tiny_project)
    again = run_build_py("publish", "--project", str(tiny_project))
    assert again.returncode == 0, again.stderr
    assert "not committed" not in again.stderr


@pytest.mark.parametrize(
    ("url", "cname", "base_url", "warned"),
    [
        ("git@github.com:cahk/guide.git", False, "", "https://cahk.github.io/guide/"),
        ("https://github.com/CAHK/guide", False, "", "https://cahk.github.io/guide/"),
        ("https://github.com/cahk/cahk.github.io.git", False, "", None),  # the domain's root
        ("git@github.com:cahk/guide.git", True, "", None),  # a custom domain (CNAME)
        ("git@github.com:cahk/guide.git", False, "https://cahk.github.io/guide/", None),
        ("https://git.example.org/guide.git", False, "", None),  # unknown host: nothing known
    ],
)
def test_publish_warns_when_github_pages_needs_a_base_url(
    tmp_path: Path, url: str, cname: bool, base_url: str, warned: str | None
) -> None:
    from sitegen.publish import subpath_warning

    git("init", "--quiet", cwd=tmp_path)
    git("remote", "add", "origin", url, cwd=tmp_path)
    if cname:
        (tmp_path / "CNAME").write_text("guide.example.org\n", encoding="utf-8")
    warning = subpath_warning(tmp_path, tmp_path, "origin", base_url)
    if warned is None:
        assert warning is None
    else:
        assert warning is not None and f'base_url: "{warned}"' in warning
