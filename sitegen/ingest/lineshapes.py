"""What a single line of extracted text looks like: the end of a sentence, a numbered
paragraph's first line, a heading (or a line of a heading wrapped in a narrow column)."""

from __future__ import annotations

import re

from ..text.scripts import EN

_CLOSING = "\"'”’」』）)》〉]】"  # may follow the full stop that ends a sentence
_SENTENCE_END = ".!?:;…。！？：；"
_NUMBERED = re.compile(r"^(?:\d{1,3}[.．、]|[（(]\d{1,3}[)）])\s*\S")
_BULLETS = "•·▪◦●○■□–—*-"
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?]\s+\S|[。！？]\s*\S")  # no heading has one
# The small words of a title, which it may wrap before or after.
_SMALL_WORD = re.compile(r"(?:a|an|and|at|by|for|from|in|of|on|or|the|to|with|&)", re.I)
_ENDS_IN_SMALL_WORD = re.compile(rf"\b{_SMALL_WORD.pattern}$", re.I)


def ends_sentence(line: str) -> bool:
    """Whether a line ends with closing punctuation (so what follows may be a new block)."""
    stripped = line.rstrip().rstrip(_CLOSING)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def is_numbered(line: str) -> bool:
    """`12. The Government…`, `12. 政府會…`, `(3) …`: a numbered paragraph's first line."""
    return bool(_NUMBERED.match(line.strip()))


def is_heading_line(line: str, language: str) -> bool:
    """Short, capitalised, and without closing punctuation: a title or heading candidate."""
    text = line.strip()
    if not text or ends_sentence(text) or text[-1] in ",，、-–—(（\xad\u2010\u2011":
        return False
    if text[0] in _BULLETS or _SENTENCE_INSIDE.search(text):
        return False
    if language == EN:
        return len(text) <= 70 and len(text.split()) <= 10 and not text[0].islower()
    return len(text) <= 25


def heading_goes_on(line: str, after: str, language: str) -> bool:
    """A heading wrapped after or before one of its small words (`…Corner of` / `Hong
    Kong`, `…Digital Economy` / `for Everyone`): `after` is its next line."""
    wrapped = continued(after, language)
    if wrapped == after.strip() and not _ENDS_IN_SMALL_WORD.search(line.strip()):
        return False
    return is_heading_line(wrapped, language)


def continued(line: str, language: str) -> str:
    """A heading's next line as a heading line of its own: `for Everyone` -> `For
    Everyone` (the line as it is if it does not begin with a small word)."""
    text = line.strip()
    first, _, rest = text.partition(" ")
    if language == EN and first.islower() and _SMALL_WORD.fullmatch(first) and rest:
        return first.capitalize() + " " + rest
    return text


def is_titled(text: str) -> bool:
    """English in title case: every word capitalised but the small ones."""
    return all(not word[0].islower() or _SMALL_WORD.fullmatch(word) for word in text.split())
