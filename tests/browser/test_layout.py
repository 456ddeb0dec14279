"""Layout and navigation in a real browser: columns, phones, links, languages, text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from .conftest import DESKTOP, PHONE, REPO

pytestmark = pytest.mark.browser

# The URL contract of DESIGN.md: reading version -> (path prefix, <html lang> of its pages).
VERSIONS = {
    "both": ("", "en"),
    "en": ("en/", "en"),
    "tc": ("tc/", "zh-Hant-HK"),
    "sc": ("sc/", "zh-Hans"),
}
HREFLANG_VERSION = {"": "both", "en": "en", "zh-HK": "tc", "zh-Hans": "sc"}
DOCUMENTS = sorted(REPO.glob("content/*.yaml"))


def normalise(text: str) -> str:
    return " ".join(text.split())


def open_page(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"


def boxes(page: Page, selector: str) -> list[dict[str, float]]:
    """Bounding boxes (top, bottom, left, right) of the elements matching `selector`."""
    return page.eval_on_selector_all(
        selector,
        """els => els.map(el => {
            const r = el.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
        })""",
    )


def pair_boxes(page: Page) -> list[tuple[str, dict[str, float], dict[str, float]]]:
    """(pair id, English box, Chinese box) for every .pair row."""
    ids = page.eval_on_selector_all(".pair", "els => els.map(el => el.id)")
    english = boxes(page, ".pair > [lang='en']")
    chinese = boxes(page, ".pair > [lang='zh-Hant-HK']")
    assert ids, "the side-by-side page has no .pair rows"
    assert len(ids) == len(english) == len(chinese), (
        f"{len(ids)} pairs but {len(english)} English and {len(chinese)} zh-Hant-HK blocks"
    )
    return list(zip(ids, english, chinese, strict=True))


@pytest.mark.parametrize("slug", [path.stem for path in DOCUMENTS])
def test_pairs_side_by_side_on_desktop_and_stacked_on_phone(
    page: Page, base_url: str, slug: str
) -> None:
    open_page(page, f"{base_url}{slug}/")
    for pair_id, en, zh in pair_boxes(page):
        # Level by their first baselines (test_typesetting.py), so the boxes' tops differ
        # by the two scripts' line heights, a few pixels.
        assert abs(en["top"] - zh["top"]) <= 6, f"#{pair_id}: columns start at different heights"
        assert zh["left"] > en["right"], f"#{pair_id}: Chinese is not to the right of English"

    page.set_viewport_size(PHONE)
    for pair_id, en, zh in pair_boxes(page):
        assert zh["top"] >= en["bottom"], f"#{pair_id}: Chinese is not below English on a phone"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_page_scrolls_sideways(
    page: Page, base_url: str, page_urls: list[str], viewport: dict[str, int]
) -> None:
    page.set_viewport_size(viewport)
    overflowing = []
    for url in page_urls:
        open_page(page, base_url + url)
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]",
        )
        if widths[0] > widths[1]:
            overflowing.append(f"/{url}: scrollWidth {widths[0]} > innerWidth {widths[1]}")
    assert not overflowing, "horizontal overflow:\n" + "\n".join(overflowing)


def test_pages_request_nothing_outside_the_site(
    page: Page, base_url: str, page_urls: list[str]
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        for url in page_urls:
            open_page(page, base_url + url)  # "load" waits for CSS, scripts, images and fonts
    outside = sorted({url for url in requested if not url.startswith(base_url)})
    assert requested, "no request was recorded at all"
    assert not outside, "requests outside the local server:\n" + "\n".join(outside)


def expected_switch(url: str, version: str, page_urls: list[str]) -> str:
    """The same page in `version`; a page without versions (404.html) links every home."""
    rest = url
    for prefix, _ in VERSIONS.values():
        if prefix and url.startswith(prefix):
            rest = url.removeprefix(prefix)
    counterparts = [prefix + rest for prefix, _ in VERSIONS.values()]
    has_versions = sum(candidate in page_urls for candidate in counterparts) > 1
    prefix = VERSIONS[version][0]
    return prefix + rest if has_versions else prefix


def test_language_switcher_leads_to_the_same_page_in_each_version(
    page: Page, base_url: str, page_urls: list[str]
) -> None:
    problems = []
    for url in page_urls:
        open_page(page, base_url + url)
        links = page.eval_on_selector_all(
            "nav.switcher a", "els => els.map(a => a.getAttribute('hreflang') || '')"
        )
        found = sorted(HREFLANG_VERSION[hreflang] for hreflang in links)
        assert found == sorted(VERSIONS), f"/{url}: switcher offers {found}"
        for index, hreflang in enumerate(links):
            version = HREFLANG_VERSION[hreflang]
            page.locator("nav.switcher a").nth(index).click()
            page.wait_for_load_state()
            expected = expected_switch(url, version, page_urls)
            lang = page.evaluate("document.documentElement.lang")
            if page.url != base_url + expected:
                problems.append(f"/{url}: {version} link leads to {page.url}, not /{expected}")
            elif lang != VERSIONS[version][1]:
                problems.append(f"/{url}: {version} link lands on lang={lang!r}")
            # Back (from the back-forward cache) is cheaper than reloading; a link to the
            # page itself replaces its history entry, so there is nothing to go back to.
            if page.url != base_url + url:
                page.go_back()
            assert page.url == base_url + url, f"went back to {page.url}, not /{url}"
    assert not problems, "language switcher:\n" + "\n".join(problems)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_every_paragraph_appears_word_for_word(page: Page, base_url: str, document: Path) -> None:
    paragraphs = yaml.safe_load(document.read_text(encoding="utf-8"))["paragraphs"]
    slug = document.stem
    pages = {f"en/{slug}/": ["en"], f"tc/{slug}/": ["zh"], f"{slug}/": ["en", "zh"]}
    missing = []
    for url, keys in pages.items():
        open_page(page, base_url + url)
        shown = normalise(page.inner_text("main"))
        for number, paragraph in enumerate(paragraphs, start=1):
            for key in keys:
                if normalise(paragraph[key]) not in shown:
                    missing.append(f"/{url}: paragraph {number} ({key}): {paragraph[key][:60]}…")
    assert not missing, "text not shown word for word:\n" + "\n".join(missing)


@pytest.mark.parametrize("slug", [path.stem for path in DOCUMENTS])
def test_links_work_when_opened_from_disk(page: Page, site_dir: Path, slug: str) -> None:
    page.goto((site_dir / "index.html").as_uri())
    page.locator(f"main a[href^='{slug}/']").first.click()
    page.wait_for_load_state()
    landed, expected = page.url, (site_dir / slug / "index.html").as_uri()
    assert landed == expected, f"from file:// the link opened {landed}, not {expected}"
    assert page.locator(".pair").count() > 0, f"{page.url} is not the {slug} page"
