"""/data/timeline.json loaded by TimelineJS itself (the npm package, in Chromium): the
export is valid when the library that defines the format accepts and shows it."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import NODE_MODULES, NPM_HINT, require_file

pytestmark = pytest.mark.browser

TIMELINEJS = NODE_MODULES / "@knight-lab" / "timelinejs" / "dist"

SHOW = """data => new Promise((resolve, reject) => {
    const timeline = new TL.Timeline('timeline', data, {language: 'en'});
    timeline.on('loaded', () => resolve(timeline.config.events.length));
    setTimeout(() => reject(new Error('TimelineJS did not load the data')), 10000);
})"""


def test_timelinejs_shows_every_event(page: Page, base_url: str, site_dir: Path) -> None:
    script = require_file(TIMELINEJS / "js" / "timeline.js", NPM_HINT)
    data = json.loads((site_dir / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert data["events"], "the foreword should yield milestones"
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A page of the site's own origin, so the links in the event texts resolve as published.
    page.goto(base_url + "404.html")
    page.set_content('<div id="timeline" style="width: 900px; height: 600px"></div>')
    page.add_style_tag(path=TIMELINEJS / "css" / "timeline.css")
    page.add_script_tag(path=script)
    shown = page.evaluate(SHOW, data)
    assert shown == len(data["events"])
    assert not errors, errors
    assert not page.locator(".tl-message-full").is_visible(), page.inner_text("#timeline")
    headlines = page.locator(".tl-slide-content .tl-headline").all_inner_texts()
    for event in data["events"]:
        shown = html.unescape(event["text"]["headline"])  # the fields are HTML, escaped
        assert any(shown in h for h in headlines), shown
