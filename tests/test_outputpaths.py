"""Output paths (output/outputpaths.py): folders of files, clashes, paths from a journal."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import SiteError
from sitegen.output.outputpaths import check_no_clashes, folders_of, is_present, safe_output_path


def test_every_folder_of_every_file_at_any_depth() -> None:
    assert folders_of(["a/b/c.html", "a/d.html", "e.html"]) == {"a", "a/b"}


def test_a_file_and_a_folder_of_one_name_clash() -> None:
    check_no_clashes({"a/index.html": "1", "b": "2"})
    with pytest.raises(SiteError, match=r"\ba: the site has both a file and a folder"):
        check_no_clashes({"a/index.html": "1", "a": "2"})


@pytest.mark.parametrize("bad", ["", "/etc/passwd", "../up", "a/../../b", 3, None])
def test_a_journal_path_outside_the_output_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="not a path inside the output"):
        safe_output_path(bad)


def test_a_journal_path_inside_the_output_is_kept() -> None:
    assert safe_output_path("en/doc/index.html") == "en/doc/index.html"


def test_a_file_is_present_without_a_look_only_in_an_intact_folder(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en/here.html").write_text("here", encoding="utf-8")
    out = str(tmp_path)
    assert is_present(out, "en/here.html", set())  # looked at
    assert not is_present(out, "en/gone.html", set())
    assert not is_present(out, "tc/gone.html", {"en"})
    assert is_present(out, "en/gone.html", {"en"})  # trusted: en/ is as last left
    assert is_present(out, "gone.html", {""}) and not is_present(out, "gone.html", {"en"})
