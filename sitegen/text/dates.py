"""Dates as a text gives them: found in English or Chinese prose, and shown the Hong Kong way.

A mention keeps the text's precision (`2024`, `2024-07`, `2025-03-01`) and its qualifier
("from 2024 onwards", 2024年起). Not dates, on purpose: years in quoted titles (“…”, 《…》,
「…」), years in names (`Bill 2022`, `the 2025 Official Guide`, 2024年施政報告, 2024年版),
fiscal years (`2019/20`, `2025-26`, 2025/26年度), amounts (`$2024 million`, `2,024`), and
relative dates and durations (last year, 今年, three-year, 三年), which hold no year.
A bare English year counts only after a word that introduces a time (in, since, by, of …):
that one rule keeps out `the 1823 hotline` and `Policy Address 2024` alike. Chinese needs
年 after the year, so 1823 查詢服務 and 《2025 香港通訊業概覽》 are never candidates.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from .numbers import chinese_numeral

# key: (English, Chinese) display; {date} is the formatted date, {period} is 年 for a bare
# year (2025年年底, but 2025年7月底). Only the distinctions a timeline reader needs.
QUALIFIERS: dict[str, tuple[str, str]] = {
    "since": ("since {date}", "自{date}起"),  # since 2020, 自2020年起, 2020年以來
    "from": ("from {date} onwards", "{date}起"),  # from 2024 (onwards), 由2024年起
    "later": ("later in {date}", "{date}稍後"),  # later in 2024, 2024年較後時間
    "early": ("early {date}", "{date}{period}初"),  # early 2025, 2025年初
    "mid": ("mid-{date}", "{date}{period}中"),  # mid-2025, the middle of 2025, 2025年年中
    "end": ("end of {date}", "{date}{period}底"),  # (at) the end of / late 2024, 2024年底
    "by": ("by {date}", "{date}或之前"),  # by 2025, 2025年前
    "by-end": ("by the end of {date}", "{date}{period}底前"),  # 於2025年年底前
    "before": ("before {date}", "{date}之前"),  # before 2025, 2025年以前
}


@dataclass(frozen=True)
class DateMention:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    qualifier: str | None  # a QUALIFIERS key
    start: int  # the phrase's span in the text, qualifier words included:
    end: int  # "from 2024 onwards", "later in 2024", "自2020年起"


MONTHS = "January February March April May June July August September October November December"
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS.split(), 1)}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def format_date(date: str, language: str) -> str:
    """`2024-07` → "July 2024" / "2024年7月"; `2025-03-01` → "1 March 2025" / "2025年3月1日"."""
    match = _ISO.match(date)
    if not match or iso_date(*(int(p) if p else None for p in match.groups())) != date:
        raise ValueError(f"date should be a real YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    year, month, day = (int(p) if p else None for p in match.groups())
    if language == "en":
        words = ([str(day)] if day else []) + ([MONTHS.split()[month - 1]] if month else [])
        return " ".join([*words, str(year)])
    if language == "zh":
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    raise ValueError(f"language should be 'en' or 'zh', not {language!r}")


def format_qualified(date: str, qualifier: str | None, language: str) -> str:
    """The date with its qualifier: "later in 2024" / "2024年稍後"; just the date without."""
    shown = format_date(date, language)
    if qualifier is None:
        return shown
    if qualifier not in QUALIFIERS:
        raise ValueError(
            f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}"
        )
    template = QUALIFIERS[qualifier][language == "zh"]
    return template.format(date=shown, period="年" if len(date) == 4 else "")


def format_in_year(date: str, qualifier: str | None, language: str) -> str:
    """The date under its year's heading: "July" / "7月"; "" for the bare year, which the
    heading already says. A qualified date keeps its year ("later in 2024"): without it
    the phrase would not read."""
    if qualifier is not None or len(date) == 4:
        return "" if qualifier is None else format_qualified(date, qualifier, language)
    shown = format_date(date, language)
    year = f" {date[:4]}" if language == "en" else f"{date[:4]}年"
    return shown.removesuffix(year) if language == "en" else shown.removeprefix(year)


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """`2024-07` from its parts; None when they make no real date (31 June, month 13)."""
    try:
        datetime.date(year or 0, month or 1, day or 1)
    except ValueError:
        return None
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def find_dates(text: str, language: str) -> list[DateMention]:
    """Every date the text states, in order, except those inside quoted titles."""
    found = _english(text) if language == "en" else _chinese(text)
    titles = [m.span() for m in _QUOTED.finditer(text)]  # in order, never overlapping
    starts = [start for start, _ in titles]
    return [m for m in found if not _is_inside(m.start, titles, starts)]


def _is_inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `position` lies in one of `spans` (a bisection: many dates, many titles)."""
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


# A quotation ends at its closing mark or the next opening one: an unclosed `“` then scans
# only to the next `“`, so `“` × 100,000 is linear, not quadratic.
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|《[^《》]*》|〈[^〈〉]*〉|「[^「」]*」|『[^『』]*』")

# English ---------------------------------------------------------------------------------

_MONTH = "|".join(MONTHS.split())
_EN_DATE = re.compile(
    rf"(?<![\w$£€¥.,/–])(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y2>\d{{4}})"
    r"|(?P<year>(?:19|20)\d\d))(?![\w%]|[/–-]\d|[.,]\d)"
)
# Words after which a bare number is a year: "in 2022", "since 2020", "the end of 2025".
_TIME_WORD = re.compile(
    r"\b(?:in|since|from|by|of|during|until|till|to|and|or|after|before|between|through"
    r"|throughout|around|circa|early|late|mid|end|year)(?:\s+|-)$",
    re.I,
)
# What may follow a year, matched in place after it; `(?<!\s)` keeps a search from trying
# every space of a long run.
_COUNTED = re.compile(
    r"(?<!\s)\s*(?:million|billion|thousand|hundred|trillion|bn|per\s?cent)\b", re.I
)
_COUNTING = re.compile(r"\b(?:total|number|sum|amount|average|maximum|minimum) of\s+$", re.I)
# The qualifier, from the words just before the date (longest phrases first).
_EN_BEFORE = [
    (re.compile(r"\b(?:by|before) (?:the )?end[- ]of\s+$|\bby end-$", re.I), "by-end"),
    (re.compile(r"\b(?:(?:at )?the )?end[- ]of\s+$|\bend-$|\blate[- ]$", re.I), "end"),
    (re.compile(r"\blater in\s+$", re.I), "later"),
    (re.compile(r"\b(?:early[- ]|(?:the )?(?:beginning|start) of\s+)$", re.I), "early"),
    (re.compile(r"\b(?:mid[- ]|(?:the )?middle of\s+)$", re.I), "mid"),
    (re.compile(r"\bsince\s+$", re.I), "since"),
    (re.compile(r"\b(?:from|starting(?: from| in)?|with effect from)\s+$", re.I), "from"),
    (re.compile(r"\bby\s+$", re.I), "by"),
    (re.compile(r"\bbefore\s+$", re.I), "before"),
]
_ONWARDS = re.compile(r"(?<!\s)\s+onwards?\b")
_RANGE = re.compile(r"(?<!\s)\s*(?:to|until|till|through|and|–|-)\s")


def _english(text: str) -> list[DateMention]:
    found = []
    for match in _EN_DATE.finditer(text):
        before = text[max(match.start() - 40, 0) : match.start()]
        if match["year"] and not _is_english_year(before, text, match.end()):
            continue
        month = match["m1"] or match["m2"]
        day = match["d1"] or match["d2"]
        year = int(match["year"] or match["y1"] or match["y2"])
        date = iso_date(year, _MONTH_NUMBER.get(month), int(day) if day else None)
        if date is not None:
            found.append(_english_qualified(text, date, match.start(), match.end()))
    return found


def _is_english_year(before: str, text: str, end: int) -> bool:
    """A bare 19xx/20xx is a year right after a time word, and not an amount or a count
    (what follows is matched in place: a copy of the rest of the text per year is quadratic)."""
    return bool(_TIME_WORD.search(before)) and not (
        _COUNTED.match(text, end) or _COUNTING.search(before)
    )


def _english_qualified(text: str, date: str, start: int, end: int) -> DateMention:
    before = text[max(start - 40, 0) : start]
    qualifier = None
    for pattern, key in _EN_BEFORE:
        if found := pattern.search(before):
            qualifier, start = key, start - len(before) + found.start()
            break
    if onwards := _ONWARDS.match(text, end):
        qualifier = "from" if qualifier in (None, "from") else qualifier
        return DateMention(date, qualifier, start, onwards.end())
    if qualifier == "from" and _RANGE.match(text, end):
        qualifier = None  # from 2020 to 2024: a span, not a start
    return DateMention(date, qualifier, start, end)


# Chinese ---------------------------------------------------------------------------------

_HAN = "零〇一二三四五六七八九十"
_ZH_DATE = re.compile(
    rf"(?<![A-Za-z0-9.,/$\-–{_HAN}])"
    rf"(?:(?P<year>\d{{4}})|(?P<hanyear>[零〇一二三四五六七八九]{{4}}))\s*年"
    rf"(?:\s*(?P<month>\d{{1,2}}|[{_HAN}]{{1,2}})\s*月"
    rf"(?:\s*(?P<day>\d{{1,2}}|[{_HAN}]{{1,3}})\s*[日號])?)?"
)
# A year in a name: 2024年度 (fiscal), 2024年版, 2024年施政報告, 2022年…條例.
_ZH_NAME = re.compile(r"(?:度|版|施政報告|財政預算案|預算案|報告|概覽|指南|年報|條例|法案)")
# Qualifiers after the date; a bare year takes 年 before 初/中/底 (2025年年底) or not (2025年底).
_ZH_AFTER = [
    (re.compile(r"年?(?:底|末)(?:或?之?前)"), "by-end"),
    (re.compile(r"年?(?:底|末)|下旬"), "end"),
    (re.compile(r"年?初(?!步)|上旬"), "early"),
    (re.compile(r"年?中(?![國央心文華區小學西環東港期])|中旬"), "mid"),
    (re.compile(r"(?:內)?(?:稍後|較後)(?:時間)?"), "later"),
    (re.compile(r"(?:或之前|前(?![後往]))"), "by"),
    (re.compile(r"(?:之前|以前)"), "before"),
    (re.compile(r"起"), "from"),  # since when 自 comes first (自2020年起)
    (re.compile(r"以來"), "since"),
]
_ZH_STARTING = re.compile(r"開始")


def _chinese(text: str) -> list[DateMention]:
    found = []
    for match in _ZH_DATE.finditer(text):
        year = chinese_int(match["year"] or match["hanyear"])
        month = chinese_int(match["month"]) if match["month"] else None
        day = chinese_int(match["day"]) if match["day"] else None
        date = iso_date(year, month, day) if year and 1000 <= year <= 2999 else None
        if date is None or (not month and _ZH_NAME.match(text, match.end())):
            continue
        found.append(_chinese_qualified(text, date, match.start(), match.end()))
    return found


def _chinese_qualified(text: str, date: str, start: int, end: int) -> DateMention:
    before = text[:start].rstrip()
    lead = next((w for w in ("自從", "自", "由", "從") if before.endswith(w)), None)
    if lead:
        start = len(before) - len(lead)
    since = lead in ("自從", "自")  # 自2020年起 and 自2020年以來 are both "since"
    after = _ZH_AFTER + ([(_ZH_STARTING, "from")] if lead else [])  # 從2024年開始, not 在…開始
    for pattern, key in after:
        found = pattern.match(text, end)
        if found and (len(date) == 4 or not found[0].startswith("年")):
            return DateMention(date, "since" if since else key, start, found.end())
    qualifier = "since" if since else ("from" if lead else None)
    return DateMention(date, qualifier, start, end)


def chinese_int(text: str) -> int | None:
    """7 from `7` or `七`, 14 from `十四`, 2024 from `二零二四`; None for a malformed run."""
    if text.isdigit():
        return int(text)
    value = chinese_numeral(text) if all(c in _HAN for c in text) else None
    return int(value) if value is not None and value == value.to_integral() else None
