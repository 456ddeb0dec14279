"""Where the output may go: never inside a folder the build reads (output/folder.py
`check_output_dir`), which would publish each build inside the next without end."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_build_py


@pytest.mark.parametrize(
    "out", ["static/_site", "static", "templates/site", "content/_site", "content/a/b"]
)
def test_an_output_inside_a_source_folder_is_refused(tiny_project: Path, out: str) -> None:
    before = sorted(p.relative_to(tiny_project) for p in tiny_project.rglob("*"))
    for _ in range(2):  # the second build would have copied the first into static/
        result = run_build_py(
            "build", "--project", str(tiny_project), "--out", out, cwd=tiny_project
        )
        assert result.returncode == 1
        assert result.stderr.startswith(f"build.py: refusing to build into {tiny_project / out}")
        assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(tiny_project) for p in tiny_project.rglob("*")) == before


def test_an_output_containing_the_project_is_refused(tiny_project: Path) -> None:
    result = run_build_py("build", "--project", str(tiny_project), "--out", "..", cwd=tiny_project)
    assert result.returncode == 1
    assert "refusing to build into" in result.stderr


def test_an_output_beside_the_sources_is_fine(tiny_project: Path) -> None:
    result = run_build_py(
        "build", "--project", str(tiny_project), "--out", "public/site", cwd=tiny_project
    )
    assert result.returncode == 0, result.stderr
    assert (tiny_project / "public/site/index.html").is_file()
