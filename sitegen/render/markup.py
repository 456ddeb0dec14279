"""Inline Markdown for paragraph text: emphasis, strong, code and links, nothing block-level.

Paragraphs come from printed prose, so text that only looks like Markdown must stay as
written: `12. The Government…` is a numbered paragraph, not a list, and `#`, `>` or `*`
at the start of a line are characters. We therefore keep Python-Markdown's inline
patterns and only its paragraph block processor, then sanitise the HTML with nh3 so
raw HTML and `javascript:` links never reach the page.
"""

from __future__ import annotations

import re

import markdown
import nh3
from markdown.inlinepatterns import LINK_RE, LinkInlineProcessor
from markupsafe import Markup, escape

_BLOCK_PROCESSORS_REMOVED = (
    "indent",
    "code",
    "hashheader",
    "setextheader",
    "hr",
    "olist",
    "ulist",
    "quote",
    "reference",
)
# References never resolve (the "reference" block is removed above), and their patterns
# would scan from every `[` again.
_INLINE_PATTERNS_REMOVED = (
    "image_link",
    "image_reference",
    "short_image_ref",
    "reference",
    "short_reference",
)
# Raw HTML blocks: stdlib html.parser, quadratic on `<a <a <a …`; nh3 removes block tags
# anyway, and inline HTML still goes through the inline "html" pattern.
_PREPROCESSORS_REMOVED = ("html_block",)
_LONGEST_LINK_TARGET = 2_000  # characters of `(url "title")`; a longer one is text
_TAGS = {"em", "strong", "code", "a", "br"}
_ATTRIBUTES = {"a": {"href", "title", "hreflang"}}
_URL_SCHEMES = {"http", "https", "mailto"}
# site.yaml `allow_html: true` keeps these inline tags of the editor's raw HTML too; nh3
# still removes every other tag, every on* attribute and javascript:/data: URLs.
_HTML_TAGS = {"abbr", "b", "bdi", "cite", "del", "dfn", "i", "ins", "kbd", "mark", "q"}
_HTML_TAGS |= {"rp", "rt", "ruby", "s", "small", "span", "sub", "sup", "time", "u"}
_HTML_ATTRIBUTES = {"*": {"lang", "title", "dir"}, "time": {"datetime"}}
# Text without any of these characters (nor leading whitespace) converts to itself, so
# most sentences skip Markdown and the sanitiser: the build's hottest path.
# (Markdown uses control characters as placeholders and drops a BOM; nh3 writes U+00A0
# as &nbsp;.)
MAX_MARKUP_CHARACTERS = 5_000  # beyond, a paragraph is no prose: its text, escaped
_MARKUP_CHARACTERS = re.compile(r"[*_`\[\]\\<>&!\x00-\x1f\x7f\xa0\ufeff]")


class InlineMarkdown:
    """One converter per process: building a Markdown instance is the costly part."""

    def __init__(self, allow_html: bool = False) -> None:
        self._md = markdown.Markdown(output_format="html")
        self.allow_html = allow_html
        self._tags = _TAGS | _HTML_TAGS if allow_html else _TAGS
        self._attributes = {**_ATTRIBUTES, **_HTML_ATTRIBUTES} if allow_html else _ATTRIBUTES
        for name in _BLOCK_PROCESSORS_REMOVED:
            self._md.parser.blockprocessors.deregister(name)
        for name in _INLINE_PATTERNS_REMOVED:
            self._md.inlinePatterns.deregister(name)
        for name in _PREPROCESSORS_REMOVED:
            self._md.preprocessors.deregister(name)
        self._md.inlinePatterns.register(_LinearLinks(LINK_RE, self._md), "link", 160)

    def render(self, text: str) -> Markup:
        """Paragraph text to safe inline HTML (no wrapping <p>). A paragraph with more
        markup characters than any prose has is shown as written: Python-Markdown's time
        grows with the square of the emphasis it matches (`**a` × 100,000: 16 s)."""
        if not _MARKUP_CHARACTERS.search(text) and not text[:1].isspace():
            return Markup(text)
        if len(_MARKUP_CHARACTERS.findall(text)) > MAX_MARKUP_CHARACTERS:
            return escape(text)
        return self.convert(text)

    def convert(self, text: str) -> Markup:
        """The full conversion: Python-Markdown, then nh3."""
        html = self._md.reset().convert(text)
        html = html.removeprefix("<p>").removesuffix("</p>").replace("</p>\n<p>", "<br><br>")
        clean = nh3.clean(
            html,
            tags=self._tags,
            attributes=self._attributes,
            url_schemes=_URL_SCHEMES,
            link_rel=None,
        )
        return Markup(clean)


class _LinearLinks(LinkInlineProcessor):
    """Python-Markdown's link pattern in linear time. Its `getText` scans from every `[`
    to the matching `]`, to the end of the text when there is none (`[` × 10,000 takes
    minutes); here every bracket's match is found once per text, by a stack. `getLink`
    looks for the `)` within _LONGEST_LINK_TARGET characters."""

    _text: str | None = None
    _closing: dict[int, int] = {}  # noqa: RUF012 (replaced per text, never mutated)

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        if data is not self._text:
            self._text, self._closing = data, _matching_brackets(data)
        end = self._closing.get(index - 1)
        if end is None:
            return "", len(data), False
        return data[index:end], end + 1, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        if data.find(")", index, index + _LONGEST_LINK_TARGET) < 0:  # no way to close it
            return "", None, index, False
        return super().getLink(data[: index + _LONGEST_LINK_TARGET], index)


def _matching_brackets(text: str) -> dict[int, int]:
    """The position of each `[` that a `]` closes -> that `]`'s position."""
    closing: dict[int, int] = {}
    opened: list[int] = []
    for position, char in enumerate(text):
        if char == "[":
            opened.append(position)
        elif char == "]" and opened:
            closing[opened.pop()] = position
    return closing


def plain_text(html: str) -> str:
    """The text of rendered inline HTML, for descriptions and data exports."""
    return Markup(html).striptags()
