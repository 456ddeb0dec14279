"""The guide's reading order: the sections' documents as site.yaml lists them, then the
documents no section lists, by date then name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import Problems
from ..project import CONFIG_FILE, CONTENT_DIR
from .content import Document
from .sections import Section


@dataclass(frozen=True)
class Chapter:
    """A section with its documents, in reading order; `number` is 1-based, and 0 for the
    documents no section lists (`title` None), which come last."""

    number: int
    title: dict[str, str] | None
    documents: tuple[Document, ...]


def order_documents(
    sections: Sequence[Section], documents: Sequence[Document]
) -> tuple[list[Document], list[Chapter]]:
    """Every document in reading order, and the chapters; a slug no document has, or one
    listed twice, is a site.yaml error."""
    by_slug = {d.slug: d for d in documents}
    problems, placed = Problems(), {}
    chapters = []
    for number, section in enumerate(sections, start=1):
        listed = []
        for slug, line in section.slugs:
            if slug not in by_slug:
                problems.add(
                    CONFIG_FILE,
                    line,
                    f"section {number} lists '{slug}', but there is no {CONTENT_DIR}/{slug}.yaml",
                )
            elif slug in placed:
                problems.add(
                    CONFIG_FILE,
                    line,
                    f"'{slug}' is listed in section {placed[slug]} and again in section"
                    f" {number}; a document belongs to one section",
                )
            else:
                placed[slug] = number
                listed.append(by_slug[slug])
        chapters.append(Chapter(number, section.title, tuple(listed)))
    problems.raise_if_any()
    rest = sorted((d for d in documents if d.slug not in placed), key=_unlisted_order)
    if rest:
        chapters.append(Chapter(0, None, tuple(rest)))
    return [d for chapter in chapters for d in chapter.documents], chapters


def _unlisted_order(document: Document) -> tuple:
    """Dated documents first, by date ("2024" before "2024-03"), then the rest by name."""
    return (document.date is None, document.date or "", document.slug)
