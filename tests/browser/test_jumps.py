"""After a jump (a deep link, a timeline link, a search hit's hash) both marked sentences,
the English and its Chinese counterpart, are whole on the screen below the sticky header, at
every width: 785 px is where the site title wraps and the header grows."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

WIDTHS = [1280, 800, 785, 390]
# Sentences whose Chinese counterpart sits higher than the English, or lower, or level.
TARGETS = ["p3-s4", "p2-s3", "p4-s1", "p4-s4"]

VISIBLE = """() => {
  const header = document.querySelector('.site-header');
  const sticky = getComputedStyle(header).position === 'sticky';
  const below = sticky ? header.getBoundingClientRect().bottom : 0;
  const marked = [...document.querySelectorAll('.is-target')];
  const rects = marked.map(el => el.getBoundingClientRect());
  return {
    ids: marked.map(el => el.id),
    below, height: innerHeight,
    tops: rects.map(r => r.top), bottoms: rects.map(r => r.bottom),
  };
}"""


def assert_both_visible(page: Page, fragment: str) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(100)  # a frame after load, when site.js settles the position
    seen = page.evaluate(VISIBLE)
    assert sorted(seen["ids"]) == sorted([fragment, fragment + "-zh"]), seen
    span = max(seen["bottoms"]) - min(seen["tops"])
    assert span <= seen["height"] - seen["below"], f"the pair cannot fit the screen: {seen}"
    for top, bottom in zip(seen["tops"], seen["bottoms"], strict=True):
        assert top >= seen["below"], f"#{fragment}: a sentence is under the header: {seen}"
        assert bottom <= seen["height"], f"#{fragment}: a sentence is below the screen: {seen}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("fragment", TARGETS)
def test_a_deep_link_shows_both_sentences(
    page: Page, base_url: str, width: int, fragment: str
) -> None:
    page.set_viewport_size({"width": width, "height": 720})
    page.goto(f"{base_url}foreword/#{fragment}")
    assert_both_visible(page, fragment)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_jump_within_the_page_shows_both_sentences(page: Page, base_url: str, width: int) -> None:
    """A search hit on the page being read changes only the hash."""
    page.set_viewport_size({"width": width, "height": 720})
    page.goto(f"{base_url}foreword/")
    for fragment in TARGETS:
        page.evaluate(f"location.hash = '{fragment}'")
        assert_both_visible(page, fragment)


@pytest.mark.parametrize("width", [1280, 785])
def test_a_timeline_link_shows_both_sentences(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 720})
    page.goto(f"{base_url}timeline/")
    link = page.locator("a.source").first
    fragment = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/foreword/#{fragment}")
    assert_both_visible(page, fragment)
