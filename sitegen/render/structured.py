"""schema.org structured data for a document page (JSON-LD), and its safe embedding.

Each reading version is an `Article` in its language; the English page lists the Chinese
versions as its `workTranslation`, each Chinese page names the English one as its
`translationOfWork`; the side-by-side page is the bilingual edition, whose translations
are the single-language pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import Markup

from ..model.config import Language
from ..model.content import Document
from ..model.site import BOTH, Page, Site

Linker = Callable[[str], str]  # a site-root-relative URL -> absolute (or relative) link
Text = Callable[[dict[str, str], Language], str]


def article_data(page: Page, site: Site, link: Linker, text: Text) -> dict:
    """The page's Article: headline, language, URL, date, author, its other versions."""
    document = page.document
    assert document is not None
    language = _language(site, page.variant)
    data: dict = {"@context": "https://schema.org", "@type": "Article"}
    if language is None:
        pair = site.pair
        data["headline"] = " · ".join(text(document.title, x) for x in pair)
        data["inLanguage"] = [x.lang for x in pair]
    else:
        data["headline"] = text(document.title, language)
        data["inLanguage"] = language.lang
    data["url"] = link(page.url)
    if document.date:
        data["datePublished"] = document.date
    if document.author:
        name = text(document.author, language or site.pair[0])
        data["author"] = {"@type": "Person", "name": name}
    original = site.pair[0]
    versions = [
        _version(site.page_of(document, x.code), x, document, link, text)
        for x in site.config.languages
    ]
    if language is None or language is original:
        data["workTranslation"] = [v for v in versions if v["inLanguage"] != original.lang]
    else:
        data["translationOfWork"] = versions[site.config.languages.index(original)]
    return data


def json_ld(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json">: `<`, `>` and `&` as \\u escapes, so
    no text can close the script (`</script>`) or open a comment (`<!--`)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _version(page: Page, language: Language, document: Document, link: Linker, text: Text) -> dict:
    return {
        "@type": "Article",
        "inLanguage": language.lang,
        "headline": text(document.title, language),
        "url": link(page.url),
    }


def _language(site: Site, variant: str) -> Language | None:
    if variant == BOTH:
        return None
    return next(x for x in site.config.languages if x.code == variant)
