"""Print, as Chromium prints it to PDF (read back with pdfminer): the address, the date and
the page numbers in the margins, no page where one language's column runs on beside an
empty one, and the timeline's year badges clear of its line."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

A4_WIDTH = 595  # points
MARGIN = 18 * 72 / 25.4  # the stylesheet's 18 mm, in points


def printed(page: Page) -> list[list[tuple[float, float, str]]]:
    """Each printed page's text boxes as (x, y from the top, text)."""
    pdf = page.pdf(prefer_css_page_size=True)
    pages = []
    for layout in extract_pages(BytesIO(pdf)):
        boxes = [
            (box.x0, layout.height - box.y1, box.get_text().strip())
            for box in layout
            if isinstance(box, LTTextContainer) and box.get_text().strip()
        ]
        pages.append(boxes)
    return pages


@pytest.mark.parametrize("path", ["foreword/", "tc/foreword/", "timeline/"])
def test_the_margins_say_where_when_and_which_page(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    pages = printed(page)
    year = str(datetime.date.today().year)
    for number, boxes in enumerate(pages, 1):
        top = " ".join(text for _, y, text in boxes if y < MARGIN)
        bottom = " ".join(text for _, y, text in boxes if y > 842 - MARGIN)
        assert base_url + path in top and year in top, (number, top)
        assert f"{number} / {len(pages)}" in bottom, (number, bottom)


@pytest.mark.parametrize("width", [1280, 390])
def test_no_column_runs_on_beside_an_empty_one(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})  # the window printed from
    page.goto(base_url + "foreword/")
    pages = printed(page)
    assert len(pages) >= 2, "the foreword prints on more than one page"
    for number, boxes in enumerate(pages, 1):
        body = [(x, y, text) for x, y, text in boxes if MARGIN < y < 842 - MARGIN]
        left = [y for x, y, _ in body if x < A4_WIDTH / 2]
        right = [y for x, y, _ in body if x >= A4_WIDTH / 2]
        assert bool(left) == bool(right), f"page {number}: one column only: {body[:3]}"
        if number > 1:  # (the first starts with the title) both columns start level:
            assert (
                abs(min(left) - min(right)) < 24
            )  # neither a paragraph's tail alone, f"page {number}: {body[:4]}"


def test_the_timeline_badges_are_clear_of_its_line(page: Page, base_url: str) -> None:
    page.emulate_media(media="print")
    page.goto(base_url + "timeline/")
    line = page.evaluate(
        "(() => { const r = document.querySelector('.timeline').getBoundingClientRect();"
        " return r.left + parseFloat(getComputedStyle(document.querySelector('.timeline'))"
        ".borderLeftWidth); })()"
    )
    lefts = page.eval_on_selector_all(
        ".year-marker", "els => els.map(e => e.getBoundingClientRect().left)"
    )
    assert lefts and all(left >= line for left in lefts), (line, lefts)
