"""Consistency of a sentence group: numbers and Latin names one language has and the other lacks."""

from __future__ import annotations

import pytest
import yaml

from conftest import REPO
from sitegen.align.consistency import find_inconsistencies
from sitegen.align.sentences import align_sentences, length_ratio


def test_consistent_group_has_no_findings() -> None:
    en = "We allocated $3 billion in 2024."
    zh = "我們在 2024 年撥款 30 億元。"
    assert find_inconsistencies(en, zh) == []


def test_number_dropped_from_the_chinese() -> None:
    en = "We allocated $3 billion in 2024."
    zh = "我們撥款 30 億元。"
    assert find_inconsistencies(en, zh) == ["the English has 2024, which the Chinese does not"]


def test_number_added_in_the_chinese() -> None:
    en = "We allocated $3 billion."
    zh = "我們撥款 30 億元，計劃為期 3 年。"
    assert find_inconsistencies(en, zh) == ["the Chinese has 3, which the English does not"]


def test_finding_shows_the_value_of_a_number_in_another_notation() -> None:
    en = "We allocated funds."
    zh = "我們撥款 30 億元。"
    assert find_inconsistencies(en, zh) == [
        "the Chinese has 30 億 (3,000,000,000), which the English does not"
    ]


def test_changed_number_is_reported_on_both_sides() -> None:
    en = "It supports 200 projects."
    zh = "計劃支援 300 個項目。"
    assert find_inconsistencies(en, zh) == [
        "the English has 200, which the Chinese does not",
        "the Chinese has 300, which the English does not",
    ]


def test_percent_is_not_the_plain_number() -> None:
    assert find_inconsistencies("It rose 8%.", "上升 8。") == [
        "the English has 8%, which the Chinese does not",
        "the Chinese has 8, which the English does not",
    ]


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("We allocated $3 billion.", "我們撥款三十億元。"),
        ("It has 1.5 million users and 5,000 staff.", "有 150 萬用戶及 5 千員工。"),
        ("It fell to 85%.", "下降至百分之八十五。"),
        ("It opened in July 2024.", "於 2024 年 7 月開放。"),
        ("over a hundred initiatives", "百項方案"),
        ("a three-year scheme", "為期三年的計劃"),
        ("The total was 3,000,000,000.", "總數為 30 億。"),
    ],
)
def test_equal_values_in_different_notations_agree(en: str, zh: str) -> None:
    assert find_inconsistencies(en, zh) == []


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        pytest.param("over two years", "內", id="English under 10"),
        pytest.param("the two places", "香港", id="Chinese idiom 兩地"),
        pytest.param("one country, two systems", "一國兩制", id="一國兩制"),
        pytest.param("in the area", "三個地區", id="Chinese under 10"),
    ],
)
def test_spelled_number_under_ten_is_not_reported(en: str, zh: str) -> None:
    assert find_inconsistencies(en, zh) == []


def test_spelled_number_of_ten_or_more_is_reported() -> None:
    assert find_inconsistencies("twelve projects", "項目") == [
        "the English has twelve (12), which the Chinese does not"
    ]
    assert find_inconsistencies("projects", "十二個項目") == [
        "the Chinese has 十二 (12), which the English does not"
    ]


def test_spelled_number_under_ten_counts_as_a_counterpart() -> None:
    assert find_inconsistencies("for 3 years", "為期三年") == []


def test_each_missing_number_is_reported_once() -> None:
    en = "In 2024 and again in 2024."
    assert find_inconsistencies(en, "今年。") == [
        "the English has 2024, which the Chinese does not"
    ]


def test_acronym_kept_in_latin_is_present() -> None:
    assert find_inconsistencies("the launch of 5G", "推出 5G") == []


@pytest.mark.parametrize("zh", ["我恭賀香港通訊業聯會。", "我恭賀通訊業聯會。"])
def test_acronym_translated_by_the_glossary_is_present(zh: str) -> None:
    assert find_inconsistencies("I congratulate CAHK.", zh) == []


def test_glossary_acronym_without_its_translation_is_reported() -> None:
    assert find_inconsistencies("I congratulate CAHK.", "我恭賀業界。") == [
        "the English has CAHK, which the Chinese does not"
    ]
    assert find_inconsistencies("the AI centre", "中心") == [
        "the English has AI, which the Chinese does not"
    ]


def test_unknown_acronym_is_checked_only_when_the_chinese_keeps_latin_names() -> None:
    assert find_inconsistencies("I congratulate ABC.", "我恭賀業界。") == []
    assert find_inconsistencies("ABC and 5G", "業界及 5G") == [
        "the English has ABC, which the Chinese does not"
    ]


def test_latin_word_only_in_the_chinese_is_reported() -> None:
    assert find_inconsistencies("the centre", "5G 中心") == [
        "the Chinese has 5G, which the English does not"
    ]
    assert find_inconsistencies("Apple makes the iPhone", "蘋果公司製造 iPhone") == []
    assert find_inconsistencies("Apple makes the iphone", "蘋果公司製造 iPhone") == []


def test_foreword_groups_are_consistent() -> None:
    """The real document: every number and name of every aligned group has its counterpart."""
    document = yaml.safe_load((REPO / "content" / "foreword.yaml").read_text(encoding="utf-8"))
    paragraphs = [(p["en"], p["zh"]) for p in document["paragraphs"]]
    ratio = length_ratio(paragraphs)
    groups = [g for en, zh in paragraphs for g in align_sentences(en, zh, ratio)]
    assert len(groups) == 12
    assert {g.en: find_inconsistencies(g.en, g.zh) for g in groups} == {g.en: [] for g in groups}
