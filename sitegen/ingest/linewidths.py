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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.scripts import EN, ZH, is_cjk

_SHORT = {EN: 0.75, ZH: 0.85}  # a line shorter than this part of a full one stopped short
_FITS = 0.9  # English: the next word would have fitted in this part of a full line
_PERCENTILE = 0.9  # a full line: this percentile of the language's line widths
_MIN_LINES = 4  # lines of a language needed to say how long its full lines are
_OPENING = "「『（《〈【〔([{“‘"
_CLOSING = "，。、；：！？」』）》〉】〕…—,.;:!?)]}”’"


def display_width(text: str) -> int:
    """Columns the text takes: a wide (CJK) character counts two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def indent_width(text: str) -> int:
    """Columns of the line's leading white space (a tab counts four)."""
    return display_width(text[: len(text) - len(text.lstrip())].replace("\t", "    "))


@dataclass
class Layout:
    """The document's typical full line, per language (none where too few lines say), and
    the width of a full Chinese line of CJK characters alone (0 if unknown)."""

    full: dict[str | None, int]
    even: int = 0

    @classmethod
    def measure(cls, lines: Iterable[tuple[str | None, str]]) -> Layout:
        """From (language, text) of every non-blank line of the document."""
        widths: dict[str | None, list[int]] = {}
        even: Counter[int] = Counter()
        for language, text in lines:
            widths.setdefault(language, []).append(display_width(text.strip()))
            if language == ZH and _all_cjk(text.strip()):
                even[display_width(text.strip())] += 1
        full = {
            language: sorted(found)[int((len(found) - 1) * _PERCENTILE)]
            for language, found in widths.items()
            if len(found) >= _MIN_LINES
        }
        common = even.most_common(1)[0][0] if even.total() >= _MIN_LINES else 0
        return cls(full, common if common >= _SHORT[ZH] * full.get(ZH, 0) else 0)

    def ends_short(self, before: str, line: str, language: str | None) -> bool:
        """`before` stopped short of the column: clearly shorter than a full line of its
        language, or (English) so short that `line`'s first word would have fitted on it
        with room to spare. Never, if the language's full line is not known."""
        full = self.full.get(language, 0)
        width = display_width(before.strip())
        if width < _SHORT.get(language or EN, _SHORT[EN]) * full:
            return True
        if language == ZH:
            return self._one_short(before.strip(), line.strip())
        word = line.split()[0] if language == EN and line.split() else ""
        return bool(word) and width + 1 + display_width(word) <= _FITS * full

    def _one_short(self, before: str, line: str) -> bool:
        """Chinese, in CJK characters alone (so their widths are exact): `before` stopped
        a character or more short of a full line. One character short may be the
        line-breaking rules' doing: an opening bracket is never last on a line, a closing
        mark never first, so such a mark takes a character with it to the next line."""
        if not self.even or not _all_cjk(before) or display_width(before) >= self.even:
            return False
        if display_width(before) + 2 < self.even:
            return True
        return line[:1] not in _OPENING and line[1:2] not in _CLOSING


def _all_cjk(text: str) -> bool:
    return bool(text) and all(is_cjk(char) for char in text)
