"""How a document writes its dates, so the dates the site writes for it read the same way.

Two habits vary between documents and show beside their quoted text: whether Chinese sets
Arabic digits apart from the characters around them with a space (2024 年 7 月, the
typesetter's habit of the printed guide) or not (2024年7月), and whether English puts the
day before the month (1 March 2025, Hong Kong and British usage) or after it (March 1,
2025). Each is the habit most of the document's own dates show; with none to go by, the
Hong Kong defaults: 2024年7月 and 1 March 2025.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import MONTHS

_SPACES = " \u00a0\u2009\u202f"  # a space, no-break, thin and narrow no-break spaces
# A digit and the date character after it (2024年, 7 月), or a date character and the digit
# after it (年 7): the gap between them, empty or one space, is what the text's habit is.
_ZH_GAP = re.compile(rf"(?:(?<=\d)([{_SPACES}]?)(?=[年月日])|(?<=[年月])([{_SPACES}]?)(?=\d))")
_MONTH = "|".join(MONTHS.split())
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_EN_MONTH_FIRST = re.compile(rf"\b(?:{_MONTH}) {_DAY},? \d{{4}}\b")
_EN_DAY_FIRST = re.compile(rf"\b{_DAY} (?:{_MONTH}),? \d{{4}}\b")
# What format_date writes ("1 March 2025", "1 March" under a year's heading); and digits
# beside Han characters in Chinese.
_WRITTEN_DAY_FIRST = re.compile(rf"\b(\d{{1,2}}) ({_MONTH})(?: (\d{{4}}))?\b")
_DIGITS_BY_HAN = re.compile(r"(?<=\d)(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=\d)")


@dataclass(frozen=True)
class DateStyle:
    zh_spaced: bool = False  # 2024 年 7 月 rather than 2024年7月
    en_month_first: bool = False  # March 1, 2025 rather than 1 March 2025


def date_style(english: Iterable[str], chinese: Iterable[str]) -> DateStyle:
    """The habits most of the document's dates show (ties keep the Hong Kong default)."""
    spaced = unspaced = 0
    for text in chinese:
        for match in _ZH_GAP.finditer(text):
            if match.group(1) or match.group(2):
                spaced += 1
            else:
                unspaced += 1
    month_first = day_first = 0
    for text in english:
        month_first += len(_EN_MONTH_FIRST.findall(text))
        day_first += len(_EN_DAY_FIRST.findall(text))
    return DateStyle(zh_spaced=spaced > unspaced, en_month_first=month_first > day_first)


def styled(shown: str, language: str, style: DateStyle) -> str:
    """A date as `format_date` and its kin write it, in the document's habit."""
    if language == "zh" and style.zh_spaced:
        return _DIGITS_BY_HAN.sub(" ", shown)
    if language == "en" and style.en_month_first:
        return _WRITTEN_DAY_FIRST.sub(_month_first, shown)
    return shown


def _month_first(match: re.Match[str]) -> str:
    day, month, year = match.groups()
    return f"{month} {day}" + (f", {year}" if year else "")
