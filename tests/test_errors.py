"""Problems are reported as `file:line: sentence`, at most MAX_PROBLEMS_PER_FILE per file,
with how many more there were; the rest are counted, never held."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from conftest import make_project
from sitegen.errors import MAX_PROBLEMS_PER_FILE, Problems, SiteError
from sitegen.model.content import load_documents


def test_problems_per_file_are_capped_and_the_rest_counted() -> None:
    problems = Problems()
    for number in range(1, 201):
        problems.add("content/a.yaml", number, "bad")
    problems.add("content/b.yaml", 7, "also bad")
    with pytest.raises(SiteError) as caught:
        problems.raise_if_any()
    shown = [str(p) for p in caught.value.problems]
    assert shown[:2] == ["content/a.yaml:1: bad", "content/a.yaml:2: bad"]
    assert shown[MAX_PROBLEMS_PER_FILE - 1] == f"content/a.yaml:{MAX_PROBLEMS_PER_FILE}: bad"
    assert shown[MAX_PROBLEMS_PER_FILE] == "content/b.yaml:7: also bad"
    assert shown[-1] == (
        f"content/a.yaml: … and {200 - MAX_PROBLEMS_PER_FILE:,} more problems not shown;"
        " fix the ones above and run again"
    )
    assert len(shown) == MAX_PROBLEMS_PER_FILE + 2


def test_a_million_problems_are_counted_not_kept() -> None:
    tracemalloc.start()
    problems = Problems()
    for number in range(1_000_000):
        problems.add("content/a.yaml", number, f"paragraph {number} should be a mapping")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(problems.items) == MAX_PROBLEMS_PER_FILE
    assert peak < 1_000_000, f"{peak:,} bytes held for a million problems"


def test_a_file_of_many_bad_items_prints_a_bounded_report(tmp_path: Path) -> None:
    bad = 'title: {en: "A", zh: "甲"}\nparagraphs:\n' + "- 1\n" * 10_000
    project = make_project(tmp_path, {"content/bad.yaml": bad})
    with pytest.raises(SiteError) as caught:
        load_documents(project)
    shown = [str(p) for p in caught.value.problems]
    assert (
        shown[0] == "content/bad.yaml:3: paragraph 1 should be a mapping of keys"
        " (en, zh, kind, segments, reviewed)"
    )
    assert shown[-1].startswith("content/bad.yaml: … and 9,950 more problems not shown")
    assert len(shown) == MAX_PROBLEMS_PER_FILE + 1
