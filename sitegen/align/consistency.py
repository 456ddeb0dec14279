"""Consistency of one aligned sentence group: numbers and Latin names the translation lost.

Numbers are compared by value (sitegen.numbers), so `$3 billion` and `30 億元`, `1.5 million`
and `150 萬`, `5,000` and `5 千` agree. A figure written with digits, and a spelled one of
10 or more, must have a counterpart on the other side; a spelled number under 10 (two
years, 兩地, 一國兩制) only serves as a counterpart, as idioms use them freely.

Latin names. Hong Kong Chinese keeps some names in Latin script (5G, AI) and translates
others (CAHK → 香港通訊業聯會), so an English acronym counts as present when the Chinese has
it, or one of its translations in numbers.GLOSSARY. An acronym the glossary does not know
is checked only when the Chinese of the group contains Latin letters at all: such a
translation keeps names in Latin, and one left out is then suspicious; otherwise it was
most likely translated, and we cannot tell. Every Latin word in the Chinese must be in the
English (case aside).
"""

from __future__ import annotations

from ..text.numbers import GLOSSARY, Number, chinese_numbers, english_numbers, latin_names

_SIDES = {"en": "the English", "zh": "the Chinese"}
_REPORTED_FROM = 10  # a spelled number below this is reported missing only with digits


def find_inconsistencies(en: str, zh: str) -> list[str]:
    """One sentence per number, year or Latin name one side has and the other lacks."""
    en_numbers, zh_numbers = english_numbers(en), chinese_numbers(zh)
    findings = [
        *_missing_numbers(en_numbers, zh_numbers, "en"),
        *_missing_numbers(zh_numbers, en_numbers, "zh"),
    ]
    findings += [_finding(name, "en") for name in _unique(_english_names_missing(en, zh))]
    findings += [_finding(name, "zh") for name in _unique(_chinese_names_missing(en, zh))]
    return findings


def _missing_numbers(numbers: list[Number], others: list[Number], side: str) -> list[str]:
    present = {n.key for n in others}
    missing = [
        n.describe()
        for n in numbers
        if n.key not in present and (not n.is_spelled or n.value >= _REPORTED_FROM)
    ]
    return [_finding(text, side) for text in _unique(missing)]


def _english_names_missing(en: str, zh: str) -> list[str]:
    zh_latin = {name.upper() for name in latin_names(zh, acronyms_only=False)}
    missing = []
    for name in latin_names(en):
        if name.upper() in zh_latin or any(term in zh for term in GLOSSARY.get(name, ())):
            continue
        if name in GLOSSARY or zh_latin:
            missing.append(name)
    return missing


def _chinese_names_missing(en: str, zh: str) -> list[str]:
    en_words = {word.upper() for word in latin_names(en, acronyms_only=False)}
    return [name for name in latin_names(zh, acronyms_only=False) if name.upper() not in en_words]


def _finding(what: str, side: str) -> str:
    other = "zh" if side == "en" else "en"
    return f"{_SIDES[side]} has {what}, which {_SIDES[other]} does not"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
