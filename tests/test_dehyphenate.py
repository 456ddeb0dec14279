"""Hyphens at line breaks: one hyphenated word joined, a compound kept; the document's own
words first, then the word list."""

from __future__ import annotations

import pytest

from sitegen.ingest import dehyphenate
from sitegen.ingest.blocks import join_lines
from sitegen.ingest.dehyphenate import Vocabulary, is_english_word
from sitegen.ingest.paragraphs import ingest_text
from sitegen.text.lookalikes import normalise_extracted


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["new tech-", "nology,"], "new technology,"),
        (["the Pro-", "gramme"], "the Programme"),  # casing kept
        (["its eco-", "nomic growth"], "its economic growth"),
        (["two organis-", "ations"], "two organisations"),  # by its stem and US spelling
        (["in\u00a0tech\u2010", "nologies"], "in\u00a0technologies"),  # U+2010 is a hyphen too
    ],
)
def test_a_word_broken_at_a_line_end_is_joined(lines, joined):
    assert join_lines(lines, "en") == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["more e-", "government services"], "more e-government services"),
        (["a high-", "quality network"], "a high-quality network"),
        (["data-", "driven and people-", "centric"], "data-driven and people-centric"),
        (["the Sino-", "British talks"], "the Sino-British talks"),  # a capital: a compound
        (["after COVID-", "19"], "after COVID-19"),
        (["more e\u2010", "government"], "more e\u2010government"),  # its own hyphen kept
    ],
)
def test_a_compound_broken_at_its_hyphen_keeps_it(lines, joined):
    assert join_lines(lines, "en") == joined


def test_a_dash_after_a_space_is_no_hyphen():
    assert join_lines(["Hong Kong -", "the city"], "en") == "Hong Kong - the city"


def test_the_documents_own_words_win_over_the_word_list():
    assert join_lines(["co-", "operation"], "en") == "cooperation"  # in the word list
    assert join_lines(["smart-", "phone"], "en") == "smart-phone"  # not in the list
    vocabulary = Vocabulary.of_lines(["Our co-operation with the smartphone makers"])
    assert join_lines(["co-", "operation"], "en", vocabulary) == "co-operation"
    assert join_lines(["smart-", "phone"], "en", vocabulary) == "smartphone"


def test_the_more_frequent_spelling_wins_in_the_document():
    vocabulary = Vocabulary.of_lines(["email, e-mail and email again"])
    assert join_lines(["e-", "mail"], "en", vocabulary) == "email"


def test_words_broken_at_line_ends_are_no_evidence():
    vocabulary = Vocabulary.of_lines(["the new tech-", "nology and its data-", "driven use"])
    assert vocabulary.count("tech") == vocabulary.count("nology") == 0
    assert vocabulary.count("data") == vocabulary.count("driven") == 0
    assert vocabulary.count("new") == vocabulary.count("use") == 1


def test_word_list_knows_stems_and_british_spellings():
    for word in ["technology", "technologies", "programmes", "organisations", "recognised"]:
        assert is_english_word(word), word
    for word in ["egovernment", "highquality", "datadriven", "peoplecentric"]:
        assert not is_english_word(word), word


def test_the_word_list_is_loaded_only_at_a_line_break_hyphen():
    dehyphenate._english_words.cache_clear()
    assert join_lines(["no hyphen", "at the break", "e-government"], "en")
    assert dehyphenate._english_words.cache_info().currsize == 0
    join_lines(["tech-", "nology"], "en")
    assert dehyphenate._english_words.cache_info().currsize == 1


def test_ingest_uses_the_words_of_the_whole_document():
    text = (
        "Our co-operation with the schools began in 2019, when the first of the smart-\n"
        "phone classes opened, and every smartphone was lent free of charge for a term of\n"
        "study. The co-\n"
        "operation has grown since then.\n"
        "\n"
        "我們與學校的合作始於 2019 年，當時第一個智能手機班開課，每部手機免費借出一個學期。"
        "此後合作不斷擴大。\n"
    )
    (pair,) = ingest_text(text, display_name="x", slug="x")["paragraphs"]
    assert "the first of the smartphone classes" in pair["en"]
    assert "The co-operation has grown" in pair["en"]


def test_pieces_that_are_no_words_are_one_words_halves():
    assert (
        join_lines(["raise cybersecu-", "rity standards"], "en") == "raise cybersecurity standards"
    )
    assert join_lines(["a cyber-", "security team"], "en") == "a cyber-security team"  # a word


def test_u2010_after_a_space_at_a_line_end_is_still_a_hyphen():
    lines = normalise_extracted("for their un \u2010\nwavering support").split("\n")
    assert join_lines(lines, "en") == "for their unwavering support"
    assert join_lines(normalise_extracted("Hong Kong -\nthe city").split("\n"), "en") == (
        "Hong Kong - the city"  # a hyphen-minus after a space is a dash
    )
