"""Two columns given one after the other in chunks: each language's lines regrouped.

pdftotext's default mode and pdfminer write a two-column table of paragraph pairs as
alternating chunks: a few English lines, then a few Chinese (pdftotext, which may even give
a justified line a word at a time), or a line of each in turn, blank lines between
(pdfminer). Interleaved documents switch language too, but only where a paragraph ends;
chunks switch inside sentences: after an English line whose sentence goes on, in lower case
or after a hyphen, on the next English line. When many switches cut sentences so, and they
are a good share of all switches, each language's lines are regrouped into a stream of
their own, in order and page by page. Blank lines in such a stream are where chunks met,
not paragraph breaks: they go, and re-flow finds the paragraphs by line lengths, sentence
ends and headings (blocks.py).
"""

from __future__ import annotations

from itertools import pairwise

from ..text.scripts import EN, line_language
from .dehyphenate import ends_in_break_hyphen
from .lineshapes import ends_sentence

Line = tuple[int, str]  # (1-based line number in the source, text)
Page = list[Line]
_MIN_CUTS = 3  # switches inside a sentence, at least
_CUT_SHARE = 1 / 5  # of all switches, at least (a Chinese line never says it is cut)


def regroup_chunks(pages: list[Page]) -> list[list[Page]] | None:
    """Each language's stream of pages (the first language met first), if the text's
    lines switch language inside sentences often; None otherwise."""
    said = [
        [(number, text, line_language(text)) for number, text in page if text.strip()]
        for page in pages
    ]
    known = [(text, language) for page in said for _, text, language in page if language]
    if _cuts(known) < max(_MIN_CUTS, _CUT_SHARE * _switches(known)):
        return None
    order = list(dict.fromkeys(language for _, language in known))
    streams: dict[str, list[Page]] = {language: [[] for _ in pages] for language in order}
    languages = _settled([language for page in said for _, _, language in page])
    settled = iter(languages)
    for index, page in enumerate(said):
        for number, text, _ in page:
            streams[next(settled)][index].append((number, text))
    return [streams[language] for language in order]


def recurring_lines(streams: list[list[Page]]) -> frozenset[str]:
    """Lines found on every page of a regrouped text (two pages or more), wherever they
    stand: running heads, or pieces of them (`2024` and `年數碼基建報告` of `2024 年數碼基建
    報告`), which the tool's reading order may put anywhere on a page. Prose (a sentence's
    end, a lower-case start, a long line) never counts."""
    pages = [
        [text for stream in streams for _, text in stream[index] if text.strip()]
        for index in range(len(streams[0]))
    ]
    found = [{" ".join(text.split()) for text in page if _may_run(text)} for page in pages if page]
    return frozenset.intersection(*map(frozenset, found)) if len(found) > 1 else frozenset()


def _may_run(text: str) -> bool:
    text = text.strip()
    return len(text) <= 80 and not text[0].islower() and not ends_sentence(text)


def _switches(known: list[tuple[str, str]]) -> int:
    return sum(1 for a, b in pairwise(known) if a[1] != b[1])


def _cuts(known: list[tuple[str, str]]) -> int:
    """Switches after a line whose sentence goes on at the next line of its language."""
    cuts = 0
    resumed: dict[str, str] = {}  # language -> its next line, walking backwards
    for index in range(len(known) - 1, 0, -1):
        resumed[known[index][1]] = known[index][0]
        before, language = known[index - 1]
        if known[index][1] == language or ends_sentence(before):
            continue
        goes_on = resumed.get(language, "").lstrip()[:1].islower()
        if goes_on or ends_in_break_hyphen(before.rstrip()):
            cuts += 1
    return cuts


def _settled(languages: list[str | None]) -> list[str]:
    """Each line's language: lines that cannot say (`2024`) take the next line's that does
    (the one before's, at the end)."""
    after: list[str | None] = []
    following = None
    for language in reversed(languages):
        following = language or following
        after.append(following)
    after.reverse()
    settled: list[str] = []
    previous = next((language for language in languages if language), EN)
    for language, coming in zip(languages, after, strict=True):
        previous = language or coming or previous
        settled.append(previous)
    return settled
