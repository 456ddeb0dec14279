"""A language's text of a content pair: converted to its script (OpenCC) and formatted
(inline Markdown), the way every page and export shows it."""

from __future__ import annotations

from markupsafe import Markup

from ..align.segments import Segment
from ..model.config import Language
from ..model.content import Milestone
from ..model.paragraphs import Paragraph
from .convert import Converters
from .markup import InlineMarkdown, plain_text

Pair = dict[str, str] | Paragraph | Milestone


class Texts:
    """Holds what is costly to create (Markdown, OpenCC) for a whole build."""

    def __init__(self, allow_html: bool) -> None:
        self.markdown = InlineMarkdown(allow_html=allow_html)
        self.converters = Converters()

    def text(self, pair: Pair, language: Language) -> str:
        """The plain text a language reads: the content field, converted if derived."""
        raw = pair[language.text] if isinstance(pair, dict) else getattr(pair, language.text)
        return self.convert(raw, language)

    def convert(self, text: str, language: Language) -> str:
        return self.converters.convert(text, language.convert)

    def html(self, paragraph: Paragraph, language: Language) -> Markup:
        return self.markdown.render(self.text(paragraph, language))

    def plain(self, text: str) -> str:
        """Inline Markdown as the plain text a reader sees (for TMX and descriptions)."""
        return plain_text(self.markdown.render(text))

    def sentences(
        self, groups: tuple[Segment, ...], language: Language
    ) -> list[tuple[Markup, str]]:
        """A paragraph's groups as (sentence HTML, whitespace after it)."""
        result = []
        for segment in groups:
            raw = self.convert(getattr(segment, language.text), language)
            stripped = raw.rstrip()
            result.append((self.markdown.render(stripped), raw[len(stripped) :]))
        return result
