"""A document's date habits (text/datestyle.py): found in its own text, and followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_project
from sitegen.pipeline import build
from sitegen.text.dates import format_date, format_in_year, format_qualified
from sitegen.text.datestyle import DateStyle, date_style, styled

SPACED = DateStyle(zh_spaced=True)
MONTH_FIRST = DateStyle(en_month_first=True)


@pytest.mark.parametrize(
    ("chinese", "spaced"),
    [
        (["政策於 2024 年 7 月公布，並於 2025 年實施。"], True),
        (["政策於2024年7月公布，並於2025年實施。"], False),
        (["於 2024 年 7 月公布。", "於2025年實施。", "2026 年起"], True),  # most dates
        (["於 2024 年公布。", "於2025年實施。"], False),  # a tie keeps the default
        (["服務於 2024\u00a0年推出。"], True),  # a no-break space is a space too
        (["沒有日期的段落，只有 5G 服務。"], False),  # no dates: the default
        ([], False),
    ],
)
def test_chinese_spacing_is_what_most_dates_show(chinese: list[str], spaced: bool) -> None:
    assert date_style([], chinese).zh_spaced is spaced


@pytest.mark.parametrize(
    ("english", "month_first"),
    [
        (["It opened on March 1, 2025 and closed on April 3rd, 2025."], True),
        (["It opened on 1 March 2025 and closed on 3rd April 2025."], False),
        (["On March 1, 2025.", "On 2 April 2025.", "On 3 May 2025."], False),
        (["In March 2025, before May 2026."], False),  # no day: nothing to go by
        (["March 1, 2025"], True),
    ],
)
def test_english_order_is_what_most_dates_show(english: list[str], month_first: bool) -> None:
    assert date_style(english, []).en_month_first is month_first


@pytest.mark.parametrize(
    ("shown", "language", "style", "expected"),
    [
        (format_date("2024-07", "zh"), "zh", SPACED, "2024 年 7 月"),
        (format_date("2025-03-01", "zh"), "zh", SPACED, "2025 年 3 月 1 日"),
        (format_qualified("2020", "since", "zh"), "zh", SPACED, "自 2020 年起"),
        (format_in_year("2024-07", None, "zh"), "zh", SPACED, "7 月"),
        (format_date("2024-07", "zh"), "zh", DateStyle(), "2024年7月"),
        (format_date("2025-03-01", "en"), "en", MONTH_FIRST, "March 1, 2025"),
        (format_qualified("2025-03-01", "by", "en"), "en", MONTH_FIRST, "by March 1, 2025"),
        (format_in_year("2025-03-01", None, "en"), "en", MONTH_FIRST, "March 1"),
        (format_date("2025-03", "en"), "en", MONTH_FIRST, "March 2025"),
        (format_date("2025-03-01", "en"), "en", SPACED, "1 March 2025"),  # habits per language
        (format_date("2025-03-01", "zh"), "zh", MONTH_FIRST, "2025年3月1日"),
    ],
)
def test_styled_follows_the_habit(
    shown: str, language: str, style: DateStyle, expected: str
) -> None:
    assert styled(shown, language, style) == expected


def test_a_documents_pages_write_its_date_its_way(tmp_path: Path) -> None:
    document = """\
        title: {en: "Notice", zh: "通告"}
        date: "2025-03-01"
        paragraphs:
          - en: "The scheme opens on March 3, 2025."
            zh: "計劃於 2025 年 3 月 3 日開放。"
        """
    project = make_project(tmp_path / "project", {"content/notice.yaml": document})
    build(project, out_dir=tmp_path / "out")
    for page, shown in (
        ("en/notice", "March 1, 2025"),
        ("tc/notice", "2025 年 3 月 1 日"),
        ("contents", "March 1, 2025"),
    ):
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        assert f'<time datetime="2025-03-01">{shown}</time>' in html, page
