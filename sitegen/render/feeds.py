"""Atom feeds (RFC 4287), one per reading language: the newest dated documents first.

Ids are `urn:uuid:` names derived from the site (its base URL, or its English title when
it has none) and the page's address, so they are stable from build to build and need no
domain; links are absolute with a base URL, and relative to the feed without one (feed
readers resolve them against the feed's own address). A feed with no dated document is
valid and empty, `updated` 1970-01-01: a build never writes the time it ran.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from ..model.config import Language
from ..model.content import Document
from ..model.site import Site, relative_url
from ..model.units import feed_documents
from .metadata import link
from .text import Texts

EPOCH = "1970-01-01T00:00:00Z"


def feed_files(site: Site, texts: Texts, render: Callable[..., str]) -> dict[str, bytes]:
    """Every language's feed (output path -> bytes), through the feed.xml template."""
    documents = feed_documents(site)
    files = {}
    for language in site.config.languages:
        path = site.feed_path(language)
        entries = [_entry(site, texts, d, language, path) for d in documents]
        others = [
            (x.hreflang, _href(site, path, site.feed_path(x)))
            for x in site.config.languages
            if x is not language
        ]
        feed = render(
            language=language,
            id=_id(site, path),
            title=texts.text(site.config.title, language),
            updated=entries[0]["updated"] if entries else EPOCH,
            self_href=_href(site, path, path),
            home_href=_href(site, path, site.homes[language.code].url),
            others=others,
            entries=entries,
        )
        files[path] = feed.encode("utf-8")
    return files


def _entry(site: Site, texts: Texts, document: Document, language: Language, path: str) -> dict:
    page = site.page_of(document, language.code)
    assert document.date is not None
    author = texts.text(document.author or site.config.title, language)
    return {
        "id": _id(site, page.url),
        "title": texts.text(document.title, language),
        "updated": _timestamp(document.date),
        "href": _href(site, path, page.url),
        "author": author,
    }


def _timestamp(date: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD as an RFC 3339 time: its first day, at midnight UTC."""
    year, month, day = ([*date.split("-"), "01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def _id(site: Site, url: str) -> str:
    config = site.config
    name = (config.base_url or f"sitegen:{config.title['en']}/") + url
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _href(site: Site, feed_path: str, to_url: str) -> str:
    """Absolute with a base URL; else relative to the feed's own address."""
    if site.config.base_url:
        return link(site.config, None, to_url)
    return relative_url(feed_path, to_url)
