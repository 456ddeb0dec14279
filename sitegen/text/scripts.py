"""Which script a character or line is in, and the characters no text may carry.

Pure text knowledge, shared by ingest (splitting languages, re-flowing lines) and the
content loader (refusing control characters).
"""

from __future__ import annotations

import re
import unicodedata

EN, ZH = "en", "zh"

# Han ideographs (with extensions A-G and the compatibility blocks), CJK and full-width
# punctuation, bopomofo and the HKSCS private-use block are all "CJK" for joining.
CJK_CHARACTER = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3200-\u9fff\ue000-\uf8ff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
# A run of letters with two lower-case ones in a row (anchors like AI, 5G, ICT are not),
# tried only where a run begins, so a long run of capitals is scanned once, not per letter.
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])(?=[A-Za-z]*?[a-z]{2})[A-Za-z]++")


def is_cjk(char: str) -> bool:
    return bool(CJK_CHARACTER.match(char))


def is_latin_alnum(char: str) -> bool:
    """A Latin letter (any accent) or an ASCII digit: the characters a space separates."""
    if char.isascii():
        return char.isalnum()
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def line_language(line: str, current: str | None = None) -> str | None:
    """EN or ZH; `current` when the line does not clearly switch; None if it cannot say.

    Inside a paragraph a line only changes language when it is unmistakable: English
    needs no CJK at all, so a Chinese line wrapped at `Official Guide》` stays Chinese.
    Digits, acronyms and punctuation (`2024`, `5G+AI`) alone say nothing.
    """
    cjk = len(CJK_CHARACTER.findall(line))
    words = len(_ENGLISH_WORD.findall(line))
    if current == ZH:
        return EN if words and not cjk else ZH
    if cjk and cjk >= words:
        return ZH
    if current == EN or words > cjk:
        return EN
    return None


# C0 and C1 control characters but tab and line feed: no page or data file can carry them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Unicode's non-characters: U+FDD0-FDEF and the last two code points of every plane (XML,
# so the TMX, refuses U+FFFE and U+FFFF).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
# Bidirectional embeddings, overrides and isolates reorder the text after them until their
# closing mark ("Invoice \u202efdp.exe" reads "Invoice exe.pdf"), in a page and in a <title>
# alike. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are allowed: they are
# letter-like, reorder no letters, need no closing, and text quoting Arabic or Hebrew uses them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FORBIDDEN_CHARACTERS = re.compile(
    f"{CONTROL_CHARACTERS.pattern[:-1]}{_NONCHARACTERS}{_BIDI_CONTROLS.pattern[1:-1]}]"
)


def describe_forbidden(char: str) -> str:
    """What a FORBIDDEN_CHARACTERS character is, for a message."""
    code = f"U+{ord(char):04X}"
    if CONTROL_CHARACTERS.match(char):
        return f"the control character {code}"
    if _BIDI_CONTROLS.match(char):
        return (
            f"the bidirectional control {code} ({unicodedata.name(char).lower()}), which"
            " changes the order in which the text after it is shown"
        )
    return f"the non-character {code}, which Unicode reserves for programs' internal use"
