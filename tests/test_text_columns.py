"""Extracted text of bilingual two-column pages, running heads of one language's single
page, and the smaller rules that re-flow needs for them. All texts here are made up."""

from __future__ import annotations

import textwrap

from sitegen.ingest.blocks import split_blocks
from sitegen.ingest.furniture import is_page_number, remove_furniture
from sitegen.ingest.paragraphs import ingest_text
from sitegen.ingest.textcolumns import separate_columns
from sitegen.text.lookalikes import normalise_extracted

TITLE = ("A Letter to the Friends of the Riverside Garden", "致河畔花園之友的信")
PAIRS = [
    (
        "The community garden opened in the spring of 2021 on a plot of land that had stood"
        " empty for many years behind the fire station.",
        "社區花園於二〇二一年春天開幕，園址是舊消防局後面一塊空置了多年的土地。",
    ),
    (
        "Volunteers built twelve raised beds, a tool shed and a small pond, and the school"
        " next door now grows vegetables there with its pupils every week of the year.",
        "義工建造了十二個種植槽、一間工具房和一個小水池，鄰近的學校現時每星期都帶學生到園內種菜。",
    ),
    (
        "The garden is open to everyone from sunrise to sunset, and visitors are asked to"
        " close the gate behind them when they leave.",
        "花園由日出至日落開放，歡迎所有人到訪，離開時請關上閘門。",
    ),
    (
        "We thank the district council for the water supply, and the many neighbours who"
        " have given seeds, tools and time.",
        "我們感謝區議會提供水源，也感謝許多鄰居為花園送來種子和工具，並付出時間。",
    ),
]
HEAD = ("Riverside Garden Newsletter 2024", "2024 年河畔花園通訊")


def wrapped(text: str, language: str, width: int) -> list[str]:
    if language == "en":
        return textwrap.wrap(text, width)
    return [text[i : i + width] for i in range(0, len(text), width)]


def rows(pairs, en_width: int = 36, zh_width: int = 17):
    """Each pair as its English and Chinese lines."""
    return [(wrapped(en, "en", en_width), wrapped(zh, "zh", zh_width)) for en, zh in pairs]


def layout_page(page_rows, at: int, head: bool = True, label: str = "") -> str:
    """A page as `pdftotext -layout` gives a two-column table: the right column starts at
    character `at` on every line, one character in each position, a CJK one too."""
    lines = [HEAD[0].ljust(at + 12) + HEAD[1], "", ""] if head else []
    for en, zh in page_rows:
        for index in range(max(len(en), len(zh))):
            left = "  " + en[index] if index < len(en) else ""
            right = zh[index] if index < len(zh) else ""
            lines.append((left.ljust(at) + right).rstrip())
        lines.append("")
    if label:
        lines += ["", " " * (at + 16) + label]
    return "\n".join(lines) + "\n"


def ingest(text: str) -> dict:
    return ingest_text(text, display_name="x.txt", slug="x")


def expected(pairs=PAIRS) -> list[dict]:
    return [{"en": en, "zh": zh} for en, zh in pairs]


# Two columns side by side (pdftotext -layout)


def test_two_columns_side_by_side_are_read_one_after_the_other():
    title = (["A Letter to the Friends of", "the Riverside Garden"], ["致河畔花園之友的信"])
    body = rows(PAIRS)
    text = (
        layout_page([title, *body[:2]], 44, label="Page 1 |   第 1 頁")
        + "\f"
        + layout_page(body[2:], 41, label="Page 2 |   第 2 頁")  # its own column position
        + "\f"
    )
    content = ingest(text)
    assert content["title"] == {"en": TITLE[0], "zh": TITLE[1]}
    assert content["paragraphs"] == expected()


def test_a_soft_hyphen_at_the_left_columns_line_end_joins_the_word():
    body = rows(PAIRS)
    en, zh = body[0]
    en = [en[0] + " spr\xad\u2010", en[1].removeprefix("spr"), *en[2:]]  # `spr-` / `ing`
    content = ingest(layout_page([(en, zh), *body[1:]], 44, head=False))
    assert content["paragraphs"] == expected()


def test_a_running_head_wider_than_its_column_is_cut_where_the_language_changes():
    body = rows(PAIRS)
    head = "Riverside Garden Newsletter of the Year 2024" + "   " + HEAD[1]
    pages = [layout_page(body[:2], 40, head=False), layout_page(body[2:], 40, head=False)]
    content = ingest("\f".join(head + "\n\n" + page for page in pages))
    assert content["paragraphs"] == expected()


def test_ordinary_text_with_wide_gaps_is_not_split():
    text = (
        "    Members          120\n    Visitors         340\n    Volunteers        45\n"
        "    The figures are for May.\n"
        "  Opening hours    Monday to Friday    nine to five\n"
        "  Closed           Sundays             and holidays\n"
        "  Contact          the garden office   by telephone\n"
    )
    lines = separate_columns(text).lines
    assert [line for _, line in lines] == text.split("\n")


def test_two_columns_in_the_same_language_are_not_split():
    left = textwrap.wrap(PAIRS[0][0] + " " + PAIRS[1][0], 36)
    right = textwrap.wrap(PAIRS[2][0] + " " + PAIRS[3][0], 36)
    text = "\n".join(a.ljust(44) + b for a, b in zip(left, right, strict=False)) + "\n"
    assert [line for _, line in separate_columns(text).lines] == text.split("\n")


# Two columns in chunks (pdftotext, pdfminer)


def pdfminer_page(page_rows, head: bool = True, label: str = "") -> str:
    """A page as pdfminer gives a two-column table: a line of each column in turn, a blank
    line after every line."""
    lines = list(HEAD) if head else []
    for en, zh in page_rows:
        for index in range(max(len(en), len(zh))):
            lines += [en[index]] if index < len(en) else []
            lines += [zh[index]] if index < len(zh) else []
    lines += [label] if label else []
    return "\n\n".join(lines) + "\n\n"


def test_columns_a_line_of_each_in_turn_are_regrouped():
    title = (["A Letter to the Friends", "of the Riverside Garden"], ["致河畔花園之友的信"])
    body = rows(PAIRS)
    text = pdfminer_page([title, *body[:2]], label="Page 1 | 第 1 頁") + "\f"
    text += pdfminer_page(body[2:], label="Page 2 | 第 2 頁") + "\f"
    content = ingest(text)
    assert content["title"] == {"en": TITLE[0], "zh": TITLE[1]}
    assert content["paragraphs"] == expected()


def chunks(page_rows) -> list[str]:
    """A page as pdftotext gives a two-column table: two lines of English, the Chinese,
    the rest of the English, blank lines between."""
    found = []
    for en, zh in page_rows:
        found += ["\n".join(en[:2]), "\n".join(zh), "\n".join(en[2:])]
    return found


def test_columns_in_chunks_with_justified_lines_a_word_at_a_time():
    body = rows(PAIRS)
    found = chunks([((*en[:2], *en[2].split(), *en[3:]), zh) for en, zh in body])
    assert ingest("\n\n".join(found) + "\n")["paragraphs"] == expected()


def test_running_head_pieces_anywhere_on_the_pages_of_chunks_go():
    body = rows(PAIRS)
    pages = []
    for page_rows, where in ((body[:2], 2), (body[2:], 4)):
        found = [HEAD[0], *chunks(page_rows)]
        found[where:where] = ["2024", "年河畔花園通訊"]  # the tool cut the head and moved it
        pages.append("\n\n".join(found))
    content = ingest("\f".join(pages) + "\n")
    assert content["paragraphs"] == expected()


def test_interleaved_paragraphs_are_not_regrouped():
    text = "\n".join(line for en, zh in rows(PAIRS, 60, 30) for line in [*en, "", *zh, ""])
    columns = separate_columns(text)
    assert columns.scattered is None
    assert [line for _, line in columns.lines] == text.split("\n")
    assert ingest(text)["paragraphs"] == expected()


# Running heads


def test_a_running_head_on_the_one_page_of_a_language():
    en = [line for en, _ in rows(PAIRS, 60) for line in en]
    zh = [line for _, zh in rows(PAIRS, 60, 30) for line in zh]
    text = "\f".join(
        [
            "\n".join([HEAD[0], "", "A Letter to the Friends", "", *en[:4]]),
            "\n".join([HEAD[0], "", *en[4:], "", "Page 2"]),
            "\n".join([HEAD[1], "", "致河畔花園之友的信", "", *zh, "", "第 3 頁"]),
        ]
    )
    content = ingest(text)
    assert content["title"] == {"en": "A Letter to the Friends", "zh": "致河畔花園之友的信"}
    assert content["paragraphs"] == expected()


def test_a_running_head_cut_where_its_script_changes():
    en = [line for en, _ in rows(PAIRS, 60) for line in en]
    zh = [line for _, zh in rows(PAIRS, 60, 30) for line in zh]
    text = "\f".join(
        [
            "\n".join([HEAD[0], "", "A Letter to the Friends", "", *en[:4]]),
            "\n".join([HEAD[0], "", *en[4:]]),
            "\n".join(["2024", "", "年河畔花園通訊", "", "致河畔花園之友的信", "", *zh]),
        ]
    )
    content = ingest(text)
    assert content["title"] == {"en": "A Letter to the Friends", "zh": "致河畔花園之友的信"}


def test_a_long_line_at_the_other_languages_edge_is_text():
    en = [line for en, _ in rows(PAIRS, 60) for line in en]
    zh = [line for _, zh in rows(PAIRS[:2], 60, 30) for line in zh]
    text = "\f".join(
        [
            "\n".join([HEAD[0], "", *en[:4]]),
            "\n".join([HEAD[0], "", *en[4:]]),
            "\n".join([*zh, "花園由日出至日落開放，歡迎所有人到訪，離開時請關上閘門，並"]),
        ]
    )
    lines = [line for _, line in remove_furniture(normalise_extracted(text)) if line]
    assert lines[-1].startswith("花園由日出至日落開放") and zh[0] in lines


def test_a_running_head_in_both_languages_on_both_pages_of_two():
    en = [line for en, _ in rows(PAIRS, 60) for line in en]
    zh = [line for _, zh in rows(PAIRS, 60, 30) for line in zh]
    one_line = HEAD[0] + "      " + HEAD[1]
    for head in ([one_line], list(HEAD)):
        text = "\f".join(["\n".join([*head, "", *en, "", *zh[:3]]), "\n".join([*head, *zh[3:]])])
        lines = [line for _, line in remove_furniture(text) if line]
        assert not set(head) & set(lines)


# Smaller rules


def chinese_blocks(lines: list[str]) -> list[str]:
    english = [line for en, _ in rows(PAIRS, 60) for line in en]
    text = "\n".join([*english, *lines]) + "\n"
    return [b.text for b in split_blocks(remove_furniture(text)) if b.language == "zh"]


def test_a_chinese_line_one_character_short_ends_its_paragraph():
    lines = [
        "甲" * 29 + "，",
        "乙" * 19 + "。",
        "丙" * 29 + "，",
        "丁" * 28 + "。",
        "戊" * 30,
        "己。",
    ]
    assert [len(found) for found in chinese_blocks(lines)] == [50, 59, 32]


def test_one_character_short_before_an_opening_bracket_goes_on():
    lines = [
        "甲" * 29 + "，",
        "乙" * 19 + "。",
        "丙" * 29 + "，",
        "丁" * 28 + "。",
        "「戊」" + "戊" * 27,
    ]
    assert [len(found) for found in chinese_blocks([*lines, "己。"])] == [50, 91]
    lines[3] = "丁" * 27 + "。"  # two characters short: no rule did that
    assert [len(found) for found in chinese_blocks([*lines, "己。"])] == [50, 58, 32]


def test_a_heading_wrapped_before_a_small_word():
    en, zh = PAIRS[0]
    text = f"A Letter to the Friends\nof the Riverside Garden\n{en}\n致河畔花園之友的信\n{zh}\n"
    assert ingest(text)["title"] == {"en": TITLE[0], "zh": TITLE[1]}


def test_a_line_before_one_in_lower_case_is_no_heading():
    text = "Our\nwork in the garden would not be possible without you.\n我們的工作有賴各位。\n"
    assert ingest(text)["paragraphs"] == [
        {
            "en": "Our work in the garden would not be possible without you.",
            "zh": "我們的工作有賴各位。",
        }
    ]


def test_two_headings_alone_in_a_block_are_headings():
    english = [line for en, _ in rows(PAIRS, 60) for line in en]
    chinese = [line for _, zh in rows(PAIRS, 60, 30) for line in zh]
    heads = ["A Letter to the Friends", "The First Year", "致河畔花園之友的信", "第一年"]
    text = "\n".join([*heads[:2], "", *english, "", *heads[2:], "", *chinese])
    content = ingest(text)
    assert content["title"] == {"en": "A Letter to the Friends", "zh": "致河畔花園之友的信"}
    assert content["paragraphs"][0] == {"en": "The First Year", "zh": "第一年", "kind": "heading"}


def test_bilingual_page_labels():
    assert is_page_number("Page 3 | 第 3 頁") and is_page_number("Page 3 |")
    assert is_page_number("3 · 第 3 頁") and not is_page_number("Page 3 | Garden")


def test_letter_spaced_chinese_is_closed_up():
    assert normalise_extracted("2024  年 是 花 園 開 幕 的 一 年") == "2024 年是花園開幕的一年"
    assert normalise_extracted("陳 大 文") == "陳 大 文"  # three: perhaps a name spaced out
    assert normalise_extracted("香港 九龍") == "香港 九龍"
