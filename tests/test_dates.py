"""Dates in English and Chinese prose: what is a milestone date, what is not, and how each
is shown on the timeline."""

from __future__ import annotations

import pytest

from sitegen.text.dates import (
    QUALIFIERS,
    DateMention,
    find_dates,
    format_date,
    format_in_year,
    format_qualified,
)


def found(text: str, language: str) -> list[tuple[str, str | None, str]]:
    """(date, qualifier, the phrase as written) for every mention."""
    return [(m.date, m.qualifier, text[m.start : m.end]) for m in find_dates(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Blueprint was promulgated in 2022.", [("2022", None, "2022")]),
        ("The DPO was established in July 2024.", [("2024-07", None, "July 2024")]),
        ("It takes effect on 1 March 2025.", [("2025-03-01", None, "1 March 2025")]),
        ("It took effect on 14th July 2024.", [("2024-07-14", None, "14th July 2024")]),
        ("Signed on March 1, 2025, in Beijing.", [("2025-03-01", None, "March 1, 2025")]),
        ("It opened in May 2023.", [("2023-05", None, "May 2023")]),
        ("Both in 2020 and 2024.", [("2020", None, "2020"), ("2024", None, "2024")]),
    ],
)
def test_english_dates_keep_the_texts_precision(text: str, expected: list) -> None:
    assert found(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we will launch from 2024 onwards over", ("2024", "from", "from 2024 onwards")),
        ("available July 2024 onwards.", ("2024-07", "from", "July 2024 onwards")),
        ("starting from July 2024, we", ("2024-07", "from", "starting from July 2024")),
        ("operational later in 2024.", ("2024", "later", "later in 2024")),
        ("has grown since 2020.", ("2020", "since", "since 2020")),
        ("complete by the end of 2025.", ("2025", "by-end", "by the end of 2025")),
        ("complete before the end of 2025.", ("2025", "by-end", "before the end of 2025")),
        ("complete by end-2025.", ("2025", "by-end", "by end-2025")),
        ("opens in early 2025.", ("2025", "early", "early 2025")),
        ("opens at the beginning of 2025.", ("2025", "early", "the beginning of 2025")),
        ("opens in mid-2025.", ("2025", "mid", "mid-2025")),
        ("opens in mid-July 2025.", ("2025-07", "mid", "mid-July 2025")),
        ("finished at the end of 2024.", ("2024", "end", "at the end of 2024")),
        ("finished in late 2024.", ("2024", "end", "late 2024")),
        ("ready by 2025.", ("2025", "by", "by 2025")),
        ("ready before 2025.", ("2025", "before", "before 2025")),
    ],
)
def test_english_qualifiers_stay_with_the_date(text: str, expected: tuple) -> None:
    assert found(text, "en") == [expected]


def test_from_a_year_to_another_is_a_span_not_a_start() -> None:
    assert found("from 2020 to 2024", "en") == [("2020", None, "from 2020"), ("2024", None, "2024")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("香港特區政府在 2022 年公布藍圖。", [("2022", None, "2022 年")]),
        ("特區政府剛在 2024 年 7 月成立數字辦。", [("2024-07", None, "2024 年 7 月")]),
        ("條例於2024年7月14日生效。", [("2024-07-14", None, "2024年7月14日")]),
        ("計劃於二零二四年推出。", [("2024", None, "二零二四年")]),
        ("於二零一九年三月成立。", [("2019-03", None, "二零一九年三月")]),
        ("於二〇二四年十二月三十一日完成。", [("2024-12-31", None, "二〇二四年十二月三十一日")]),
        ("於２０２４年推出。", [("2024", None, "２０２４年")]),
    ],
)
def test_chinese_dates_in_digits_and_numerals(text: str, expected: list) -> None:
    assert found(text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自2020年起持續增長", ("2020", "since", "自2020年起")),
        ("自 2020 年以來持續增長", ("2020", "since", "自 2020 年以來")),
        ("2020年以來持續增長", ("2020", "since", "2020年以來")),
        ("設施在 2024 年稍後啟用", ("2024", "later", "2024 年稍後")),
        ("設施於2024年較後時間啟用", ("2024", "later", "2024年較後時間")),
        ("2024年起陸續推出", ("2024", "from", "2024年起")),
        ("由2024年起陸續推出", ("2024", "from", "由2024年起")),
        ("從2024年開始推出", ("2024", "from", "從2024年開始")),
        ("於2025年年底前完成", ("2025", "by-end", "2025年年底前")),
        ("2025年底前完成", ("2025", "by-end", "2025年底前")),
        ("2025年7月底前完成", ("2025-07", "by-end", "2025年7月底前")),
        ("2024年底完成", ("2024", "end", "2024年底")),
        ("2024年年底完成", ("2024", "end", "2024年年底")),
        ("2025年年初推出", ("2025", "early", "2025年年初")),
        ("2025年年中推出", ("2025", "mid", "2025年年中")),
        ("2025年前完成", ("2025", "by", "2025年前")),
        ("2025年或之前完成", ("2025", "by", "2025年或之前")),
        ("2025年以前完成", ("2025", "before", "2025年以前")),
    ],
)
def test_chinese_qualifiers_stay_with_the_date(text: str, expected: tuple) -> None:
    assert found(text, "zh") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年中國經濟", ("2024", None, "2024年")),  # 中國 is China, not "mid"
        ("2025年前往北京", ("2025", None, "2025年")),  # 前往 is "went to", not "before"
        ("2025年初步完成", ("2025", None, "2025年")),  # 初步 is "preliminarily", not "early"
        ("2024年前後", ("2024", None, "2024年")),  # 前後 is "around"
    ],
)
def test_chinese_words_that_only_look_like_qualifiers(text: str, expected: tuple) -> None:
    assert found(text, "zh") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # years in titles and names
        "the Copyright (Amendment) Bill 2022 was passed",
        "as announced in the Policy Address 2024",
        "for publishing the 2025 Official Guide to ICT Industry",
        "for publishing the “2025 Official Guide to ICT Industry in Hong Kong”.",
        'in the "Hong Kong 2030+" study',
        # fiscal years
        "in 2019/20 the Budget",
        "in 2025-26 we will",
        "in 2025–26 we will",
        "in 2025-2026 we will",
        "in FY2024 we will",
        # numbers that are not years
        "enhancing the 1823 enquiry service",
        "call 1823 for help",
        "a population of 12 345 in 2,024 households",
        "up to 2024% of",
        "in 2024 per cent of cases",
        "allocated $2024 million to",
        "allocated HK$2024 million to",
        "in 2024 million households",
        "a total of 2024 applications",
        "by 2024.5 metres",
        "in the 2020s",
        # relative dates and durations
        "last year, this year and next year",
        "over the past two years",
        "a three-year AI Subsidy Scheme",
        "later this year",
    ],
)
def test_english_non_milestones(text: str) -> None:
    assert find_dates(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        # years in titles and names
        "出版《2025 香港通訊業概覽》",
        "《2022年版權（修訂）條例草案》已獲通過",
        "〈2024年施政報告〉",
        "「2024年數字政府方案」",
        "2024年施政報告提出",
        "2024年版指南",
        # fiscal years
        "2025/26年度的預算",
        "2025-26年度",
        "2025-2026年度",
        "2024年度報告",
        # numbers that are not years
        "在 1823 查詢服務中",
        "撥款 2024 億元",
        "2024 名學生",
        "百分之2024",
        # relative dates and durations
        "今年、去年和明年",
        "過去兩年",
        "為期三年的計劃",
        "三年前",
        "至今",
    ],
)
def test_chinese_non_milestones(text: str) -> None:
    assert find_dates(text, "zh") == []


def test_mentions_come_in_text_order_with_their_spans() -> None:
    text = "In 2020 it began; later in 2024 it grew."
    assert find_dates(text, "en") == [
        DateMention("2020", None, 3, 7),
        DateMention("2024", "later", 18, 31),
    ]


@pytest.mark.parametrize(
    ("date", "en", "zh"),
    [
        ("2024", "2024", "2024年"),
        ("2024-07", "July 2024", "2024年7月"),
        ("2025-03-01", "1 March 2025", "2025年3月1日"),
        ("2024-12-31", "31 December 2024", "2024年12月31日"),
    ],
)
def test_format_date_the_hong_kong_way(date: str, en: str, zh: str) -> None:
    assert format_date(date, "en") == en
    assert format_date(date, "zh") == zh


@pytest.mark.parametrize(
    ("date", "qualifier", "en", "zh"),
    [
        ("2024", None, "2024", "2024年"),
        ("2024", "from", "from 2024 onwards", "2024年起"),
        ("2020", "since", "since 2020", "自2020年起"),
        ("2024", "later", "later in 2024", "2024年稍後"),
        ("2025", "by-end", "by the end of 2025", "2025年年底前"),
        ("2025-07", "by-end", "by the end of July 2025", "2025年7月底前"),
        ("2025", "early", "early 2025", "2025年年初"),
        ("2025", "mid", "mid-2025", "2025年年中"),
        ("2024", "end", "end of 2024", "2024年年底"),
        ("2024-07", "end", "end of July 2024", "2024年7月底"),
        ("2025", "by", "by 2025", "2025年或之前"),
        ("2025", "before", "before 2025", "2025年之前"),
        ("2024-07", "from", "from July 2024 onwards", "2024年7月起"),
    ],
)
def test_format_qualified(date: str, qualifier: str | None, en: str, zh: str) -> None:
    assert format_qualified(date, qualifier, "en") == en
    assert format_qualified(date, qualifier, "zh") == zh


@pytest.mark.parametrize("qualifier", sorted(QUALIFIERS))
@pytest.mark.parametrize("date", ["2025", "2025-07"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_what_is_shown_reads_back_as_the_same_date(qualifier: str, date: str, language: str):
    shown = format_qualified(date, qualifier, language)
    assert found(shown, language) == [(date, qualifier, shown)]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: format_date("2024-13", "en"), "2024-13"),
        (lambda: format_date("2025-02-30", "zh"), "2025-02-30"),
        (lambda: format_date("July 2024", "en"), "July 2024"),
        (lambda: format_date("2024", "fr"), "'fr'"),
        (lambda: format_qualified("2024", "soon", "en"), "since, from, later"),
    ],
)
def test_format_refuses_what_it_cannot_show(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    ("date", "qualifier", "en", "zh"),
    [
        ("2024", None, "", ""),  # the year's heading says it all
        ("2024-07", None, "July", "7月"),
        ("2025-03-01", None, "1 March", "3月1日"),
        ("2024", "later", "later in 2024", "2024年稍後"),  # the phrase needs its year
        ("2024-07", "from", "from July 2024 onwards", "2024年7月起"),
    ],
)
def test_a_date_under_its_years_heading(date: str, qualifier: str | None, en: str, zh: str) -> None:
    assert format_in_year(date, qualifier, "en") == en
    assert format_in_year(date, qualifier, "zh") == zh
