"""¶ permalinks: one per paragraph, unseen until the paragraph is pointed at or the link has
focus, named for screen readers in the page's language, and leading to the paragraph."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def opacity(page: Page, selector: str) -> float:
    return float(page.eval_on_selector(selector, "e => getComputedStyle(e).opacity"))


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("foreword/", "Link to paragraph 2"),
        ("tc/foreword/", "第 2 段的連結"),
        ("en/foreword/", None),
    ],
)
def test_a_paragraph_shows_its_link_on_hover_and_focus(
    page: Page, base_url: str, path: str, name: str | None
) -> None:
    page.goto(base_url + path)
    link = "#p2 > .permalink"
    assert page.eval_on_selector_all(
        ".permalink", "els => els.length"
    ) == page.eval_on_selector_all("[id^='p']:not([id*='-'])", "els => els.length")
    assert opacity(page, link) == 0
    page.hover("#p2 .seg >> nth=0")
    assert opacity(page, link) == 1
    page.mouse.move(0, 0)
    page.focus(link)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#p2"
    assert opacity(page, link) == 1
    if name:
        assert page.get_by_role("link", name=name, exact=True).count() == 1
    page.keyboard.press("Enter")
    page.wait_for_url("**#p2")
    # site.js marks the target on hashchange, a moment after the address changes.
    page.wait_for_function("document.querySelector('#p2').classList.contains('is-target')")
    assert page.eval_on_selector("#p2", "e => e.classList.contains('is-target')")
