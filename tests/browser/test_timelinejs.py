"""/data/timeline.json loaded by TimelineJS itself (the npm package, in Chromium): the
export is valid when the library that defines the format accepts and shows it."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import make_project, run_build_py

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


SHOW_EVERY_SLIDE = """data => new Promise((resolve, reject) => {
    window.timeline = new TL.Timeline('timeline', data, {language: 'en'});
    timeline.on('loaded', () => {
        timeline.goTo(1);  // the title slide is shown first; the event's slide too
        setTimeout(() => resolve(timeline.config.events.length), 1500);
    });
    setTimeout(() => reject(new Error('TimelineJS did not load the data')), 10000);
})"""
HOSTILE = '<img src=x onerror="window.__owned = (window.__owned || 0) + 1">'
HOSTILE_DOCUMENT = f"""\
title: {{en: 'Title {HOSTILE}', zh: '標題 {HOSTILE}'}}
paragraphs:
  - en: "The office opened in 2024."
    zh: "辦事處於 2024 年開設。"
milestones:
  - date: "2024"
    en: 'Opened {HOSTILE} <script>window.__owned = 99</script> & more'
    zh: '開設 {HOSTILE}'
    paragraph: 1
"""


def test_milestone_labels_with_html_stay_text_in_timelinejs(
    page: Page, tmp_path: Path, base_url: str
) -> None:
    """Labels, titles and dates reach TimelineJS's fields as text: no element is injected
    and no script runs, in the slide, the time navigation or the title slide."""
    script = require_file(TIMELINEJS / "js" / "timeline.js", NPM_HINT)
    project = make_project(tmp_path / "project", {"content/hostile.yaml": HOSTILE_DOCUMENT})
    out = tmp_path / "out"
    result = run_build_py("build", "--project", str(project), "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "data" / "timeline.json").read_text(encoding="utf-8"))
    page.goto(base_url + "404.html")
    page.set_content('<div id="timeline" style="width: 900px; height: 600px"></div>')
    page.add_style_tag(path=TIMELINEJS / "css" / "timeline.css")
    page.add_script_tag(path=script)
    assert page.evaluate(SHOW_EVERY_SLIDE, data) == 1
    page.wait_for_timeout(500)  # an injected image would have failed to load by now
    assert page.evaluate("window.__owned") is None, "a script in a label ran"
    injected = page.locator("img, #timeline script").count()
    assert injected == 0, page.inner_html("#timeline")
    text = page.inner_text("#timeline")
    assert "Opened <img src=x" in text and "& more" in text, text
    group = page.locator(".tl-timegroup-message").first.text_content()
    assert group == f"Title {HOSTILE}", "the group (the document's title) shows as written"
