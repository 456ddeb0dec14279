"""Sentence segmentation: a paragraph into pieces that join back to it exactly.

Whitespace after a boundary stays at the end of the sentence before it, so the pieces of a
text concatenate to the text, and no piece is empty.

English ends a sentence at `.` `!` `?` `…` (with any closing quotes or brackets) when
whitespace and a capital or a digit follow, possibly behind an opening quote or bracket;
not after a title or other abbreviation (`Mr.`, `No. 5`, `e.g.`), an initial (`J.`, `U.S.`),
or a paragraph number (`64.`). `etc.` ends a sentence only when a capital follows.

An utterance broken off with a dash and closed with a quote (`—'`) ends one too.

Chinese ends a sentence after `。` `！` `？` with any closing quotes or brackets and a footnote
mark; after an ellipsis or a dash that a closing quote follows (`……”`); and after an
ellipsis that an opening quote follows (`……「`). A colon before a quotation does not end
one: `他說：「…」` is one sentence, as `He said: '…'` is. Nor does `；`: it separates the
items of a list or the clauses of one long sentence, which English keeps in one sentence.
"""

from __future__ import annotations

import itertools
import re

from .numbers import MEASURE_WORDS

# Lower-cased words that a full stop follows without ending the sentence.
_ABBREVIATED = (
    "mr mrs ms dr prof st no nos vs ltd co inc corp jr sr hon rev gov gen col capt lt mt ave rd"
    " fig figs cap ch vol pp p para paras art sec approx cf ca al e.g i.e viz dept est govt"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
ABBREVIATIONS = frozenset(_ABBREVIATED.split())
_OPENING = "“‘\"'([*_"
# Possessive runs, tried only where a run begins: on `!!!…”””…x` (no space after) every
# start inside the run would otherwise scan it again, quadratic in its length.
_EN_END = re.compile(r"((?<![.!?…])[.!?…]++|[—–](?=[”’\"']))[”’\"')\]]*+(\s+)")
_INITIALS = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")  # J. / U.S. / H.K.
_LABEL = re.compile(r"^\s*[(（]?\d{1,3}(?:\.\d{1,3})*[.)）]?$")  # 64. / 1.2. / (3)
_LONGEST_LABEL = 24
_FOOTNOTE_BEFORE = "".join(sorted(MEASURE_WORDS)) + "號十百千萬億"
_ZH_END = re.compile(
    r"(?:[。！？!?]+(?:\s*[」』”’）)》〉】\"'])*"  # a full stop, its closing quotes
    r"|(?<![…—─])(?:…+|—{2,}|──)(?:\s*[」』”’])+"  # an utterance trailing off, then closed
    r"|(?<!…)…+(?=\s*[「『“]))"  # a trailing-off before an opening quote
    r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+"  # a superscript footnote mark is always one
    rf"|\d{{1,2}}(?![\d.,%A-Za-z])(?!\s*[\d{_FOOTNOTE_BEFORE}%]))?"  # 。1 but not 。2024 年
    r"\s*"
)


def split_english(text: str) -> list[str]:
    """English sentences, each with the whitespace after it."""
    cuts, start = [], 0
    for match in _EN_END.finditer(text):
        end = match.end()
        if end < len(text) and _starts_sentence(text, end) and _ends_sentence(text, start, match):
            cuts.append(end)
            start = end
    return _pieces(text, cuts)


def _starts_sentence(text: str, at: int) -> bool:
    while at < len(text) and text[at] in _OPENING:  # never a copy of the rest of the text
        at += 1
    first = text[at : at + 1]
    return first.isupper() or first.isdigit()


def _ends_sentence(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether the punctuation of `match` really ends the sentence begun at `start`."""
    if match[1] != ".":
        return True
    end = match.start()  # the full stop; `start` may lie far back (`Mr. ` × 100,000)
    if end - start <= _LONGEST_LABEL and _LABEL.match(text[start : end + 1]):
        return False  # the number of a numbered paragraph
    word_start = end
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1  # back to the previous match's whitespace at most: linear overall
    word = text[word_start:end].lstrip(_OPENING)
    return word.lower() not in ABBREVIATIONS and not _INITIALS.match(word)


def split_chinese(text: str) -> list[str]:
    """Chinese sentences, each with its closing quotes, footnote mark and following spaces."""
    cuts = [m.end() for m in _ZH_END.finditer(text) if m.end() < len(text)]
    return _pieces(text, cuts)


def _pieces(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def ends_quotation(text: str, language: str) -> bool:
    """Whether the text ends by closing a quotation (`…tomorrow.'`, `…再打過。”`): where a
    character's speech ends, both languages end a sentence. An English apostrophe counts
    only after the speech's own punctuation, so `the boys'` is no quotation."""
    text = text.rstrip()
    if language != "en":
        return text.endswith(("”", "」", "』"))
    return text.endswith("”") or (text.endswith(("'", "’")) and text[-2:-1] in ".!?,…—-")
