"""What ingest reads: a PDF, a Word file or text (one file holding both languages, or one
file per language), each into one-language blocks for the common half (paragraphs.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import Problem, SiteError
from ..model.files import read_regular, require_regular
from ..text.lookalikes import normalise_extracted
from ..text.scripts import EN, ZH
from .blocks import Block
from .decode import decode_source
from .dehyphenate import Vocabulary
from .paragraphs import Ingested, check_size, pair_blocks, text_blocks
from .pdf import read_pdf
from .word import read_word

MAX_SOURCE_BYTES = {".pdf": 50_000_000, ".docx": 50_000_000}  # text: MAX_TEXT_BYTES
MAX_TEXT_BYTES = 2_000_000


def ingest_file(src_path: Path, *, display_name: str, encoding: str | None = None) -> dict:
    """The content dict of a bilingual file (.pdf, .docx, or text)."""
    return read_source(src_path, display_name=display_name, encoding=encoding).content


def read_source(src_path: Path, *, display_name: str, encoding: str | None = None) -> Ingested:
    """A bilingual file as a document: the slug is the file's stem, the source its name."""
    blocks, dropped = read_blocks(src_path, display_name, encoding)
    ingested = pair_blocks(
        blocks, display_name=display_name, slug=src_path.stem, source=src_path.name
    )
    ingested.dropped = dropped
    return ingested


def read_pair(
    en_path: Path, zh_path: Path, *, display_names: tuple[str, str], encoding: str | None = None
) -> Ingested:
    """One file per language (editions published separately): each file's blocks keep the
    language of its file, whatever a line's script (an English name in the Chinese, say)."""
    blocks: list[Block] = []
    dropped: list[str] = []
    for path, shown, language in ((en_path, display_names[0], EN), (zh_path, display_names[1], ZH)):
        found, removed = read_blocks(path, shown, encoding)
        blocks += [dataclasses.replace(block, language=language) for block in found]
        dropped += [f"{shown}, {where}" for where in removed]
    ingested = pair_blocks(
        blocks, display_name=display_names[0], slug=en_path.stem, source=en_path.name
    )
    ingested.dropped = dropped
    return ingested


def read_blocks(
    src_path: Path, display_name: str, encoding: str | None = None
) -> tuple[list[Block], list[str]]:
    """A file's one-language blocks, by its kind, and the furniture dropped from it."""
    suffix = src_path.suffix.lower()
    try:
        size = require_regular(src_path, display_name)
        check_size(display_name, size, MAX_SOURCE_BYTES.get(suffix, MAX_TEXT_BYTES), "bytes")
        if suffix == ".pdf":
            blocks, dropped = read_pdf(src_path, display_name)
        elif suffix == ".docx":
            blocks, dropped = read_word(src_path, display_name), []
        else:
            text = decode_source(read_regular(src_path, display_name), display_name, encoding)
            return text_blocks(text, display_name)
    except OSError as exc:
        reason = exc.strerror or "it cannot be read"
        raise SiteError(
            Problem(display_name, None, f"cannot read the source file ({reason.lower()})")
        ) from exc
    return _normalised(blocks), dropped


def _normalised(blocks: list[Block]) -> list[Block]:
    """Look-alike characters (ligatures, radicals from a PDF's font tables) mapped back, and
    the document's own words at hand for joining words hyphenated at a line end."""
    blocks = [
        Block(b.language, [(n, normalise_extracted(t)) for n, t in b.lines], b.kind) for b in blocks
    ]
    vocabulary = Vocabulary.of_lines(text for block in blocks for _, text in block.lines)
    for block in blocks:
        block.vocabulary = vocabulary
    return blocks
