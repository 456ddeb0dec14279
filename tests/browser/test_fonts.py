"""Chinese text is drawn with real glyphs, never as empty boxes (tofu).

Every Han character of a page's Chinese blocks is drawn on a canvas in the block's own
computed font (the page's font stack, with the browser's fallback), and compared pixel by
pixel with a character no font has (U+F0000, private use): the same pixels mean the browser
found no font for it and drew the missing-glyph box. Without a CJK font installed
(fonts-noto-cjk) the check fails: the second test proves it, with a Chromium whose
fontconfig sees only DejaVu.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP

pytestmark = pytest.mark.browser

PAGES = ["foreword/", "tc/foreword/", "sc/foreword/", "timeline/"]
MISSING_GLYPHS = """() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 64;
    const context = canvas.getContext('2d', {willReadFrequently: true});
    const draw = (font, text) => {
        context.clearRect(0, 0, 64, 64);
        context.font = font;
        context.fillText(text, 4, 48);
        return context.getImageData(0, 0, 64, 64).data.join();
    };
    const checked = new Set(), missing = new Set();
    for (const block of document.querySelectorAll('[lang^="zh"]')) {
        const style = getComputedStyle(block);
        const font = `${style.fontStyle} ${style.fontWeight} 40px ${style.fontFamily}`;
        const tofu = draw(font, '\\u{F0000}');
        for (const char of new Set(block.textContent.match(/\\p{Script=Han}/gu) || [])) {
            checked.add(char);
            if (draw(font, char) === tofu) missing.add(char);
        }
    }
    return {checked: [...checked], missing: [...missing]};
}"""


def _missing_glyphs(page: Page, base_url: str) -> tuple[set[str], set[str]]:
    """The Han characters checked on PAGES, and those drawn as the missing-glyph box."""
    checked: set[str] = set()
    missing: set[str] = set()
    for path in PAGES:
        page.goto(base_url + path)
        result = page.evaluate(MISSING_GLYPHS)
        checked |= set(result["checked"])
        missing |= set(result["missing"])
    return checked, missing


def test_chinese_text_has_real_glyphs(page: Page, base_url: str) -> None:
    checked, missing = _missing_glyphs(page, base_url)
    assert len(checked) > 100, "the pages should hold Chinese text to check"
    assert not missing, (
        f"{len(missing)} Chinese characters fall back to empty boxes (no CJK font?"
        f" apt-get install fonts-noto-cjk): {''.join(sorted(missing))[:80]}"
    )


def test_the_check_fails_without_a_cjk_font(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    """The same check in a Chromium whose fontconfig knows only DejaVu (no CJK font)."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path}/cache</cachedir>"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    without_cjk = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
        env={"FONTCONFIG_FILE": str(config), "HOME": str(tmp_path)},
    )
    try:
        page = without_cjk.new_context(viewport=DESKTOP).new_page()
        checked, missing = _missing_glyphs(page, base_url)
        page.goto(base_url + "tc/foreword/")
        page.screenshot(path=tmp_path / "without-cjk.png")
    finally:
        without_cjk.close()
    assert len(checked) > 100
    assert missing == checked, f"drawn without a CJK font: {''.join(sorted(checked - missing))}"
