"""Milestone labels come out clean: no datelines, brackets in pairs, never cut mid-phrase."""

from __future__ import annotations

import pytest

from sitegen.ingest.labels import MAX_LABEL, balanced, event_label
from sitegen.text.dates import find_dates


def label(text: str, language: str = "en") -> str:
    return event_label(text, find_dates(text, language)[0], language)


@pytest.mark.parametrize(
    "text",
    [
        "HONG KONG, – The Government opened the new data centre in May 2023.",
        "HONG KONG (Xinhua) - In May 2023 the Government opened the new data centre.",
    ],
)
def test_a_dateline_is_not_part_of_the_label(text: str) -> None:
    assert label(text).startswith("The Government opened the new data centre")


def test_a_long_label_ends_at_a_phrase_boundary() -> None:
    text = (
        "The Bureau announced in March 2024 that it will fund a new programme for local"
        " universities, which will train engineers to support the digital economy."
    )
    found = label(text)
    assert len(found) <= MAX_LABEL["en"]
    assert found == "The Bureau announced that it will fund a new programme for local universities"


def test_a_long_label_with_no_boundary_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = "In 2021 " + " ".join(["Cyberport"] * 20) + "."
    found = label(text)
    assert found.endswith("Cyberport…") and len(found) <= MAX_LABEL["en"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smart City Blueprint (phase 2", "Smart City Blueprint…"),
        ("phase 2) launched", "phase 2 launched"),
        ("「數碼港」計劃", "「數碼港」計劃"),
        ("《藍圖》及「計劃", "《藍圖》及…"),
        ("(AI) and 5G", "(AI) and 5G"),
    ],
)
def test_brackets_come_in_pairs(text: str, expected: str) -> None:
    assert balanced(text) == expected


def test_a_cut_chinese_label_keeps_its_brackets_closed() -> None:
    text = "政府在 2024 年成立「" + "數" * 60 + "辦公室」。"
    found = label(text, "zh")
    assert found.count("「") == found.count("」") and len(found) <= MAX_LABEL["zh"]
