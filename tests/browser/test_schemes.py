"""Dark mode (prefers-color-scheme: dark) and forced colours (Windows High Contrast): the
page follows the scheme, the highlight of a sentence's counterpart stays visible in all
three, and axe-core finds nothing at either width."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import DESKTOP, PHONE
from .test_accessibility import AXE_RUN, describe

pytestmark = pytest.mark.browser

SCHEMES = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "forced": {"forced_colors": "active"},
}


def test_each_scheme_looks_different(page: Page, base_url: str) -> None:
    shots = {}
    for name, media in SCHEMES.items():
        page.emulate_media(**media)
        page.goto(base_url + "foreword/")
        shots[name] = page.screenshot()
    assert len(set(shots.values())) == 3
    page.emulate_media(color_scheme="dark")
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    red, green, blue = (int(x) for x in background[4:-1].split(",")[:3])
    assert max(red, green, blue) < 60, f"a dark page, not {background}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_highlight_shows_in_every_scheme(page: Page, base_url: str, scheme: str) -> None:
    page.emulate_media(**SCHEMES[scheme])
    page.goto(base_url + "foreword/")
    counterpart = page.locator("#p2-s3-zh")
    plain = counterpart.screenshot()
    page.hover("#p2-s3")
    assert page.eval_on_selector("#p2-s3-zh", "e => e.classList.contains('is-active')")
    assert counterpart.screenshot() != plain, f"the highlight does not show in {scheme}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["dark", "forced"])
def test_no_wcag_violations_in_dark_and_forced_colours(
    page: Page,
    base_url: str,
    page_urls: list[str],
    axe_js: Path,
    viewport: dict[str, int],
    scheme: str,
) -> None:
    page.set_viewport_size(viewport)
    page.emulate_media(**SCHEMES[scheme])
    report = []
    for url in page_urls:
        page.goto(base_url + url)
        page.add_script_tag(path=axe_js)
        report.extend(describe(url, page.evaluate(AXE_RUN)))
    assert not report, f"axe-core in {scheme}:\n" + "\n".join(report)
