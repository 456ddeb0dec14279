"""`build.py check`: every internal link and #anchor resolves, and hreflang is reciprocal.

Runs on the rendered files in memory (the same render as `build`), so it checks exactly
the bytes that would be published.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .align.consistency import find_inconsistencies
from .align.doubts import length_doubt
from .align.segments import LOW_CONFIDENCE, Derived, Segment, derive_document
from .align.sentences import length_ratio
from .align.timeline import timeline_entries
from .errors import Problem
from .model.config import load_site_config
from .model.content import Document
from .model.load import load_site
from .model.paragraphs import Paragraph
from .model.site import Site
from .model.units import site_wide_units
from .output.assets import load_assets
from .project import CONFIG_FILE, STATIC_DIR
from .render.pages import Renderer

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    level: str
    problem: Problem

    def __str__(self) -> str:
        return str(self.problem) if self.level == ERROR else f"{self.problem} (warning)"


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, href)
    hreflangs: dict[str, tuple[int, str]] = field(default_factory=dict)  # code -> (line, href)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        line = self.getpos()[0]
        if "id" in values:
            self.page.ids.add(values["id"])
        # A page's language versions; a feed's link (type="application/atom+xml") is
        # an alternate of another kind, checked as a plain link.
        alternate = values.get("rel") == "alternate" and "type" not in values
        if tag == "link" and alternate and "hreflang" in values:
            self.page.hreflangs[values["hreflang"]] = (line, values.get("href", ""))
            return
        for attribute in ("href", "src"):
            if attribute in values and tag in ("a", "link", "script", "img", "area"):
                self.page.links.append((line, values[attribute]))


def check_files(files: dict[str, bytes], base_url: str, out_name: str) -> list[Finding]:
    """Findings for a rendered site (output path -> bytes)."""
    pages = {}
    for name, data in sorted(files.items()):
        if name.endswith(".html"):
            collector = _Collector()
            collector.feed(data.decode("utf-8"))
            pages[name] = collector.page
    findings = []
    for name, page in pages.items():
        shown = f"{out_name}/{name}"
        for line, href in page.links:
            message = _broken(name, href, files, pages, base_url)
            if message:
                findings.append(Finding(ERROR, Problem(shown, line, message)))
        findings += _check_hreflang(name, page, pages, base_url, shown)
    if not base_url:
        message = (
            "no base_url: hreflang links are relative, no sitemap.xml is written, and the"
            " 404 page links from the domain's root (/): set base_url if the site is"
            " published under a sub-path (https://example.org/guide/)"
        )
        findings.append(Finding(WARNING, Problem(CONFIG_FILE, None, message)))
    return findings


def _target(page_name: str, href: str, base_url: str) -> tuple[str, str] | None:
    """The output file and fragment a link points to, or None for an outside link."""
    if base_url and href.startswith(base_url):
        href = "/" + href[len(base_url) :]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page_name, parts.fragment
    if path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_name), path))
    if resolved in (".", "") or path.endswith("/"):
        resolved = posixpath.join("" if resolved == "." else resolved, "index.html")
    return resolved, parts.fragment


def _broken(name: str, href: str, files: dict, pages: dict, base_url: str) -> str | None:
    target = _target(name, href, base_url)
    if target is None:
        return None
    path, fragment = target
    if path.startswith("../") or path not in files:
        return f"the link {href!r} leads to {path}, which the site does not have"
    if fragment and (path not in pages or fragment not in pages[path].ids):
        return f"the link {href!r} points to #{fragment}, which {path} does not have"
    return None


def _check_hreflang(name: str, page: _Page, pages: dict, base_url: str, shown: str):
    """Each alternate lists the same versions, this page among them (reciprocal)."""
    findings = []
    targets = {code: _target(name, href, base_url) for code, (_, href) in page.hreflangs.items()}
    paths = {code: t[0] for code, t in targets.items() if t}
    if page.hreflangs and name not in paths.values():
        line = min(line for line, _ in page.hreflangs.values())
        message = "the hreflang alternates do not include the page itself"
        findings.append(Finding(ERROR, Problem(shown, line, message)))
    for code, path in paths.items():
        other = pages.get(path)
        line = page.hreflangs[code][0]
        if other is None:
            message = f"hreflang {code} leads to {path}, which the site does not have"
            findings.append(Finding(ERROR, Problem(shown, line, message)))
            continue
        back = {
            c: t[0] for c, (_, h) in other.hreflangs.items() if (t := _target(path, h, base_url))
        }
        if back != paths:
            message = f"hreflang {code} leads to {path}, whose alternates differ (not reciprocal)"
            findings.append(Finding(ERROR, Problem(shown, line, message)))
    return findings


def run_check(project: Path, base_url: str | None = None) -> list[Finding]:
    """Render the project as `build` would, in memory, and check what would be published,
    then review the sentence alignment of every document (derived once, for both)."""
    config = load_site_config(project, base_url)
    site = load_site(project, config)
    files, derived = render_in_memory(project, site)
    findings = check_files(files, config.base_url, config.output)
    for document in site.documents:
        findings += check_alignment(document, derived[document.slug])
    return findings


def render_in_memory(project: Path, site: Site) -> tuple[dict[str, bytes], dict[str, Derived]]:
    """Every file `build` would write (output path -> bytes), in this process, nothing
    carried over; and every document's derived data."""
    assets = load_assets(project / STATIC_DIR)
    renderer = Renderer(site, project, assets.url)
    derived = {document.slug: derive_document(document) for document in site.documents}
    files: dict[str, bytes] = {}
    for document in site.documents:
        files |= renderer.render_document(document, derived[document.slug])
    timeline = timeline_entries(site.documents, {s: d.counts for s, d in derived.items()})
    for unit in site_wide_units(site):
        files |= renderer.render_site_wide(unit, timeline)
    return files | assets.files, derived


def check_alignment(document: Document, derived: Derived) -> list[Finding]:
    """Warnings: low-confidence sentence groups, and numbers or names one language lacks."""
    findings = []
    ratio = length_ratio((p.en, p.zh) for p in document.paragraphs if not p.is_heading)
    for number, (paragraph, groups) in enumerate(
        zip(document.paragraphs, derived.groups, strict=True), start=1
    ):
        doubt = None if paragraph.is_heading else length_doubt(paragraph.en, paragraph.zh, ratio)
        for reason in filter(None, (doubt, review_doubt(paragraph))):
            problem = Problem(document.src_path, paragraph.line, f"paragraph {number}: {reason}")
            findings.append(Finding(WARNING, problem))
        for index, group in enumerate(groups, start=1):
            where = f"paragraph {number}, sentence group {index}"
            doubt = _group_doubt(group)
            if doubt:
                message = (
                    f"{where} {doubt}: {_quote(group.en)} ↔ {_quote(group.zh)};"
                    " check it, or set segments:"
                )
                findings.append(
                    Finding(WARNING, Problem(document.src_path, paragraph.line, message))
                )
            for sentence in find_inconsistencies(group.en, group.zh):
                problem = Problem(document.src_path, paragraph.line, f"{where}: {sentence}")
                findings.append(Finding(WARNING, problem))
    return findings


def review_doubt(paragraph: Paragraph) -> str | None:
    """Whether one side changed since the pair was last reviewed and the other did not."""
    stale = paragraph.outdated
    if stale is None:
        return None
    changed, other = ("English", "Chinese") if stale == "zh" else ("Chinese", "English")
    return (
        f"the {changed} changed since the {other} was last reviewed; update the {other},"
        " then run `python3 build.py review`"
    )


def _group_doubt(group: Segment) -> str | None:
    """Why a computed group needs a reviewer: a side without a translation (however sure the
    aligner is of it), or a low confidence."""
    if group.is_manual:
        return None
    if not group.en.strip() or not group.zh.strip():
        side = "English" if not group.en.strip() else "Chinese"
        return f"has no {side} (a sentence added or left out in translation?)"
    if group.confidence < LOW_CONFIDENCE:
        return f"is aligned with low confidence ({group.confidence:.2f})"
    return None


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
