"""Sentence segmentation: English and Chinese boundaries, and pieces that join back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitegen.text.sentences import ends_quotation, split_chinese, split_english


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He left. She stayed.", ["He left. ", "She stayed."], id="full stop"),
        pytest.param("Wow! Really? Yes.", ["Wow! ", "Really? ", "Yes."], id="! and ?"),
        pytest.param(
            "He said “Go.” Then he left.", ["He said “Go.” ", "Then he left."], id="closing quote"
        ),
        pytest.param(
            "It ended (as planned.) Then it began.",
            ["It ended (as planned.) ", "Then it began."],
            id="closing bracket",
        ),
        pytest.param(
            "He left. “Go,” she said.", ["He left. ", "“Go,” she said."], id="opening quote"
        ),
        pytest.param(
            "It ended in 2023. 2024 was better.", ["It ended in 2023. ", "2024 was better."]
        ),
        pytest.param(
            "It covers universities, etc. It also covers start-ups.",
            ["It covers universities, etc. ", "It also covers start-ups."],
            id="etc. before a capital",
        ),
        pytest.param(
            "Two spaces.  Then a newline.\nThe end.",
            ["Two spaces.  ", "Then a newline.\n", "The end."],
            id="whitespace stays behind",
        ),
    ],
)
def test_english_splits(text: str, expected: list[str]) -> None:
    assert split_english(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It covers universities, etc. and start-ups.", id="etc. before lower case"),
        pytest.param("Mr. Chan met Mrs. Wong and Dr. Lee.", id="titles"),
        pytest.param("Some services, e.g. Smart Tenders, were revamped.", id="e.g."),
        pytest.param("Usage in 2024 vs. 2023 rose.", id="vs."),
        pytest.param("They visited No. 5 Science Park West Avenue.", id="No. 5"),
        pytest.param("Mr. Chan of ABC Co. Ltd. visited Cyberport.", id="Co. Ltd."),
        pytest.param("The ceremony was at St. John's Cathedral.", id="St."),
        pytest.param("He met J. Smith and the U.S. Government.", id="initials"),
        pytest.param("The Government will allocate $3.5 billion to it.", id="money"),
        pytest.param("The rate was 2.9 per cent.", id="decimal"),
        pytest.param("64. The Government will allocate funds.", id="paragraph number"),
        pytest.param("(3) The Government will act.", id="bracketed paragraph number"),
        pytest.param("1.2. The Government will act.", id="section number"),
        pytest.param("he left. she stayed.", id="lower case after"),
        pytest.param("No sentence punctuation at all", id="no punctuation"),
        pytest.param("The end.", id="stop at the very end"),
    ],
)
def test_english_does_not_split(text: str) -> None:
    assert split_english(text) == [text]


def test_english_number_ends_a_sentence_that_is_not_a_paragraph_number() -> None:
    assert split_english("The total was 64. The rest was spent.") == [
        "The total was 64. ",
        "The rest was spent.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("政府會行動。市民支持。", ["政府會行動。", "市民支持。"], id="。"),
        pytest.param("好！真的？是。", ["好！", "真的？", "是。"], id="！ and ？"),
        pytest.param("他說：「好。」然後走了。", ["他說：「好。」", "然後走了。"], id="closing 」"),
        pytest.param("書名『好。』之後", ["書名『好。』", "之後"], id="closing 』"),
        pytest.param("他說“好。”然後", ["他說“好。”", "然後"], id="closing ”"),
        pytest.param("見附件（見上。）然後", ["見附件（見上。）", "然後"], id="closing ）"),
        pytest.param(
            "數字政策辦公室於 2024 年 7 月成立。1辦公室由兩個部門合併而成。",
            ["數字政策辦公室於 2024 年 7 月成立。1", "辦公室由兩個部門合併而成。"],
            id="footnote digit",
        ),
        pytest.param("政府成立。²之後", ["政府成立。²", "之後"], id="superscript footnote"),
        pytest.param(
            "政府成立。2024 年計劃開始。",
            ["政府成立。", "2024 年計劃開始。"],
            id="a year is not a footnote",
        ),
        pytest.param("政府成立。3 月開始。", ["政府成立。", "3 月開始。"], id="3 月 is a date"),
        pytest.param("第一句。 第二句。", ["第一句。 ", "第二句。"], id="space stays behind"),
    ],
)
def test_chinese_splits(text: str, expected: list[str]) -> None:
    assert split_chinese(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("香港只有 18 萬名用戶；到了 2024 年，用戶已超過 2,400 萬。", id="；"),
        pytest.param("計劃涵蓋大學、研究機構等，亦涵蓋初創企業", id="no punctuation"),
        pytest.param("行政長官表示：「香港會成為國際創科中心。」", id="quote at the end"),
    ],
)
def test_chinese_does_not_split(text: str) -> None:
    assert split_chinese(text) == [text]


def test_empty_text_has_no_pieces() -> None:
    assert split_english("") == []
    assert split_chinese("") == []


# Text in which boundaries occur: sentence punctuation, quotes, digits, CJK, capitals, spaces.
_TOKENS = [
    ". ", ". The ", "! ", "? ", "… ", ".", "。", "！", "？", "；", "」", "』", "”", "）",
    "“", "(", " ", "  ", "\n", "The ", "He", "A", "x", "etc.", "Mr.", "e.g.", "No.", "U.S.",
    "64.", "1", "2024", "3.5", "$", "年", "月", "政府", "香港", "¹",
]  # fmt: skip
SENTENCE_TEXT = st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join)
ANY_TEXT = st.text() | SENTENCE_TEXT


@pytest.mark.parametrize("split", [split_english, split_chinese])
@given(text=ANY_TEXT)
def test_pieces_join_back_exactly_and_none_is_empty(split, text: str) -> None:
    pieces = split(text)
    assert "".join(pieces) == text
    assert all(pieces)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("See you here at noon tomorrow.' ", "en", True),
        ("“Never!” ", "en", True),
        ("'Surrender?’", "en", True),
        ("He took the boys'", "en", False),  # a plural's apostrophe closes no speech
        ("He left.", "en", False),
        ("It was called “the Guide”.", "en", False),
        ("明天再打過。”", "zh", True),
        ("「別躲懶。」", "zh", True),
        ("《概覽》。", "zh", False),
        ("", "zh", False),
    ],
)
def test_a_text_that_closes_a_quotation(text: str, language: str, expected: bool) -> None:
    assert ends_quotation(text, language) is expected
