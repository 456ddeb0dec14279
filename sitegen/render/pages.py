"""Render the site model through the Jinja2 templates into bytes, keyed by output path."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..align.segments import Segment, segment_document
from ..align.timeline import Entry, by_year, timeline_entries, timelinejs_data
from ..errors import Problem, SiteError
from ..model.config import Language
from ..model.content import Document, Milestone, Paragraph
from ..model.site import BOTH, Page, Site, relative_url
from ..output.cache import MANIFEST, SITE_WIDE, BuildCache, site_wide_key
from ..output.parallel import Sink, render_documents
from ..output.staging import PREVIOUS
from ..text.dates import format_qualified
from .convert import Converters
from .markup import InlineMarkdown, plain_text
from .metadata import alternates, describe, link
from .tmx import render_tmx

TEMPLATES_DIR = "templates"
TIMELINE_DATA = "data/timeline.json"


def make_environment(project: Path) -> jinja2.Environment:
    """Strict templates: autoescape everywhere, and an undefined name is an error."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(project / TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class Renderer:
    """Holds what is costly to create (templates, Markdown, OpenCC) for a whole build."""

    def __init__(self, site: Site, project: Path, asset_url: Callable[[str], str]) -> None:
        self.site = site
        self.env = make_environment(project)
        self.markdown = InlineMarkdown(allow_html=site.config.allow_html)
        self.converters = Converters()
        self.asset_url = asset_url  # site-root-relative URL of a static file
        self._segments: dict[int, tuple[Document, tuple[tuple[Segment, ...], ...]]] = {}
        self._timeline: list[Entry] | None = None
        self._group_counts: dict[str, list[int]] = {}  # slug -> groups per paragraph
        self.workers = 1  # processes to render documents with (see parallel.py)
        self.cache: BuildCache | None = None  # set by the build (buildcache.py)

    def render_site(self, sink: Sink, progress: Callable[[int], None] = lambda done: None) -> None:
        """Every page and data file, handed to `sink(path, bytes or PREVIOUS)` as soon as
        it is rendered; template mistakes are reported with file:line.

        Documents first (over `self.workers` processes), then the pages that list them all;
        `progress` hears how many documents each step finished.
        """
        documents = self._reuse_cached(sink)
        progress(len(self.site.documents) - len(documents))
        for counts in render_documents(self, documents, self.workers, sink, progress):
            self._group_counts.update(counts)
        if self.cache is None:
            self._render_site_wide(sink)
            return
        for document in documents:
            files = self.document_files(document)
            self.cache.record(document, files, self._group_counts[document.slug])
        key = site_wide_key(self.site.documents, self._group_counts)
        cached = self.cache.lookup_entry(SITE_WIDE, key)
        if cached is None:
            files = self._render_site_wide(sink)
        else:
            files = list(cached.files)
            for name in files:
                sink(name, PREVIOUS)
        self.cache.record_entry(SITE_WIDE, key, files, [])
        sink(MANIFEST, self.cache.manifest())

    def _render_site_wide(self, sink: Sink) -> list[str]:
        """The pages that list every document (home, timeline, 404) and the crawler and
        timeline files; returns their names."""
        files = {}
        for page in self.site.pages:
            if page.document is None:
                files[page.dest_path] = self.render_page(page).encode("utf-8")
        files[TIMELINE_DATA] = self.render_timeline_data().encode("utf-8")
        files.update(self.render_crawler_files())
        for name, data in files.items():
            sink(name, data)
        return list(files)

    def _reuse_cached(self, sink: Sink) -> list[Document]:
        """Hand on the files of documents the build cache has as PREVIOUS; return the rest."""
        if self.cache is None:
            return list(self.site.documents)
        to_render = []
        for document in self.site.documents:
            cached = self.cache.lookup(document)
            if cached is None:
                to_render.append(document)
                continue
            for name in cached.files:
                sink(name, PREVIOUS)
            self._group_counts[document.slug] = list(cached.counts)
            self.cache.record(document, list(cached.files), list(cached.counts))
        return to_render

    def document_files(self, document: Document) -> list[str]:
        """What render_document writes for a document."""
        pages = [page.dest_path for page in self.site.pages_by_slug[document.slug]]
        return [*pages, f"data/{document.slug}.json", f"data/{document.slug}.tmx"]

    def render_document(self, document: Document) -> dict[str, bytes]:
        """A document's pages and its JSON and TMX exports."""
        output = {
            page.dest_path: self.render_page(page).encode("utf-8")
            for page in self.site.pages_by_slug[document.slug]
        }
        json_path, tmx_path = self.document_files(document)[-2:]
        output[json_path] = self.render_data(document).encode("utf-8")
        output[tmx_path] = self.render_tmx(document)
        return output

    def group_counts(self, document: Document) -> list[int]:
        """How many sentence groups each paragraph has (what the timeline's links need);
        0 for a heading, which the pages show without sentence anchors."""
        counts = self._group_counts.get(document.slug)
        if counts is None or len(counts) != len(document.paragraphs):
            groups = self.segments(document)
            counts = [
                0 if p.is_heading else len(g)
                for p, g in zip(document.paragraphs, groups, strict=True)
            ]
        return counts

    def render_crawler_files(self) -> dict[str, bytes]:
        """robots.txt, .nojekyll (GitHub Pages: serve files as they are) and, when the
        site's address is known, sitemap.xml with every page's language alternates."""
        config = self.site.config
        robots = "User-agent: *\nAllow: /\n"
        files = {".nojekyll": b""}
        if config.base_url:
            robots += f"\nSitemap: {config.base_url}sitemap.xml\n"
            pages = [p for p in self.site.pages if p.kind != "not_found"]
            sitemap = self._template("sitemap.xml").render(
                pages=pages,
                url=lambda page: link(config, None, page.url),
                alternates=lambda page: alternates(page, config),
            )
            files["sitemap.xml"] = sitemap.encode("utf-8")
        files["robots.txt"] = robots.encode("utf-8")
        return files

    def _template(self, name: str) -> jinja2.Template:
        try:
            return self.env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise SiteError(Problem(_template_file(exc.name), exc.lineno, exc.message)) from exc
        except jinja2.TemplateNotFound as exc:
            raise SiteError(Problem(TEMPLATES_DIR, None, f"template {exc.name} not found")) from exc

    def render_page(self, page: Page) -> str:
        template = self._template(page.template)
        try:
            return template.render(self._context(page))
        except jinja2.TemplateSyntaxError as exc:  # an included template's syntax error
            raise SiteError(Problem(_template_file(exc.name), exc.lineno, exc.message)) from exc
        except jinja2.UndefinedError as exc:
            raise SiteError(_runtime_problem(exc, page)) from exc
        except jinja2.TemplateNotFound as exc:  # an include or import of a missing file
            message = f"includes {exc.name}, which is not in {TEMPLATES_DIR}/"
            raise SiteError(_runtime_problem(exc, page, message)) from exc

    def text(self, pair: dict[str, str] | Paragraph | Milestone, language: Language) -> str:
        """The plain text a language reads: the content field, converted if derived."""
        raw = pair[language.text] if isinstance(pair, dict) else getattr(pair, language.text)
        return self.converters.convert(raw, language.convert)

    def html(self, paragraph: Paragraph, language: Language) -> Markup:
        return self.markdown.render(self.text(paragraph, language))

    def segments(self, document: Document) -> tuple[tuple[Segment, ...], ...]:
        """The sentence alignment of a document, computed once per document object."""
        cached = self._segments.get(id(document))
        if cached is None or cached[0] is not document:
            cached = self._segments[id(document)] = (document, segment_document(document))
        return cached[1]

    def sentences(
        self, document: Document, index: int, language: Language
    ) -> list[tuple[Markup, str]]:
        """Paragraph `index` (0-based) as (sentence HTML, whitespace after it) per group."""
        result = []
        for segment in self.segments(document)[index]:
            raw = self.converters.convert(getattr(segment, language.text), language.convert)
            stripped = raw.rstrip()
            result.append((self.markdown.render(stripped), raw[len(stripped) :]))
        return result

    def render_tmx(self, document: Document) -> bytes:
        left, right = self.site.pair
        plain = lambda text: plain_text(self.markdown.render(text))  # noqa: E731
        return render_tmx(document, self.segments(document), (left.lang, right.lang), plain)

    def timeline(self) -> list[Entry]:
        """Every milestone in date order (computed once per build)."""
        if self._timeline is None:
            self._timeline = timeline_entries(self.site.documents, self.group_counts)
        return self._timeline

    def milestone_date(self, entry: Entry, language: Language) -> str:
        """The entry's date the Hong Kong way, with its qualifier ("later in 2024")."""
        milestone = entry.milestone
        shown = format_qualified(milestone.date, milestone.qualifier, language.text)
        return self.converters.convert(shown, language.convert)

    def source_of(self, entry: Entry, language: Language) -> str:
        """Where a milestone comes from, e.g. "Foreword, paragraph 4" (site.yaml's wording)."""
        title = self.text(entry.document.title, language)
        wording = language.strings["source"]
        return wording.replace("{title}", title).replace(
            "{paragraph}", str(entry.milestone.paragraph)
        )

    def render_timeline_data(self) -> str:
        """data/timeline.json for TimelineJS: English headlines, the Chinese beside them."""
        left, right = self.site.pair
        config = self.site.config

        def describe(entry: Entry) -> tuple[str, str, str]:
            target = f"{entry.document.slug}/#{entry.anchor}"
            href = config.base_url + target if config.base_url else f"../{target}"
            text = (
                f'<p lang="{escape(right.lang)}">{escape(self.text(entry.milestone, right))}'
                f" ({escape(self.milestone_date(entry, right))})</p>"
                f'<p><a href="{escape(href)}">{escape(entry.document.title["en"])}</a></p>'
            )
            display = escape(self.milestone_date(entry, left))
            return display, escape(self.text(entry.milestone, left)), text

        # TimelineJS puts every text field into the page as HTML: all of them escaped.
        title = (
            escape(self.text(config.title, left)),
            f'<p lang="{escape(right.lang)}">{escape(self.text(config.title, right))}</p>',
        )
        data = timelinejs_data(self.timeline(), title, describe)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def render_data(self, document: Document) -> str:
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
                        {"en": s.en, "zh": s.zh, "confidence": round(s.confidence, 3)}
                        for s in groups
                    ],
                }
                for p, groups in zip(document.paragraphs, self.segments(document), strict=True)
            ],
            "milestones": [_milestone_data(m) for m in document.milestones],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def _context(self, page: Page) -> dict:
        site = self.site
        config = site.config
        languages = {x.code: x for x in config.languages}
        language = languages.get(page.variant)
        left, right = site.pair
        home = site.homes

        def url(target: Page | str, fragment: str = "") -> str:
            to_url = target.url if isinstance(target, Page) else target
            # A host serves 404.html at any missing address, where relative links would
            # break: with a known base URL, the 404 page links absolutely.
            if page.kind == "not_found" and config.base_url:
                link = config.base_url + to_url
            else:
                link = relative_url(page.url, to_url)
            return link + (f"#{fragment}" if fragment else "")

        return {
            "site": config,
            "page": page,
            "language": language,  # None on side-by-side pages
            "lang": language or left,  # the language of the page's own interface
            "pair": (left, right),
            "languages": config.languages,
            "strings": (language or left).strings,
            "home": home[page.variant if page.variant in home else BOTH],
            "homes": home,
            "documents": site.documents,
            "document": page.document,
            "url": url,
            "asset": lambda name: url(self.asset_url(name)),
            "text": self.text,
            "html": self.html,
            "sentences": self.sentences,
            "timeline": by_year(self.timeline()) if page.kind == "timeline" else None,
            "milestone_date": self.milestone_date,
            "source_of": self.source_of,
            "is_both": page.variant == BOTH,
            "alternates": [
                (x.hreflang, link(config, page, x.page.url)) for x in alternates(page, config)
            ],
            "canonical": (
                link(config, page, page.url)
                if config.base_url and page.kind != "not_found"
                else None
            ),
            "description": self._description(page, language or left),
        }

    def _description(self, page: Page, language: Language) -> str:
        document = page.document
        if document is None:
            return self.text(self.site.config.title, language)
        first = next((p for p in document.paragraphs if not p.is_heading), document.paragraphs[0])
        return describe(plain_text(self.html(first, language)), language.text)


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


def _template_file(name: str | None) -> str:
    return f"{TEMPLATES_DIR}/{name}" if name else TEMPLATES_DIR


def _runtime_problem(exc: Exception, page: Page, message: str | None = None) -> Problem:
    """Locate a render-time error in the template that raised it (innermost template frame)."""
    tb, where = exc.__traceback__, None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if f"/{TEMPLATES_DIR}/" in filename.replace("\\", "/"):
            where = (filename.replace("\\", "/").rsplit(f"/{TEMPLATES_DIR}/", 1)[1], tb.tb_lineno)
        tb = tb.tb_next
    file, line = (where[0], where[1]) if where else (page.template, None)
    return Problem(_template_file(file), line, f"{message or exc} (while rendering /{page.url})")
