"""`build.py check`: broken links, missing anchors and one-sided hreflang are found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import make_project, many_documents, run_build_py
from sitegen.check import ERROR, check_files, run_check
from sitegen.pipeline import build

LINKED = """\
title: {en: "Links", zh: "連結"}
paragraphs:
  - en: "See [the foreword](../../foreword/) and [paragraph 9](#p9)."
    zh: "見[序言](../../foreword/)。"
"""


def test_the_real_site_has_no_errors_under_a_sub_path() -> None:
    from conftest import REPO

    findings = run_check(REPO, base_url="https://example.org/guide/")
    assert [str(f) for f in findings] == []


def test_check_passes_strictly_on_the_real_project_from_the_command_line() -> None:
    result = run_build_py("check", "--strict", "--base-url", "https://example.org/guide/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout


def test_broken_links_and_anchors_are_errors(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"content/links.yaml": LINKED})
    messages = [str(f) for f in run_check(project, base_url="https://example.org/")]
    expected = re.compile(
        r"_site/en/links/index\.html:\d+: the link '\.\./\.\./foreword/' leads to"
        r" foreword/index\.html, which the site does not have"
    )
    assert any(expected.fullmatch(m) for m in messages), messages
    assert any("points to #p9, which en/links/index.html does not have" in m for m in messages)


def test_hreflang_must_be_reciprocal() -> None:
    files = {
        "a/index.html": b'<link rel="alternate" hreflang="en" href="../a/">'
        b'<link rel="alternate" hreflang="zh-HK" href="../b/">',
        "b/index.html": b'<link rel="alternate" hreflang="zh-HK" href="../b/">',
    }
    findings = check_files(files, "https://example.org/", "_site")
    assert [str(f.problem) for f in findings if f.level == ERROR] == [
        "_site/a/index.html:1: hreflang zh-HK leads to b/index.html, whose alternates differ"
        " (not reciprocal)",
    ]


def test_check_command_exit_codes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"content/links.yaml": LINKED})
    broken = run_build_py("check", "--project", str(project))
    assert broken.returncode == 1
    assert "does not have" in broken.stderr
    (project / "content" / "links.yaml").unlink()
    (project / "content" / "fine.yaml").write_text(
        'title: {en: "Fine", zh: "好"}\nparagraphs:\n  - {en: "Yes.", zh: "是。"}\n',
        encoding="utf-8",
    )
    assert run_build_py("check", "--project", str(project)).returncode == 0
    strict = run_build_py("check", "--strict", "--project", str(project))
    assert strict.returncode == 1, "the no-base-url warning fails a strict check"
    assert "no base_url" in strict.stderr


def test_every_page_lists_every_language_version(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_build_py("build", "--out", str(out), "--base-url", "https://e.org/").returncode == 0
    pages = [p for p in out.rglob("*.html") if p.name != "404.html"]
    assert len(pages) == 16  # home, timeline, contents, foreword: side by side + 3 languages each
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="https://e\.org/', html)
        assert sorted(found) == ["en", "x-default", "zh-HK", "zh-Hans"], page
        assert '<link rel="canonical" href="https://e.org/' in html


def test_sitemap_lists_every_page_with_reciprocal_alternates(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    out = tmp_path / "site"
    assert (
        run_build_py("build", "--out", str(out), "--base-url", "https://e.org/g/").returncode == 0
    )
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(out / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    pages = sorted(
        "https://e.org/g/" + p.relative_to(out).as_posix().removesuffix("index.html")
        for p in out.rglob("*.html")
        if p.name != "404.html"
    )
    assert sorted(entries) == pages
    for loc, links in entries.items():
        assert loc in links.values()
        for href in links.values():
            assert entries[href] == links, f"{loc} and {href} disagree"
    assert "Sitemap: https://e.org/g/sitemap.xml" in (out / "robots.txt").read_text()


def test_alignment_warnings_name_a_sentence_without_translation_and_low_confidence() -> None:
    from sitegen.align.segments import Derived, Segment
    from sitegen.check import check_alignment
    from sitegen.model.config import load_site_config
    from sitegen.model.load import load_site

    repo = Path(__file__).resolve().parent.parent
    document = load_site(repo, load_site_config(repo)).documents[0]
    first, second = document.paragraphs[0], document.paragraphs[1]
    groups = [
        # However sure the aligner is, a sentence with no counterpart is for a reviewer.
        (Segment(first.en, "", 0.99), Segment("", first.zh, 0.99)),
        (Segment(second.en, second.zh, 0.3),),
        *((Segment(p.en, p.zh, 0.95),) for p in document.paragraphs[2:]),
    ]
    derived = Derived(tuple(groups), tuple(len(g) for g in groups))
    messages = [finding.problem.message for finding in check_alignment(document, derived)]
    alignment = [m for m in messages if "confidence" in m or "has no" in m]
    assert alignment[0].startswith("paragraph 1, sentence group 1 has no Chinese")
    assert alignment[1].startswith("paragraph 1, sentence group 2 has no English")
    assert alignment[2].startswith("paragraph 2, sentence group 1 is aligned with low confidence")
    assert len(alignment) == 3


def test_a_large_sitemap_is_an_index_of_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over SITEMAP_SIZE pages (the protocol's limit is 50,000 URLs a file), sitemap.xml
    indexes sitemap-1.xml, sitemap-2.xml …, which list every page once between them; a
    rebuild of a site small enough again removes them."""
    from xml.etree import ElementTree

    project, out = many_documents(tmp_path / "project", 4), tmp_path / "site"
    extra = sorted((project / "content").glob("*.yaml"))[1:]
    texts = {path: path.read_text(encoding="utf-8") for path in extra}
    for path in extra:
        path.unlink()
    one_document = build(project, out_dir=out, base_url="https://e.org/g/").pages - 1  # no 404
    monkeypatch.setattr("sitegen.render.exports.SITEMAP_SIZE", one_document)
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    build(project, out_dir=out, base_url="https://e.org/g/")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ElementTree.parse(out / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [loc.text or "" for loc in index.findall("s:sitemap/s:loc", ns)]
    assert parts == [f"https://e.org/g/sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    locs = []
    for part in parts:
        root = ElementTree.parse(out / part.removeprefix("https://e.org/g/")).getroot()
        assert len(root.findall("s:url", ns)) <= one_document
        locs += [url.findtext("s:loc", namespaces=ns) for url in root.findall("s:url", ns)]
    pages = sorted(
        "https://e.org/g/" + p.relative_to(out).as_posix().removesuffix("index.html")
        for p in out.rglob("*.html")
        if p.name != "404.html"
    )
    assert len(parts) > 1 and sorted(locs) == pages
    for path in extra:
        path.unlink()
    build(project, out_dir=out, base_url="https://e.org/g/")
    assert not list(out.glob("sitemap-*.xml"))
    assert len(ElementTree.parse(out / "sitemap.xml").getroot().findall("s:url", ns)) == (
        one_document
    )
