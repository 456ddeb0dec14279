"""The guide as a publication (#18): sections and reading order, document dates, authors and
source files, contents pages, previous/next and breadcrumbs in every view, Atom feeds and
JSON-LD; and what a rebuild renders again after an edit."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest

from conftest import REPO, make_project
from sitegen.model import guide as guide_module
from sitegen.model.config import load_site_config
from sitegen.model.load import load_site
from sitegen.pipeline import build
from sitegen.render.pages import Renderer
from sitegen.render.structured import json_ld

GUIDE = REPO / "tests" / "fixtures" / "guide"
ORDER = [
    *("chairman", "secretary", "commissioner", "president"),
    *("telecoms", "broadcasting", "data-centres", "cybersecurity"),
    *("members", "events", "glossary"),
    "guide-12",  # in no section: after them all
]
VARIANTS = {"": "both", "en/": "en", "tc/": "tc", "sc/": "sc"}


def guide_project(root: Path) -> Path:
    """The fixture guide (three sections, a dozen documents) with the real templates."""
    project = make_project(root)
    shutil.copy(GUIDE / "site.yaml", project / "site.yaml")
    shutil.rmtree(project / "content")
    shutil.copytree(GUIDE / "content", project / "content")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("guide")
    out = root / "out"
    build(guide_project(root / "project"), out_dir=out, base_url="https://example.org/guide/")
    return out


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_documents_follow_the_sections_then_date_and_name(tmp_path: Path) -> None:
    project = guide_project(tmp_path / "p")
    site = load_site(project, load_site_config(project))
    assert [d.slug for d in site.documents] == ORDER
    chapters = site.guide.chapters
    assert [(c.number, c.title and c.title["en"]) for c in chapters] == [
        (1, "Messages"),
        (2, "The industry in 2024"),
        (3, "Annexes"),
        (0, None),
    ]
    chairman = site.documents[0]
    assert chairman.date == "2025-01-15"  # unquoted in the file: read as text all the same
    assert chairman.author == {"en": "Chan Tai Man", "zh": "陳大文"}
    assert site.documents[1].author == {"en": "Lee Siu Ming", "zh": "Lee Siu Ming"}


def test_unlisted_documents_come_dated_first_by_date_then_by_name(tmp_path: Path) -> None:
    def document(title: str, date: str | None) -> str:
        dated = f'date: "{date}"\n' if date else ""
        body = 'paragraphs:\n  - {en: "A.", zh: "甲。"}\n'
        return f'title: {{en: "{title}", zh: "文"}}\n{dated}{body}'

    project = make_project(
        tmp_path / "p",
        {
            "content/zeta.yaml": document("Z", None),
            "content/alpha.yaml": document("A", None),
            "content/late.yaml": document("L", "2024-03"),
            "content/early.yaml": document("E", "2024"),
        },
    )
    site = load_site(project, load_site_config(project))
    assert [d.slug for d in site.documents] == ["early", "late", "alpha", "zeta"]


def test_every_view_has_breadcrumbs_and_previous_next(built: Path) -> None:
    for prefix in VARIANTS:
        for index, slug in enumerate(ORDER):
            html = read(built, f"{prefix}{slug}/index.html")
            crumbs = re.search(
                r'<nav class="breadcrumbs" aria-label="[^"]+">(.*?)</nav>', html, re.S
            )
            assert crumbs, f"/{prefix}{slug}/ has no breadcrumbs"
            links = re.findall(r'<a href="([^"]+)"', crumbs[1])
            assert len(links) == (2 if slug == "guide-12" else 3)
            assert (
                f'href="../../{prefix}{slug}/" aria-current="page"'.replace(
                    "../../", "../" * (prefix.count("/") + 1)
                )
                in crumbs[1]
            )
            has_prev = re.search(r'<link rel="prev" href="[^"]+">', html)
            has_next = re.search(r'<link rel="next" href="[^"]+">', html)
            assert bool(has_prev) == (index > 0) and bool(has_next) == (index < len(ORDER) - 1)
            if index < len(ORDER) - 1:
                after = ORDER[index + 1]
                assert re.search(rf'class="pager-next" rel="next" href="[^"]*{after}/"', html)
    both = read(built, "telecoms/index.html")  # side by side: both titles of each neighbour
    assert "Message from the President" in both and "會長獻辭" in both
    assert "Broadcasting" in both and "廣播" in both
    assert 'href="../contents/#section-2"' in both  # the section links to its contents


def test_contents_list_every_section_in_every_view(built: Path) -> None:
    for prefix in VARIANTS:
        html = read(built, f"{prefix}contents/index.html")
        found = re.findall(r'<a href="(?:\.\./)*(?:[a-z]{2}/)?([a-z0-9-]+)/">', html)
        assert [s for s in found if s in ORDER][: len(ORDER)] == ORDER
        assert 'id="section-1"' in html and 'id="section-3"' in html
    assert "附錄" in read(built, "tc/contents/index.html")
    assert "附录" in read(built, "sc/contents/index.html")  # converted to Simplified
    cover = read(built, "en/index.html")
    assert "Messages" in cover and 'href="../en/contents/"' in cover and 'en/timeline/"' in cover


def test_a_large_contents_is_paginated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guide_module, "CONTENTS_PAGE_SIZE", 5)
    out = tmp_path / "out"
    build(guide_project(tmp_path / "p"), out_dir=out)
    pages = sorted(p.relative_to(out).as_posix() for p in (out / "en/contents").rglob("*.html"))
    assert pages == [
        "en/contents/index.html",
        "en/contents/page/2/index.html",
        "en/contents/page/3/index.html",
    ]
    second = read(out, "en/contents/page/2/index.html")
    assert '<link rel="prev" href="../../../../en/contents/">' in second
    assert '<link rel="next" href="../../../../en/contents/page/3/">' in second
    assert "(continued)" in second  # section 2 runs on from page 1
    # A document of section 3 (which starts on page 2) links to where its section starts.
    assert 'href="../../en/contents/page/2/#section-3"' in read(out, "en/glossary/index.html")


def test_the_feeds_parse_newest_first_with_alternates(built: Path) -> None:
    dated = ["guide-12", "chairman", "commissioner", "secretary", "president", "telecoms"]
    for code, lang in (("en", "en"), ("tc", "zh-Hant-HK"), ("sc", "zh-Hans")):
        feed = feedparser.parse(read(built, f"{code}/feed.xml"))
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "atom10"
        assert feed.feed.language == lang
        links = [e.link for e in feed.entries]
        assert links[:6] == [f"https://example.org/guide/{code}/{slug}/" for slug in dated]
        assert len(feed.entries) == 10  # the two undated documents are left out
        others = {
            x.hreflang: x.href
            for x in feed.feed.links
            if x.type == "application/atom+xml" and x.rel == "alternate"
        }
        assert set(others) == {"en", "zh-HK", "zh-Hans"} - {feed.feed.links[1].hreflang}
        assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
    english = feedparser.parse(read(built, "en/feed.xml"))
    assert english.entries[1].author == "Chan Tai Man"
    assert english.entries[1].updated == "2025-01-15T00:00:00Z"
    page = read(built, "tc/chairman/index.html")
    assert '<link rel="alternate" type="application/atom+xml" hreflang="zh-HK"' in page
    assert 'href="https://example.org/guide/en/feed.xml"' not in page  # not another language's


def test_document_pages_carry_json_ld_between_their_versions(built: Path) -> None:
    def article(path: str) -> dict:
        html = read(built, path)
        return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])

    english, chinese = article("en/chairman/index.html"), article("tc/chairman/index.html")
    assert english["@type"] == "Article" and english["inLanguage"] == "en"
    assert english["datePublished"] == "2025-01-15"
    assert english["author"] == {"@type": "Person", "name": "Chan Tai Man"}
    assert {t["url"] for t in english["workTranslation"]} == {
        "https://example.org/guide/tc/chairman/",
        "https://example.org/guide/sc/chairman/",
    }
    assert chinese["translationOfWork"]["url"] == "https://example.org/guide/en/chairman/"
    assert chinese["author"]["name"] == "陳大文"
    assert "datePublished" not in article("en/members/index.html")
    assert article("chairman/index.html")["inLanguage"] == ["en", "zh-Hant-HK"]


def test_json_ld_cannot_close_its_script() -> None:
    text = json_ld({"headline": "</script><!-- & -->"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["headline"] == "</script><!-- & -->"


def test_the_source_file_is_copied_and_linked(built: Path) -> None:
    copied = built / "data/source/chairman/chairman.txt"
    assert copied.read_bytes() == (GUIDE / "content/chairman.txt").read_bytes()
    assert 'href="../../data/source/chairman/chairman.txt"' in read(built, "en/chairman/index.html")
    assert "data/source" not in read(built, "en/secretary/index.html")


def test_a_paragraph_edit_renders_no_list_page_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[str] = []
    page_renderer, site_wide = Renderer.render_page, Renderer.render_site_wide
    monkeypatch.setattr(
        Renderer,
        "render_page",
        lambda self, page, *a: rendered.append(page.url) or page_renderer(self, page, *a),
    )
    monkeypatch.setattr(
        Renderer,
        "render_site_wide",
        lambda self, unit, *a: rendered.append(unit.name) or site_wide(self, unit, *a),
    )
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 1)
    project, out = guide_project(tmp_path / "p"), tmp_path / "out"
    build(project, out_dir=out)
    telecoms = project / "content/telecoms.yaml"

    rendered.clear()  # a paragraph: only the document itself
    telecoms.write_text(
        telecoms.read_text("utf-8").replace("paragraph 2.", "paragraph two."), "utf-8"
    )
    build(project, out_dir=out)
    assert sorted(rendered) == sorted(f"{p}telecoms/" for p in VARIANTS)

    rendered.clear()  # a title: the document, its neighbours, and the lists that show it
    telecoms.write_text(
        telecoms.read_text("utf-8").replace("Telecommunications", "Telecoms"), "utf-8"
    )
    build(project, out_dir=out)
    documents = {
        url.split("/")[-2] for url in rendered if url.endswith("/") and "contents" not in url
    }
    assert documents >= {"telecoms", "president", "broadcasting"} and "chairman" not in documents
    assert {"*contents-1*", "*feeds*", "*home*"} <= set(rendered)
    assert "Telecoms" in read(out, "en/feed.xml") and "Telecoms" in read(
        out, "en/broadcasting/index.html"
    )


def test_the_preview_renders_a_neighbour_again_when_a_title_changes(tmp_path: Path) -> None:
    from sitegen.preview.session import PreviewStages

    project, out, stages = guide_project(tmp_path / "p"), tmp_path / "preview", PreviewStages()
    build(project, out, base_url="", stages=stages)
    telecoms = project / "content/telecoms.yaml"
    telecoms.write_text(
        telecoms.read_text("utf-8").replace("paragraph 2.", "paragraph two."), "utf-8"
    )
    build(project, out, base_url="", stages=stages)
    # (The preview renders the timeline after any edit: its template reads every document.)
    pages = {n for n in stages.rendered if n.endswith(".html") and "timeline/" not in n}
    assert pages == {f"{p}telecoms/index.html" for p in VARIANTS}  # nor home, nor contents

    telecoms.write_text(
        telecoms.read_text("utf-8").replace("Telecommunications", "Telecoms"), "utf-8"
    )
    build(project, out, base_url="", stages=stages)
    rendered = set(stages.rendered)
    assert {"en/broadcasting/index.html", "tc/president/index.html", "en/feed.xml"} <= rendered
    assert "en/chairman/index.html" not in rendered
    assert "Telecoms" in read(out, "en/broadcasting/index.html")
