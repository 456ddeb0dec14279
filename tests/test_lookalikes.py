"""Look-alike characters from PDF extraction mapped back to the text's own: ligatures, CJK
radicals, soft hyphens, odd spaces and line ends; Chinese punctuation left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from radicals_table import MODULE, UNICODE_FILE, file_version, module_text, pairs_from_file

from sitegen.ingest.blocks import join_lines
from sitegen.text.lookalikes import normalise_extracted
from sitegen.text.radicals import RADICAL_PAIRS, RADICALS, UNICODE_VERSION


def test_ligatures_become_their_letters():
    text = "ﬁnal ﬂoor eﬀort oﬃce baﬄe ﬅop ﬆep"
    assert normalise_extracted(text) == "final floor effort office baffle stop step"


def test_kangxi_radicals_become_ideographs():
    assert normalise_extracted("⽇本⼈在⼀⽉") == "日本人在一月"  # U+2F47 U+2F08 U+2F00 U+2F49


def test_radicals_supplement_becomes_ideographs():
    assert normalise_extracted("⻘⻑⻝") == "青長食"  # U+2ED8 U+2ED1 U+2EDD


def test_every_radical_maps_to_a_unified_ideograph():
    assert len(RADICALS) == 328
    for radical, ideograph in RADICALS.items():
        assert 0x2E80 <= ord(radical) <= 0x2FDF
        code = ord(ideograph)  # in the unified blocks (Python may not know Unicode 15's names)
        assert 0x3400 <= code <= 0x9FFF or 0x20000 <= code <= 0x323AF, radical


def test_chinese_punctuation_and_ideographic_space_survive():
    text = "會員，包括：甲；乙（丙）「丁」。\u3000全形空格！？"
    assert normalise_extracted(text) == text  # NFKC would make these ASCII


def test_odd_spaces_become_plain_spaces():
    text = "Hong\u00a0Kong\u2009in\u202f2024,\u2002the\u200aend"
    assert normalise_extracted(text) == "Hong Kong in 2024, the end"


def test_line_ends_become_line_feeds():
    assert normalise_extracted("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_soft_hyphen_inside_a_line_is_dropped():
    assert normalise_extracted("eco\xadnomic re\xadport") == "economic report"


@pytest.mark.parametrize("ending", ["\xad", "\xad\u2010", "\xad-", "\xad\u2010  "])
def test_soft_hyphen_at_a_line_end_marks_a_break_inside_one_word(ending):
    text = normalise_extracted(f"the eco{ending}\n nomic growth")
    assert text.startswith("the eco\xad") and text.count("\n") == 1
    assert join_lines(text.split("\n"), "en") == "the economic growth"


def test_soft_hyphen_at_the_end_of_a_paragraph_is_no_hyphen():
    assert join_lines(normalise_extracted("a broken eco\xad\n").split("\n"), "en") == (
        "a broken eco"
    )


@given(st.text(alphabet=st.characters(blacklist_characters="\r"), max_size=200))
def test_lines_keep_their_numbers(text):
    assert normalise_extracted(text).count("\n") == text.count("\n")


# The table and Unicode's data file


def test_the_table_is_generated_from_the_unicode_file():
    assert "".join(f"{a}{b}" for a, b in RADICALS.items()) == RADICAL_PAIRS
    if not UNICODE_FILE.is_file():
        pytest.skip(f"{UNICODE_FILE} is not installed (Debian: unicode-data)")
    text = UNICODE_FILE.read_text(encoding="utf-8")
    if file_version(text) != UNICODE_VERSION:
        pytest.skip(f"the installed file is Unicode {file_version(text)}: regenerate the table")
    assert pairs_from_file(text) == RADICAL_PAIRS
    assert module_text(text) == MODULE.read_text(encoding="utf-8"), (
        "sitegen/text/radicals.py is out of date: run python3 tests/radicals_table.py"
    )


def test_the_generator_reads_single_code_points_and_ranges():
    sample = (
        "# EquivalentUnifiedIdeograph-99.0.0.txt\n"
        "2E81       ; 5382  #     CJK RADICAL CLIFF\n"
        "2E8C..2E8D ; 5C0F  # [2] CJK RADICAL SMALL ONE..CJK RADICAL SMALL TWO\n"
        "2F00       ; 4E00  #     KANGXI RADICAL ONE\n"
        "31C0       ; 4E40  #     CJK STROKE T (not a radical: left out)\n"
        "# 2E9F; CJK RADICAL MOTHER (no equivalent)\n"
    )
    assert file_version(sample) == "99.0.0"
    assert pairs_from_file(sample) == "⺁厂⺌小⺍小⼀一"
