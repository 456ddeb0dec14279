"""Translations in step: fingerprints of a pair as last reviewed, `check` and the pages when
one side changed since, and `build.py review`, which edits nothing but those fingerprints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import make_project, run_build_py
from sitegen.errors import SiteError
from sitegen.model.paragraphs import Paragraph
from sitegen.review import review_file
from sitegen.text.fingerprints import fingerprint

# An editor's file: comments everywhere, every quoting style, a folded and a literal block,
# a flow-style paragraph, a hand alignment, a heading, blank lines and a trailing comment.
EDITED = """\
# The Chairman's message, as checked on 3 May.
title:
  en: "Message"   # from the printed guide
  zh: '獻辭'
paragraphs:
  # The heading first.
  - en: Our Story
    zh: 我們的故事
    kind: heading

  - en: >
      The Association was founded in 1997
      by engineers.
    zh: |-
      聯會於 1997 年由工程師創立。
  # a note between paragraphs
  - {en: "It grew. Today it serves all.", zh: "它成長了。今天服務整個業界。"}
  - en: 'It thanks its members.'  # thanks
    zh: "它感謝會員。"
    segments:
      - {en: "It thanks its members.", zh: "它感謝會員。"}
milestones: []
# end of file
"""


def _without_review_lines(text: str) -> str:
    text = re.sub(r"\n *reviewed: \{[^}]*\}", "", text)
    return re.sub(r", reviewed: \{[^}]*\}", "", text)


def _project(tmp_path: Path, text: str = EDITED) -> Path:
    return make_project(tmp_path / "site", {"content/message.yaml": text})


def test_fingerprint_ignores_line_breaks_and_composition() -> None:
    assert fingerprint("A  pair\nof lines ") == fingerprint("A pair of lines")
    assert fingerprint("Cafe\u0301") == fingerprint("Café")
    assert fingerprint("A pair") != fingerprint("A pear")
    assert re.fullmatch(r"[0-9a-f]{10}", fingerprint("文"))


@pytest.mark.parametrize(
    ("en", "zh", "outdated"),
    [
        ("Old English.", "舊中文。", None),
        ("New English.", "舊中文。", "zh"),  # the Chinese may no longer translate it
        ("Old English.", "新中文。", "en"),
        ("New English.", "新中文。", None),  # both revised: the editor's own work
    ],
)
def test_the_side_that_may_be_out_of_date(en: str, zh: str, outdated: str | None) -> None:
    reviewed = (fingerprint("Old English."), fingerprint("舊中文。"))
    assert Paragraph(en, zh, reviewed=reviewed).outdated == outdated
    assert Paragraph(en, zh).outdated is None  # never reviewed: nothing to compare


def test_review_changes_nothing_but_the_fingerprints(tmp_path: Path) -> None:
    path = _project(tmp_path) / "content" / "message.yaml"
    assert review_file(path, "content/message.yaml") == 4
    text = path.read_text(encoding="utf-8")
    assert _without_review_lines(text) == EDITED
    assert text.count("reviewed:") == 4
    assert (
        '  - {en: "It grew. Today it serves all.", zh: "它成長了。今天服務整個業界。", reviewed: {'
        in text
    )
    assert review_file(path, "content/message.yaml") == 0  # already reviewed as they stand
    assert path.read_text(encoding="utf-8") == text


def test_review_replaces_an_old_fingerprint_in_place_and_keeps_crlf(tmp_path: Path) -> None:
    original = EDITED.replace(
        "  - en: 'It thanks its members.'  # thanks\n",
        "  - en: 'It thanks its members.'  # thanks\n"
        '    reviewed: {en: "0000000000", zh: "1111111111"}  # stale\n',
    ).replace("\n", "\r\n")
    root = _project(tmp_path)
    path = root / "content" / "message.yaml"
    path.write_bytes(("\ufeff" + original).encode("utf-8"))
    assert review_file(path, "content/message.yaml", {4}) == 1
    data = path.read_bytes().decode("utf-8")
    en, zh = fingerprint("It thanks its members."), fingerprint("它感謝會員。")
    assert data == "\ufeff" + original.replace(
        '{en: "0000000000", zh: "1111111111"}', f'{{en: "{en}", zh: "{zh}"}}'
    )


def test_only_the_chosen_paragraph_is_marked(tmp_path: Path) -> None:
    path = _project(tmp_path) / "content" / "message.yaml"
    assert review_file(path, "content/message.yaml", {2}) == 1
    text = path.read_text(encoding="utf-8")
    assert text.count("reviewed:") == 1
    assert "    zh: |-\n      聯會於 1997 年由工程師創立。\n    reviewed: {" in text
    with pytest.raises(SiteError, match="there is no paragraph 9; it has 1 to 4"):
        review_file(path, "content/message.yaml", {9})


def test_a_broken_fingerprint_is_reported_with_its_line(tmp_path: Path) -> None:
    root = _project(tmp_path)
    text = EDITED.replace(
        "    kind: heading\n", "    kind: heading\n    reviewed: {en: x, zh: y}\n"
    )
    (root / "content" / "message.yaml").write_text(text, encoding="utf-8")
    result = run_build_py("build", "--project", str(root), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "content/message.yaml:10: paragraph 1 reviewed en is 'x', not a fingerprint" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_an_english_edit_is_flagged_until_reviewed(tmp_path: Path) -> None:
    root = _project(tmp_path)
    out = tmp_path / "out"
    assert run_build_py("review", "--project", str(root)).returncode == 0
    path = root / "content" / "message.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("It grew.", "It grew fast."), encoding="utf-8"
    )

    checked = run_build_py("check", "--strict", "--project", str(root))
    assert checked.returncode == 1
    line = (
        path.read_text(encoding="utf-8")
        .split("\n")
        .index(next(x for x in path.read_text(encoding="utf-8").split("\n") if "It grew fast" in x))
    )
    assert (
        f"content/message.yaml:{line + 1}: paragraph 3: the English changed since the Chinese"
        " was last reviewed" in checked.stderr
    )
    assert run_build_py("build", "--project", str(root), "--out", str(out)).returncode == 0
    note = '<span class="outdated" role="note" data-pagefind-ignore>{}</span>'
    assert note.format("翻譯更新中") in (out / "tc/message/index.html").read_text("utf-8")
    assert note.format("翻译更新中") in (out / "sc/message/index.html").read_text("utf-8")
    assert note.format("翻譯更新中") in (out / "message/index.html").read_text("utf-8")
    assert 'class="outdated"' not in (out / "en/message/index.html").read_text("utf-8")
    data = json.loads((out / "data/message.json").read_text("utf-8"))
    assert [p.get("outdated") for p in data["paragraphs"]] == [None, None, "zh", None]

    reviewed = run_build_py("review", "message", "--paragraph", "3", "--project", str(root))
    assert reviewed.stdout == "content/message.yaml: 1 paragraph marked reviewed\n"
    assert "last reviewed" not in run_build_py("check", "--project", str(root)).stderr
    assert run_build_py("build", "--project", str(root), "--out", str(out)).returncode == 0
    assert 'class="outdated"' not in (out / "message/index.html").read_text("utf-8")


def test_review_needs_a_document_for_a_paragraph_number(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = run_build_py("review", "--paragraph", "1", "--project", str(root))
    assert result.returncode == 1
    assert result.stderr.strip() == "review: --paragraph needs the document it is in"
    missing = run_build_py("review", "nothing-here", "--project", str(root))
    assert missing.returncode == 1 and "nothing-here: no such content file" in missing.stderr
