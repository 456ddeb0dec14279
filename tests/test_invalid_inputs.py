"""The catalogue of bad inputs: one folder per case, each with the first line it must print.

Every case must exit 1 with `file:line: sentence`, print no traceback, and leave the
previous output untouched. `UPDATE_GOLDEN=1` rewrites expected.txt from the actual output
(review the diff before committing: the wording is the point of these tests).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import build
from conftest import TINY_DOCUMENT, make_project
from sitegen.output import MARKER, MARKER_TEXT

CASES = Path(__file__).parent / "fixtures" / "invalid"


def _case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", _case_names())
def test_bad_input_is_reported_cleanly(case: str, tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path / "project")
    files = CASES / case
    shutil.copytree(
        files, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt")
    )
    if not any(p.suffix == ".yaml" for p in (project / "content").iterdir()) or case.startswith(
        ("site-", "template-")
    ):
        (project / "content" / "hello.yaml").write_text(TINY_DOCUMENT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("previous good site", encoding="utf-8")
    (out / MARKER).write_bytes(MARKER_TEXT)

    code = build.main(["build", "--project", str(project), "--out", str(out)])

    captured = capsys.readouterr()
    first_line = captured.err.splitlines()[0] if captured.err else ""
    expected_file = files / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(first_line + "\n", encoding="utf-8")
    assert code == 1, captured.out + captured.err
    assert "Traceback" not in captured.err
    assert first_line == expected_file.read_text(encoding="utf-8").rstrip("\n")
    assert sorted(p.name for p in out.iterdir()) == sorted(["index.html", MARKER])
    assert (out / "index.html").read_text(encoding="utf-8") == "previous good site"
