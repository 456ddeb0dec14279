"""Live reload in a real browser: open pages reload by themselves after a save."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import TINY_DOCUMENT
from preview_harness import (
    MISSING_ZH,
    PreviewServer,
    save,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# livereload.js sets its protocol once the handshake is done and, in the same step, sends
# the message that puts the page on the server's list of pages to reload.
CONNECTED = "() => window.LiveReload && window.LiveReload.connector.protocol >= 7"


def open_tab(browser: Browser, url: str) -> Page:
    tab = browser.new_context().new_page()
    tab.set_default_timeout(15_000)
    tab.goto(url)
    tab.wait_for_function(CONNECTED)
    tab.evaluate("window.notReloadedYet = true")  # gone once the page reloads
    return tab


def reloaded_with(tab: Page, text: str) -> None:
    tab.wait_for_function(
        # document.body is null for a moment while the reloaded page loads
        "text => !window.notReloadedYet && document.body && document.body.innerText.includes(text)",
        arg=text,
    )


def test_open_pages_reload_by_themselves_after_a_save(
    browser: Browser, server: PreviewServer, project: Path
) -> None:
    root = f"http://127.0.0.1:{server.port}/"
    english, chinese = open_tab(browser, f"{root}en/hello/"), open_tab(browser, f"{root}tc/hello/")
    try:
        edited = TINY_DOCUMENT.replace("Intro", "Live words").replace("引言", "即時文字")
        save(project / "content/hello.yaml", edited)
        reloaded_with(english, "Live words")
        reloaded_with(chinese, "即時文字")
    finally:
        english.context.close()
        chinese.context.close()


def test_a_broken_save_shows_in_the_page_until_the_fix(
    browser: Browser, server: PreviewServer, project: Path
) -> None:
    tab = open_tab(browser, f"http://127.0.0.1:{server.port}/hello/")
    try:
        save(project / "content/hello.yaml", TINY_DOCUMENT.replace('    zh: "12. 政府會', "    #"))
        alert = tab.get_by_role("alert")
        alert.wait_for()
        assert MISSING_ZH in alert.inner_text()
        assert "Intro" in tab.inner_text("main")  # the last good version stays readable

        tab.evaluate("window.notReloadedYet = true")
        save(project / "content/hello.yaml", TINY_DOCUMENT.replace("Intro", "Fixed"))
        reloaded_with(tab, "Fixed")
        assert tab.get_by_role("alert").count() == 0
    finally:
        tab.context.close()
