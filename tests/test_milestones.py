"""Milestones at ingest: one per event in both languages, pointing at the sentence the page
anchors, and an editor's labels kept when the text is ingested again."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import build
from conftest import make_project
from sitegen.align.segments import derive_document
from sitegen.ingest.milestones import event_label, extract_milestones, merge_milestones
from sitegen.ingest.paragraphs import ingest_text
from sitegen.ingest.write import dump_content
from sitegen.model.content import Milestone, load_document
from sitegen.text.dates import DateMention

PARAGRAPHS = [
    {"en": "Progress report", "zh": "進度報告", "kind": "heading"},
    {
        "en": "The Government set up the Digital Policy Office in July 2024. It has a staff of"
        " 300. The first phase of the centre will open later in 2024.",
        "zh": "政府在 2024 年 7 月成立數字政策辦公室。辦公室有 300 名員工。中心首階段會在"
        " 2024 年稍後啟用。",
    },
    {
        "en": "Since the launch of 5G services in 2020, sectors have developed new applications.",
        "zh": "自 5G 服務於 2020 年推出後，各行業均積極拓展創新應用。",
    },
    {
        "en": "Over the past two years, the three-year scheme has funded the 1823 hotline,"
        " as the Policy Address 2024 set out.",
        "zh": "過去兩年，為期三年的計劃資助了 1823 熱線，正如《2024年施政報告》所述。",
    },
]
EXPECTED = [
    {
        "date": "2024-07",
        "en": "The Government set up the Digital Policy Office",
        "zh": "政府成立數字政策辦公室",
        "paragraph": 2,
        "sentence": 1,
    },
    {
        "date": "2024",
        "en": "The first phase of the centre will open",
        "zh": "中心首階段會啟用",
        "paragraph": 2,
        "sentence": 3,
        "qualifier": "later",
    },
    {
        "date": "2020",
        "en": "The launch of 5G services",
        "zh": "5G 服務推出",
        "paragraph": 3,
        "sentence": 1,
    },
]


def test_one_milestone_per_event_with_labels_from_its_sentence() -> None:
    assert extract_milestones(PARAGRAPHS) == EXPECTED


def test_sentence_is_the_group_the_page_anchors(tmp_path: Path) -> None:
    content = {"title": {"en": "T", "zh": "題"}, "paragraphs": PARAGRAPHS}
    content["milestones"] = extract_milestones(PARAGRAPHS)
    path = tmp_path / "report.yaml"
    path.write_text(dump_content(content), encoding="utf-8")
    document = load_document(path, "content/report.yaml")
    groups = derive_document(document).groups
    written = [("July 2024", "2024 年 7 月"), ("later in 2024", "2024 年稍後"), ("2020", "2020")]
    for milestone, (en, zh) in zip(document.milestones, written, strict=True):
        group = groups[milestone.paragraph - 1][milestone.sentence - 1]
        assert en in group.en and zh in group.zh
    assert [m.qualifier for m in document.milestones] == [None, "later", None]


def test_the_more_precise_side_gives_the_date_and_either_the_qualifier() -> None:
    paragraph = {
        "en": "We will progressively launch from 2024 onwards a hundred initiatives.",
        "zh": "我們在 2024 年 7 月陸續推出百項方案。",
    }
    [milestone] = extract_milestones([paragraph])
    assert (milestone["date"], milestone["qualifier"]) == ("2024-07", "from")
    assert milestone["en"] == "We will progressively launch a hundred initiatives"
    assert milestone["zh"] == "我們陸續推出百項方案"


def test_a_date_in_one_language_only_still_becomes_a_milestone() -> None:
    paragraph = {"en": "The scheme opened in 2023.", "zh": "計劃已經推出。"}
    assert extract_milestones([paragraph]) == [
        {
            "date": "2023",
            "en": "The scheme opened",
            "zh": "計劃已經推出",
            "paragraph": 1,
            "sentence": 1,
        }
    ]


def test_a_sentence_that_is_only_its_date_is_labelled_with_the_date() -> None:
    [milestone] = extract_milestones([{"en": "In 2024.", "zh": "2024 年。"}])
    assert (milestone["en"], milestone["zh"]) == ("2024", "2024年")


def test_two_dates_in_one_sentence_pair_in_order() -> None:
    paragraph = {
        "en": "The plan began in 2020, and it will end by the end of 2025.",
        "zh": "計劃在 2020 年開始，並會於 2025 年年底前完成。",
    }
    found = [
        (m["date"], m.get("qualifier"), m["en"], m["zh"]) for m in extract_milestones([paragraph])
    ]
    assert found == [
        ("2020", None, "The plan began", "計劃開始"),
        ("2025", "by-end", "It will end", "會完成"),
    ]


def test_a_text_without_dates_has_no_milestones() -> None:
    assert extract_milestones([PARAGRAPHS[0], PARAGRAPHS[3]]) == []


@pytest.mark.parametrize(
    ("text", "date", "language", "label"),
    [
        ("Cyberport opened it in 2022, with more to come.", "2022", "en", "Cyberport opened it"),
        # the clause is only the date: the sentence without it
        (
            "In 2022, the Government promulgated the Blueprint.",
            "2022",
            "en",
            "The Government promulgated the Blueprint",
        ),
        (
            "特區政府剛在 2024 年 7 月成立辦公室，負責政策。",
            "2024 年 7 月",
            "zh",
            "特區政府剛成立辦公室",
        ),
        ("A" * 30 + " " + "b" * 60 + " in 2022.", "2022", "en", "A" * 30 + "…"),
        ("數" * 50 + "在 2022 年。", "2022 年", "zh", "數" * 39 + "…"),
        ("到了 2022 年，聯會已有 300 名會員。", "2022 年", "zh", "聯會已有 300 名會員"),
        ("1. 政府會在 2022 年檢討計劃。", "2022 年", "zh", "政府會檢討計劃"),
    ],
)
def test_event_label(text: str, date: str, language: str, label: str) -> None:
    start = text.index(date)
    assert event_label(text, DateMention("2022", None, start, start + len(date)), language) == label


def test_merge_keeps_the_editors_entries_and_adds_new_ones() -> None:
    edited = [
        {**EXPECTED[0], "date": "2024-07-01", "en": "DPO set up", "zh": "數字辦成立"},
        {"date": "2019", "en": "Added by hand", "zh": "人手加入", "paragraph": 3},
        "not a mapping",
    ]
    merged = merge_milestones(EXPECTED, edited)
    assert merged == [*edited, EXPECTED[1], EXPECTED[2]]


def test_merge_counts_repeated_years_in_a_paragraph() -> None:
    first = {"date": "2024", "en": "a", "zh": "甲", "paragraph": 1}
    second = {"date": "2024-09", "en": "b", "zh": "乙", "paragraph": 1}
    assert merge_milestones([first, second], [{**first, "en": "A"}]) == [
        {**first, "en": "A"},
        second,
    ]
    assert merge_milestones([first], [first, second]) == [first, second]


RAW = (
    "Annual message\n\nThe Association was founded in 1997. It opened an office in"
    " March 2020.\n\n年度獻辭\n\n聯會於 1997 年成立。聯會在 2020 年 3 月開設辦事處。\n"
)


def test_ingest_text_extracts_the_milestones() -> None:
    content = ingest_text(RAW, display_name="message.txt", slug="message")
    assert content["milestones"] == [
        {
            "date": "1997",
            "en": "The Association was founded",
            "zh": "聯會成立",
            "paragraph": 1,
            "sentence": 1,
        },
        {
            "date": "2020-03",
            "en": "It opened an office",
            "zh": "聯會開設辦事處",
            "paragraph": 1,
            "sentence": 2,
        },
    ]


def test_reingest_with_force_keeps_the_editors_labels(tmp_path: Path, capsys) -> None:
    project = make_project(tmp_path / "project", {"content/message.txt": RAW})
    ingest = ["ingest", str(project / "content" / "message.txt"), "--project", str(project)]
    assert build.main(ingest) == 0
    dest = project / "content" / "message.yaml"
    content = yaml.safe_load(dest.read_text(encoding="utf-8"))
    content["milestones"][0] |= {"en": "CAHK founded", "zh": "香港通訊業聯會成立"}
    del content["milestones"][1]
    dest.write_text(dump_content(content), encoding="utf-8")
    capsys.readouterr()

    assert build.main([*ingest, "--force"]) == 0

    assert "1 new milestone." in capsys.readouterr().out
    milestones = yaml.safe_load(dest.read_text(encoding="utf-8"))["milestones"]
    assert [(m["date"], m["en"]) for m in milestones] == [
        ("1997", "CAHK founded"),
        ("2020-03", "It opened an office"),  # deleted by the editor, found again
    ]
    assert build.main(["build", "--project", str(project), "--out", str(tmp_path / "out")]) == 0


def test_reingest_over_a_broken_file_stops_rather_than_lose_milestones(tmp_path, capsys) -> None:
    project = make_project(tmp_path / "project", {"content/message.txt": RAW})
    dest = project / "content" / "message.yaml"
    dest.write_text("milestones: [unclosed\n", encoding="utf-8")
    source = str(project / "content" / "message.txt")

    assert build.main(["ingest", source, "--project", str(project), "--force"]) == 1

    assert "cannot keep the reviewed milestones of this file" in capsys.readouterr().err
    assert dest.read_text(encoding="utf-8") == "milestones: [unclosed\n"


def test_milestone_keeps_its_positional_fields() -> None:
    assert Milestone("2024", "a", "甲", 2) == Milestone("2024", "a", "甲", 2, 0, None, None)
    assert Milestone("2024", "a", "甲", 2, 7, "from", 3).sentence == 3
