"""Hyphens at line breaks: a word the printer hyphenated (`tech-` + `nology`) or a compound
that is written with its hyphen (`e-` + `government`)?

The evidence, strongest first: the document itself, which may write the same word on one
line elsewhere (`technology`, `e-government`); then an English word list, where the joined
form is a word (`technology`, and `technologies` or `organisation` by their stem or US
spelling) or is not (`egovernment`, `highquality`). A joined form the list does not know
stays hyphenated when either piece is a word (`data-driven`, `cyber-security`), and is
joined when neither is (`cybersecu-` + `rity`: no compound is made of non-words).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
SOFT_HYPHEN = "\xad"  # left at a line end by normalise_extracted: a break inside a word
_WORD = re.compile(rf"[^\W\d_]+(?:[{HYPHENS}][^\W\d_]+)*")
_LONGEST_WORD = 64
_LAST_WORD = re.compile(rf"(?<![^\W\d_])(?:[^\W\d_]+[{HYPHENS}])*[^\W\d_]+$")
_INFLECTIONS = (
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ation", "ate"),
    ("ing", ""),
    ("ing", "e"),
    ("ily", "y"),
    ("ly", ""),
)
_BRITISH = (
    (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),
    (r"our", "or"),
    (r"tre(s?)$", r"ter\1"),
    (r"amme(s?)$", r"am\1"),
)


def _key(word: str) -> str:
    return re.sub(f"[{HYPHENS}]", "-", word.lower())


class Vocabulary:
    """How often the document writes each word within a line, never across a break."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts = counts or Counter()

    @classmethod
    def of_lines(cls, lines: Iterable[str]) -> Vocabulary:
        counts: Counter[str] = Counter()
        broken = False  # the line before ended in a hyphen: our first word is its tail
        for line in lines:
            words = [_key(word) for word in _WORD.findall(line)]
            breaks = ends_in_break_hyphen(line.rstrip())
            counts.update(words[int(broken) : len(words) - int(breaks)])
            broken = breaks
        return cls(counts)

    def count(self, word: str) -> int:
        return self.counts[_key(word)]


def ends_in_break_hyphen(text: str) -> bool:
    """`tech-`, `eco\\xad`: a hyphen right after a letter (`Hong Kong -` is a dash)."""
    if text.endswith(SOFT_HYPHEN):
        return True
    return len(text) > 1 and text[-1] in HYPHENS and text[-2].isalpha()


def join_at_hyphen(left: str, right: str, vocabulary: Vocabulary | None = None) -> str:
    """`left` (ending in a hyphen at a line break) and `right`, as one word or a compound."""
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    # The last word, looked for in the line's last characters only: a long line of letters
    # would make every start position scan to its end.
    found = _LAST_WORD.search(left, max(0, len(left) - 1 - _LONGEST_WORD), len(left) - 1)
    head = _WORD.match(right)
    if found and head and _is_one_word(found[0], head[0], vocabulary or Vocabulary()):
        return left[:-1] + right
    return left + right


def _is_one_word(before: str, after: str, vocabulary: Vocabulary) -> bool:
    if not after[0].islower():  # `Sino-` + `British`, `COVID-` + `19`: a compound
        return False
    joined = vocabulary.count(before + after)
    hyphenated = vocabulary.count(f"{before}-{after}")
    if joined != hyphenated:
        return joined > hyphenated
    tail = re.split(f"[{HYPHENS}]", before)[-1].lower()
    head = re.split(f"[{HYPHENS}]", after)[0].lower()
    if is_english_word(tail + head):
        return True
    # A compound is made of words; two pieces that are no words are one word's halves
    # (`cybersecu-` + `rity`), whether or not the list has the word.
    return not (is_english_word(tail) or is_english_word(head))


def is_english_word(word: str) -> bool:
    """In the word list, as it is, by its stem (`technologies`) or US spelling."""
    known = _english_words()
    spellings = {word}
    for pattern, replacement in _BRITISH:
        spellings.add(re.sub(pattern, replacement, word))
    for spelling in list(spellings):
        for suffix, replacement in _INFLECTIONS:
            stem = spelling.removesuffix(suffix)
            if stem != spelling and len(stem) >= 3:
                spellings.update({stem + replacement, stem[:-1] if stem[-1] == stem[-2] else stem})
    return any(spelling in known for spelling in spellings)


@cache
def _english_words() -> frozenset[str]:
    """Webster's Second (public domain), lower-cased: loaded once, and only when a line-break
    hyphen is met. (The package's GCIDE list is left out: it is GPL-licensed.)"""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True))
