"""The data files: a document's JSON and TMX, the TimelineJS timeline, and what crawlers read
(robots.txt, sitemap.xml, .nojekyll)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from markupsafe import escape

from ..align.segments import Derived
from ..align.timeline import Entry, timelinejs_data
from ..model.content import Document, Milestone
from ..model.site import PageKind, Site
from .context import milestone_date
from .metadata import alternates, link
from .text import Texts
from .tmx import render_tmx

# Pages per sitemap file: the protocol allows 50,000 URLs and 50 MB, and a page's entry
# with its language alternates is some 500 bytes. A larger site's sitemap.xml is an index.
SITEMAP_SIZE = 10_000


def document_json(document: Document, derived: Derived) -> bytes:
    """data/<slug>.json per the contract: every paragraph with its aligned groups."""
    data = {
        "slug": document.slug,
        "title": document.title,
        "paragraphs": [
            {
                "en": p.en,
                "zh": p.zh,
                "kind": p.kind,
                "segments": [
                    {"en": s.en, "zh": s.zh, "confidence": round(s.confidence, 3)} for s in groups
                ],
                # The language that may no longer translate the other, when one side changed
                # since the pair was last reviewed.
                **({"outdated": p.outdated} if p.outdated else {}),
            }
            for p, groups in zip(document.paragraphs, derived.groups, strict=True)
        ],
        "milestones": [_milestone_data(m) for m in document.milestones],
    }
    return _json(data)


def document_tmx(document: Document, derived: Derived, site: Site, texts: Texts) -> bytes:
    left, right = site.pair
    return render_tmx(document, derived.groups, (left.lang, right.lang), texts.plain)


def timeline_json(site: Site, texts: Texts, timeline: Sequence[Entry]) -> bytes:
    """data/timeline.json for TimelineJS: English headlines, the Chinese beside them."""
    left, right = site.pair
    config = site.config

    def describe(entry: Entry) -> tuple[str, str, str]:
        target = f"{entry.document.slug}/#{entry.anchor}"
        href = config.base_url + target if config.base_url else f"../{target}"
        text = (
            f'<p lang="{escape(right.lang)}">{escape(texts.text(entry.milestone, right))}'
            f" ({escape(milestone_date(texts, entry, right))})</p>"
            f'<p><a href="{escape(href)}">{escape(entry.document.title["en"])}</a></p>'
        )
        display = escape(milestone_date(texts, entry, left))
        return display, escape(texts.text(entry.milestone, left)), text

    # TimelineJS puts every text field into the page as HTML: all of them escaped.
    title = (
        escape(texts.text(config.title, left)),
        f'<p lang="{escape(right.lang)}">{escape(texts.text(config.title, right))}</p>',
    )
    return _json(timelinejs_data(list(timeline), title, describe))


def crawler_files(site: Site, render_sitemap: Callable[..., str]) -> dict[str, bytes]:
    """robots.txt, .nojekyll (GitHub Pages: serve files as they are) and, when the
    site's address is known, sitemap.xml with every page's language alternates."""
    config = site.config
    robots = "User-agent: *\nAllow: /\n"
    files = {".nojekyll": b""}
    if config.base_url:
        robots += f"\nSitemap: {config.base_url}sitemap.xml\n"
        files |= _sitemaps(site, render_sitemap)
    files["robots.txt"] = robots.encode("utf-8")
    return files


def _sitemaps(site: Site, render_sitemap: Callable[..., str]) -> dict[str, bytes]:
    """sitemap.xml with every page; over SITEMAP_SIZE pages, sitemap-1.xml, sitemap-2.xml
    ... of that many each, and sitemap.xml the index of them."""
    config = site.config
    pages = [p for p in site.pages if p.kind != PageKind.NOT_FOUND]
    parts = [pages[i : i + SITEMAP_SIZE] for i in range(0, len(pages), SITEMAP_SIZE)]
    files = {
        f"sitemap-{n}.xml" if len(parts) > 1 else "sitemap.xml": render_sitemap(
            pages=part,
            url=lambda page: link(config, None, page.url),
            alternates=lambda page: alternates(page, config),
        ).encode("utf-8")
        for n, part in enumerate(parts, start=1)
    }
    if len(parts) > 1:
        entries = "".join(
            f"  <sitemap><loc>{escape(link(config, None, name))}</loc></sitemap>\n"
            for name in files
        )
        files["sitemap.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</sitemapindex>\n"
        ).encode()
    return files


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _milestone_data(milestone: Milestone) -> dict:
    """A milestone as the content has it; the optional keys only when set."""
    data = {
        "date": milestone.date,
        "en": milestone.en,
        "zh": milestone.zh,
        "paragraph": milestone.paragraph,
    }
    optional = {"qualifier": milestone.qualifier, "sentence": milestone.sentence}
    return data | {key: value for key, value in optional.items() if value is not None}
