"""Numbers and Latin names as values: one key however a quantity is written, no idioms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sitegen.text.numbers import (
    Number,
    anchor_keys,
    chinese_numbers,
    chinese_numeral,
    english_numbers,
    glossary_names,
    is_acronym,
    latin_names,
)

THREE_BILLION = (Decimal(3_000_000_000), False)


def keys(numbers: list[Number]) -> list[tuple[Decimal, bool]]:
    return [number.key for number in numbers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$3 billion", THREE_BILLION),
        ("3,000,000,000", THREE_BILLION),
        ("3 billion", THREE_BILLION),
        ("HK$12.3 billion", (Decimal("12_300_000_000"), False)),
        ("$500 million", (Decimal(500_000_000), False)),
        ("3.5bn", (Decimal(3_500_000_000), False)),
        ("three-year", (Decimal(3), False)),
        ("twenty-five", (Decimal(25), False)),
        ("a hundred", (Decimal(100), False)),
        ("85%", (Decimal(85), True)),
        ("85 per cent", (Decimal(85), True)),
        ("85 percent", (Decimal(85), True)),
        ("July", (Decimal(7), False)),
    ],
)
def test_english_number_value(text: str, expected: tuple[Decimal, bool]) -> None:
    assert keys(english_numbers(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 億", THREE_BILLION),
        ("三十億", THREE_BILLION),
        ("三年", (Decimal(3), False)),
        ("一百", (Decimal(100), False)),
        ("百項", (Decimal(100), False)),
        ("二零二四", (Decimal(2024), False)),
        ("2,400 萬", (Decimal(24_000_000), False)),
        ("5 千", (Decimal(5000), False)),
        ("百分之八十五", (Decimal(85), True)),
        ("85%", (Decimal(85), True)),
        ("百分之三點一", (Decimal("3.1"), True)),
        ("7 月", (Decimal(7), False)),
    ],
)
def test_chinese_number_value(text: str, expected: tuple[Decimal, bool]) -> None:
    assert keys(chinese_numbers(text)) == [expected]


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("$3 billion", "30 億"),
        ("3,000,000,000", "三十億"),
        ("three-year", "三年"),
        ("85%", "百分之八十五"),
        ("1.5 million", "150 萬"),
        ("100", "一百"),
        ("July", "7 月"),
        ("2024", "二零二四"),
    ],
)
def test_same_quantity_in_both_languages_has_one_key(en: str, zh: str) -> None:
    assert keys(english_numbers(en)) == keys(chinese_numbers(zh))


def test_percent_is_not_the_plain_number() -> None:
    assert english_numbers("85%")[0].key != english_numbers("85")[0].key


def test_numbers_come_in_order_with_spelling_noted() -> None:
    numbers = english_numbers("On 3 May 2024, two firms won $3 billion.")
    assert [(n.text, n.is_spelled) for n in numbers] == [
        ("3", False),
        ("May", True),
        ("2024", False),
        ("two", True),
        ("$3 billion", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("You may apply online.", id="may is a verb"),
        pytest.param("May we thank everyone.", id="May without a day or year"),
        pytest.param("one of the industries", id="spelled one"),
        pytest.param("a number of services", id="a"),
        pytest.param("the first time", id="ordinal in words"),
        pytest.param("COVID-19 measures", id="part of a name"),
        pytest.param("Smart Government", id="no number"),
    ],
)
def test_english_non_numbers(text: str) -> None:
    assert english_numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("一直", id="一直"),
        pytest.param("進一步", id="進一步"),
        pytest.param("兩地", id="兩地"),
        pytest.param("十分", id="十分"),
        pytest.param("千萬", id="千萬"),
        pytest.param("一國兩制", id="一國兩制"),
        pytest.param("第三", id="第三"),
        pytest.param("第三年", id="第三年"),
        pytest.param("三四", id="三四 is three or four"),
        pytest.param("十四五", id="十四五 is a plan's name"),
        pytest.param("一年", id="spelled one"),
    ],
)
def test_chinese_idioms_are_not_numbers(text: str) -> None:
    assert chinese_numbers(text) == []


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("一百", 100),
        ("十", 10),
        ("二十", 20),
        ("三十億", 3_000_000_000),
        ("二零二四", 2024),
        ("三千零五", 3005),
        ("一萬五千", 15_000),
        ("兩萬", 20_000),
        ("一百萬", 1_000_000),
        ("兩億三千萬", 230_000_000),
        ("一億零五百萬", 105_000_000),
        ("三點五", Decimal("3.5")),
    ],
)
def test_chinese_numeral(run: str, expected: int | Decimal) -> None:
    assert chinese_numeral(run) == expected


@pytest.mark.parametrize("run", ["三四", "十四五"])
def test_malformed_chinese_numeral(run: str) -> None:
    assert chinese_numeral(run) is None


def test_describe_shows_the_value_only_when_the_text_does_not() -> None:
    assert chinese_numbers("撥款 30 億元")[0].describe() == "30 億 (3,000,000,000)"
    assert english_numbers("in 2023")[0].describe() == "2023"
    assert english_numbers("5,000 staff")[0].describe() == "5,000"
    assert english_numbers("85%")[0].describe() == "85%"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("AI", True),
        ("CAHK", True),
        ("I&T", True),
        ("5G", True),
        ("COVID-19", True),
        ("DPO", True),
        ("1st", False),
        ("2nd", False),
        ("Mr", False),
        ("Hong", False),
        ("iPhone", False),
    ],
)
def test_is_acronym(token: str, expected: bool) -> None:
    assert is_acronym(token) is expected


def test_latin_names() -> None:
    text = "Mr Chan of CAHK spoke on AI, I&T and 5G in 2024."
    assert latin_names(text) == ["CAHK", "AI", "I&T", "5G"]
    assert latin_names("利用 iPhone 及 5G 服務", acronyms_only=False) == ["iPhone", "5G"]


def test_glossary_names_prefer_the_longest_translation() -> None:
    assert glossary_names("香港通訊業聯會與人工智能超算中心及數字辦") == [
        "CAHK",
        "AI",
        "AISC",
        "DPO",
    ]
    assert glossary_names("政府會推動經濟發展") == []


def test_anchor_keys_meet_across_languages() -> None:
    en = anchor_keys("We allocated $3 billion for a three-year AI and 5G scheme in 2024.", "en")
    zh = anchor_keys("我們在 2024 年撥款 30 億元推行為期三年的人工智能及 5G 計劃。", "zh")
    assert en == zh
    assert set(en) == {"#3E+9", "#3", "#2024", "@AI", "@5G"}


def test_anchor_keys_mark_percentages() -> None:
    assert anchor_keys("It rose by 35%.", "en") == anchor_keys("上升了百分之三十五。", "zh")
    assert anchor_keys("It rose by 35%.", "en") != anchor_keys("上升了 35。", "zh")
