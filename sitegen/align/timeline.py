"""The timeline: every document's milestones in date order, and its TimelineJS export.

Dates are ISO strings of the text's precision (`2022`, `2024-07`, `2025-03-01`). A year
on its own comes before the months of that year, unless its qualifier places it later
("mid 2024", "later in 2024", "by the end of 2024"). Equal dates keep the order of the
documents and of the milestones within a document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from markupsafe import escape

from ..model import site as site_model
from ..model.content import Document, Milestone


@dataclass(frozen=True)
class Entry:
    """One milestone on the timeline, with what it needs to link back to its sentence."""

    milestone: Milestone
    document: Document
    number: int  # 1-based position in its document's milestones
    anchor: str  # the id of its sentence (pN-sM) or, failing that, of its paragraph (pN)

    @property
    def year(self) -> str:
        return self.milestone.date[:4]

    @property
    def unique_id(self) -> str:
        return f"{self.document.slug}-{self.number}"


def timeline_entries(
    documents: Iterable[Document], group_counts: Mapping[str, Sequence[int]]
) -> Timeline:
    """All milestones in date order; `group_counts` gives each document's (by slug) sentence
    groups per paragraph, so a `sentence:` beyond what the alignment has links to the
    paragraph: that is the milestone's anchor."""
    entries = []
    for document in documents:
        counts = group_counts[document.slug] if document.milestones else ()
        for number, milestone in enumerate(document.milestones, start=1):
            anchor = f"p{milestone.paragraph}"
            sentence = milestone.sentence
            if sentence and sentence <= counts[milestone.paragraph - 1]:
                anchor += f"-s{sentence}"
            entries.append(Entry(milestone, document, number, anchor))
    return Timeline(sorted(entries, key=lambda entry: when(entry.milestone)))


# Where in its year (or month) a qualified date falls: "later in 2024" comes after
# "July 2024", "early 2024" before it. Unqualified, a bare year comes first.
_PLACE_IN_PERIOD = {"mid": 0.5, "later": 0.9, "end": 1.0, "by-end": 1.0, "by": 1.0}


def when(milestone: Milestone) -> tuple[float, float, float]:
    """A sort key: (year, month, day), with the qualifier placing an imprecise date."""
    parts = [int(part) for part in milestone.date.split("-")]
    place = _PLACE_IN_PERIOD.get(milestone.qualifier or "", 0.0)
    if len(parts) == 1:
        return (parts[0], place * 13, 0)
    if len(parts) == 2:
        return (parts[0], parts[1], place * 32)
    return (parts[0], parts[1], parts[2])


def page_entries(entries: Sequence[Entry], number: int) -> list[Entry]:
    """The entries timeline page `number` (1-based) shows: TIMELINE_PAGE_SIZE a page, so a
    site of thousands of milestones has no page that lists them all."""
    size = site_model.TIMELINE_PAGE_SIZE
    return list(entries[(number - 1) * size : number * size])


class Timeline(list[Entry]):
    """Every milestone's entry in date order, and what its pages need of the whole."""

    @cached_property
    def year_starts(self) -> dict[str, int]:
        """Each year of the timeline and the page where its entries begin."""
        size = site_model.TIMELINE_PAGE_SIZE
        starts: dict[str, int] = {}
        for index, entry in enumerate(self):
            starts.setdefault(entry.year, index // size + 1)
        return starts


def by_year(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Consecutive entries grouped under their year, for the year markers."""
    return [(year, list(group)) for year, group in groupby(entries, key=lambda e: e.year)]


def timelinejs_date(date: str, display: str) -> dict[str, int | str]:
    """A TimelineJS date object: numbers for the parts the text gives, nothing made up."""
    parts = dict(zip(("year", "month", "day"), map(int, date.split("-")), strict=False))
    return {**parts, "display_date": display}  # display: HTML, escaped by the caller


def timelinejs_data(
    entries: list[Entry],
    title: tuple[str, str],
    describe: Callable[[Entry], tuple[str, str, str]],
) -> dict:
    """`/data/timeline.json` in TimelineJS 3's format.

    `describe` gives an entry's (display date, headline, HTML text); TimelineJS shows one
    language, so the caller puts the other language into the text with its own `lang`.
    """
    events = []
    for entry in entries:
        display, headline, text = describe(entry)
        events.append(
            {
                "start_date": timelinejs_date(entry.milestone.date, display),
                "text": {"headline": headline, "text": text},
                "unique_id": entry.unique_id,
                # TimelineJS decodes the group's entities, then sets it as HTML: escaped
                # twice, it shows as written (tests/browser/test_timelinejs.py).
                "group": escape(str(escape(entry.document.title["en"]))),
            }
        )
    return {"title": {"text": {"headline": title[0], "text": title[1]}}, "events": events}
