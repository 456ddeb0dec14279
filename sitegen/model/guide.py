"""The guide as a book: its chapters in reading order, the table of contents split into
pages of at most CONTENTS_PAGE_SIZE documents, and each document's neighbours.

A list page never lists every document of a large site: at 10,000 documents the contents
runs to a hundred pages (`contents/`, `contents/page/2/`, ...), each a few dozen kilobytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .archive import year_pages
from .content import Document
from .order import Chapter

CONTENTS_PAGE_SIZE = 100  # documents per contents page: about 40 KB side by side
COVER_SIZE = 12  # documents per chapter the home page (the cover) shows


@dataclass(frozen=True)
class Listing:
    """One chapter's documents on one contents page (`continued`: it began on an earlier)."""

    chapter: Chapter
    documents: tuple[Document, ...]
    continued: bool


@dataclass
class Guide:
    """The reading order and what follows from it; built once per build."""

    chapters: list[Chapter]
    documents: list[Document]  # in reading order

    @cached_property
    def contents(self) -> list[list[Listing]]:
        """The contents pages, each a list of chapter listings (at least one page)."""
        pages: list[list[Listing]] = [[]]
        room = CONTENTS_PAGE_SIZE
        for chapter in self.chapters:
            rest, continued = chapter.documents, False
            while rest or not continued:
                if room == 0:
                    pages.append([])
                    room = CONTENTS_PAGE_SIZE
                taken, rest = rest[:room], rest[room:]
                pages[-1].append(Listing(chapter, taken, continued))
                room -= len(taken)
                continued = True
                if not rest:
                    break
        return pages

    @cached_property
    def years(self) -> dict[str, list[tuple[Document, ...]]]:
        """Year -> its archive pages' documents (model/archive.py), newest year first."""
        return year_pages(self.documents)

    @cached_property
    def chapter_pages(self) -> dict[int, int]:
        """Chapter number -> the 1-based contents page where it begins."""
        found: dict[int, int] = {}
        for number, listings in enumerate(self.contents, start=1):
            for listing in listings:
                found.setdefault(listing.chapter.number, number)
        return found

    @cached_property
    def _position(self) -> dict[str, tuple[int, Chapter]]:
        return {
            d.slug: (i, chapter)
            for i, (d, chapter) in enumerate((d, c) for c in self.chapters for d in c.documents)
        }

    def neighbours(self, document: Document) -> tuple[Document | None, Document | None]:
        """The previous and the next document in reading order."""
        index = self._position[document.slug][0]
        before = self.documents[index - 1] if index > 0 else None
        after = self.documents[index + 1] if index + 1 < len(self.documents) else None
        return before, after

    def chapter_of(self, document: Document) -> Chapter:
        return self._position[document.slug][1]

    def cover(self) -> list[tuple[Chapter, tuple[Document, ...]]]:
        """What the home page lists: each chapter with its first COVER_SIZE documents."""
        return [(c, c.documents[:COVER_SIZE]) for c in self.chapters]
