"""The side-by-side page's sentences for keyboard, screen-reader and touch users: a role and
a name in the accessibility tree, the hint said once, the page's own scrolling keys left
working, no smooth scrolling for readers who ask for less motion, no jump on a tap."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from .conftest import PHONE

pytestmark = pytest.mark.browser

FOREWORD = "foreword/"


def settled_scroll(page: Page) -> float:
    """scrollY once the page has stopped moving (keyboard scrolling is animated)."""
    last = None
    for _ in range(50):
        now = page.evaluate("scrollY")
        if now == last:
            return now
        last = now
        page.wait_for_timeout(150)
    pytest.fail("the page kept scrolling")


def test_sentences_are_links_named_by_their_text(page: Page, base_url: str) -> None:
    page.goto(base_url + FOREWORD)
    text = page.inner_text("#p2-s1").strip()
    assert page.get_by_role("link", name=text, exact=True).get_attribute("id") == "p2-s1"
    zh = page.inner_text("#p2-s1-zh").strip()
    assert page.get_by_role("link", name=zh, exact=True).get_attribute("id") == "p2-s1-zh"
    assert page.locator("#p2-s1").aria_snapshot().startswith("- link ")


def test_the_hint_is_said_once(page: Page, base_url: str) -> None:
    page.goto(base_url + FOREWORD)
    described = page.eval_on_selector_all(
        "[aria-describedby~='seg-hint']", "els => els.map(e => e.id)"
    )
    assert described == ["p1-s1"], "the first sentence a Tab reaches, and no other"
    assert page.eval_on_selector_all("#seg-hint", "els => els.length") == 1
    hint = page.inner_text("#seg-hint")
    assert "Enter" in hint and "方向鍵" in hint
    page.focus("#p1-s1")
    page.keyboard.press("ArrowRight")
    assert page.eval_on_selector_all("[aria-describedby~='seg-hint']", "els => els.length") == 0


@pytest.mark.parametrize("width", [1280, 800, 390])
def test_the_page_keys_scroll_with_a_sentence_focused(
    page: Page, base_url: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 600})
    page.goto(base_url + FOREWORD)
    page.focus("#p1-s1")
    scrolled = page.evaluate("scrollY")
    for key in ("Space", "ArrowDown", "End"):
        page.keyboard.press(key)
        now = settled_scroll(page)
        assert now > scrolled, f"{key} scrolls down"
        scrolled = now
    for key in ("ArrowUp", "Home"):
        page.keyboard.press(key)
        now = settled_scroll(page)
        assert now < scrolled, f"{key} scrolls up"
        scrolled = now
    assert scrolled == 0
    assert page.evaluate("document.activeElement.id") == "p1-s1", "the focus stays"


# A jump to the counterpart, and where the page is at once, before any animation frame.
JUMP = """() => {
  const from = document.getElementById('p4-s1');
  from.focus();
  from.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
  return scrollY;
}"""


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_reduced_motion_jumps_without_smooth_scrolling(
    page: Page, base_url: str, motion: str
) -> None:
    page.set_viewport_size(PHONE)  # the columns stack: the counterpart is far below
    page.emulate_media(reduced_motion=motion)
    page.goto(base_url + FOREWORD)
    at_once = page.evaluate(JUMP)
    assert page.evaluate("document.activeElement.id") == "p4-s1-zh"
    settled = settled_scroll(page)
    assert page.evaluate("document.activeElement.getBoundingClientRect().bottom") <= 845
    assert settled > 0
    if motion == "reduce":
        assert at_once == settled, "scrolled in one step"
    else:
        assert at_once < settled, "scrolled smoothly, over several frames"


def test_a_tap_highlights_without_jumping(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(base_url + FOREWORD)
        page.evaluate("document.getElementById('p3-s2').scrollIntoView()")
        before = page.evaluate("scrollY")
        page.tap("#p3-s2")
        page.wait_for_timeout(300)
        assert page.evaluate("document.activeElement.id") != "p3-s2-zh"
        assert page.evaluate("scrollY") == before
    finally:
        context.close()
