"""What the pages that list documents (home, contents, years, feeds, timeline, data files)
show of each document, written out as text once per document object.

Their cache keys are made of it, at every build, for every document: through dataclass
reprs that cost 0.4 s a rebuild at 10,000 documents. The preview's store hands back the
same objects for unchanged files, so the text is kept for the objects the last call had
(held, so an id cannot be reused while it is kept) and an edit writes out one document's.
This trusts that a loaded document is never changed in place (its title and author are
dicts: nothing writes to them after loading); a changed document is a new object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from operator import attrgetter

from .content import DateStyle, Document, Milestone

_MILESTONE = attrgetter(*(field.name for field in fields(Milestone)))  # every field, in order
_DATE_STYLE = attrgetter(*(field.name for field in fields(DateStyle)))

# Its own part (slug, title, date, author, date style), then each milestone's; no part
# holds a newline (each is a repr).
Listing = tuple[str, tuple[str, ...]]

_last: dict[int, tuple[Document, Listing]] = {}


def listings(documents: Sequence[Document]) -> dict[str, Listing]:
    """Each document's listing, by slug."""
    global _last
    kept, _last = _last, {}
    found = {}
    for document in documents:
        known = kept.get(id(document))
        if known is None or known[0] is not document:
            known = (document, _listing(document))
        _last[id(document)] = known
        found[document.slug] = known[1]
    return found


def _listing(document: Document) -> Listing:
    style = _DATE_STYLE(document.date_style)
    own = repr((document.slug, document.title, document.date, document.author, style))
    return own, tuple(repr(_MILESTONE(milestone)) for milestone in document.milestones)
