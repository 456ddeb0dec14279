"""Chinese typesetting and the bilingual rows: strict line breaking, no last line of one
character and its closing mark, balanced headings, the first lines of a row on one
baseline; the timeline's year said once and each language's entry with its own link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

STYLES = """() => {
  const zh = getComputedStyle(document.querySelector('main p'));
  const h1 = getComputedStyle(document.querySelector('h1'));
  return {lineBreak: zh.lineBreak, wrap: zh.textWrapStyle || zh.textWrap,
          h1: h1.textWrapStyle || h1.textWrap,
          trim: CSS.supports('text-spacing-trim', 'normal') ? zh.textSpacingTrim : 'normal',
          autospace: CSS.supports('text-autospace', 'normal') ? zh.textAutospace : 'normal'};
}"""


def test_chinese_text_is_set_strictly(page: Page, base_url: str) -> None:
    page.goto(base_url + "tc/foreword/")
    assert page.evaluate(STYLES) == {
        "lineBreak": "strict",
        "wrap": "pretty",
        "h1": "balance",
        "trim": "normal",
        "autospace": "normal",
    }


# The characters of each paragraph's last line (grouped by their line's top).
LAST_LINES = """() => [...document.querySelectorAll('main p[id]')].map(p => {
  const range = document.createRange(), tops = [];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let node, chars = [];
  while ((node = walker.nextNode())) for (let i = 0; i < node.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rect = range.getClientRects()[0];
    if (rect && node.data[i].trim()) chars.push([Math.round(rect.top), node.data[i]]);
  }
  const last = Math.max(...chars.map(c => c[0]));
  return chars.filter(c => Math.abs(c[0] - last) < 4).map(c => c[1]).join('');
})"""


@pytest.mark.parametrize("width", [1280, 800, 390])
def test_no_closing_mark_with_one_character_alone_on_a_last_line(
    page: Page, base_url: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 720})
    page.goto(base_url + "tc/foreword/")
    lines = page.evaluate(LAST_LINES)
    assert lines and all(len(line) > 2 for line in lines), lines


BASELINES = """rows => [...document.querySelectorAll(rows)].map(pair =>
  [...pair.querySelectorAll(':scope > [lang]')].map(child => {
    const probe = document.createElement('span');
    probe.style.cssText = 'display:inline-block;width:0;height:0';
    (child.matches('div') ? child.firstElementChild : child).prepend(probe);
    const baseline = probe.getBoundingClientRect().bottom;
    probe.remove();
    return baseline;
  }))"""


@pytest.mark.parametrize("path", ["foreword/", "timeline/"])
def test_the_first_lines_of_a_row_share_a_baseline(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    rows = page.evaluate(BASELINES, ".pair, .event-pair")
    assert rows
    for english, chinese in rows:
        assert abs(english - chinese) < 1, rows


def test_the_timeline_says_each_year_once(page: Page, base_url: str) -> None:
    for prefix in ("", "en/", "tc/"):
        page.goto(f"{base_url}{prefix}timeline/")
        years = page.eval_on_selector_all(
            ".year",
            "ys => ys.map(y => [y.querySelector('h2').textContent,"
            " [...y.querySelectorAll('time')].map(t => t.textContent)])",
        )
        assert years
        for year, dates in years:
            assert all(not re.fullmatch(rf"{year}年?", d) for d in dates), (year, dates)


def test_each_language_of_a_bilingual_entry_links_to_its_own_sentence(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "timeline/")
    links = page.eval_on_selector_all(
        ".event-pair > div",
        "ds => ds.map(d => [d.lang, d.querySelector('a.source').getAttribute('href')])",
    )
    assert links
    for lang, href in links:
        assert href.endswith("-zh") == (lang != "en"), links
    english, chinese = (href for _, href in links[:2])
    page.click(".event-pair > div[lang='zh-Hant-HK'] a.source >> nth=0")
    page.wait_for_url("**/foreword/#*-zh")
    assert page.evaluate("document.querySelector(':target').closest('[lang]').lang") == "zh-Hant-HK"
    assert english != chinese
