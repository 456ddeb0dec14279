"""How long a document's lines are: the evidence for paragraph breaks that no blank line
marks (pdftotext without -layout and pdfplumber put paragraphs on consecutive lines).

A line that stops clearly short of the column ended a paragraph, if it also ended a
sentence. "The column" is the document's typical full line, per language: English is
compared with English and Chinese with Chinese, a wide (CJK) character counting two
columns. Chinese breaks anywhere, so its full lines are even and a line even a little
short says so; English breaks between words, so a long word pushed to the next line makes
a line short by itself, and only a clearly short line, or one the next word would have
fitted on with room to spare, says so.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.scripts import EN, ZH

_SHORT = {EN: 0.75, ZH: 0.85}  # a line shorter than this part of a full one stopped short
_FITS = 0.9  # English: the next word would have fitted in this part of a full line
_PERCENTILE = 0.9  # a full line: this percentile of the language's line widths
_MIN_LINES = 4  # lines of a language needed to say how long its full lines are


def display_width(text: str) -> int:
    """Columns the text takes: a wide (CJK) character counts two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def indent_width(text: str) -> int:
    """Columns of the line's leading white space (a tab counts four)."""
    return display_width(text[: len(text) - len(text.lstrip())].replace("\t", "    "))


@dataclass
class Layout:
    """The document's typical full line, per language (none where too few lines say)."""

    full: dict[str | None, int]

    @classmethod
    def measure(cls, lines: Iterable[tuple[str | None, str]]) -> Layout:
        """From (language, text) of every non-blank line of the document."""
        widths: dict[str | None, list[int]] = {}
        for language, text in lines:
            widths.setdefault(language, []).append(display_width(text.strip()))
        full = {
            language: sorted(found)[int((len(found) - 1) * _PERCENTILE)]
            for language, found in widths.items()
            if len(found) >= _MIN_LINES
        }
        return cls(full)

    def ends_short(self, before: str, line: str, language: str | None) -> bool:
        """`before` stopped short of the column: clearly shorter than a full line of its
        language, or (English) so short that `line`'s first word would have fitted on it
        with room to spare. Never, if the language's full line is not known."""
        full = self.full.get(language, 0)
        width = display_width(before.strip())
        if width < _SHORT.get(language or EN, _SHORT[EN]) * full:
            return True
        word = line.split()[0] if language == EN and line.split() else ""
        return bool(word) and width + 1 + display_width(word) <= _FITS * full
