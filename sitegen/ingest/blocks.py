"""Re-flow: how hard-wrapped lines join, and where blocks and headings begin.

A PDF extraction breaks lines where the printed column ended. English joins them with one
space; Chinese is written without spaces, so two CJK characters join directly, and a space
goes back only beside a Latin letter or digit (`在 2024 年`, as the source spaces them). A
hyphen at a line end is kept or dropped on the evidence of the document's own words and a
word list (dehyphenate.py).

Blocks begin at blank lines, at a change of language, and where the lines themselves say
so, as they must when a tool puts paragraphs on consecutive lines: after a line that ends
a sentence, a numbered line, a line after one that stopped short of the column
(linewidths.py), an indented first line, or a heading; and short heading-like lines before
longer ones are headings of their own, the title among them (lineshapes.py). A heading
wrapped in a narrow column (`Connecting Every Corner of` / `Hong Kong`) is one heading if
it is in title case, though its first line is as wide as the text's; no line is a heading
when the next goes on with its sentence in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..text.scripts import EN, is_cjk, is_latin_alnum, line_language
from .dehyphenate import SOFT_HYPHEN, Vocabulary, ends_in_break_hyphen, join_at_hyphen
from .lineshapes import (
    continued,
    ends_sentence,
    heading_goes_on,
    is_heading_line,
    is_numbered,
    is_titled,
)
from .linewidths import Layout, display_width, indent_width

_SPACES = re.compile(r"[ \t]+")
_HEADING = 0.6  # a heading line is at most this part of a full line (or of the next line)


def join_lines(lines: list[str], language: str, vocabulary: Vocabulary | None = None) -> str:
    """One paragraph from its hard-wrapped lines; whitespace at the joins is replaced, and a
    hyphen at a break is kept or dropped as `vocabulary` and the word list say."""
    text = ""
    for line in lines:
        piece = line.strip()
        if piece:
            text = join_pieces(text, piece, language, vocabulary)
    text = text.removesuffix(SOFT_HYPHEN)  # a soft hyphen before nothing is no hyphen
    return _SPACES.sub(" ", text) if language == EN else text


def join_pieces(left: str, right: str, language: str, vocabulary: Vocabulary | None = None) -> str:
    """`left` and `right` with the separator the language puts between them at a line break."""
    if not left or not right:
        return left or right
    if ends_in_break_hyphen(left) and (language == EN or left.endswith(SOFT_HYPHEN)):
        return join_at_hyphen(left, right, vocabulary)
    if language == EN:
        return left + " " + right
    a, b = left[-1], right[0]
    spaced = is_latin_alnum(a) or is_latin_alnum(b) or not (is_cjk(a) or is_cjk(b))
    return left + (" " if spaced else "") + right


@dataclass
class Block:
    """A paragraph or heading of one language, as found in the source."""

    language: str | None
    lines: list[tuple[int, str]]  # (source line number, text)
    kind: str = "paragraph"  # or "heading"
    # The document's words, for the hyphens at its line breaks (split_blocks sets it)
    vocabulary: Vocabulary | None = field(default=None, repr=False, compare=False)

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        texts = [text for _, text in self.lines]
        return join_lines(texts, self.language or EN, self.vocabulary)


def split_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Blocks of one language each: split at blank lines, language changes, numbered lines,
    and where a paragraph or heading evidently begins on the next line (`_begins_block`)."""
    groups: list[list[tuple[int, str]]] = [[]]
    for line in lines:
        if line[1].strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    groups = [group for group in groups if group]
    languages = [_line_languages(_texts(group)) for group in groups]
    layout = Layout.measure(
        (language, text)
        for group, group_languages in zip(groups, languages, strict=True)
        for (_, text), language in zip(group, group_languages, strict=True)
    )
    vocabulary = Vocabulary.of_lines(text for _, text in lines)
    blocks = [
        block
        for group, group_languages in zip(groups, languages, strict=True)
        for block in _split_group(group, group_languages, layout)
    ]
    _settle_unknown(blocks)
    for block in blocks:
        block.vocabulary = vocabulary
    return [part for block in blocks for part in _split_heading(block, layout)]


def _is_heading(layout: Layout, line: str, after: str, language: str | None) -> bool:
    """A heading line: heading-like and short by far, next to a full line (or to the line
    after it, where the full line is not known)."""
    if is_numbered(line) or not is_heading_line(line, language or EN):
        return False
    if language == EN and after.lstrip()[:1].islower():
        return False  # the sentence goes on: a heading comes before a paragraph's start
    longest = layout.full.get(language) or display_width(after.strip())
    return display_width(line.strip()) <= _HEADING * longest


def _split_group(group: list[tuple[int, str]], languages: list, layout: Layout) -> list[Block]:
    texts = _texts(group)
    blocks: list[Block] = []
    for index, line in enumerate(group):
        new = not blocks or languages[index] != blocks[-1].language
        if new or _begins_block(texts, languages, index, layout):
            blocks.append(Block(languages[index], []))
        blocks[-1].lines.append(line)
    return blocks


def _begins_block(texts: list[str], languages: list, index: int, layout: Layout) -> bool:
    """After a line that ends a sentence: a numbered line, a line after a short one, an
    indented first line, or a heading over longer text."""
    before, line, language = texts[index - 1], texts[index], languages[index]
    if not ends_sentence(before):
        return False  # a short line with no full stop is a paragraph's last only at its end
    if is_numbered(line) or layout.ends_short(before, line, language):
        return True
    after = texts[index + 1] if index + 1 < len(texts) else None
    if after is not None and languages[index + 1] != language:
        after = None
    if indent_width(line) >= indent_width(before if after is None else after) + 2:
        return True
    return after is not None and _is_heading(layout, line, after, language)


def _line_languages(texts: list[str]) -> list[str | None]:
    """Each line's language; lines that cannot say take the language of what follows them
    at the start of a paragraph, and the language they continue otherwise."""
    languages: list[str | None] = []
    waiting: list[int] = []  # lines settled by the next line that says
    current = None
    for index, text in enumerate(texts):
        at_start = index == 0 or ends_sentence(texts[index - 1])
        if at_start and line_language(text) is None:
            waiting.append(len(languages))
            languages.append(None)
            continue
        language = line_language(text, current)
        for position in waiting:
            languages[position] = language
        waiting.clear()
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


def _split_heading(block: Block, layout: Layout) -> list[Block]:
    """Short first lines before longer body lines are headings of their own (a title, then
    a section heading); a block of heading-like lines alone is a heading."""
    parts: list[Block] = []
    start = 0
    while start < len(block.lines):
        end = _heading_end(block.lines, start, layout, block.language)
        if end == start:
            break
        parts.append(replace(block, lines=block.lines[start:end], kind="heading"))
        start = end
    rest = block.lines[start:]
    return [*parts, replace(block, lines=rest)] if rest and parts else parts or [block]


def _heading_end(lines: list[tuple[int, str]], start: int, layout: Layout, language) -> int:
    """Where the heading that starts at `start` ends (`start` itself if there is none): its
    lines go on while one ends in `of`, `the`, `and`… (or the next begins with one) and the
    next is heading-like too."""
    texts, shape = _texts(lines), language or EN
    end = start + 1
    while end < len(texts) and heading_goes_on(texts[end - 1], texts[end], shape):
        end += 1
    heading = [texts[start], *(continued(text, shape) for text in texts[start + 1 : end])]
    if end == len(texts):  # nothing after it: the whole block, or short after headings
        whole = start == 0 and all(is_heading_line(text, shape) for text in heading)
        rest = start > 0 and all(_is_heading(layout, text, text, language) for text in heading)
        return end if whole or rest else start
    # A long heading wraps: in a narrow column its lines are as wide as the text's.
    if len(heading) > 1 and shape == EN and is_titled(" ".join(heading)):
        return start if texts[end].lstrip()[:1].islower() else end
    short = all(_is_heading(layout, text, texts[end], language) for text in heading)
    return end if short else start


def _texts(lines: list[tuple[int, str]]) -> list[str]:
    return [text for _, text in lines]
