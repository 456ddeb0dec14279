"""What the build reads of a project: its own regular files only (model/files.py), the same
rule for `build` and `serve`. Links out of the project, link loops and named pipes are
reported as `file: sentence`, exit 1, no traceback, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import build
from conftest import TINY_DOCUMENT, run_build_py
from preview_harness import ERROR_PANEL, PreviewServer
from sitegen.preview.watcher import snapshot

OUTSIDE = "the file is a link to a file outside the project"
LOOP = "the link leads back to itself (a symbolic link loop)"
FOLDER_LOOP = "the link leads back to a folder that holds it"
PIPE = "is a named pipe (FIFO), not a regular file; only regular files are read"


def _build(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = tmp_path / "out"
    code = build.main(["build", "--project", str(project), "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code:
        assert not out.exists(), "a refused build writes nothing"
    return code, err


def test_a_static_link_out_of_the_project_is_refused(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    (tiny_project / "static/leak.txt").symlink_to(secret)
    code, err = _build(tiny_project, tmp_path, capsys)
    assert code == 1
    assert err.splitlines()[0].startswith(f"static/leak.txt: {OUTSIDE}")
    assert "copy the file into static/ instead" in err


def test_static_links_inside_the_project_are_followed(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tiny_project / "static/logo.txt").symlink_to("../content/hello.yaml")
    (tiny_project / "static/styles").symlink_to("../templates", target_is_directory=True)
    code, err = _build(tiny_project, tmp_path, capsys)
    assert code == 0, err
    out = tmp_path / "out/static"
    assert (out / "logo.txt").read_text(encoding="utf-8") == TINY_DOCUMENT
    assert (out / "styles/base.html").is_file()


@pytest.mark.parametrize(
    ("name", "target", "message"),
    [("a", ".", FOLDER_LOOP), ("deep", "../static", FOLDER_LOOP), ("self.css", "self.css", LOOP)],
)
def test_static_link_loops_are_reported_not_followed(
    tiny_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    target: str,
    message: str,
) -> None:
    (tiny_project / "static" / name).symlink_to(target)
    code, err = _build(tiny_project, tmp_path, capsys)
    assert code == 1
    assert err.splitlines() == [f"static/{name}: {err.splitlines()[0].split(': ', 1)[1]}"]
    assert message in err


def test_serve_applies_the_same_rule_and_lives_on(tiny_project: Path) -> None:
    """`serve` starts, shows the loop as the build reports it, and recovers once it is gone."""
    (tiny_project / "static/a").symlink_to(".")
    assert not any(name.startswith("static/a/") for name in snapshot(tiny_project))
    server = PreviewServer(tiny_project)
    try:
        body = server.wait_for_page("/", lambda body: FOLDER_LOOP in body, "the loop", 404)
        assert ERROR_PANEL in body and "static/a: " in body
        (tiny_project / "static/a").unlink()
        server.wait_for_page("/hello/", lambda body: ERROR_PANEL not in body, "the fix")
    finally:
        server.stop()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("where", ["content/pipe.yaml", "static/pipe.css"])
def test_a_named_pipe_is_reported_never_read(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    os.mkfifo(tiny_project / where)
    code, err = _build(tiny_project, tmp_path, capsys)
    assert code == 1
    assert err.splitlines()[0] == f"{where}: {PIPE}"


def test_a_content_file_that_is_a_link_loop_is_reported(
    tiny_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tiny_project / "content/loop.yaml").symlink_to("loop.yaml")
    (tiny_project / "content/round.yaml").symlink_to("trip.yaml")
    (tiny_project / "content/trip.yaml").symlink_to("round.yaml")
    code, err = _build(tiny_project, tmp_path, capsys)
    assert code == 1
    assert err.splitlines() == [
        f"content/{name}.yaml: {LOOP}; remove it or point it at a file"
        for name in ("loop", "round", "trip")
    ]


@pytest.mark.timeout(30)
def test_ingest_refuses_a_named_pipe(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = run_build_py("ingest", "pipe.txt", "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"pipe.txt: {PIPE}"]
