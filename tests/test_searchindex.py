"""The search index (sitegen/output/searchindex.py, searchparts.py, preparedpages.py,
searchpages.py): Pagefind's real binary over tiny sites, one index per reading language,
each page's sentences' translations as metadata, and an unchanged rebuild that carries the
previous index over."""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path

import pytest

from conftest import TINY_DOCUMENT, many_documents, parts_of, read_tree
from sitegen.errors import SiteError
from sitegen.model.config import load_site_config
from sitegen.model.load import load_site
from sitegen.output import pagefindcli, searchindex, searchparts
from sitegen.output.folder import PREVIOUS
from sitegen.output.searchindex import (
    ENTRY_FILE,
    INDEX_DIR,
    PARTS_FILE,
    SEARCH_RECORD,
    index_search,
)
from sitegen.output.searchpages import sentence_texts
from sitegen.output.searchparts import MAX_PARTS, part_count
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


def fragments(out: Path, bundle: str = "") -> dict[str, dict]:
    """Every page's Pagefind fragment (gzip, after a `pagefind_dcd` signature) in one
    bundle (the primary by default), by URL."""
    found = {}
    for path in (out / INDEX_DIR / bundle / "fragment").iterdir():
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
    assert again["parts"]["pagefind/"]["key"] != record["parts"]["pagefind/"]["key"]
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
    from sitegen.output import preparedpages

    seen: list[str] = []
    original = preparedpages.prepare_document

    def spy(read, pages, group):
        seen.append(group[0].page.dest_path.split("/")[1])
        return original(read, pages, group)

    monkeypatch.setattr(preparedpages, "prepare_document", spy)
    monkeypatch.setattr("sitegen.output.parallel.worker_count", lambda: 1)  # the index's
    monkeypatch.setattr("sitegen.assemble.worker_count", lambda: 1)
    return seen


def _rewrite_intro(project: Path, name: str) -> None:
    document = project / f"content/{name}.yaml"
    document.write_text(document.read_text("utf-8").replace("Intro", "Preamble"), "utf-8")


def _mirror(project: Path) -> Path:
    (mirror,) = (project / ".sitegen-cache/search").iterdir()
    return mirror


def test_an_edit_prepares_only_its_own_pages_again(tmp_path: Path, prepared: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    assert sorted(prepared) == ["doc-0", "doc-1", "doc-2"]
    prepared.clear()
    _rewrite_intro(project, "doc-1")
    build(project, out_dir=out)
    assert prepared == ["doc-1"]
    assert "Preamble" in fragments(out)["/en/doc-1/"]["content"]
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_a_full_build_keeps_its_prepared_pages_for_the_next_edit(
    tmp_path: Path, prepared: list[str]
) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    (_mirror(project) / "pages/0/en/doc-2/index.html").write_text("<main>stale</main>", "utf-8")
    prepared.clear()
    build(project, out_dir=out, use_cache=False)  # trusts nothing kept: prepares all again
    assert sorted(prepared) == ["doc-0", "doc-1", "doc-2"]
    prepared.clear()
    _rewrite_intro(project, "doc-1")
    build(project, out_dir=out)
    assert prepared == ["doc-1"]
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_a_deleted_documents_prepared_pages_go(tmp_path: Path, prepared: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 3), tmp_path / "out"
    build(project, out_dir=out)
    assert (_mirror(project) / "pages/0/en/doc-2/index.html").is_file()
    (project / "content/doc-2.yaml").unlink()
    build(project, out_dir=out)
    assert not (_mirror(project) / "pages/0/en/doc-2").exists() or not any(
        (_mirror(project) / "pages/0/en/doc-2").iterdir()
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
    _rewrite_intro(project, "doc-0")  # so the index is made again
    if damage == "record":  # as a build killed while preparing leaves it
        (mirror / "groups.json").write_text('{"a": ', encoding="utf-8")
        (mirror / "pages/0/en/doc-1/index.html").write_text("<main>stale</main>", "utf-8")
    elif damage == "page":  # no record (a killed build), one page left half written
        (mirror / "groups.json").unlink()
        (mirror / "pages/0/en/doc-2/index.html").write_text("<main>stale</main>", "utf-8")
    else:
        (mirror / "groups.json").unlink()
        (mirror / "pages/0/en/stray/index.html").parent.mkdir(parents=True)
        (mirror / "pages/0/en/stray/index.html").write_text("<main>stray</main>", "utf-8")
    prepared.clear()
    build(project, out_dir=out)
    assert sorted(prepared) == ["doc-0", "doc-1", "doc-2"]
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_parts_are_powers_of_two_up_to_a_limit() -> None:
    assert [part_count(n, 10) for n in (0, 1, 10, 11, 20, 21, 40, 41, 80)] == [
        1,
        1,
        1,
        2,
        2,
        4,
        4,
        8,
        8,
    ]
    assert part_count(10**9, 10) == MAX_PARTS
    # At the defaults (250 documents a part, 32 parts at most): 1,000 documents in 4 parts,
    # 10,000 in 32 parts of about 312, 100,000 in 32 of about 3,125.
    assert [part_count(n) for n in (250, 1000, 10_000, 100_000)] == [1, 4, 32, 32]


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Parts of at most 2 documents; the page folder of each Pagefind run (one per part
    and language)."""
    monkeypatch.setattr(searchparts, "DOCUMENTS_PER_PART", 2)
    runs: list[str] = []
    original = pagefindcli.run_pagefind

    def spy(program, pages, bundle, folder=None):
        runs.append(pages.name)
        return original(program, pages, bundle, folder)

    monkeypatch.setattr(pagefindcli, "run_pagefind", spy)
    return runs


def bundles(out: Path) -> list[str]:
    return json.loads((out / PARTS_FILE).read_text(encoding="utf-8"))["bundles"]


def test_a_large_site_is_indexed_in_parts_each_page_in_one(
    tmp_path: Path, small_parts: list[str]
) -> None:
    project, out = many_documents(tmp_path / "project", 7), tmp_path / "out"
    build(project, out_dir=out)
    found = bundles(out)
    assert found[0] == "" and len(found) > 1 and len(small_parts) == 3 * len(found)
    assert all(part.startswith("part-") and part.endswith("/") for part in found[1:])
    urls = [url for part in found for url in fragments(out, part)]
    assert sorted(urls) == sorted(f"/{x}/doc-{n}/" for x in ("en", "tc", "sc") for n in range(7))
    for part in found:
        entry = json.loads((out / INDEX_DIR / part / ENTRY_FILE).read_text(encoding="utf-8"))
        assert sorted(entry["languages"]) == ["en", "zh-hans", "zh-hant-hk"]
        # merged parts are searched with the primary's scripts and wasm
        scripts = {p.name for p in (out / INDEX_DIR / part).iterdir() if p.is_file()}
        assert ("pagefind.js" in scripts) == (part == "")
        assert any(name.startswith("wasm.") for name in scripts) == (part == "")


def test_an_edit_indexes_its_own_part_again(tmp_path: Path, small_parts: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 7), tmp_path / "out"
    build(project, out_dir=out)
    record = json.loads((out / SEARCH_RECORD).read_text(encoding="utf-8"))
    inodes = {name: (out / name).stat().st_ino for name in record["files"]}
    small_parts.clear()
    document = project / "content/doc-3.yaml"
    document.write_text(document.read_text("utf-8").replace("Intro", "Preamble"), "utf-8")
    build(project, out_dir=out)
    assert len(set(small_parts)) == 1  # one part, its three languages
    (edited,) = [part for part in bundles(out) if "/en/doc-3/" in fragments(out, part)]
    assert "Preamble" in fragments(out, edited)["/en/doc-3/"]["content"]
    for name, inode in inodes.items():
        untouched = not name.startswith(f"{INDEX_DIR}/{edited}") or (
            edited == "" and name.startswith(f"{INDEX_DIR}/part-")
        )
        if untouched and name != PARTS_FILE:
            assert (out / name).stat().st_ino == inode, name
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")


def test_parts_follow_documents_added_and_deleted(tmp_path: Path, small_parts: list[str]) -> None:
    project, out = many_documents(tmp_path / "project", 5), tmp_path / "out"
    build(project, out_dir=out)
    more = many_documents(tmp_path / "more", 9)
    for n in range(5, 9):  # 5 -> 9 documents: 4 parts -> 8
        source = more / "content" / f"doc-{n}.yaml"
        (project / "content" / source.name).write_bytes(source.read_bytes())
    build(project, out_dir=out)
    build(project, out_dir=tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")
    for n in range(1, 9):  # down to one document: one bundle, no part left behind
        (project / "content" / f"doc-{n}.yaml").unlink()
    build(project, out_dir=out)
    assert bundles(out) == [""]
    assert not [p for p in (out / INDEX_DIR).iterdir() if p.name.startswith("part-")]
    build(project, out_dir=tmp_path / "fresh2", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh2")


@pytest.fixture
def seven_in_parts(tmp_path: Path, small_parts: list[str]) -> tuple[list, searchindex.Read]:
    """Seven documents built, in parts of two; their parts and a reader of the output."""
    project, out = many_documents(tmp_path / "project", 7), tmp_path / "out"
    build(project, out_dir=out)
    return parts_of(project, out)


def test_parts_are_indexed_two_at_a_time_and_handed_over_in_order(
    seven_in_parts: tuple[list, searchindex.Read], monkeypatch: pytest.MonkeyPatch
) -> None:
    parts, read = seven_in_parts
    assert len(parts) >= 4
    one_by_one = [(p.bundle, files) for p, files in searchindex.run_pagefind(parts, read, 1)]
    running, most, lock = [0], [0], threading.Lock()
    spied = pagefindcli.run_pagefind  # the small_parts spy, which calls the real binary

    def counted(program, pages, bundle, folder=None):
        with lock:  # runs come from the pool's threads
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return spied(program, pages, bundle, folder)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(pagefindcli, "run_pagefind", counted)
    two_at_once = [(p.bundle, files) for p, files in searchindex.run_pagefind(parts, read, 2)]
    assert two_at_once == one_by_one  # the same bundles, byte for byte, in the same order
    assert most[0] == 2


def test_a_failed_part_fails_the_index_and_leaves_no_scratch(
    seven_in_parts: tuple[list, searchindex.Read], monkeypatch: pytest.MonkeyPatch
) -> None:
    parts, read = seven_in_parts
    spied, scratches = pagefindcli.run_pagefind, []

    def failing_second(program, pages, bundle, folder=None):
        scratches.append(bundle.parent)
        if pages.name == str(parts[1].number) and folder == "tc":
            bundle.write_text("a file where Pagefind must make its output folder")
        return spied(program, pages, bundle, folder)  # the real binary, failing for real

    monkeypatch.setattr(pagefindcli, "run_pagefind", failing_second)
    handed = []
    with pytest.raises(SiteError, match="Pagefind failed"):
        for part, _files in searchindex.run_pagefind(parts, read, 2):
            handed.append(part.bundle)
    assert handed == [parts[0].bundle]  # the part before it was handed over, none after
    assert scratches and not any(folder.exists() for folder in scratches)


def test_the_index_key_covers_every_module_that_makes_a_bundle() -> None:
    folder = Path(searchparts.__file__).parent
    makers = {
        p.name for p in folder.glob("*.py") if p.name.startswith(("search", "prepared", "pagefind"))
    }
    assert makers == {path.name for path in searchparts._CODE}
