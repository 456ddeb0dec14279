"""The year archives: every dated document under the year of its date, newest first.

A year of a large site holds thousands of documents: its archive runs over pages of at
most ARCHIVE_PAGE_SIZE (`archive/2024/`, `archive/2024/page/2/`, ...), so no list page
lists them all. Documents without a date are in the contents only.
"""

from __future__ import annotations

from collections.abc import Iterable

from .content import Document

ARCHIVE_PAGE_SIZE = 100  # documents per year page: about 40 KB side by side
ARCHIVE_URL = "archive/"


def year_pages(documents: Iterable[Document]) -> dict[str, list[tuple[Document, ...]]]:
    """Year -> its archive pages in order, newest year first; each page's documents newest
    first (a date that says only the year after the year's precise dates), then by name."""
    by_name = sorted((d for d in documents if d.date), key=lambda d: d.slug)
    newest_first = sorted(by_name, key=lambda d: _when(d.date or ""), reverse=True)
    years: dict[str, list[Document]] = {}
    for document in newest_first:
        years.setdefault((document.date or "")[:4], []).append(document)
    size = ARCHIVE_PAGE_SIZE
    return {
        year: [tuple(found[i : i + size]) for i in range(0, len(found), size)]
        for year, found in years.items()
    }


def year_url(year: str, number: int = 1) -> str:
    """Where a year's archive page is: archive/2024/, archive/2024/page/2/."""
    return f"{ARCHIVE_URL}{year}/" + ("" if number == 1 else f"page/{number}/")


def _when(date: str) -> tuple[str, str]:
    # "2024" is the least precise: it comes after "2024-03" among the newest-first.
    return date[:4], date[5:] or "00"
