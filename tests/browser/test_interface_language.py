"""Every interface word in the page's language (both, on side-by-side pages), one h1 on the
home page, and the language switcher in the same place on every kind of page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# The footer and the home page's heading, in each reading version.
FOOTERS = {
    "": ("Home 主頁 · Timeline 大事年表", "Documents 文件"),
    "en/": ("Home · Timeline", "Documents"),
    "tc/": ("主頁 · 大事年表", "文件"),
    "sc/": ("主页 · 大事年表", "文件"),
}


@pytest.mark.parametrize("prefix", FOOTERS)
def test_footer_and_headings_in_the_pages_language(page: Page, base_url: str, prefix: str) -> None:
    footer, heading = FOOTERS[prefix]
    for path in ("", "foreword/", "timeline/"):
        page.goto(base_url + prefix + path)
        assert " ".join(page.inner_text(".site-footer").split()) == footer, path
    page.goto(base_url + prefix)
    headings = page.eval_on_selector_all("h1", "els => els.map(e => e.innerText)")
    assert [" ".join(h.split()) for h in headings] == [heading], "one h1, not the site title"


def test_the_404_page_speaks_every_reading_language(page: Page, base_url: str) -> None:
    page.goto(base_url + "404.html")
    langs = page.eval_on_selector_all("main section", "els => els.map(e => e.lang)")
    assert langs == ["en", "zh-Hant-HK", "zh-Hans"]
    simplified = page.inner_text("main section[lang='zh-Hans']")
    assert "找不到网页" in simplified and "返回主页" in simplified
    texts = page.eval_on_selector_all(
        "main section :is(p, h1)", "els => els.map(e => e.textContent)"
    )
    assert not [t for t in texts if "。 " in t], "no space after a full stop 。"


PAGES = ["", "foreword/", "timeline/", "en/", "en/foreword/", "tc/timeline/", "sc/foreword/"]


@pytest.mark.parametrize("width", [1280, 800, 390])
def test_the_switcher_is_in_one_place_on_every_page(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 720})
    places = {}
    for path in PAGES:
        page.goto(base_url + path)
        box = page.locator(".switcher").bounding_box()
        title = page.locator(".site-title").bounding_box()
        assert box is not None and title is not None
        below_title = box["y"] >= title["y"] + title["height"]
        # Right-aligned beside the search box on wider screens, left-aligned on a phone.
        edge = box["x"] if width < 768 else box["x"] + box["width"]
        places[path] = (below_title, round(edge))
    assert len(set(places.values())) == 1, places
