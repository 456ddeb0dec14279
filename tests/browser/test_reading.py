"""Reading side by side in Chromium: cross-highlighting by pointer and keyboard, jumps to
the counterpart, deep links, and the switcher keeping the paragraph being read."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from .conftest import PHONE

pytestmark = pytest.mark.browser

FOREWORD = "foreword/"


def active_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(".seg.is-active", "els => els.map(e => e.id)")


def test_pointing_at_a_sentence_highlights_its_counterpart(page: Page, base_url: str) -> None:
    page.goto(base_url + FOREWORD)
    page.hover("#p2-s3")
    assert sorted(active_ids(page)) == ["p2-s3", "p2-s3-zh"]
    page.hover("h1")
    assert active_ids(page) == []


def test_keyboard_moves_between_sentences_and_jumps_across(page: Page, base_url: str) -> None:
    page.goto(base_url + FOREWORD)
    tabbable = page.eval_on_selector_all(".seg[tabindex='0']", "els => els.map(e => e.id)")
    assert tabbable == ["p1-s1"], "the sentences are one stop in the Tab order"
    page.focus("#p1-s1")
    page.keyboard.press("ArrowRight")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "p2-s1"
    assert sorted(active_ids(page)) == ["p2-s1", "p2-s1-zh"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "p2-s1-zh"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "p2-s2-zh"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "p2-s2"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.id") == "p2-s1"
    # Still one Tab stop: the sentence last used.
    tabbable = page.eval_on_selector_all(".seg[tabindex='0']", "els => els.map(e => e.id)")
    assert tabbable == ["p2-s1"]


def test_a_click_jumps_to_the_counterpart(page: Page, base_url: str) -> None:
    page.goto(base_url + FOREWORD)
    page.click("#p3-s2-zh")
    assert page.evaluate("document.activeElement.id") == "p3-s2"


@pytest.mark.parametrize(
    ("fragment", "marked"),
    [("p2", ["p2"]), ("p2-s3", ["p2-s3", "p2-s3-zh"])],
)
def test_deep_links_land_marked(
    page: Page, base_url: str, fragment: str, marked: list[str]
) -> None:
    page.goto(f"{base_url}{FOREWORD}#{fragment}")
    found = page.eval_on_selector_all(".is-target", "els => els.map(e => e.id)")
    assert sorted(found) == marked
    top = page.evaluate(f"document.getElementById('{fragment}').getBoundingClientRect().top")
    assert 0 <= top < 400, "the target is scrolled into view (test_jumps.py: exactly where)"


SWITCH_TO_TC = '.switcher a[hreflang="zh-HK"]'


def test_the_switcher_keeps_the_paragraph_being_read(page: Page, base_url: str) -> None:
    page.goto(base_url + FOREWORD)
    page.evaluate("document.getElementById('p3').scrollIntoView()")
    page.wait_for_function(f"document.querySelector('{SWITCH_TO_TC}').href.endsWith('#p3')")
    assert page.is_visible(SWITCH_TO_TC), "the header stays in view on a wide screen"
    page.click(SWITCH_TO_TC)
    page.wait_for_url("**/tc/foreword/#p3")
    assert page.eval_on_selector_all(".is-target", "els => els.map(e => e.id)") == ["p3"]


def test_on_a_phone_scrolling_back_up_to_the_switcher_keeps_the_place(
    page: Page, base_url: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + FOREWORD)
    page.evaluate("document.getElementById('p3').scrollIntoView()")
    page.wait_for_function(f"document.querySelector('{SWITCH_TO_TC}').href.endsWith('#p3')")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(400)  # longer than the scroll's settling time
    page.click(SWITCH_TO_TC)
    page.wait_for_url("**/tc/foreword/#p3")


def test_without_javascript_the_page_reads_plainly(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + FOREWORD)
        assert page.eval_on_selector_all(".seg[tabindex]", "els => els.length") == 0
        assert "I would like to express" in page.inner_text("#p1")
        assert page.is_visible("#p1-s1-zh")
    finally:
        context.close()
