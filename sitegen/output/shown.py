"""The keys of the site-wide units only the build can key, once documents are derived: a
timeline page's is the entries it shows (titles, milestones, the anchors they link to, how
each document writes dates) with where every year begins; the data files' is every
document's titles and milestones and every anchor. An edit that moves no anchor leaves
them as they were. Each document's part is its listing (model/listing.py), written out
once per document, not once per entry and again for the data files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cached_property

from ..align.timeline import Timeline, page_entries
from ..model.content import Document
from ..model.listing import listings
from ..model.units import Unit


class Shown:
    """What each unit shows of the documents, as a digest (a unit without a page: the data
    files; with one: that timeline page)."""

    def __init__(self, documents: Sequence[Document], timeline: Timeline) -> None:
        self.documents, self.timeline = documents, timeline
        self._of = listings(documents)

    def __call__(self, unit: Unit) -> str:
        if not unit.page:
            return self._everything
        shown = [repr(self.timeline.year_starts)]
        for entry in page_entries(self.timeline, unit.page):
            own, milestones = self._of[entry.document.slug]
            shown += (own, milestones[entry.number - 1], str(entry.number), entry.anchor)
        return _digest(shown)

    @cached_property
    def _everything(self) -> str:
        shown = []
        for document in self.documents:
            own, milestones = self._of[document.slug]
            shown += (own, str(len(milestones)), *milestones)
        shown += (f"{e.document.slug} {e.number} {e.anchor}" for e in self.timeline)
        return _digest(shown)


def _digest(parts: list[str]) -> str:
    """One digest of strings none of which holds a newline (each is a repr, a number or
    an anchor), so joined by newlines two different lists never read the same."""
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
