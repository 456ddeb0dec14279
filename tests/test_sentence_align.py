"""Sentence alignment: bead shapes by lengths and anchors, confidence, texts kept exactly."""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bench.eval_alignment import evaluate, load_gold, paragraph
from conftest import REPO
from sitegen.align import search
from sitegen.align.sentences import DEFAULT_RATIO, SentenceGroup, align_sentences, length_ratio
from sitegen.text.sentences import split_chinese, split_english

GOLD = load_gold()


def shapes(groups: list[SentenceGroup]) -> list[tuple[int, int]]:
    """(English sentences, Chinese sentences) per group."""
    return [(len(split_english(g.en)), len(split_chinese(g.zh))) for g in groups]


def assert_texts_kept(groups: list[SentenceGroup], en: str, zh: str) -> None:
    assert "".join(g.en for g in groups) == en
    assert "".join(g.zh for g in groups) == zh


def test_one_to_one() -> None:
    en = "The Government allocated $3 billion in 2024. It will support about 200 projects."
    zh = "政府在 2024 年撥款 30 億元。計劃會支援約 200 個項目。"
    groups = align_sentences(en, zh, DEFAULT_RATIO)
    assert [(g.en, g.zh) for g in groups] == [
        ("The Government allocated $3 billion in 2024. ", "政府在 2024 年撥款 30 億元。"),
        ("It will support about 200 projects.", "計劃會支援約 200 個項目。"),
    ]
    assert all(g.confidence > 0.9 for g in groups)


def test_one_english_sentence_as_two_chinese() -> None:
    en = (
        "The Office launched the platform in the winter, which now has many registered users"
        " who can reach hundreds of online services with a single digital identity."
        " We will add services."
    )
    zh = (
        "辦公室在冬季推出平台。現時平台有大量登記用戶，他們只需一個數碼身份，即可使用數百項網上服務。"
        "我們會增加服務。"
    )
    groups = align_sentences(en, zh, DEFAULT_RATIO)
    assert shapes(groups) == [(1, 2), (1, 1)]
    assert groups[0].confidence > 0.9  # no other grouping comes near: sure of it
    assert_texts_kept(groups, en, zh)


def test_two_english_sentences_as_one_chinese() -> None:
    en = "They met the management. They also toured the new laboratories. The visit ended."
    zh = "他們與管理層會面，並參觀了新實驗室。參觀結束。"
    groups = align_sentences(en, zh, DEFAULT_RATIO)
    assert shapes(groups) == [(2, 1), (1, 1)]
    assert groups[0].en == "They met the management. They also toured the new laboratories. "
    assert_texts_kept(groups, en, zh)


def test_two_to_two_when_no_sentence_pairs_off() -> None:
    en = (
        "In 2015 it began. The fund supports research by local universities and it has grown"
        " steadily over the years since then, attracting many partners from industry and"
        " academia alike."
    )
    zh = (
        "基金於 2015 年成立，支持本地大學的研究，多年來穩步發展，吸引了業界及學術界的眾多夥伴。"
        "至今如此。"
    )
    groups = align_sentences(en, zh, DEFAULT_RATIO)
    assert shapes(groups) == [(2, 2)]
    assert groups[0].confidence > 0.9


@pytest.mark.parametrize(
    ("en_anchor", "zh_anchor"),
    [
        pytest.param("$3 billion", "30 億元", id="3 billion = 30 億"),
        pytest.param("100 awards", "一百個獎項", id="100 = 一百"),
        pytest.param("an award in 2019", "2019 年的獎項", id="year"),
        pytest.param("AI funding", "人工智能資助", id="AI = 人工智能"),
        pytest.param("5G spectrum", "5G 頻譜", id="5G"),
        pytest.param("support from the DPO", "數字辦的支持", id="DPO = 數字辦"),
    ],
)
def test_anchors_decide_where_lengths_mislead(monkeypatch, en_anchor: str, zh_anchor: str) -> None:
    en = (
        "The Association was founded by a small group of engineers."
        f" It then received {en_anchor}. Its work continues."
    )
    zh = (
        f"聯會由一群工程師創立，其後獲得{zh_anchor}。"
        "會員來自業界各個範疇，包括營辦商、設備供應商及學術界，聯會的工作一直延續至今。"
    )
    assert shapes(align_sentences(en, zh, DEFAULT_RATIO)) == [(2, 1), (1, 1)]
    monkeypatch.setattr(search, "ANCHOR_WEIGHT", 0.0)
    monkeypatch.setattr(search, "LEXICAL_WEIGHT", 0.0)
    assert shapes(align_sentences(en, zh, DEFAULT_RATIO)) == [(1, 1), (2, 1)]  # lengths alone


def test_anchor_missing_from_a_group_leaves_the_grouping_sure() -> None:
    # Confidence is about where the groups are, not whether the translation is right:
    # a number one side lacks is `check`'s separate warning (consistency.py).
    en = "The Government allocated $3 billion in 2024. It will support about 200 projects in 2024."
    right = "政府在 2024 年撥款 30 億元。計劃會在 2024 年支援約 200 個項目。"
    moved = "政府在今個財政年撥款 30 億元。計劃會在 2024 年支援約 200 個項目。"  # same lengths
    good, bad = align_sentences(en, right, DEFAULT_RATIO), align_sentences(en, moved, DEFAULT_RATIO)
    assert shapes(good) == shapes(bad) == [(1, 1), (1, 1)]
    assert min(g.confidence for g in good + bad) > 0.9


def test_anchor_moved_across_the_boundary_merges_the_sentences_with_less_confidence() -> None:
    en = "The Government allocated $3 billion in 2024. It will support about 200 projects later."
    right = "政府在 2024 年撥款 30 億元。計劃會在稍後支援約 200 個項目。"
    moved = "政府在稍後撥款 30 億元。計劃會在 2024 年支援約 200 個項目。"
    good, bad = align_sentences(en, right, DEFAULT_RATIO), align_sentences(en, moved, DEFAULT_RATIO)
    assert shapes(good) == [(1, 1), (1, 1)]
    assert shapes(bad) == [(2, 2)]
    assert bad[0].confidence < min(g.confidence for g in good)


def test_paragraph_without_sentence_punctuation_is_one_group() -> None:
    groups = align_sentences("Innovation and technology", "創新科技", DEFAULT_RATIO)
    assert [(g.en, g.zh) for g in groups] == [("Innovation and technology", "創新科技")]
    assert groups[0].confidence > 0.9


@pytest.mark.parametrize(("en", "zh"), [("Hello. Goodbye.", ""), ("", "你好。再見。")])
def test_one_empty_side_is_one_group_with_confidence_zero(en: str, zh: str) -> None:
    assert align_sentences(en, zh, DEFAULT_RATIO) == [SentenceGroup(en, zh, 0.0)]


def test_both_sides_empty_is_no_group() -> None:
    assert align_sentences("", "", DEFAULT_RATIO) == []


@pytest.mark.parametrize("ratio", [0.0, -1.0, math.nan, math.inf, 1e307])
def test_unusable_ratio_falls_back_to_the_default(ratio: float) -> None:
    en = "They met the management. They also toured the new laboratories. The visit ended."
    zh = "他們與管理層會面，並參觀了新實驗室。參觀結束。"
    groups = align_sentences(en, zh, ratio)
    assert groups == align_sentences(en, zh, DEFAULT_RATIO)
    assert all(0 < g.confidence <= 1 for g in groups)


def test_ratio_too_large_for_the_lengths_falls_back() -> None:
    # Found by Hypothesis: the expected length overflowed and no bead had a finite cost.
    en, zh = "It cost 1823 dollars.", "費用 1823 元。"
    assert align_sentences(en, zh, 1e307) == align_sentences(en, zh, DEFAULT_RATIO)


def test_foreword_second_paragraph() -> None:
    """The real document: English sentences 3 and 4 are one Chinese sentence."""
    document = yaml.safe_load((REPO / "content" / "foreword.yaml").read_text(encoding="utf-8"))
    paragraphs = [(p["en"], p["zh"]) for p in document["paragraphs"]]
    en, zh = paragraphs[1]
    groups = align_sentences(en, zh, length_ratio(paragraphs))
    assert shapes(groups) == [(1, 1), (1, 1), (2, 1)]
    assert groups[2].en.startswith("A number of e-government services have applied AI")
    assert groups[2].zh.startswith("至今，不少電子政務已應用了人工智能技術")
    assert all(g.confidence >= 0.5 for g in groups)
    assert_texts_kept(groups, en, zh)


@pytest.mark.parametrize(("name", "gold"), GOLD, ids=[name for name, _ in GOLD])
def test_gold_pair_texts_are_kept(name: str, gold: list[tuple[str, str]]) -> None:
    en, zh = paragraph(gold)
    groups = align_sentences(en, zh, length_ratio(paragraph(g) for _, g in GOLD))
    assert_texts_kept(groups, en, zh)
    assert all(g.en.strip() and g.zh.strip() for g in groups)


def test_gold_precision() -> None:
    scores = evaluate(GOLD)
    assert scores.pairs == 18
    assert scores.precision >= 0.85, f"{scores.correct}/{scores.predicted} groups right"


def test_length_ratio_is_calibrated_on_the_document() -> None:
    # Total over total (not a mean of per-paragraph ratios); whitespace does not count.
    pairs = [("a" * 100, "甲" * 40), ("b b b", "乙 乙 乙 乙 乙"), ("c" * 97, "丙" * 55)]
    assert length_ratio(pairs) == 100 / 200


@pytest.mark.parametrize(
    "pairs", [[], [("Some English", "")], [("", "中文")], [("   ", "\n")]], ids=str
)
def test_length_ratio_without_text_is_the_default(pairs: list[tuple[str, str]]) -> None:
    assert length_ratio(pairs) == DEFAULT_RATIO


_TOKENS = [
    ". ",
    "! ",
    "? ",
    "。",
    "！",
    "？",
    "」",
    " ",
    "The ",
    "A",
    "x",
    "2024",
    "AI",
    "政府",
    "年",
]
PARAGRAPH = st.text(max_size=60) | st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join)


@given(en=PARAGRAPH, zh=PARAGRAPH, ratio=st.floats(allow_nan=True, allow_infinity=True))
def test_groups_keep_both_texts_and_confidence_is_in_range(en: str, zh: str, ratio: float) -> None:
    groups = align_sentences(en, zh, ratio)
    assert_texts_kept(groups, en, zh)
    assert all(0 <= g.confidence <= 1 for g in groups)
    # A sentence may stand alone (one the translator added or left out): `check` flags it.
    assert all(g.en or g.zh for g in groups)


def test_a_closed_quotation_ends_a_group_in_both_languages(monkeypatch) -> None:
    en = (
        "'Well then, do not sit around doing nothing. Go and practise.'"
        " He left the room in silence."
    )
    zh = "「別躲懶，多練練。」他靜靜地離開房間。"
    groups = align_sentences(en, zh, DEFAULT_RATIO)
    assert shapes(groups) == [(2, 1), (1, 1)]
    assert groups[0].en.rstrip().endswith("practise.'")
    monkeypatch.setattr(search, "ANCHOR_WEIGHT", 0.0)  # lengths and words alone cut the speech
    assert shapes(align_sentences(en, zh, DEFAULT_RATIO)) != [(2, 1), (1, 1)]
