"""The guide of tests/fixtures/guide (three sections, a dozen documents) in a real browser:
read from the cover to the last document by "next" alone, in every view; and its new pages
(cover, contents, documents with breadcrumbs and previous/next, year archives) pass axe-core
and the Nu HTML checker."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import DESKTOP, PHONE, REPO, built_by_build_py, nu_checker_errors, served
from .test_accessibility import AXE_RUN, describe

pytestmark = pytest.mark.browser

GUIDE = REPO / "tests" / "fixtures" / "guide"
ORDER = [
    *("chairman", "secretary", "commissioner", "president"),
    *("telecoms", "broadcasting", "data-centres", "cybersecurity"),
    *("members", "events", "glossary", "guide-12"),
]


@pytest.fixture(scope="module")
def guide_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture guide with the real templates, built by `python build.py` as a user runs it."""
    root = tmp_path_factory.mktemp("guide")
    project = root / "project"
    shutil.copytree(GUIDE, project)
    for name in ("templates", "static"):
        shutil.copytree(REPO / name, project / name)
    return built_by_build_py(root / "_site", "--project", str(project))


@pytest.fixture(scope="module")
def guide_url(guide_dir: Path) -> Iterator[str]:
    with served(guide_dir) as url:
        yield url


@pytest.mark.parametrize("prefix", ["", "en/", "tc/", "sc/"])
def test_next_alone_reads_the_guide_from_cover_to_end(
    page: Page, guide_url: str, prefix: str
) -> None:
    page.goto(guide_url + prefix)
    visited = []
    for _ in range(len(ORDER) + 1):
        following = page.locator(".pager a[rel=next]")
        if following.count() == 0:
            break
        following.click()
        page.wait_for_load_state()
        visited.append(page.url.removeprefix(guide_url + prefix).strip("/"))
        current = page.locator('.breadcrumbs [aria-current="page"]')
        assert current.count() == 1, page.url
    assert visited == ORDER


GUIDE_PAGES = [
    *("", "contents/", "tc/contents/", "sc/"),
    *("chairman/", "en/chairman/", "tc/telecoms/", "sc/guide-12/"),
    *("archive/", "en/archive/2024/", "tc/archive/", "sc/archive/2025/"),
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_guide_pages_have_no_wcag_violations(
    page: Page, guide_url: str, axe_js: Path, viewport: dict[str, int]
) -> None:
    page.set_viewport_size(viewport)
    report = []
    for url in GUIDE_PAGES:
        response = page.goto(guide_url + url)
        assert response is not None and response.ok, url
        page.add_script_tag(path=axe_js)
        report.extend(describe(url, page.evaluate(AXE_RUN)))
    assert not report, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(report)


def test_every_guide_page_is_valid_html(guide_dir: Path, vnu_command: list[str]) -> None:
    output = nu_checker_errors(guide_dir, vnu_command)
    assert not output, f"Nu HTML checker:\n{output}"


NOTE = """\
title: {{en: "Notice {n}", zh: "通告 {n}"}}
date: "2023-{month:02d}-{day:02d}"
paragraphs:
  - en: "The office opened in {year}. It moved in {next}."
    zh: "辦公室於 {year} 年啟用。辦公室於 {next} 年遷址。"
milestones:
  - {{date: "{year}", en: "Office {n} opened", zh: "辦公室 {n} 啟用", paragraph: 1, sentence: 1}}
  - {{date: "{next}", en: "Office {n} moved", zh: "辦公室 {n} 遷址", paragraph: 1, sentence: 2}}
"""


@pytest.fixture(scope="module")
def large_guide_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide with 105 more notices of 2023 (two milestones each): a year archive of
    two pages and a timeline of three."""
    root = tmp_path_factory.mktemp("large-guide")
    project = root / "project"
    shutil.copytree(GUIDE, project)
    for name in ("templates", "static"):
        shutil.copytree(REPO / name, project / name)
    for n in range(1, 106):
        year = 1990 + n % 30
        note = NOTE.format(n=n, month=n % 12 + 1, day=n % 28 + 1, year=year, next=year + 1)
        (project / f"content/note-{n:03d}.yaml").write_text(note, encoding="utf-8")
    return built_by_build_py(root / "_site", "--project", str(project))


LARGE_PAGES = ["timeline/page/2/", "en/timeline/page/3/", "tc/archive/2023/page/2/", "archive/"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_paginated_lists_have_no_wcag_violations(
    page: Page, large_guide_dir: Path, axe_js: Path, viewport: dict[str, int]
) -> None:
    page.set_viewport_size(viewport)
    report = []
    with served(large_guide_dir) as url:
        for path in LARGE_PAGES:
            response = page.goto(url + path)
            assert response is not None and response.ok, path
            page.add_script_tag(path=axe_js)
            report.extend(describe(path, page.evaluate(AXE_RUN)))
        # The year list leads to the page where a year begins, and "next page" onwards.
        page.goto(url + "en/timeline/page/3/")
        page.locator(".timeline-years a", has_text="2005").click()
        page.wait_for_url("**#y2005")
        assert page.locator("#y2005").is_visible()  # where the year begins, not runs on
        number = page.locator('.pagination [aria-current="page"]').inner_text()
        page.locator(".pagination a[rel=next]").click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/en/timeline/page/{int(number) + 1}/")
    assert not report, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(report)


def test_paginated_lists_are_valid_html(large_guide_dir: Path, vnu_command: list[str]) -> None:
    output = nu_checker_errors(large_guide_dir, vnu_command)
    assert not output, f"Nu HTML checker:\n{output}"
