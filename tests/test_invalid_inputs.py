"""The catalogue of bad inputs: one folder per case, each with the first line it must print.

Every case must exit 1 with `file:line: sentence`, print no traceback, and leave the
previous output untouched. `UPDATE_GOLDEN=1` rewrites expected.txt from the actual output
(review the diff before committing: the wording is the point of these tests).

Cases named `ingest-*` run `build.py ingest source.txt --force` over a reviewed YAML file,
which must stay as it was. What git cannot hold well (symbolic links, file names in NFD or
not UTF-8, a 20 MB file) is made at test time by the functions in `SETUPS`.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

import build
from conftest import TINY_DOCUMENT, make_project
from sitegen.output.folder import MARKER, MARKER_TEXT

CASES = Path(__file__).parent / "fixtures" / "invalid"


def _case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _document_named(name: str) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        (project / "content" / name).write_text(TINY_DOCUMENT, encoding="utf-8")

    return setup


def _link_outside(project: Path) -> None:
    outside = project.parent / "elsewhere.yaml"
    outside.write_text(TINY_DOCUMENT, encoding="utf-8")
    (project / "content" / "linked.yaml").symlink_to(outside)


def _same_name_twice(project: Path) -> None:
    for form in ("NFC", "NFD"):
        _document_named(unicodedata.normalize(form, "café.yaml"))(project)


def _non_utf8_name(project: Path) -> None:
    name = os.fsdecode(b"caf\xe9.yaml")  # a Latin-1 name: not UTF-8, kept as a surrogate
    (project / "content" / name).write_text(TINY_DOCUMENT, encoding="utf-8")


def _huge_source(project: Path) -> None:
    pair = "The Government will act in 2024.\n\n政府會在 2024 年行動。\n\n"
    (project / "source.txt").write_text(pair * (20_000_000 // len(pair.encode())))


SETUPS: dict[str, Callable[[Path], None]] = {
    "file-name-nfd": _document_named(unicodedata.normalize("NFD", "café.yaml")),
    "file-name-nfc-and-nfd": _same_name_twice,
    "file-name-not-utf8": _non_utf8_name,
    "file-name-upper-case": _document_named("Hello.yaml"),
    "symlink-outside-project": _link_outside,
    "ingest-20-mb": _huge_source,
}


@pytest.mark.parametrize("case", _case_names())
def test_bad_input_is_reported_cleanly(case: str, tmp_path: Path, capsys, monkeypatch) -> None:
    project = make_project(tmp_path / "project")
    files = CASES / case
    shutil.copytree(
        files, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt")
    )
    SETUPS.get(case, lambda project: None)(project)
    if case.startswith("ingest-"):
        _check_ingest(case, project, capsys, monkeypatch)
        return
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


def _check_ingest(case: str, project: Path, capsys, monkeypatch) -> None:
    """`ingest source.txt -o reviewed.yaml --force`: refused, the reviewed file untouched."""
    monkeypatch.chdir(project)
    (project / "reviewed.yaml").write_text(TINY_DOCUMENT, encoding="utf-8")
    code = build.main(["ingest", "source.txt", "-o", "reviewed.yaml", "--force"])
    captured = capsys.readouterr()
    first_line = captured.err.splitlines()[0] if captured.err else ""
    expected_file = CASES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(first_line + "\n", encoding="utf-8")
    assert code == 1, captured.out + captured.err
    assert "Traceback" not in captured.err
    assert first_line == expected_file.read_text(encoding="utf-8").rstrip("\n")
    assert (project / "reviewed.yaml").read_text(encoding="utf-8") == TINY_DOCUMENT
    assert sorted(p.name for p in project.iterdir() if p.suffix == ".yaml") == [
        "reviewed.yaml",
        "site.yaml",
    ]


def test_every_case_made_at_test_time_has_its_folder() -> None:
    assert set(SETUPS) <= set(_case_names())
