"""Listings (model/listing.py): what list pages show of a document, written out once per
document object."""

from __future__ import annotations

import dataclasses

import pytest

from sitegen.model import listing
from sitegen.model.content import DateStyle, Document, Milestone, Paragraph
from sitegen.model.listing import listings


def _document(slug: str) -> Document:
    milestone = Milestone(date="2024", en="Opened", zh="啟用", paragraph=1)
    paragraph = Paragraph(en="A sentence.", zh="一句。")
    return Document(slug, {"en": slug, "zh": slug}, (paragraph,), (milestone,), f"{slug}.yaml")


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    slugs: list[str] = []
    real = listing._listing
    monkeypatch.setattr(listing, "_listing", lambda d: slugs.append(d.slug) or real(d))
    return slugs


def test_a_listing_is_written_out_once_while_it_is_the_same_object(written) -> None:
    documents = [_document(slug) for slug in "abc"]
    first = listings(documents)
    assert sorted(written) == ["a", "b", "c"]
    written.clear()
    assert listings(documents) == first and written == []
    copy = dataclasses.replace(documents[1])  # equal, but another object: written again
    assert listings([documents[0], copy, documents[2]]) == first and written == ["b"]


def test_only_the_last_calls_documents_are_kept(written) -> None:
    old, new = _document("old"), _document("new")
    listings([old])
    listings([new])
    written.clear()
    listings([old, new])
    assert written == ["old"]  # dropped by the call without it


@pytest.mark.parametrize(
    "change",
    [
        {"title": {"en": "Renamed", "zh": "改名"}},
        {"date": "2024-05-01"},
        {"author": {"en": "A. Writer", "zh": "作者"}},
        {"date_style": DateStyle(en_month_first=True)},
        {"milestones": (Milestone("2024", "Opened", "啟用", paragraph=1, sentence=2),)},
    ],
)
def test_every_field_a_list_shows_is_in_the_listing(change: dict) -> None:
    document = _document("a")
    before = listings([document])["a"]
    assert listings([dataclasses.replace(document, **change)])["a"] != before


def test_no_part_holds_a_newline() -> None:
    document = dataclasses.replace(_document("a"), title={"en": "Two\nlines", "zh": "兩\n行"})
    own, milestones = listings([document])["a"]
    assert "\n" not in own and not any("\n" in m for m in milestones)
