"""The keys of the timeline pages and the data files (output/shown.py): what they show of
every document, so an edit that changes none of it leaves them as they were."""

from __future__ import annotations

import dataclasses

import pytest

from sitegen.align.timeline import timeline_entries
from sitegen.model.content import DateStyle, Document, Milestone, Paragraph
from sitegen.model.units import Unit
from sitegen.output.shown import Shown

DATA = Unit("*data*", ("data/timeline.json",), ("sitemap.xml",))
PAGE_1 = Unit("*timeline-1*", ("timeline/index.html",), ("timeline.html",), page=1)


def _document(slug: str, year: str = "2024", text: str = "Opened") -> Document:
    paragraph = Paragraph(en="An English sentence.", zh="一句中文。")
    milestone = Milestone(date=year, en=text, zh="啟用", paragraph=1)
    return Document(slug, {"en": slug, "zh": slug}, (paragraph,), (milestone,), f"{slug}.yaml")


def _keys(documents: list[Document]) -> tuple[str, str]:
    timeline = timeline_entries(documents, {d.slug: (1,) for d in documents})
    shown = Shown(documents, timeline)
    return shown(DATA), shown(PAGE_1)


def test_a_paragraph_edit_leaves_the_keys_as_they_were() -> None:
    documents = [_document("a"), _document("b", "2023")]
    before = _keys(documents)
    edited = dataclasses.replace(documents[0], paragraphs=(Paragraph(en="New.", zh="新。"),))
    assert _keys([edited, documents[1]]) == before


@pytest.mark.parametrize(
    "change",
    [
        {"title": {"en": "Renamed", "zh": "改名"}},
        {"milestones": (Milestone(date="2024", en="Closed", zh="啟用", paragraph=1),)},
        {
            "milestones": (
                Milestone(date="2024", en="Opened", zh="啟用", paragraph=1, qualifier="mid"),
            )
        },
        {"date_style": DateStyle(zh_spaced=True)},
    ],
)
def test_what_the_pages_show_changes_their_keys(change: dict) -> None:
    documents = [_document("a"), _document("b", "2023")]
    data, page = _keys(documents)
    edited = dataclasses.replace(documents[0], **change)
    new_data, new_page = _keys([edited, documents[1]])
    assert new_data != data and new_page != page


def test_a_moved_anchor_changes_the_keys() -> None:
    """A milestone on sentence 2 links to p1-s2 once the paragraph has two groups, to p1
    while it has one: the same documents, another anchor."""
    milestone = Milestone(date="2024", en="Opened", zh="啟用", paragraph=1, sentence=2)
    documents = [dataclasses.replace(_document("a"), milestones=(milestone,))]
    one, two = (Shown(documents, timeline_entries(documents, {"a": c})) for c in ((1,), (2,)))
    assert one(DATA) != two(DATA) and one(PAGE_1) != two(PAGE_1)
