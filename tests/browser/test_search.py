"""The search box in real Chromium, against the real build served on a local port.

Queries in English, Traditional and Simplified find the sentence on the page in the
reader's language, with its aligned translation beneath; a Simplified query finds the
Traditional text and the reverse; the hit lands highlighted; the box works by keyboard,
passes axe with results open, loads nothing before the reader searches and nothing from
outside the site, works under a sub-path and in the preview, and says on a page opened
from disk that it needs a server.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from conftest import TINY_DOCUMENT
from preview_harness import PreviewServer, save, wait_until

from .conftest import DESKTOP, PHONE, REPO, _QuietHandler, served
from .test_accessibility import AXE_RUN, describe

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

STRINGS = {
    code: language["strings"]
    for code, language in yaml.safe_load((REPO / "site.yaml").read_text("utf-8"))[
        "languages"
    ].items()
}
SEARCH_FILES = ("static/search.", "pagefind/", "static/opencc-")


def search(page: Page, query: str) -> list[dict[str, str]]:
    """Type `query` into the box; the hits shown once the status names the query."""
    page.get_by_role("searchbox").fill(query)
    page.wait_for_function(
        "q => document.querySelector('.search-status').textContent.includes(q)", arg=query
    )
    return page.evaluate(
        """() => [...document.querySelectorAll('.search-results li')].map(li => ({
            href: li.querySelector('a').href,
            sentence: li.querySelector('.search-sentence').textContent,
            lang: li.querySelector('.search-sentence').lang,
            counterpart: li.querySelector('.search-counterpart')?.textContent || '',
            counterpartLang: li.querySelector('.search-counterpart')?.lang || '',
        }))"""
    )


def span_text(page: Page, url: str, element_id: str) -> str:
    """The text of element `element_id` on the page at `url`, as the reader sees it."""
    page.goto(url)
    return page.locator(f"[id='{element_id}']").inner_text()


@pytest.fixture
def requests(page: Page) -> list[str]:
    """Every URL the tab asks for (its workers' too), each answered only if same-origin."""
    seen: list[str] = []
    page.context.on("request", lambda request: seen.append(request.url))
    return seen


def assert_same_origin(requests: list[str], base_url: str) -> None:
    outside = [url for url in requests if not url.startswith(base_url)]
    assert requests and not outside, f"requests outside {base_url}: {outside}"


# page searched, query, where the hit is, the text it holds, where its translation is
CASES = [
    ("en/foreword/", "Cyberport", "en/foreword/", "Cyberport", "tc/foreword/"),
    (
        "en/foreword/",
        "Digital Policy Office",
        "en/foreword/",
        "Digital Policy Office",
        "tc/foreword/",
    ),
    ("tc/foreword/", "數碼港", "tc/foreword/", "數碼港", "en/foreword/"),
    ("tc/foreword/", "数码港", "tc/foreword/", "數碼港", "en/foreword/"),
    ("tc/foreword/", "人工智能", "tc/foreword/", "人工智能", "en/foreword/"),
    ("tc/foreword/", "數字政策辦公室", "tc/foreword/", "數字政策辦公室", "en/foreword/"),
    ("sc/foreword/", "数码港", "sc/foreword/", "数码港", "en/foreword/"),
    ("sc/foreword/", "數碼港", "sc/foreword/", "数码港", "en/foreword/"),
    ("sc/foreword/", "人工智能", "sc/foreword/", "人工智能", "en/foreword/"),
    ("tc/foreword/", "智慧城市", "tc/foreword/", "智慧城市", "en/foreword/"),
    ("tc/foreword/", "电子政务", "tc/foreword/", "電子政務", "en/foreword/"),
    ("sc/foreword/", "超算中心", "sc/foreword/", "超算中心", "en/foreword/"),
    ("en/foreword/", "supercomputing", "en/foreword/", "Supercomputing", "tc/foreword/"),
]


@pytest.mark.parametrize(("where", "query", "target", "holds", "other"), CASES)
def test_a_query_finds_its_sentence_with_the_translation(
    page: Page,
    base_url: str,
    requests: list[str],
    where: str,
    query: str,
    target: str,
    holds: str,
    other: str,
) -> None:
    page.goto(base_url + where)
    hits = search(page, query)
    assert hits, f"/{where}: nothing found for {query}"
    first = hits[0]
    page_url, _, element_id = first["href"].partition("#")
    assert page_url == base_url + target, first
    assert holds in first["sentence"], first
    assert first["sentence"] == span_text(page, first["href"], element_id)
    assert first["counterpart"] == span_text(page, f"{base_url}{other}#{element_id}", element_id)
    assert first["counterpartLang"] == page.evaluate("document.documentElement.lang")
    assert_same_origin(requests, base_url)


@pytest.mark.parametrize(
    ("query", "holds", "suffix"),
    [("數碼港", "數碼港", "-zh"), ("数码港", "數碼港", "-zh"), ("Cyberport", "Cyberport", "")],
)
def test_the_side_by_side_page_searches_both_languages(
    page: Page, base_url: str, query: str, holds: str, suffix: str
) -> None:
    page.goto(base_url + "foreword/")
    first = search(page, query)[0]
    page_url, _, element_id = first["href"].partition("#")
    assert page_url == base_url + "foreword/" and element_id.endswith(suffix), first
    assert holds in first["sentence"]
    counterpart_id = element_id.removesuffix("-zh") if suffix else f"{element_id}-zh"
    assert first["counterpart"] == span_text(page, first["href"], counterpart_id)


def test_keyboard_alone_reaches_a_hit_that_lands_highlighted(page: Page, base_url: str) -> None:
    page.goto(base_url + "tc/foreword/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'search'"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("數碼港")
    page.wait_for_selector(".search-results li a")
    page.keyboard.press("ArrowDown")
    href = page.evaluate("document.activeElement.href")
    assert "#p" in href, "ArrowDown did not move to the first hit"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.type") == "search"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    target = page.locator(f"[id='{href.partition('#')[2]}']")
    target_id = href.partition("#")[2]
    # hashchange, which marks the target, is dispatched after the hash has changed
    page.wait_for_function(
        f"document.getElementById('{target_id}').classList.contains('is-target')", timeout=3000
    )
    assert "數碼港" in target.inner_text()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("where", ["tc/foreword/", "foreword/", "en/"])
def test_axe_finds_nothing_with_results_open(
    page: Page, base_url: str, axe_js: Path, viewport: dict[str, int], where: str, tmp_path: Path
) -> None:
    page.set_viewport_size(viewport)
    page.goto(base_url + where)
    assert search(page, "人工智能" if where.startswith("tc") else "AI")
    page.add_script_tag(path=axe_js)
    report = describe(where, page.evaluate(AXE_RUN))
    assert not report, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(report)
    page.screenshot(path=tmp_path / f"search-{viewport['width']}.png")


def test_nothing_loads_before_the_reader_searches(
    page: Page, base_url: str, requests: list[str]
) -> None:
    page.goto(base_url + "en/foreword/")
    page.wait_for_load_state("networkidle")
    early = [url for url in requests if any(part in url for part in SEARCH_FILES)]
    assert not early, f"loaded before any search: {early}"
    assert search(page, "Cyberport")
    loaded = [url.removeprefix(base_url) for url in requests]
    assert any(url.startswith("pagefind/pagefind.js") for url in loaded), loaded
    assert not any("opencc" in url for url in loaded), "an English query needs no OpenCC"


def test_a_page_opened_from_disk_says_search_needs_a_server(page: Page, site_dir: Path) -> None:
    page.goto((site_dir / "tc" / "foreword" / "index.html").as_uri())
    page.get_by_role("searchbox").fill("數碼港")
    status = page.locator(".search-status")
    status.wait_for()
    page.wait_for_function("document.querySelector('.search-status').textContent.length > 0")
    assert status.inner_text() == STRINGS["tc"]["search_needs_server"]


@pytest.fixture
def subpath_url(site_dir: Path, tmp_path: Path) -> Iterator[str]:
    """The same build served at /guide/ of a local server."""
    (tmp_path / "guide").symlink_to(site_dir, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/guide/"
    finally:
        server.shutdown()
        server.server_close()


def test_search_works_under_a_sub_path(page: Page, subpath_url: str, requests: list[str]) -> None:
    page.goto(subpath_url + "sc/foreword/")
    first = search(page, "數碼港")[0]
    assert first["href"].startswith(subpath_url + "sc/foreword/#p"), first
    assert_same_origin(requests, subpath_url)


def indexed(server: PreviewServer) -> int:
    """How many times the preview has logged a finished search index."""
    return sum(line.startswith("Indexed ") for line in server.out)


def test_the_preview_index_follows_edits(
    browser: Browser, server: PreviewServer, project: Path
) -> None:
    tab = browser.new_context(viewport=DESKTOP).new_page()
    tab.set_default_timeout(15_000)
    root = f"http://127.0.0.1:{server.port}/"
    try:
        wait_until(lambda: indexed(server) == 1, what="the first index")
        tab.goto(root + "en/hello/")
        assert not search(tab, "Zebrafone")
        save(
            project / "content/hello.yaml",
            TINY_DOCUMENT.replace("will *act*", "will ship Zebrafone"),
        )
        server.wait_for_page("/en/hello/", lambda body: "Zebrafone" in body, "the edit")
        wait_until(lambda: indexed(server) == 2, what="the index to follow the edit")
        tab.goto(root + "en/hello/")
        hits = search(tab, "Zebrafone")
        assert hits and "Zebrafone" in hits[0]["sentence"], hits
        assert hits[0]["counterpart"] == "12. 政府會在 2024 年行動。"
    finally:
        tab.context.close()


ANIMALS = [  # English, Traditional, Simplified: one word only its own document holds
    ("Zebra", "斑馬", "斑马"),
    ("Camel", "駱駝", "骆驼"),
    ("Kangaroo", "袋鼠", "袋鼠"),
    ("Penguin", "企鵝", "企鹅"),
    ("Lion", "獅子", "狮子"),
    ("Dolphin", "海豚", "海豚"),
]


@pytest.fixture
def site_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Six documents indexed in parts of at most two, served at /guide/ of a local server."""
    from conftest import make_project
    from sitegen.output import searchparts
    from sitegen.pipeline import build

    monkeypatch.setattr(searchparts, "DOCUMENTS_PER_PART", 2)
    files = {
        f"content/doc-{n}.yaml": TINY_DOCUMENT.replace("Hello", f"Doc {n}")
        .replace("will *act*", f"will study the {english}")
        .replace("行動。", f"研究{chinese}。")
        for n, (english, chinese, _simplified) in enumerate(ANIMALS)
    }
    project = make_project(tmp_path / "project", files)
    build(project, out_dir=tmp_path / "root" / "guide")
    parts = json.loads((tmp_path / "root/guide/pagefind/parts.json").read_text("utf-8"))
    assert len(parts["bundles"]) >= 3, parts  # else this test would not test parts
    with served(tmp_path / "root") as url:
        yield url + "guide/"


def test_a_site_indexed_in_parts_finds_every_document(
    page: Page, site_in_parts: str, requests: list[str]
) -> None:
    for n, (english, traditional, simplified) in enumerate(ANIMALS):
        for where, query, lang, holds in (
            ("en/doc-0/", english, "en", english),
            ("tc/doc-0/", simplified, "tc", traditional),  # converted, in every part
            ("sc/doc-0/", simplified, "sc", simplified),
        ):
            page.goto(site_in_parts + where)
            hits = search(page, query)
            assert hits, f"/{where}: nothing found for {query}"
            assert hits[0]["href"].startswith(f"{site_in_parts}{lang}/doc-{n}/#p"), hits[0]
            assert holds in hits[0]["sentence"] and hits[0]["counterpart"], hits[0]
        page.goto(site_in_parts + "doc-0/")  # the side-by-side page: both languages, all parts
        assert search(page, traditional)[0]["href"].startswith(f"{site_in_parts}doc-{n}/#p")
    assert_same_origin(requests, site_in_parts)
