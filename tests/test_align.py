"""Paragraph alignment: Gale-Church lengths, calibrated ratio, shared anchors, no empty halves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitegen.align.paragraphs import align_texts

LONG_EN = "The Association works with the whole industry on many things every year. " * 3
SHORT_EN = "We thank everyone."


def test_one_to_one():
    en = [LONG_EN, SHORT_EN]
    zh = ["聯會每年與業界在很多方面合作。" * 3, "多謝大家。"]
    assert align_texts(en, zh) == [((0,), (0,)), ((1,), (1,))]


def test_one_english_paragraph_translated_as_two():
    en = [LONG_EN, SHORT_EN]
    zh = ["聯會每年與業界在很多方面合作。", "聯會每年與業界在很多方面合作。" * 2, "多謝大家。"]
    assert align_texts(en, zh) == [((0,), (0, 1)), ((1,), (2,))]


def test_two_english_paragraphs_translated_as_one():
    en = [SHORT_EN, LONG_EN, LONG_EN]
    zh = ["多謝大家。", "聯會每年與業界在很多方面合作。" * 6]
    assert align_texts(en, zh) == [((0,), (0,)), ((1, 2), (1,))]


def test_ratio_is_calibrated_on_the_document():
    # The Chinese here is unusually long for its English; proportions still decide.
    en = ["a" * 100, "b" * 300, "c" * 100]
    zh = ["甲" * 200, "乙" * 600, "丙" * 200]
    assert align_texts(en, zh) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_anchors_decide_where_lengths_mislead():
    en = [
        (
            "In 1997 the Association was founded by a small group of engineers who believed"
            " that an open telecommunications market would serve Hong Kong well for decades."
        ),
        "By 2010 CAHK had 300 members.",
        "In 2024 the Association launched its ICT awards for young people and schools.",
    ]
    zh = [
        "聯會於 1997 年由一群相信開放電訊市場的工程師創立。",
        "到了 2010 年，聯會的規模已遠超創會成員的想像。",
        "當時 CAHK 已有 300 名會員，涵蓋營辦商及學術界。",
        "聯會在 2024 年為年輕人及學校推出 ICT 獎項。",
    ]
    right = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    assert align_texts(en, zh, anchor_weight=0) != right  # lengths alone are fooled
    assert align_texts(en, zh) == right


def test_headings_only_pair_with_headings():
    en = ["Foreword", LONG_EN, "Outlook", LONG_EN]
    zh = ["序言", "聯會每年與業界在很多方面合作。" * 3, "展望", "聯會每年與業界合作。" * 3]
    kinds = ["heading", "paragraph", "heading", "paragraph"]
    beads = align_texts(en, zh, en_kinds=kinds, zh_kinds=kinds)
    assert beads == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_unmatched_heading_is_merged_rather_than_dropped():
    en = ["Foreword", LONG_EN]
    zh = ["聯會每年與業界在很多方面合作。" * 3]
    beads = align_texts(en, zh, en_kinds=["heading", "paragraph"], zh_kinds=["paragraph"])
    assert beads == [((0, 1), (0,))]


def test_counts_beyond_three_to_one_still_pair_everything():
    en = [LONG_EN]
    zh = ["聯會合作。"] * 5
    assert align_texts(en, zh) == [((0,), (0, 1, 2, 3, 4))]


def test_anchors_are_compared_by_value_as_in_sentence_alignment():
    from sitegen.align.paragraphs import ANCHOR_WEIGHT, _Aligner

    en = ["The Government has set aside $3 billion.", "It opened in July 2024."]
    zh = ["政府已預留 30 億元。", "它於 2024 年 7 月啟用。"]
    shared = _Aligner(en, zh, ANCHOR_WEIGHT).weights
    assert {"#3E+9", "#2024", "#7"} <= shared.keys()  # $3 billion = 30 億; July = 7 月


@given(
    st.lists(st.integers(1, 400), min_size=1, max_size=8),
    st.lists(st.integers(1, 400), min_size=1, max_size=8),
)
def test_every_paragraph_is_used_once_in_order(en_lengths, zh_lengths):
    beads = align_texts(["e" * n for n in en_lengths], ["中" * n for n in zh_lengths])
    assert all(en and zh for en, zh in beads)  # never 1:0 or 0:1
    assert [i for en, _ in beads for i in en] == list(range(len(en_lengths)))
    assert [j for _, zh in beads for j in zh] == list(range(len(zh_lengths)))


def test_words_decide_which_paragraphs_one_translation_joins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sitegen.align import paragraphs

    en = [
        "The Association was founded by a small group of engineers in Kowloon many years ago.",
        "It then received a generous grant from the hospital.",
        "Its work continues to this day, with members from every part of the industry.",
    ]
    zh = [
        "聯會由一群工程師在九龍創立，其後獲得醫院的慷慨資助。",
        "聯會的工作一直延續至今，會員來自業界各個範疇，包括營辦商、設備供應商及學術界的專家和學者。",
    ]
    assert align_texts(en, zh) == [((0, 1), (0,)), ((2,), (1,))]
    monkeypatch.setattr(paragraphs, "LEXICAL_WEIGHT", 0.0)
    assert align_texts(en, zh) == [((0,), (0,)), ((1, 2), (1,))]  # lengths alone
