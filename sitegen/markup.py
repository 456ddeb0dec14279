"""Inline Markdown for paragraph text: emphasis, strong, code and links, nothing block-level.

Paragraphs come from printed prose, so text that only looks like Markdown must stay as
written: `12. The Government…` is a numbered paragraph, not a list, and `#`, `>` or `*`
at the start of a line are characters. We therefore keep Python-Markdown's inline
patterns and only its paragraph block processor, then sanitise the HTML with nh3 so
raw HTML and `javascript:` links never reach the page.
"""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

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
_INLINE_PATTERNS_REMOVED = ("image_link", "image_reference", "short_image_ref")
_TAGS = {"em", "strong", "code", "a", "br"}
_ATTRIBUTES = {"a": {"href", "title", "hreflang"}}
_URL_SCHEMES = {"http", "https", "mailto"}


class InlineMarkdown:
    """One converter per process: building a Markdown instance is the costly part."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(output_format="html")
        for name in _BLOCK_PROCESSORS_REMOVED:
            self._md.parser.blockprocessors.deregister(name)
        for name in _INLINE_PATTERNS_REMOVED:
            self._md.inlinePatterns.deregister(name)

    def render(self, text: str) -> Markup:
        """Paragraph text to safe inline HTML (no wrapping <p>)."""
        html = self._md.reset().convert(text)
        html = html.removeprefix("<p>").removesuffix("</p>").replace("</p>\n<p>", "<br><br>")
        clean = nh3.clean(
            html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_URL_SCHEMES, link_rel=None
        )
        return Markup(clean)


def plain_text(html: str) -> str:
    """The text of rendered inline HTML, for descriptions and data exports."""
    return Markup(html).striptags()
