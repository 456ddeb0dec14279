"""The search index (sitegen/output/searchindex.py, searchpages.py): Pagefind's real binary
over tiny sites, one index per reading language, each page's sentences' translations as
metadata, and an unchanged rebuild that carries the previous index over."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import TINY_DOCUMENT, many_documents, read_tree
from sitegen.errors import SiteError
from sitegen.model.load import load_site, load_site_config
from sitegen.output.folder import PREVIOUS
from sitegen.output.searchindex import ENTRY_FILE, INDEX_DIR, SEARCH_RECORD, index_search
from sitegen.output.searchpages import sentence_texts
from sitegen.pipeline import build

PAGE = b"""<!doctype html><html lang="en"><body><main id="main">
<h1>Title</h1><h2 id="p1">A <em>heading</em></h2>
<p id="p2"><span class="seg" id="p2-s1">One <a href="#x">linked</a> sentence.</span>
<span class="seg" id="p2-s2">Two<br>lines &amp; more.</span><span class="seg" id="p2-s3"></span></p>
</main></body></html>"""


def test_sentence_texts_are_the_spans_and_headings_by_id() -> None:
    assert sentence_texts(PAGE) == {
        "p1": "A heading",
        "p2-s1": "One linked sentence.",
        "p2-s2": "Twolines & more.",
        "p2-s3": "",
    }


def fragments(out: Path) -> dict[str, dict]:
    """Every page's Pagefind fragment (gzip, after a `pagefind_dcd` signature), by URL."""
    found = {}
    for path in (out / INDEX_DIR / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found


def test_one_index_per_language_with_each_sentences_translation(
    tiny_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    entry = json.loads((out / INDEX_DIR / ENTRY_FILE).read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "zh-hans", "zh-hant-hk"]
    assert all(language["page_count"] == 1 for language in entry["languages"].values())
    pages = fragments(out)
    assert sorted(pages) == ["/en/hello/", "/sc/hello/", "/tc/hello/"]
    english, traditional, simplified = (pages[f"/{x}/hello/"] for x in ("en", "tc", "sc"))
    assert english["meta"]["p2-s1"] == "12. 政府會在 2024 年行動。"
    assert english["meta"]["p1"] == "引言"
    assert (english["meta"]["lang"], english["meta"]["counterpart_lang"]) == ("en", "zh-Hant-HK")
    assert (
        traditional["meta"]["p2-s1"]
        == simplified["meta"]["p2-s1"]
        == ("12. The Government will act in 2024.")
    )
    assert simplified["meta"]["lang"] == "zh-Hans" and simplified["meta"]["both"] == "hello/"
    words = simplified["content"].replace("\u200b", "")  # Pagefind marks where it segmented
    assert "政府会在" in words and "Government" not in words
    assert {a["id"] for a in traditional["anchors"]} >= {"p1", "p2", "p2-s1"}
    assert not [name for name in (out / INDEX_DIR).iterdir() if "-ui." in name.name]


def test_an_unchanged_rebuild_carries_the_index_over(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    record = json.loads((out / SEARCH_RECORD).read_text(encoding="utf-8"))
    assert record["files"] and all(name.startswith(f"{INDEX_DIR}/") for name in record["files"])
    inodes = {name: (out / name).stat().st_ino for name in record["files"]}
    build(tiny_project, out_dir=out)
    assert {name: (out / name).stat().st_ino for name in record["files"]} == inodes
    assert json.loads((out / SEARCH_RECORD).read_text(encoding="utf-8")) == record

    content = tiny_project / "content" / "hello.yaml"
    content.write_text(TINY_DOCUMENT.replace("will *act*", "will act firmly"), encoding="utf-8")
    build(tiny_project, out_dir=out)
    again = json.loads((out / SEARCH_RECORD).read_text(encoding="utf-8"))
    assert again["key"] != record["key"]
    assert "firmly" in fragments(out)["/en/hello/"]["content"]
    assert all((out / name).is_file() for name in again["files"])


def test_a_record_whose_files_are_gone_indexes_again(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    record = json.loads((out / SEARCH_RECORD).read_text(encoding="utf-8"))
    (out / record["files"][0]).unlink()
    build(tiny_project, out_dir=out)
    assert all((out / name).is_file() for name in record["files"])


def test_without_pagefind_the_build_says_how_to_install_it(
    tiny_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    out = tmp_path / "out"
    with pytest.raises(SiteError, match=r"needs Pagefind.*pip install -r requirements.txt"):
        build(tiny_project, out_dir=out)
    assert not out.exists()


def test_index_search_says_whether_it_indexed(tiny_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(tiny_project, out_dir=out)
    site = load_site(tiny_project, load_site_config(tiny_project))
    written: dict[str, object] = {}

    def read(rel_path: str) -> bytes:
        return (out / rel_path).read_bytes()

    assert index_search(site, read, written.__setitem__, out) is False
    assert {data for name, data in written.items() if name != SEARCH_RECORD} == {PREVIOUS}
    written.clear()
    assert index_search(site, read, written.__setitem__, None) is True  # --no-cache
    assert all(isinstance(data, bytes) for data in written.values())


def test_a_template_without_main_is_reported(tiny_project: Path, tmp_path: Path) -> None:
    base = tiny_project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</main>", ""), encoding="utf-8")
    with pytest.raises(SiteError, match=r"templates/document.html: .* has no </main>"):
        build(tiny_project, out_dir=tmp_path / "out")


@pytest.fixture
def prepared(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose pages each build prepares for Pagefind (in this process)."""
    from sitegen.output import searchindex

    seen: list[str] = []
    original = searchindex._prepare

    def spy(read, pages, group):
        seen.append(group[0].page.dest_path.split("/")[1])
        return original(read, pages, group)

    monkeypatch.setattr(searchindex, "_prepare", spy)
    monkeypatch.setattr("sitegen.output.stages.worker_count", lambda: 1)
    monkeypatch.setattr("sitegen.pipeline.worker_count", lambda: 1)
    return seen


def _mirror(project: Path) -> Path:
    (mirror,) = (project / ".sitegen-cache/search").iterdir()
    return mirror


def test_an_edit_prepares_only_its_own_pages_again(tmp_path: Path, prepared: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    assert sorted(prepared) == ["doc-0", "doc-1", "doc-2"]
    prepared.clear()
    document = project / "content/doc-1.yaml"
    document.write_text(document.read_text("utf-8").replace("Intro", "Preamble"), "utf-8")
    build(project, out_dir=out)
    assert prepared == ["doc-1"]
    assert "Preamble" in fragments(out)["/en/doc-1/"]["content"]
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_a_deleted_documents_prepared_pages_go(tmp_path: Path, prepared: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    assert (_mirror(project) / "pages/en/doc-2/index.html").is_file()
    (project / "content/doc-2.yaml").unlink()
    build(project, out_dir=out)
    assert not (_mirror(project) / "pages/en/doc-2").exists() or not any(
        (_mirror(project) / "pages/en/doc-2").iterdir()
    )
    assert "/en/doc-2/" not in fragments(out)
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


@pytest.mark.parametrize("damage", ["record", "page", "stray page"])
def test_a_damaged_mirror_gives_the_right_index(
    tmp_path: Path, prepared: list[str], damage: str
) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    mirror = _mirror(project)
    document = project / "content/doc-0.yaml"  # so the index is made again
    document.write_text(document.read_text("utf-8").replace("Intro", "Preamble"), "utf-8")
    if damage == "record":  # as a build killed while preparing leaves it
        (mirror / "groups.json").write_text('{"a": ', encoding="utf-8")
        (mirror / "pages/en/doc-1/index.html").write_text("<main>stale</main>", "utf-8")
    elif damage == "page":  # no record (a killed build), one page left half written
        (mirror / "groups.json").unlink()
        (mirror / "pages/en/doc-2/index.html").write_text("<main>stale</main>", "utf-8")
    else:
        (mirror / "groups.json").unlink()
        (mirror / "pages/en/stray/index.html").parent.mkdir(parents=True)
        (mirror / "pages/en/stray/index.html").write_text("<main>stray</main>", "utf-8")
    prepared.clear()
    build(project, out_dir=out)
    assert sorted(prepared) == ["doc-0", "doc-1", "doc-2"]
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")
