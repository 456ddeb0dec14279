"""The keys of the site-wide units only the build can key, once documents are derived: a
timeline page's is the entries it shows (titles, milestones, the anchors they link to, how
each document writes dates) with where every year begins; the data files' is every
document's titles and milestones and every anchor. An edit that moves no anchor leaves
them as they were.

What a document shows is written out once per document (not once per entry and again for
the data files), and kept for the documents the next build has again: the preview's
store hands back the same objects for unchanged files, so at 10,000 documents an edit
writes out one document's instead of all 10,000 (0.4 s a rebuild).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import fields
from functools import cached_property
from operator import attrgetter

from ..align.timeline import Timeline, page_entries
from ..model.content import DateStyle, Document, Milestone
from ..model.units import Unit

_MILESTONE = attrgetter(*(field.name for field in fields(Milestone)))  # every field, in order
_DATE_STYLE = attrgetter(*(field.name for field in fields(DateStyle)))

# What a document shows: its own part (slug, title, date style), then each milestone's.
DocumentShown = tuple[str, tuple[str, ...]]

# id(document) -> (the document, what it shows): the last build's documents only. The
# document is held, so its id cannot be reused while it is here.
_last_shown: dict[int, tuple[Document, DocumentShown]] = {}


class Shown:
    """What each unit shows of the documents, as a digest (a unit without a page: the data
    files; with one: that timeline page)."""

    def __init__(self, documents: Sequence[Document], timeline: Timeline) -> None:
        global _last_shown
        self.documents, self.timeline = documents, timeline
        kept, _last_shown = _last_shown, {}
        for document in documents:
            known = kept.get(id(document))
            if known is None or known[0] is not document:
                known = (document, _document_shown(document))
            _last_shown[id(document)] = known
        self._of = {d.slug: text for d, text in _last_shown.values()}

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


def _document_shown(document: Document) -> DocumentShown:
    own = repr((document.slug, document.title, _DATE_STYLE(document.date_style)))
    return own, tuple(repr(_MILESTONE(milestone)) for milestone in document.milestones)


def _digest(parts: list[str]) -> str:
    """One digest of strings none of which holds a newline (each is a repr, a number or
    an anchor), so joined by newlines two different lists never read the same."""
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
