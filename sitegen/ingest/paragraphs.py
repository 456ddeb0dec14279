"""Ingest's common half: one-language blocks (from text, a PDF or a Word file) into a
content document: English aligned with Chinese, the title, paragraphs, dated milestones.

For text (as extracted from a PDF by any tool) this module also does the front half:
normalise look-alike characters -> drop page furniture -> split into one-language blocks
and re-flow their lines. What was dropped, and the pairs worth a second look, travel with
the result (`Ingested`), so that nothing vanishes silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..align.doubts import document_doubts
from ..align.paragraphs import align_texts
from ..errors import Problem, SiteError
from ..text.lookalikes import normalise_extracted
from ..text.scripts import EN, FORBIDDEN_CHARACTERS, ZH, describe_forbidden
from .blocks import Block, join_pieces, split_blocks
from .furniture import remove_furniture
from .milestones import extract_milestones
from .textcolumns import separate_columns

_LANGUAGE_NAMES = {EN: "English", ZH: "Chinese"}
# Alignment time grows with the square of the paragraphs; a message of the guide has a few
# dozen.
MAX_PARAGRAPHS = 300  # per language


@dataclass
class Ingested:
    content: dict  # title, source, paragraphs, milestones: the content YAML
    dropped: list[str] = field(default_factory=list)  # furniture: "page 3: Annual Report"
    doubts: dict[int, list[str]] = field(default_factory=dict)  # paragraph index -> reasons


def ingest_text(text: str, *, display_name: str, slug: str, source: str | None = None) -> dict:
    """A content dict (title, source, paragraphs, milestones) from decoded bilingual text."""
    blocks, _ = text_blocks(text, display_name)
    return pair_blocks(blocks, display_name=display_name, slug=slug, source=source).content


def text_blocks(text: str, display_name: str) -> tuple[list[Block], list[str]]:
    """Decoded text as one-language blocks, and the lines dropped as page furniture."""
    # U+0085 (NEL) is a line break to YAML, and PyYAML cannot write it back in a string.
    raw = text.replace("\x85", "\n")
    text = normalise_extracted(raw)
    _check_control_characters(text, display_name)
    columns = separate_columns(raw)  # found before look-alikes change lengths; then mapped
    kept = remove_furniture(columns.lines, scattered=columns.scattered)
    numbers = {number for number, _ in kept}
    dropped = [
        f"line {number}: {line.strip()}"
        for number, line in enumerate(text.split("\n"), start=1)
        if line.replace("\f", "").strip() and number not in numbers
    ]
    return split_blocks(kept), dropped


def pair_blocks(
    blocks: list[Block], *, display_name: str, slug: str, source: str | None = None
) -> Ingested:
    """Align the English blocks with the Chinese, and make the document of the pairs."""
    _check_languages(blocks, display_name)
    en = [block for block in blocks if block.language == EN]
    zh = [block for block in blocks if block.language == ZH]
    check_size(display_name, max(len(en), len(zh)), MAX_PARAGRAPHS, "paragraphs in one language")
    beads = align_texts(
        [block.text for block in en],
        [block.text for block in zh],
        en_kinds=[block.kind for block in en],
        zh_kinds=[block.kind for block in zh],
    )
    pairs = [_pair([en[i] for i in en_ids], [zh[j] for j in zh_ids]) for en_ids, zh_ids in beads]
    if pairs[0].get("kind") == "heading":
        title = {EN: pairs[0][EN], ZH: pairs[0][ZH]}
        pairs = pairs[1:]
    else:
        title = {EN: slug_title(slug), ZH: slug_title(slug)}
    content: dict = {"title": title}
    if source is not None:
        content["source"] = source
    content["paragraphs"] = pairs
    content["milestones"] = extract_milestones(pairs)
    doubts = document_doubts((p[EN], p[ZH], p.get("kind") == "heading") for p in pairs)
    return Ingested(content, doubts=doubts)


def _check_control_characters(text: str, display_name: str) -> None:
    """The content loader refuses control characters, non-characters and bidirectional
    controls, so ingest must not write them; a form feed is a page break, which furniture
    removal handles."""
    found = FORBIDDEN_CHARACTERS.search(text.replace("\f", " "))
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise SiteError(
            Problem(
                display_name,
                line,
                f"the text contains {describe_forbidden(found[0])}; remove it"
                " (if the file is in another encoding, give it with --encoding)",
            )
        )


def slug_title(slug: str) -> str:
    """The stand-in title when the text has no heading: `annual-report` -> `Annual report`."""
    text = " ".join(slug.replace("_", " ").replace("-", " ").split()) or slug
    return text[:1].upper() + text[1:]


def is_title_from_slug(content: dict, slug: str) -> bool:
    """Whether the title was made from the file name (the CLI prints a note to edit it)."""
    stand_in = slug_title(slug)
    return content["title"] == {EN: stand_in, ZH: stand_in}


def check_size(display_name: str, found: int, limit: int, unit: str) -> None:
    if found > limit:
        raise SiteError(
            Problem(
                display_name,
                None,
                f"the file is too large to ingest ({found:,} {unit}; the limit is {limit:,});"
                " split it into one file per document",
            )
        )


def _check_languages(blocks: list[Block], display_name: str) -> None:
    if not blocks:
        raise SiteError(
            Problem(
                display_name,
                1,
                "the file has no text; expected English paragraphs and their Chinese translation",
            )
        )
    for language, other in ((EN, ZH), (ZH, EN)):
        if all(block.language == language for block in blocks):
            found, missing = _LANGUAGE_NAMES[language], _LANGUAGE_NAMES[other]
            raise SiteError(
                Problem(
                    display_name,
                    blocks[0].line,
                    f"the file has only {found} text, no {missing}; expected each"
                    f" paragraph in both English and Traditional Chinese",
                )
            )


def _pair(en: list[Block], zh: list[Block]) -> dict:
    """One aligned entry; several blocks on a side are joined like wrapped lines."""
    entry = {EN: _joined(en, EN), ZH: _joined(zh, ZH)}
    if all(block.kind == "heading" for block in en + zh):
        entry["kind"] = "heading"
    return entry


def _joined(blocks: list[Block], language: str) -> str:
    text = ""
    for block in blocks:
        text = join_pieces(text, block.text, language)
    return text
