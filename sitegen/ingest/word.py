"""Read a Word file (.docx) with python-docx: its paragraphs in body order, tables row by
row (a two-column table of English and Chinese is a common bilingual layout), headings by
style, and the language of each paragraph by its script."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import Problem, SiteError
from ..text.scripts import EN, ZH, line_language
from .blocks import Block

MAX_UNPACKED = 200_000_000  # bytes: a .docx is a zip, and a zip can be a bomb
_HEADING_STYLES = ("title", "subtitle", "heading")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # an encrypted .docx is an OLE container, not a zip


def read_word(path: Path, display_name: str) -> list[Block]:
    """One block per non-empty paragraph, in reading order; the line is its number."""
    document = _open(path, display_name)
    try:
        found = list(_paragraphs(document))
    except Exception as error:  # a malformed table or style deep in the XML
        raise _problem(display_name, _damaged(error)) from None
    blocks: list[Block] = []
    for number, (text, style) in enumerate(found, start=1):
        text = " ".join(text.split())
        if not text:
            continue
        language = line_language(text) or (blocks[-1].language if blocks else EN)
        kind = "heading" if style.lower().startswith(_HEADING_STYLES) else "paragraph"
        blocks.append(Block(ZH if language == ZH else EN, [(number, text)], kind))
    return blocks


def _open(path: Path, display_name: str) -> object:
    import docx

    with path.open("rb") as handle:
        if handle.read(4) == _OLE_SIGNATURE:
            raise _problem(
                display_name,
                "the Word file is password-protected (encrypted); save a copy without a"
                " password and ingest that",
            )
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(entry.file_size for entry in archive.infolist()) > MAX_UNPACKED:
                raise _problem(display_name, "the Word file unpacks to more than 200 MB")
        return docx.Document(str(path))
    except SiteError:
        raise
    except Exception as error:  # not a zip, a missing part, broken XML: all a damaged file
        raise _problem(display_name, _damaged(error)) from None


def _damaged(error: Exception) -> str:
    return (
        f"the Word file cannot be read ({type(error).__name__}); is it a complete .docx"
        " saved by Word or LibreOffice?"
    )


def _paragraphs(container: object) -> Iterator[tuple[str, str]]:
    """(text, style name) of every paragraph: body paragraphs and table cells in order,
    a cell merged across columns once, tables inside cells too."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Paragraph):
            yield item.text, item.style.name if item.style is not None else ""
        elif isinstance(item, Table):
            for row in item.rows:
                seen: list[object] = []  # a merged cell repeats once per column it spans
                for cell in row.cells:
                    if not any(cell._tc is other for other in seen):
                        seen.append(cell._tc)
                        yield from _paragraphs(cell)


def _problem(display_name: str, message: str) -> SiteError:
    return SiteError(Problem(display_name, None, message))
