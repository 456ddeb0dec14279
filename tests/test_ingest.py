"""Ingest: raw bilingual text -> aligned content dict -> YAML, on fixtures and the foreword."""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.errors import SiteError
from sitegen.ingest.blocks import join_lines
from sitegen.ingest.paragraphs import ingest_text, is_title_from_slug, slug_title
from sitegen.ingest.sources import ingest_file
from sitegen.ingest.write import dump_content, write_content
from sitegen.model.content import load_document
from sitegen.text.fingerprints import fingerprint

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
FOREWORD = Path(__file__).resolve().parent.parent / "content" / "foreword.txt"

TWO_PAIRS = [
    {
        "en": "The Association was founded in 1997 by a group of engineers. It has grown"
        " steadily ever since.",
        "zh": "聯會於 1997 年由一群工程師創立，此後一直穩步發展。",
    },
    {
        "en": "Today it serves the whole ICT industry of Hong Kong.",
        "zh": "今天，聯會服務香港整個 ICT 業界。",
    },
]


def ingest(name: str) -> dict:
    return ingest_file(FIXTURES / name, display_name=f"content/{name}")


def error_of(name: str) -> str:
    with pytest.raises(SiteError) as caught:
        ingest(name)
    return str(caught.value)


# Layouts


@pytest.mark.parametrize("name", ["en_then_zh.txt", "zh_then_en.txt", "alternating.txt"])
def test_layouts(name):
    assert ingest(name)["paragraphs"] == TWO_PAIRS


def test_no_blank_line_between_blocks_and_stray_spaces():
    paragraphs = ingest("no_blank_between.txt")["paragraphs"]
    assert paragraphs[0]["en"] == (
        "The Association was founded in 1997 by a group of engineers. It has grown steadily"
        " ever since, and its e-government work is well known."
    )
    assert (
        paragraphs[0]["zh"]
        == "聯會於 1997 年由一群工程師創立，此後一直穩步發展，其電子政府工作廣為人知。"
    )
    assert paragraphs[1] == TWO_PAIRS[1]


def test_content_keys_in_order():
    content = ingest("en_then_zh.txt")
    assert list(content) == ["title", "source", "paragraphs", "milestones"]
    assert content["source"] == "en_then_zh.txt"
    assert [m["date"] for m in content["milestones"]] == ["1997"]  # "founded in 1997"
    assert "source" not in ingest_text("A b c.\n\n甲乙。\n", display_name="x", slug="x")


# Re-flow


def test_english_lines_join_with_one_space():
    assert join_lines([" One  two ", "three.  Four", "data-", "driven  "], "en") == (
        "One two three. Four data-driven"
    )


def test_english_hyphen_after_a_space_is_a_dash_not_a_break():
    assert join_lines(["Hong Kong -", "the city"], "en") == "Hong Kong - the city"


def test_chinese_lines_join_without_space_between_cjk():
    assert join_lines(["提出人工智能是創 ", "科產業，", "「數字政策辦公室」", "。"], "zh") == (
        "提出人工智能是創科產業，「數字政策辦公室」。"
    )


def test_chinese_lines_join_with_a_space_beside_latin_or_digits():
    assert join_lines(["特區政府剛在", "2024 年 7 月成立", "5G+AI", "應用"], "zh") == (
        "特區政府剛在 2024 年 7 月成立 5G+AI 應用"
    )


def test_spaces_inside_a_chinese_line_are_kept():
    assert join_lines(["在  2022 年公布  ", "  藍圖"], "zh") == "在  2022 年公布藍圖"


# Headings and numbered paragraphs


def test_title_and_headings():
    content = ingest("headings.txt")
    assert content["title"] == {"en": "FOREWORD", "zh": "序言"}
    assert content["paragraphs"][0] == {"en": "Our Story", "zh": "我們的故事", "kind": "heading"}
    assert "FOREWORD" not in dump_content(content).replace("en: FOREWORD", "", 1)
    assert not is_title_from_slug(content, "headings")


def test_numbered_paragraphs_split_without_blank_line():
    paragraphs = ingest("headings.txt")["paragraphs"]
    assert paragraphs[2:] == [
        {
            "en": "1. The Government will support the industry in 2025.",
            "zh": "1. 政府會在 2025 年支持業界。",
        },
        {
            "en": "2. The Government will review the plan in 2026.",
            "zh": "2. 政府會在 2026 年檢討計劃。",
        },
    ]


def test_title_from_slug_when_the_text_has_no_heading():
    content = ingest("en_then_zh.txt")
    assert content["title"] == {"en": "En then zh", "zh": "En then zh"}
    assert is_title_from_slug(content, "en_then_zh")
    assert slug_title("annual-report-2024") == "Annual report 2024"


# Alignment in context


def test_one_english_paragraph_translated_as_two_chinese():
    paragraphs = ingest("one_to_two.txt")["paragraphs"]
    assert len(paragraphs) == 2
    assert paragraphs[0]["zh"] == (
        "香港特區政府在 2022 年公布藍圖。"
        "藍圖提出四大發展方向，並把人工智能列為未來十年的策略性產業。"
    )


def test_anchors_decide_the_pairing():
    paragraphs = ingest("anchors.txt")["paragraphs"]
    assert [p["zh"][:6] for p in paragraphs] == ["聯會於 19", "到了 201", "聯會在 20"]
    assert "CAHK 已有 300 名會員" in paragraphs[1]["zh"]


# Page furniture


def test_page_furniture_is_removed_and_paragraphs_continue_across_pages():
    content = ingest("furniture.txt")
    assert content["paragraphs"] == [
        {
            "en": "The Association was founded in 1997 by a group of engineers who believed in"
            " an open market. It has grown steadily ever since.",
            "zh": "聯會於 1997 年由一群相信開放市場的工程師創立，此後一直穩步發展。",
        },
        {"en": "Today it serves the whole ICT industry.", "zh": "今天，聯會服務整個 ICT 業界。"},
    ]
    assert "Annual Report" not in dump_content(content)


def test_page_numbers_between_blank_lines_without_form_feeds():
    (pair,) = ingest("page_numbers.txt")["paragraphs"]
    assert pair["en"] == (
        "The Association was founded in 1997 by a group of engineers who believed in an open"
        " market."
    )


@pytest.mark.parametrize("number", ["3", "- 3 -", "Page 3", "page 3 of 12", "第 3 頁", "3 / 12"])
def test_page_number_forms(number):
    text = f"Hello there, friends.\n\n{number}\n\n大家好。\n{number}\n"
    content = ingest_text(text, display_name="x", slug="x")
    assert content["paragraphs"] == [{"en": "Hello there, friends.", "zh": "大家好。"}]


# Bad input


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt"])
def test_empty_file(name):
    assert error_of(name) == (
        f"content/{name}:1: the file has no text; expected English paragraphs and their"
        " Chinese translation"
    )


def test_only_one_language():
    assert error_of("only_english.txt").startswith(
        "content/only_english.txt:1: the file has only English text, no Chinese;"
    )
    assert error_of("only_chinese.txt").startswith(
        "content/only_chinese.txt:1: the file has only Chinese text, no English;"
    )


def test_binary_file(tmp_path):
    source = tmp_path / "image.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(SiteError, match=r"^image.txt:3: the file contains a NUL byte"):
        ingest_file(source, display_name="image.txt")


def test_missing_source_file(tmp_path):
    with pytest.raises(SiteError, match=r"^nope.txt: cannot read the source file"):
        ingest_file(tmp_path / "nope.txt", display_name="nope.txt")


def test_big5hkscs_source_with_encoding(tmp_path):
    source = tmp_path / "lift.txt"
    source.write_bytes("Take the lift.\r\n\r\n啱啱搭𨋢。\r\n".encode("big5hkscs"))
    with pytest.raises(SiteError, match="--encoding big5hkscs"):
        ingest_file(source, display_name="lift.txt")
    content = ingest_file(source, display_name="lift.txt", encoding="big5hkscs")
    assert content["paragraphs"] == [{"en": "Take the lift.", "zh": "啱啱搭𨋢。"}]


# YAML and writing


def test_dump_is_stable_unfolded_and_loads_back(tmp_path):
    content = ingest_file(FOREWORD, display_name="content/foreword.txt")
    text = dump_content(content)
    assert text == dump_content(yaml.safe_load(text))
    assert yaml.safe_load(text) == content
    assert "\\u" not in text and "\\x" not in text  # real characters, not escapes
    before_milestones = text.split("milestones:")[0]
    assert len(before_milestones.splitlines()) == 3 + 1 + 1 + 2 * 4  # no long line was folded
    (tmp_path / "foreword.yaml").write_text(text, encoding="utf-8")
    document = load_document(tmp_path / "foreword.yaml", "content/foreword.yaml")
    assert len(document.paragraphs) == 4


def test_write_content_refuses_to_overwrite(tmp_path):
    dest = tmp_path / "content" / "doc.yaml"
    content = ingest("en_then_zh.txt")
    write_content(content, dest, display_name="content/doc.yaml")
    first = dest.read_bytes()
    written = yaml.safe_load(first)
    for paragraph in written["paragraphs"]:  # each pair written as reviewed, as it came
        reviewed = paragraph.pop("reviewed")
        assert reviewed == {"en": fingerprint(paragraph["en"]), "zh": fingerprint(paragraph["zh"])}
    assert written == content
    dest.write_text("edited by hand\n", encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        write_content(content, dest, display_name="content/doc.yaml")
    message = str(caught.value)
    assert message.startswith("content/doc.yaml: the file already exists")
    assert "--force" in message and "-o" in message
    assert dest.read_text(encoding="utf-8") == "edited by hand\n"
    write_content(content, dest, display_name="content/doc.yaml", force=True)
    assert dest.read_bytes() == first
    assert [p.name for p in dest.parent.iterdir()] == ["doc.yaml"]  # no temp files left


def test_write_content_is_atomic(tmp_path, monkeypatch):
    dest = tmp_path / "doc.yaml"
    dest.write_text("old\n", encoding="utf-8")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_content(ingest("en_then_zh.txt"), dest, display_name="doc.yaml", force=True)
    assert dest.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.yaml"]


# The real foreword


def test_foreword():
    content = ingest_file(FOREWORD, display_name="content/foreword.txt")
    assert content["title"] == {"en": "Foreword", "zh": "Foreword"}
    assert is_title_from_slug(content, "foreword")
    paragraphs = content["paragraphs"]
    assert len(paragraphs) == 4
    assert all(set(p) == {"en", "zh"} for p in paragraphs)
    assert paragraphs[0]["en"].startswith("I would like to express my heartfelt congratulations")
    assert paragraphs[0]["zh"] == "我衷心恭賀香港通訊業聯會出版《2025 香港通訊業概覽》。"
    assert paragraphs[1]["en"].startswith("The HKSAR Government promulgated")
    assert "in Hong Kong. The Government has been actively" in paragraphs[1]["en"]
    assert paragraphs[1]["zh"].startswith(
        "香港特區政府在 2022 年公布《香港創新科技發展藍圖》，"
        "提出人工智能是其中一項具策略性意義的創科產業"
    )
    assert paragraphs[2]["en"].startswith("We have also spared no effort")
    assert "allocated $3 billion" in paragraphs[2]["en"]
    assert "首階段設施在 2024 年稍後啟用" in paragraphs[2]["zh"]
    assert paragraphs[3]["en"].startswith("Since the launch of 5G services in 2020")
    assert paragraphs[3]["zh"].startswith("自 5G 服務於 2020 年推出後")
    assert "特區政府剛在 2024 年 7 月成立「數字政策辦公室」" in paragraphs[3]["zh"]
    assert "5G+AI 應用的商用產品" in paragraphs[3]["zh"]
    for pair in paragraphs:
        assert "  " not in pair["en"] and pair["en"] == pair["en"].strip()
        assert pair["zh"] == pair["zh"].strip()


def test_foreword_loses_no_text():
    content = ingest_file(FOREWORD, display_name="content/foreword.txt")
    source = FOREWORD.read_text(encoding="utf-8")
    cut = source.index(" 我衷心")
    english, chinese = source[:cut], source[cut:]
    assert squeeze(english) == squeeze("".join(p["en"] for p in content["paragraphs"]))
    assert squeeze(chinese) == squeeze("".join(p["zh"] for p in content["paragraphs"]))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Never lose text: a property over generated bilingual documents

EN_WORDS = ["the", "government", "will", "support", "industry", "market", "digital", "and"]
EN_WORDS += ["AI", "2024", "5G", "CAHK", "data-driven", "e-government", "Hong", "Kong", "$3"]
ZH_TOKENS = list("香港特區政府在年公布創新科技發展藍圖提出人工智能是業聯會「」《》，、")
ZH_TOKENS += [" 2024 ", " AI ", " 5G+AI ", "《2025 Official Guide》", " 1823 "]


@st.composite
def english_paragraph(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        first = draw(st.sampled_from(EN_WORDS[1:8])).capitalize()
        rest = draw(st.lists(st.sampled_from(EN_WORDS), min_size=2, max_size=14))
        sentences.append(" ".join([first, *rest]) + draw(st.sampled_from([".", "?", "!"])))
    return draw(st.sampled_from([" ", "  "])).join(sentences)


@st.composite
def chinese_paragraph(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        first = draw(st.sampled_from(ZH_TOKENS[:20]))
        rest = draw(st.lists(st.sampled_from(ZH_TOKENS), min_size=3, max_size=40))
        sentences.append(first + "".join(rest) + draw(st.sampled_from(["。", "！", "？"])))
    return "".join(sentences)


@st.composite
def wrapped(draw, paragraph: str, language: str) -> list[str]:
    width = draw(st.integers(30, 90)) if language == "en" else draw(st.integers(20, 45))
    if language == "en":
        lines = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
    else:
        lines = [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    pad = st.sampled_from(["", " ", "  ", "\t"])
    return [draw(pad) + line + draw(pad) for line in lines]


@st.composite
def bilingual_text(draw):
    layout = draw(st.sampled_from(["en-zh", "zh-en", "alternating"]))
    en = draw(st.lists(english_paragraph(), min_size=1, max_size=4, unique=True))
    same = len(en) if layout == "alternating" else None
    zh = draw(st.lists(chinese_paragraph(), min_size=same or 1, max_size=same or 4, unique=True))
    if layout == "alternating":
        order = [
            (p, lang)
            for pair in zip(en, zh, strict=True)
            for p, lang in zip(pair, "ez", strict=True)
        ]
    else:
        order = [(p, "e") for p in en] + [(p, "z") for p in zh]
        order = order if layout == "en-zh" else order[len(en) :] + order[: len(en)]
    lines: list[str] = []
    for index, (paragraph, lang) in enumerate(order):
        changes = index and order[index - 1][1] != lang
        if index and not (changes and draw(st.booleans())):  # sometimes no blank line
            lines += [""] * draw(st.integers(1, 3))
        lines += draw(wrapped(paragraph, "en" if lang == "e" else "zh"))
    for page, at in enumerate(sorted(draw(st.lists(st.integers(1, len(lines)), max_size=3)))):
        lines[at + 2 * page : at + 2 * page] = [f"- {page + 2} -", "\f"]  # page furniture
    return "\n".join(lines) + "\n", "".join(en), "".join(zh)


@settings(max_examples=300, deadline=None)
@given(bilingual_text())
def test_no_text_is_lost_or_repeated(case):
    text, english, chinese = case
    content = ingest_text(text, display_name="x.txt", slug="x")
    title = content["title"] if not is_title_from_slug(content, "x") else {"en": "", "zh": ""}
    pairs = [title, *content["paragraphs"]]
    assert all(p["en"].strip() and p["zh"].strip() for p in content["paragraphs"])
    assert squeeze("".join(p["en"] for p in pairs)) == squeeze(english)
    assert squeeze("".join(p["zh"] for p in pairs)) == squeeze(chinese)


def test_running_footer_is_removed_on_most_pages():
    page = "{}\n\nCAHK Guide 2025 | {}\n"
    bodies = ["Hello there, friends, and", "welcome to the guide.", "大家好，歡迎", "閱讀本概覽。"]
    text = "\f".join(page.format(body, n) for n, body in enumerate(bodies, 1))
    content = ingest_text(text, display_name="x", slug="x")
    assert content["paragraphs"] == [
        {"en": "Hello there, friends, and welcome to the guide.", "zh": "大家好，歡迎閱讀本概覽。"}
    ]


def test_a_line_on_only_two_pages_is_kept_as_text():
    text = "Welcome\nHello there, friends.\f\nWelcome\nAgain, friends.\n\n大家好。\n\n再見。\n"
    content = ingest_text(text, display_name="x", slug="x")
    english = "".join(p["en"] for p in content["paragraphs"])
    assert squeeze(english) == squeeze("Welcome Hello there, friends. Welcome Again, friends.")
