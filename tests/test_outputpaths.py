"""Output paths (output/outputpaths.py): folders of files, clashes, paths from a journal."""

from __future__ import annotations

import pytest

from sitegen.errors import SiteError
from sitegen.output.outputpaths import check_no_clashes, folders_of, safe_output_path


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
