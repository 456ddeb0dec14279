"""Ingest: raw bilingual text (as extracted from a PDF) into a content document.

decode -> drop page furniture -> split into one-language blocks and re-flow their lines ->
align English with Chinese -> title, paragraphs, dated milestones -> YAML. The YAML is the
reviewed source of truth afterwards, so writing it never overwrites an edited file unless
asked to, and even then the editor's milestones are kept (`keep_reviewed_milestones`).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml

from ..align.paragraphs import align_texts
from ..errors import Problem, SiteError
from ..text.lookalikes import normalise_extracted
from ..text.scripts import CONTROL_CHARACTERS, EN, ZH
from .blocks import Block, join_pieces, split_blocks
from .decode import decode_source
from .furniture import remove_furniture
from .milestones import extract_milestones, merge_milestones

_LANGUAGE_NAMES = {EN: "English", ZH: "Chinese"}
# Limits that keep ingest quick (alignment time grows with the square of the paragraphs);
# a message of the guide is a few KB and a few dozen paragraphs.
MAX_SOURCE_BYTES = 2_000_000
MAX_PARAGRAPHS = 300  # per language


def ingest_text(text: str, *, display_name: str, slug: str, source: str | None = None) -> dict:
    """A content dict (title, source, paragraphs, milestones) from decoded bilingual text."""
    # U+0085 (NEL) is a line break to YAML, and PyYAML cannot write it back in a string.
    text = normalise_extracted(text.replace("\x85", "\n"))
    _check_control_characters(text, display_name)
    blocks = split_blocks(remove_furniture(text))
    _check_languages(blocks, display_name)
    en = [block for block in blocks if block.language == EN]
    zh = [block for block in blocks if block.language == ZH]
    _check_size(display_name, max(len(en), len(zh)), MAX_PARAGRAPHS, "paragraphs in one language")
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
    return content


def _check_control_characters(text: str, display_name: str) -> None:
    """The content loader refuses control characters, so ingest must not write them; a
    form feed is a page break, which furniture removal handles."""
    found = CONTROL_CHARACTERS.search(text.replace("\f", " "))
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise SiteError(
            Problem(
                display_name,
                line,
                f"the text contains the control character U+{ord(found[0]):04X}; remove it"
                " (if the file is in another encoding, give it with --encoding)",
            )
        )


def ingest_file(src_path: Path, *, display_name: str, encoding: str | None = None) -> dict:
    """`ingest_text` on a file: the slug is the file's stem, the source its name."""
    try:
        _check_size(display_name, src_path.stat().st_size, MAX_SOURCE_BYTES, "bytes")
        data = src_path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or "it cannot be read"
        raise SiteError(
            Problem(display_name, None, f"cannot read the source file ({reason.lower()})")
        ) from exc
    text = decode_source(data, display_name, encoding)
    return ingest_text(text, display_name=display_name, slug=src_path.stem, source=src_path.name)


def slug_title(slug: str) -> str:
    """The stand-in title when the text has no heading: `annual-report` -> `Annual report`."""
    text = " ".join(slug.replace("_", " ").replace("-", " ").split()) or slug
    return text[:1].upper() + text[1:]


def is_title_from_slug(content: dict, slug: str) -> bool:
    """Whether the title was made from the file name (the CLI prints a note to edit it)."""
    stand_in = slug_title(slug)
    return content["title"] == {EN: stand_in, ZH: stand_in}


_DATE_LIKE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")


class _Dumper(yaml.SafeDumper):
    """Quotes every date-like text: PyYAML quotes `2024` but leaves `2024-07` bare."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="'" if _DATE_LIKE.match(text) else None
    ),
)


def dump_content(content: dict) -> str:
    """The document as YAML: keys in order, real characters, long lines never folded."""
    return yaml.dump(
        content,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )


def write_content(
    content: dict, dest_path: Path, *, display_name: str, force: bool = False
) -> None:
    """Write the YAML atomically; an existing file is only replaced with `force`."""
    if dest_path.exists() and not force:
        raise SiteError(
            Problem(
                display_name,
                None,
                "the file already exists and may hold reviewed edits, so ingest did not"
                " overwrite it; pass --force to replace it, or -o to write somewhere else",
            )
        )
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    data = dump_content(content).encode("utf-8")
    handle, temp_name = tempfile.mkstemp(dir=dest_path.parent, prefix=f".{dest_path.name}.")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        mode = dest_path.stat().st_mode & 0o777 if dest_path.exists() else 0o644
        os.chmod(temp_name, mode)  # mkstemp makes it private; content files are not
        os.replace(temp_name, dest_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def keep_reviewed_milestones(content: dict, dest_path: Path, *, display_name: str) -> int:
    """Before `content` replaces `dest_path`: keep the file's milestones as the editor left
    them and add only newly found ones (sitegen.milestones.merge_milestones).

    Returns how many were added. A file that cannot be read stops the ingest rather than
    lose the editor's work.
    """
    if not dest_path.exists():
        return len(content["milestones"])
    try:
        existing = yaml.safe_load(dest_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SiteError(
            Problem(
                display_name,
                None,
                f"cannot keep the reviewed milestones of this file ({type(exc).__name__}:"
                f" {str(exc).splitlines()[0]}); fix the file, or delete it to start afresh",
            )
        ) from exc
    reviewed = existing.get("milestones") if isinstance(existing, dict) else None
    if not isinstance(reviewed, list):
        return len(content["milestones"])
    content["milestones"] = merge_milestones(content["milestones"], reviewed)
    return len(content["milestones"]) - len(reviewed)


def _check_size(display_name: str, found: int, limit: int, unit: str) -> None:
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
