"""Numbers and Latin names as comparable values: what sentence alignment anchors on and what
the consistency check compares.

`$3 billion`, `30 億`, `3,000,000,000` and `三十億` are all 3000000000; `three-year` and
`三年` are 3; `85%` and `百分之八十五` are 85 per cent; `July` and `7 月` are 7. A number
written only in words is *spelled*. Chinese writes many idioms with numerals (一直, 進一步,
兩地, 十分, 千萬), so a Chinese spelled number counts only before a measure word (三年, 百項)
or when it is a figure of two or more characters (一百, 四十, 二零二四), never after 第; a
spelled 1 (one, a, 一) never counts. Limits, on purpose: compounds such as `one hundred and
twenty` or `2 萬 5 千` give their parts; ordinals in words (first, 第三) are not numbers.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_UNITS += " fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_EN_WORDS = {w: i for i, w in enumerate(_UNITS.split())}
_EN_WORDS |= {w: 10 * i for i, w in enumerate(_TENS.split(), 2)}
_EN_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_EN_SCALES |= {"trillion": 10**12, "bn": 10**9}
_MONTHS = "January February March April May June July August September October November December"
_EN_MONTH = {m: i for i, m in enumerate(_MONTHS.split(), 1)}
_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "兩": 2}
_ZH_SCALES = {"十": 10, "百": 100, "千": 1000, "萬": 10**4, "億": 10**8}
_ZH_NUMERAL = "零〇一二兩三四五六七八九十百千萬億"
MEASURE_WORDS = set(
    "年月日天週周個項名人位間所家次倍歲元港成度層座條架部份期屆宗張本頁輛類批組段輪種"
)
_ZH_IDIOMS = {"千萬", "萬一", "萬萬", "百分百", "千千萬萬", "一一"}

# Bounded, so that no run of digits becomes a number too long to print.
_DIGITS = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,9})?|\d{1,20}(?:\.\d{1,9})?"
_WORD = "|".join(sorted(_EN_WORDS, key=len, reverse=True))
_EN_NUMBER = re.compile(
    rf"(?<![\w.,$])(?<![A-Za-z]-)(?P<cur>(?:HK|US)?\$\s?)?"
    rf"(?:(?P<digits>{_DIGITS})(?:st|nd|rd|th)?|(?P<word>(?:{_WORD})(?:-(?:{_WORD}))?|an?))"
    r"(?:[\s-](?P<scale>hundred|thousand|million|billion|trillion)s?|\s?(?P<bn>bn))?"
    r"(?P<pct>\s?(?:%|per\s?cent|percent))?(?![\w$])",
    re.IGNORECASE,
)
_EN_MONTH_RE = re.compile(rf"\b(?:{'|'.join(_EN_MONTH)})\b")
_ZH_NUMBER = re.compile(
    rf"(?P<pct>百分之)?(?:(?<![A-Za-z0-9.,])(?P<digits>{_DIGITS})(?![A-Za-z0-9])"
    rf"(?:\s?(?P<scale>[十百千萬億]{{1,3}}))?|(?P<han>[{_ZH_NUMERAL}]{{1,20}}(?:點[零〇一二三四五六七八九]{{1,9}})?))"
    r"(?P<pct2>\s?%)?"
)
_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[&-][A-Za-z0-9]+)*(?![A-Za-z0-9$])")
_LETTER = re.compile(r"[A-Za-z]")  # _LATIN tokens are ASCII: a name has a letter
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)

# Names Hong Kong Chinese translates rather than keeps: an English acronym is present in
# Chinese text when the acronym itself or one of these is there. Extend as documents need.
GLOSSARY: dict[str, tuple[str, ...]] = {
    "AI": ("人工智能",),
    "AISC": ("超算中心",),  # 人工智能超算中心 is AI + AISC, as in English
    "CAHK": ("香港通訊業聯會", "通訊業聯會"),
    "DPO": ("數字政策辦公室", "數字辦"),
    "HKSAR": ("香港特別行政區", "特區"),
    "I&T": ("創新及科技", "創新科技", "創科"),
    "ICT": ("資訊及通訊科技", "通訊"),
    "IT": ("資訊科技",),
    "OGCIO": ("政府資訊科技總監辦公室", "資科辦"),
}
_TRANSLATIONS = {zh: name for name, terms in GLOSSARY.items() for zh in terms}
_GLOSSARY_RE = re.compile("|".join(sorted(map(re.escape, _TRANSLATIONS), key=len, reverse=True)))


@dataclass(frozen=True)
class Number:
    text: str  # as written, e.g. "$3 billion", "30 億", "三年"
    value: Decimal
    is_percent: bool = False
    is_spelled: bool = False  # no Arabic digit: three, 三, 一百

    @property
    def key(self) -> tuple[Decimal, bool]:
        """Equal for the same quantity however it is written."""
        return self.value.normalize(), self.is_percent

    def describe(self) -> str:
        """`30 億 (3,000,000,000)`; just `2023` when the text already says the value."""
        value = self.value.normalize()
        shown = f"{value:,f}" if value != value.to_integral() else f"{int(value):,}"
        if self.is_percent:
            shown += "%"
        elif 1000 <= value < 10000 and "," not in self.text:
            shown = shown.replace(",", "")  # a year, written 2024 in both languages
        same = self.text.replace(" ", "") in (shown, shown.replace(",", ""))
        return self.text if same else f"{self.text} ({shown})"


def english_numbers(text: str) -> list[Number]:
    """Every number in English text, in order: digits, words, scales, percentages, months."""
    found: list[tuple[int, Number]] = []
    for match in _EN_NUMBER.finditer(text):
        digits, word, scale = match["digits"], match["word"], match["scale"] or match["bn"]
        if word and word.lower() in ("a", "an") and not scale:
            continue
        value = Decimal(digits.replace(",", "")) if digits else _english_word(word.lower())
        value *= _EN_SCALES[scale.lower()] if scale else 1
        if word and value == 1:
            continue  # "one of", "a": not figures anyone checks
        found.append((match.start(), Number(match[0], value, bool(match["pct"]), digits is None)))
    for match in _EN_MONTH_RE.finditer(text):
        # "May" is also a verb: a month only right beside a day or a year.
        beside = (
            text[max(match.start() - 2, 0) : match.start()] + text[match.end() : match.end() + 2]
        )
        if match[0] != "May" or re.search(r"\d\s|\s\d", beside):
            month = Number(match[0], Decimal(_EN_MONTH[match[0]]), is_spelled=True)
            found.append((match.start(), month))
    return [number for _, number in sorted(found, key=lambda item: item[0])]


def _english_word(word: str) -> Decimal:
    if word in ("a", "an"):
        return Decimal(1)
    return Decimal(sum(_EN_WORDS[part] for part in word.split("-")))


def chinese_numbers(text: str) -> list[Number]:
    """Every number in Chinese text, in order: digits with 萬/億, numerals, 百分之, %."""
    found = []
    for match in _ZH_NUMBER.finditer(text):
        is_percent = bool(match["pct"] or match["pct2"])
        if match["digits"]:
            value = Decimal(match["digits"].replace(",", ""))
            for char in match["scale"] or "":
                value *= _ZH_SCALES[char]
            found.append(Number(match[0].strip(), value, is_percent))
            continue
        value = chinese_numeral(match["han"])
        if value is None or value == 1 or match["han"] in _ZH_IDIOMS:
            continue
        after = text[match.end() : match.end() + 2].lstrip()[:1]
        counts = after in MEASURE_WORDS or (len(match["han"]) > 1 and value >= 10)
        if (counts or is_percent) and not text[: match.start()].endswith("第"):
            found.append(Number(match[0].strip(), value, is_percent, is_spelled=True))
    return found


def chinese_numeral(run: str) -> Decimal | None:
    """一百 → 100, 三十億 → 3000000000, 二零二四 → 2024, 三點五 → 3.5; None if malformed."""
    whole, _, decimals = run.partition("點")
    fraction = "".join(str(_ZH_DIGITS[c]) for c in decimals)
    if all(c in _ZH_DIGITS for c in whole):
        if len(whole) == 2:
            return None  # 三四 is "three or four", not 34
        value = "".join(str(_ZH_DIGITS[c]) for c in whole)
        return Decimal(f"{value}.{fraction}" if fraction else value)
    total, section, digit = 0, 0, None
    for char in whole:
        if char in _ZH_DIGITS:
            if digit:  # two figures in a row (十四五): not a number
                return None
            digit = _ZH_DIGITS[char]
        elif _ZH_SCALES[char] < 10**4:
            section, digit = section + (1 if digit is None else digit) * _ZH_SCALES[char], None
        else:
            unit = (section + (digit or 0)) or (0 if total else 1)
            total = (total + unit) * _ZH_SCALES[char] if char == "億" else total + unit * 10**4
            section, digit = 0, None
    return Decimal(f"{total + section + (digit or 0)}.{fraction or 0}")


@functools.lru_cache(maxsize=1 << 16)  # called for every Latin word; vocabularies repeat
def is_acronym(token: str) -> bool:
    """AI, CAHK, I&T, 5G, COVID-19: names that survive translation (not 1st, not Mr)."""
    has_letter = any(c.isalpha() for c in token)
    mixed = has_letter and any(c.isdigit() for c in token) and not _ORDINAL.match(token)
    return mixed or sum(c.isupper() for c in token) >= 2


def latin_names(text: str, *, acronyms_only: bool = True) -> list[str]:
    """Latin-script names in order; in Chinese text every Latin word is one (5G, iPhone)."""
    tokens = [t for t in _LATIN.findall(text) if _LETTER.search(t)]
    return [t for t in tokens if is_acronym(t)] if acronyms_only else tokens


def glossary_names(text: str) -> list[str]:
    """The acronyms whose known Chinese translations occur in `text` (人工智能 → AI)."""
    return [_TRANSLATIONS[m] for m in _GLOSSARY_RE.findall(text)]


def anchor_keys(text: str, language: str) -> Counter[str]:
    """What a sentence shares with its translation: numbers by value, names by acronym."""
    if language == "en":
        numbers, names = english_numbers(text), latin_names(text)
    else:
        numbers, names = chinese_numbers(text), latin_names(text) + glossary_names(text)
    keys = Counter(f"#{n.key[0]}{'%' if n.is_percent else ''}" for n in numbers)
    keys.update(f"@{name.upper()}" for name in names)
    return keys
