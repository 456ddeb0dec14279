"""Content documents load into the model; every problem of every file is reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, TINY_DOCUMENT, make_project
from sitegen.errors import SiteError
from sitegen.model.content import load_documents


def test_tiny_document_loads_with_lines(tiny_project: Path) -> None:
    (document,) = load_documents(tiny_project)
    assert document.slug == "hello"
    assert document.src_path == "content/hello.yaml"
    assert document.title == {"en": "Hello", "zh": "你好"}
    heading, body = document.paragraphs
    assert heading.is_heading and not body.is_heading
    assert body.en == "12. The Government will *act* in 2024."
    assert body.line == 6
    assert document.milestones[0].date == "2024"
    assert document.milestones[0].paragraph == 2


def test_real_foreword_loads() -> None:
    (document,) = load_documents(REPO)
    assert document.slug == "foreword"
    assert len(document.paragraphs) == 4
    assert all(p.en and p.zh for p in document.paragraphs)


def test_problems_of_all_files_are_reported_together(tmp_path: Path) -> None:
    project = make_project(
        tmp_path,
        {
            "content/a.yaml": 'title: {en: "A", zh: "甲"}\nparagraphs:\n  - en: "One."\n',
            "content/b.yaml": 'title: {en: "B"}\nparagraphs:\n  - en: "Two."\n    zh: "二。"\n',
            "content/ok.yaml": TINY_DOCUMENT,
        },
        real=False,
    )
    with pytest.raises(SiteError) as caught:
        load_documents(project)
    assert [str(p) for p in caught.value.problems] == [
        "content/a.yaml:3: paragraph 1 has English text but no Chinese (zh) text",
        "content/b.yaml:1: title is missing the key 'zh'",
    ]


def test_an_empty_content_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match="no documents found"):
        load_documents(make_project(tmp_path, real=False))


def test_equivalent_encodings_load_the_same(tmp_path: Path) -> None:
    plain = make_project(tmp_path / "plain", {"content/hello.yaml": TINY_DOCUMENT}, real=False)
    odd = make_project(tmp_path / "odd", real=False)
    data = ("\ufeff" + TINY_DOCUMENT.replace("\n", "\r\n")).encode("utf-8")
    (odd / "content" / "hello.yaml").write_bytes(data)
    assert load_documents(plain) == load_documents(odd)


def test_direction_marks_are_kept_while_bidi_controls_are_refused(tmp_path: Path) -> None:
    """LRM, RLM and ALM only settle the direction of the punctuation next to them; the
    embeddings, overrides and isolates reorder whole runs (text/scripts.py)."""
    marks = "Shalom \u200fשלום\u200f, \u200eok\u200e and \u061c."
    document = f'title: {{en: "{marks}", zh: "你好"}}\nparagraphs:\n  - {{en: "A.", zh: "甲。"}}\n'
    project = make_project(tmp_path, {"content/marks.yaml": document})
    (loaded,) = load_documents(project)
    assert loaded.title["en"] == marks
    for control in ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"):
        (project / "content/marks.yaml").write_text(
            document.replace("ok", f"ok{control}"), encoding="utf-8"
        )
        with pytest.raises(SiteError, match=f"U\\+{ord(control):04X}"):
            load_documents(project)
