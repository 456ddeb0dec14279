"""The year archives (#18): every dated document under its year, newest first, in every
view, paginated for a large year; linked from the cover and from each document's date;
carried over on a rebuild unless what they list changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_guide import VARIANTS, guide_project, read

from conftest import read_tree
from sitegen.model import archive as archive_module
from sitegen.model.archive import year_pages
from sitegen.model.content import Document
from sitegen.output.cache import MANIFEST
from sitegen.output.journal import INDEX
from sitegen.output.searchindex import INDEX_DIR, SEARCH_RECORD
from sitegen.pipeline import build

# The fixture guide's dated documents, newest first (a bare 2024 after 2024's months).
Y2025 = ["guide-12", "chairman", "commissioner", "secretary"]
Y2024 = ["president", "telecoms", "broadcasting", "cybersecurity", "events", "data-centres"]


def _listed(html: str) -> list[str]:
    """The documents a list page links to, in order (their side-by-side or language page)."""
    items = html.split('<ul class="documents">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<li>\s*<a href="(?:\.\./)*(?:[a-z]{2}/)?([a-z0-9-]+)/">', items)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    build(guide_project(root / "project"), out_dir=root / "out")
    return root / "out"


def _document(slug: str, date: str | None) -> Document:
    return Document(slug, {"en": slug, "zh": slug}, (), (), f"content/{slug}.yaml", date=date)


def test_year_pages_are_newest_first_and_leave_out_the_undated() -> None:
    documents = [
        _document("b", "2024"),
        _document("a", "2024-03"),
        _document("c", "2023-12-31"),
        _document("d", None),
        _document("e", "2024-03-02"),
        _document("f", "2024-03"),
    ]
    years = year_pages(documents)
    assert list(years) == ["2024", "2023"]
    assert [d.slug for d in years["2024"][0]] == ["e", "a", "f", "b"]  # same date: by name
    assert [d.slug for d in years["2023"][0]] == ["c"]


def test_every_view_lists_the_years_and_their_documents(built: Path) -> None:
    for prefix in VARIANTS:
        index = read(built, f"{prefix}archive/index.html")
        years = re.findall(r'<li><a href="[^"]*archive/(\d{4})/">\1</a>', index)
        assert years == ["2025", "2024"], prefix
        assert _listed(read(built, f"{prefix}archive/2025/index.html")) == Y2025, prefix
        assert _listed(read(built, f"{prefix}archive/2024/index.html")) == Y2024, prefix
    assert "6 documents" in read(built, "en/archive/index.html")
    assert "6 份文件" in read(built, "tc/archive/index.html")
    assert "2024 年的文件" in read(built, "sc/archive/2024/index.html")
    assert '<html lang="zh-Hans">' in read(built, "sc/archive/2024/index.html")


def test_the_cover_and_a_documents_date_lead_to_the_archive(built: Path) -> None:
    assert 'href="../en/archive/"' in read(built, "en/index.html")
    assert 'href="archive/"' in read(built, "index.html")
    page = read(built, "tc/telecoms/index.html")
    assert '<a href="../../tc/archive/2024/"><time datetime="2024-11">' in page
    assert (
        "archive/"
        not in read(built, "en/members/index.html")
        .split("<main", 1)[1]
        .split('class="site-footer"')[0]
    )  # no date: no link to a year


def test_a_year_page_has_breadcrumbs(built: Path) -> None:
    page = read(built, "en/archive/2024/index.html")
    crumbs = re.findall(r"<li><a [^>]*>([^<]+)</a></li>", page.split('class="breadcrumbs"')[1])
    assert crumbs[:3] == ["Home", "By year", "2024"]
    assert 'aria-current="page">2024</a>' in page


def test_a_large_year_is_paginated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_module, "ARCHIVE_PAGE_SIZE", 4)
    out = tmp_path / "out"
    build(guide_project(tmp_path / "p"), out_dir=out)
    pages = sorted(p.relative_to(out).as_posix() for p in (out / "en/archive").rglob("*.html"))
    assert pages == [
        "en/archive/2024/index.html",
        "en/archive/2024/page/2/index.html",
        "en/archive/2025/index.html",
        "en/archive/index.html",
    ]
    first, second = (read(out, f"en/archive/2024/{p}index.html") for p in ("", "page/2/"))
    assert _listed(first) + _listed(second) == Y2024
    assert '<link rel="next" href="../../../en/archive/2024/page/2/">' in first
    assert '<link rel="prev" href="../../../../../en/archive/2024/">' in second
    assert 'aria-label="Pages of 2024"' in second and "Page 2 of 2" in second
    assert 'rel="next"' not in read(out, "en/archive/2025/index.html")


def test_no_archive_without_dated_documents(tmp_path: Path) -> None:
    project = guide_project(tmp_path / "p")
    for path in (project / "content").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^date: .*\n", "", text), encoding="utf-8")
    build(project, out_dir=tmp_path / "out")
    assert not (tmp_path / "out/archive").exists()
    assert "archive/" not in read(tmp_path / "out", "en/index.html")


def test_a_rebuild_after_a_date_moves_years_equals_a_clean_build(tmp_path: Path) -> None:
    project, out, clean = guide_project(tmp_path / "p"), tmp_path / "out", tmp_path / "clean"
    build(project, out_dir=out)
    events = project / "content/events.yaml"
    events.write_text(events.read_text("utf-8").replace('"2024-08"', '"2023-08"'), "utf-8")
    build(project, out_dir=out)
    build(project, out_dir=clean, use_cache=False)
    skip = frozenset({MANIFEST, SEARCH_RECORD, INDEX})
    tree = {k: v for k, v in read_tree(out, skip=skip).items() if INDEX_DIR not in k}
    assert "en/archive/2023/index.html" in tree
    assert tree == {k: v for k, v in read_tree(clean, skip=skip).items() if INDEX_DIR not in k}
