"""Re-flow: how hard-wrapped lines join, and where blocks and headings begin.

A PDF extraction breaks lines where the printed column ended. English joins them with one
space; Chinese is written without spaces, so two CJK characters join directly, and a space
goes back only beside a Latin letter or digit (`在 2024 年`, as the source spaces them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.scripts import EN, is_cjk, is_latin_alnum, line_language

_SPACES = re.compile(r"[ \t]+")
_CLOSING = "\"'”’」』）)》〉]】"  # may follow the full stop that ends a sentence
_SENTENCE_END = ".!?:;…。！？：；"
_NUMBERED = re.compile(r"^(?:\d{1,3}[.．、]|[（(]\d{1,3}[)）])\s*\S")


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
    if not text or ends_sentence(text) or text[-1] in ",，、-–—(（":
        return False
    if language == EN:
        return len(text) <= 70 and len(text.split()) <= 10 and not text[0].islower()
    return len(text) <= 25


def join_lines(lines: list[str], language: str) -> str:
    """One paragraph from its hard-wrapped lines; whitespace at the joins is replaced."""
    text = ""
    for line in lines:
        piece = line.strip()
        if piece:
            text = join_pieces(text, piece, language)
    return _SPACES.sub(" ", text) if language == EN else text


def join_pieces(left: str, right: str, language: str) -> str:
    """`left` and `right` with the separator the language puts between them at a line break."""
    if not left or not right:
        return left or right
    if language == EN:
        hyphenated = left.endswith("-") and len(left) > 1 and left[-2].isalpha()
        return left + ("" if hyphenated else " ") + right
    a, b = left[-1], right[0]
    spaced = is_latin_alnum(a) or is_latin_alnum(b) or not (is_cjk(a) or is_cjk(b))
    return left + (" " if spaced else "") + right


@dataclass
class Block:
    """A paragraph or heading of one language, as found in the source."""

    language: str | None
    lines: list[tuple[int, str]]  # (source line number, text)
    kind: str = "paragraph"  # or "heading"

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return join_lines([text for _, text in self.lines], self.language or EN)


def split_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Blocks of one language each: split at blank lines, language changes, numbered lines."""
    blocks: list[Block] = []
    group: list[tuple[int, str]] = []
    for line in [*lines, (0, "")]:
        if line[1].strip():
            group.append(line)
        elif group:
            blocks += _split_group(group)
            group = []
    _settle_unknown(blocks)
    return [part for block in blocks for part in _split_heading(block)]


def _split_group(group: list[tuple[int, str]]) -> list[Block]:
    languages = _line_languages([text for _, text in group])
    blocks: list[Block] = []
    for index, line in enumerate(group):
        after_sentence = index > 0 and ends_sentence(group[index - 1][1])
        new = not blocks or languages[index] != blocks[-1].language
        if new or (after_sentence and is_numbered(line[1])):
            blocks.append(Block(languages[index], []))
        blocks[-1].lines.append(line)
    return blocks


def _line_languages(texts: list[str]) -> list[str | None]:
    """Each line's language; lines that cannot say take the language of what follows them
    at the start of a paragraph, and the language they continue otherwise."""
    languages: list[str | None] = []
    current = None
    for index, text in enumerate(texts):
        at_start = index == 0 or ends_sentence(texts[index - 1])
        if at_start and line_language(text) is None:
            languages.append(None)  # settled by the next line that says
            continue
        language = line_language(text, current)
        languages[:] = [lang or language for lang in languages]
        languages.append(language)
        current = language
    return [lang or current for lang in languages]


def _settle_unknown(blocks: list[Block]) -> None:
    """Blocks that never said: capitals alone (`FOREWORD`) are English; digits and symbols
    join the language of the block before them (or after, at the start)."""
    known = [block.language for block in blocks if block.language]
    previous = known[0] if known else EN
    for block in blocks:
        if block.language is None and any(
            c.isascii() and c.isalpha() for _, t in block.lines for c in t
        ):
            block.language = EN
        block.language = block.language or previous
        previous = block.language


def _split_heading(block: Block) -> list[Block]:
    """A short first line before longer body lines is a heading of its own."""
    first = block.lines[0][1].strip()
    if not is_heading_line(first, block.language or EN):
        return [block]
    if len(block.lines) == 1:
        return [Block(block.language, block.lines, "heading")]
    second = block.lines[1][1].strip()
    if is_numbered(first) or len(first) > 0.6 * len(second):
        return [block]
    return [
        Block(block.language, block.lines[:1], "heading"),
        Block(block.language, block.lines[1:]),
    ]
