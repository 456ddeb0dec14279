"""Text as PDF extraction tools give it (pdftotext with and without -layout, pdfminer,
pdfplumber): paragraphs and headings on consecutive lines, running heads that differ by
language, page labels at the right margin. All texts here are made up for the tests."""

from __future__ import annotations

from sitegen.ingest.blocks import split_blocks
from sitegen.ingest.furniture import remove_furniture
from sitegen.ingest.paragraphs import ingest_text
from sitegen.text.lookalikes import normalise_extracted

# Four English paragraphs wrapped at about 80 columns, no blank line between them.
ENGLISH = """\
The river trail was opened in 2019 after a long campaign by the residents of the
valley, who wanted a safe path to the market town.
Walkers now use it every day.
Cyclists share the trail on weekdays, and a volunteer team checks the surface each
month so that it stays smooth in every season of the year.
The trail committee meets in the village hall on the first Monday of the month,
and anyone who lives in the valley is welcome to join it."""

# Their translation, wrapped at 30 characters, as Chinese is, at any character.
CHINESE = """\
河畔步道在 2019 年開放，此前谷中居民長期爭取，希望有一條由村莊通往市
鎮的安全小路。
現時每天都有人在步道上散步。
平日單車人士與行人共用步道，義工隊每月檢查路面，確保步道在一年四季都
保持平坦。
步道委員會在每月第一個星期一於村公所開會，谷中居民均歡迎參加。"""


def blocks(text: str) -> list[tuple[str, str, str]]:
    found = split_blocks(remove_furniture(normalise_extracted(text)))
    return [(block.language or "", block.kind, block.text) for block in found]


def texts(text: str, language: str) -> list[str]:
    return [found for lang, _, found in blocks(text) if lang == language]


def ingest(text: str) -> dict:
    return ingest_text(text, display_name="x.txt", slug="x")


# Paragraphs on consecutive lines


def test_english_paragraphs_on_consecutive_lines():
    assert [p[:24] for p in texts(ENGLISH + "\n" + CHINESE, "en")] == [
        "The river trail was open",
        "Walkers now use it every",
        "Cyclists share the trail",
        "The trail committee meet",
    ]


def test_chinese_paragraphs_on_consecutive_lines():
    assert [p[:8] for p in texts(ENGLISH + "\n" + CHINESE, "zh")] == [
        "河畔步道在 20",
        "現時每天都有人在",
        "平日單車人士與行",
        "步道委員會在每月",
    ]


def test_a_full_line_that_ends_a_sentence_goes_on():
    text = (
        "The hall was built in 1931 by the people of the valley with stone from the hill.\n"
        "It has served as a school, a clinic and a cinema, and it is now the home of the\n"
        "village library, which lends books to anyone who asks for them at the desk.\n"
        "Its doors are open every day but Sunday.\n"
        "The library also runs a reading club.\n" + CHINESE
    )
    english = texts(text, "en")
    assert len(english) == 2 and english[0].endswith("every day but Sunday.")
    assert "desk. Its doors" in english[0]


def test_a_line_the_next_word_would_have_fitted_on_ends_a_paragraph():
    text = (
        "The hall was built in 1931 by the people of the valley with stone from the hill.\n"
        "It has served as a school, a clinic and a cinema for the village.\n"  # 65 of 81
        "The library also runs a reading club for children on Saturday mornings, with a\n"
        "story time and a small prize for every ten books read over the summer holidays.\n"
        + CHINESE
    )
    english = texts(text, "en")
    assert len(english) == 2 and english[1].startswith("The library also runs")


def test_a_short_line_without_a_full_stop_goes_on():
    text = (
        "The committee has three aims for the coming year, which it set out in a letter\n"
        "to every household in the valley in the spring, namely\n"
        "to mend the bridge, to plant trees along the path and to open a small cafe by\n"
        "the river for walkers.\n" + CHINESE
    )
    assert len(texts(text, "en")) == 1


def test_chinese_full_lines_ending_a_sentence_go_on():
    text = (
        ENGLISH + "\n" + "谷中居民在村公所開會，討論步道的保養工作。會上各人同意每月檢\n查路面。\n"
    )
    text += "委員會亦決定在河邊開設小食亭，讓散步的人休息。\n" + CHINESE
    assert texts(text, "zh")[:2] == [
        "谷中居民在村公所開會，討論步道的保養工作。會上各人同意每月檢查路面。",
        "委員會亦決定在河邊開設小食亭，讓散步的人休息。",
    ]


def test_an_indented_first_line_begins_a_paragraph():
    text = (
        "    The ferry pier was rebuilt in 2021 with a wider deck and a shelter for those who\n"
        "wait for the boat in the rain, as the old one had no roof at all over the deck.\n"
        "    A second pier for small boats opened a year later at the other end of the bay,\n"
        "next to the fish market, and it is busy every morning of the week all year long.\n"
        + CHINESE
    )
    english = texts(text, "en")
    assert len(english) == 2 and english[1].startswith("A second pier")


# Headings without blank lines


def test_a_title_and_a_heading_glued_to_the_text():
    text = "River Trail News\nThe Early Years\n" + ENGLISH + "\n河畔步道通訊\n早年\n" + CHINESE
    found = blocks(text)
    assert found[:3] == [
        ("en", "heading", "River Trail News"),
        ("en", "heading", "The Early Years"),
        ("en", "paragraph", found[2][2]),
    ]
    content = ingest(text)
    assert content["title"] == {"en": "River Trail News", "zh": "河畔步道通訊"}
    assert content["paragraphs"][0] == {"en": "The Early Years", "zh": "早年", "kind": "heading"}


def test_a_heading_between_paragraphs_without_blank_lines():
    lines = ENGLISH.split("\n")
    text = "\n".join([*lines[:3], "Cycling", *lines[3:]]) + "\n" + CHINESE
    english = blocks(text)
    assert ("en", "heading", "Cycling") in english
    assert "Walkers now use it every day." in [found for _, _, found in english]


def test_a_title_with_no_blank_line_after_it_is_the_title():
    text = (
        "A Day by the River\nWe walked along the river all day.\n河邊的一天\n我們整天沿河散步。\n"
    )
    assert ingest(text)["title"] == {"en": "A Day by the River", "zh": "河邊的一天"}


# Page furniture


def page(head: str, body: str, label: str = "") -> str:
    return f"{head}\n\n{body}\n" + (f"\n{label}\n" if label else "")


def test_running_heads_that_differ_by_language_are_removed():
    english = ENGLISH.split("\n")
    chinese = CHINESE.split("\n")
    text = "\f".join(
        [
            page("Valley Trail Report", "\n".join(english[:3])),
            page("Valley Trail Report", "\n".join(english[3:5])),
            page("Valley Trail Report", "\n".join(english[5:])),
            page("谷中步道報告", "\n".join(chinese[:3])),
            page("谷中步道報告", "\n".join(chinese[3:5])),
            page("谷中步道報告", "\n".join(chinese[5:])),
        ]
    )
    content = ingest(text)
    assert len(content["paragraphs"]) == 4
    written = str(content)
    assert "Valley Trail Report" not in written and "谷中步道報告" not in written


def test_a_running_head_on_two_pages_of_each_language():
    text = (
        "Valley Trail Report\nThe river trail was opened in 2019 after a long campaign by\f"
        "Valley Trail Report\nthe residents of the valley, who wanted a safe path.\f"
        "谷中步道報告\n河畔步道在 2019 年開放，此前谷中居民長期\f"
        "谷中步道報告\n爭取，希望有一條安全小路。\n"
    )
    (pair,) = ingest(text)["paragraphs"]
    assert pair["en"].startswith("The river trail") and pair["en"].endswith("safe path.")
    assert pair["zh"] == "河畔步道在 2019 年開放，此前谷中居民長期爭取，希望有一條安全小路。"


def test_page_labels_at_the_right_margin_are_removed():
    pages = [
        "Valley Trail Report" + " " * 40 + "Page 3\n\nWalkers now use it every day.\n",
        "\nCyclists share the trail on weekdays.\n\n" + " " * 50 + "Page 4\n",
        "谷中步道報告" + " " * 40 + "第 5 頁\n\n現時每天都有人在步道上散步。\n",
        "\n平日單車人士與行人共用步道。\n\n" + " " * 50 + "第 6 頁\n",
    ]
    content = ingest("\f".join(pages))
    assert content["paragraphs"] == [
        {"en": "Walkers now use it every day.", "zh": "現時每天都有人在步道上散步。"},
        {"en": "Cyclists share the trail on weekdays.", "zh": "平日單車人士與行人共用步道。"},
    ]


def test_a_page_number_glued_to_a_running_head_at_either_side():
    lines = remove_furniture(
        "12        Valley Trail Report\nWalkers now use it every day.\f"
        "Valley Trail Report        13\nCyclists share the trail.\f"
        "Valley Trail Report\t14\nThe committee meets monthly.\n"
    )
    assert [text for _, text in lines if text] == [
        "Walkers now use it every day.",
        "Cyclists share the trail.",
        "The committee meets monthly.",
    ]


def test_prose_that_looks_a_bit_like_furniture_is_kept():
    pages = [
        "Thank you, friends.\nThe trail is open again.",  # a sentence, twice at a page top
        "Thank you, friends.\nThe bridge is mended.",
        "Members          120\nVisitors          340\nThe figures are for May.",  # a table
        "Opening Hours\nThe cafe opens at eight.",  # a heading on one page only
        "感謝各位朋友。\n步道重開。",
        "感謝各位朋友。\n橋已修好。",
        "會員          120\n訪客          340\n以上是五月的數字。",
        "開放時間\n小食亭八時開門。",
    ]
    lines = [text for _, text in remove_furniture("\f".join(pages)) if text]
    assert lines.count("Thank you, friends.") == 2 and lines.count("感謝各位朋友。") == 2
    assert "Members          120" in lines and "訪客          340" in lines
    assert "Opening Hours" in lines and "開放時間" in lines


def test_a_heading_on_two_of_six_pages_of_its_language_is_kept():
    bodies = ["The trail is open.", "It is long.", "It is flat.", "It is safe.", "Go!", "Ok."]
    heads = ["Notes", "", "", "Notes", "", ""]
    english = [
        f"{head}\n{body}" if head else body for head, body in zip(heads, bodies, strict=True)
    ]
    lines = [text for _, text in remove_furniture("\f".join([*english, "步道開放。"]))]
    assert lines.count("Notes") == 2


# End to end: what the tools give


def test_pdftotext_without_layout_end_to_end():
    english = ENGLISH.replace("safe path", "safe pa\u00adth").replace("first", "\ufb01rst")
    english = english.replace("campaign by the residents", "cam-\npaign by the residents")
    chinese = CHINESE.replace("每天", "每\u2f47")  # 天 is no radical; 日 is: U+2F47
    text = "River Trail News\n" + english + "\f河畔步道通訊\n" + chinese + "\n\f"
    content = ingest(text)
    assert content["title"] == {"en": "River Trail News", "zh": "河畔步道通訊"}
    paragraphs = content["paragraphs"]
    assert len(paragraphs) == 4
    assert "long campaign by the residents" in paragraphs[0]["en"]
    assert "a safe path to the market" in paragraphs[0]["en"]
    assert "on the first Monday" in paragraphs[3]["en"]
    assert "每日" in paragraphs[1]["zh"]


def test_pdftotext_layout_end_to_end():
    english = "\n".join("    " + line for line in ENGLISH.split("\n"))
    chinese = "\n".join("  " + line for line in CHINESE.split("\n"))
    text = (
        "  Valley Trail Report" + " " * 50 + "Page 1\n\n" + english + "\n\n\f"
        "  谷中步道報告" + " " * 50 + "第 2 頁\n\n" + chinese + "\n\n\f"
    )
    content = ingest(text)
    assert [p["en"][:7] for p in content["paragraphs"]] == [
        "The riv",
        "Walkers",
        "Cyclist",
        "The tra",
    ]
    assert [p["zh"][:4] for p in content["paragraphs"]] == [
        "河畔步道",
        "現時每天",
        "平日單車",
        "步道委員",
    ]
    assert "Page" not in str(content) and "頁" not in str(content)


def test_a_blank_line_after_every_line_is_line_spacing():
    english = ENGLISH.replace("a long campaign", "a long cam-\npaign")
    text = "\n\n".join([*english.split("\n"), *CHINESE.split("\n")]) + "\n"  # as pdfminer
    assert [p[:24] for p in texts(text, "en")] == [
        "The river trail was open",
        "Walkers now use it every",
        "Cyclists share the trail",
        "The trail committee meet",
    ]
    assert "a long campaign by the residents" in texts(text, "en")[0]
    assert len(texts(text, "zh")) == 4


def test_blank_lines_between_paragraphs_stay_paragraph_breaks():
    text = "\n\n".join(["One short line.", "Another short line.", "A third line."] * 3)
    assert len(texts(text + "\n\n甲乙。\n", "en")) == 9


def test_a_heading_wrapped_after_a_small_word_is_one_heading():
    text = "Message from the\nChair of the\nTrail Committee\n" + ENGLISH + "\n主席獻辭\n" + CHINESE
    assert blocks(text)[0] == ("en", "heading", "Message from the Chair of the Trail Committee")
    assert ingest(text)["title"] == {
        "en": "Message from the Chair of the Trail Committee",
        "zh": "主席獻辭",
    }


def test_a_short_line_with_a_sentence_inside_is_no_heading():
    text = "Walkers come daily. Cyclists too\n" + ENGLISH + "\n" + CHINESE
    assert blocks(text)[0][1] == "paragraph"
