"""Characters that PDF extraction tools produce in place of the text's own.

pdftotext, pdfminer and pdfplumber pass on what the PDF's fonts say a glyph is: the `ﬁ`
ligature for `fi`, a Kangxi radical `⽇` for the ideograph `日`, a soft hyphen or U+2010
where the printer hyphenated a word, no-break and thin spaces where the typesetter spaced.
We map those back one by one. NFKC would do the ligatures too, but it also turns the
full-width `，：；（）` of Chinese into ASCII, which is the text's own punctuation.
"""

from __future__ import annotations

import re

from .radicals import RADICALS
from .scripts import CJK_CHARACTER

SOFT_HYPHEN = "\xad"
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# No-break, en to hair, narrow no-break and medium mathematical spaces. The ideographic
# space U+3000 is Chinese text's own (an indent, a gap in a name list), so it stays.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_ODD_SPACES += "\u202f\u205f"
_TABLE = str.maketrans({**_LIGATURES, **RADICALS, **dict.fromkeys(_ODD_SPACES, " ")})
# A soft hyphen at a line end (pdftotext may follow it with the hyphen it was drawn as) is
# a break inside one word: it stays as the one mark that says so to re-flow (`join_pieces`
# joins `eco\xad` + `nomic` with nothing between). Anywhere else it is invisible: dropped.
_SOFT_BREAK = re.compile(
    f"(?<!{SOFT_HYPHEN}){SOFT_HYPHEN}++[-\u2010\u2011]?+(?=[ \t]*(?:\n|\f|$))"
)  # tried where a run begins
# U+2010 is a hyphen, never a dash: after a letter and a space at a line end (pdfminer puts
# one before the hyphen glyph of `un ‐` + `wavering`) it still hyphenates that word.
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_])[ \t]+(?=\u2010[ \t]*(?:\n|\f|$))")


# Chinese set with letter spacing (a justified line) comes from pdfminer one character, one
# space: `2024  年 是 本 會 成 長`. Four such characters in a row are spacing, not the text's;
# so is the second space of a double one beside them.
_LETTER_SPACED = re.compile(
    f"(?:(?<= ) )?({CJK_CHARACTER.pattern}(?: {CJK_CHARACTER.pattern}){{3,}})(?: (?= ))?"
)


def normalise_extracted(text: str) -> str:
    """Extracted text with look-alike characters mapped back to the text's own; line ends
    become `\\n` (CR LF and a lone CR alike)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TABLE)
    if SOFT_HYPHEN in text:
        parts = _SOFT_BREAK.split(text)
        text = SOFT_HYPHEN.join(part.replace(SOFT_HYPHEN, "") for part in parts)
    text = _LETTER_SPACED.sub(lambda found: found[1].replace(" ", ""), text)
    return _SPACED_HYPHEN.sub("", text)
