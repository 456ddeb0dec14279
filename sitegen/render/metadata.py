"""What search engines and link previews read: alternates, canonical URLs, descriptions."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.config import SiteConfig
from ..model.site import BOTH, Page, relative_url

X_DEFAULT = "x-default"
DESCRIPTION_LENGTH = {"en": 160, "zh": 80}  # characters: Chinese says more per character


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    page: Page


def alternates(page: Page, config: SiteConfig) -> list[Alternate]:
    """Every language version of a page, itself included, plus x-default (side by side).

    Derived languages that share a hreflang with another are still listed: zh-HK and
    zh-Hans name different scripts, so each version has its own tag.
    """
    if not page.alternates or page.kind == "not_found":
        return []
    result = [
        Alternate(language.hreflang, page.alternates[language.code])
        for language in config.languages
        if language.code in page.alternates
    ]
    if BOTH in page.alternates:
        result.append(Alternate(X_DEFAULT, page.alternates[BOTH]))
    return result


def link(config: SiteConfig, from_page: Page | None, to_url: str) -> str:
    """Absolute when the site's address is known (hreflang wants it), else relative."""
    if config.base_url:
        return config.base_url + to_url
    return relative_url(from_page.url if from_page else "", to_url)


def describe(text: str, language_text: str) -> str:
    """A short plain-text description: the start of the text, cut at a word or character."""
    limit = DESCRIPTION_LENGTH[language_text]
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if language_text == "en" and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:，、；：") + "…"
