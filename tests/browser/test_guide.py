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
