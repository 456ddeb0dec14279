"""The `paragraphs:` list of a content file: aligned pairs, headings, sentence overrides."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from yaml.nodes import Node

from ..text.fingerprints import FINGERPRINT, fingerprint
from .config import TEXT_FIELDS
from .yamlnodes import Reader

PARAGRAPH_KINDS = ("paragraph", "heading")


@dataclass(frozen=True)
class Paragraph:
    en: str
    zh: str
    kind: str = "paragraph"  # or "heading"
    line: int = 0  # where it starts in its YAML file, for messages
    segments: tuple[tuple[str, str], ...] = ()  # a hand-made sentence alignment, if any
    reviewed: tuple[str, str] | None = None  # fingerprints of en and zh as last reviewed

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @cached_property  # read by every page, export and check of the paragraph
    def outdated(self) -> str | None:
        """The language ("en" or "zh") whose text may no longer translate the other: the
        other side changed since the pair was last reviewed, and this one did not. None
        when in step, never reviewed, or both sides changed (an editor revised both)."""
        if self.reviewed is None:
            return None
        en_changed = fingerprint(self.en) != self.reviewed[0]
        zh_changed = fingerprint(self.zh) != self.reviewed[1]
        if en_changed == zh_changed:
            return None
        return "zh" if en_changed else "en"


def read_paragraphs(reader: Reader, node: Node) -> tuple[Paragraph, ...] | None:
    """Every paragraph pair; a missing language, bad kind or bad override is reported."""
    result, ok = [], True
    for number, item in reader.sequence(node, "paragraphs"):
        paragraph = _paragraph(reader, item, f"paragraph {number}")
        ok = ok and paragraph is not None
        if paragraph is not None:
            result.append(paragraph)
    if ok and not result and isinstance(node, Node):
        reader.report(node, "paragraphs is empty; a document needs at least one paragraph")
    return tuple(result) if ok and result else None


def _paragraph(reader: Reader, item: Node, what: str) -> Paragraph | None:
    keys = reader.mapping(item, what, (), (*TEXT_FIELDS, "kind", "segments", "reviewed"))
    if keys is None:
        return None
    present = [f for f in TEXT_FIELDS if f in keys]
    for missing in (f for f in TEXT_FIELDS if f not in keys):
        language = "English (en)" if missing == "en" else "Chinese (zh)"
        has = f"has {'English' if present == ['en'] else 'Chinese'} text but " if present else ""
        reader.report(item, f"{what} {has}no {language} text")
    texts = {k: reader.text(keys[k], f"{what} {k}") for k in present}
    kind = reader.text(keys["kind"], f"{what} kind") if "kind" in keys else "paragraph"
    if kind is not None and kind not in PARAGRAPH_KINDS:
        reader.report(keys["kind"], f"{what} kind is {kind!r}; expected paragraph or heading")
        kind = None
    if kind is None or not all(texts.get(k) for k in TEXT_FIELDS):
        return None
    segments = _segments(reader, keys["segments"], texts, what) if "segments" in keys else ()
    reviewed = _reviewed(reader, keys["reviewed"], what) if "reviewed" in keys else ()
    if segments is None or reviewed is None:
        return None
    line = reader.line(item)
    return Paragraph(texts["en"], texts["zh"], kind, line, segments, reviewed or None)


def _reviewed(reader: Reader, node: Node, what: str) -> tuple[str, str] | None:
    """`reviewed: {en: "…", zh: "…"}`: the fingerprints `build.py review` and ingest write."""
    keys = reader.mapping(node, f"{what} reviewed", TEXT_FIELDS)
    if keys is None or len(keys) < len(TEXT_FIELDS):
        return None
    found = [reader.text(keys[k], f"{what} reviewed {k}") for k in TEXT_FIELDS]
    for field, value, key in zip(TEXT_FIELDS, found, (keys[k] for k in TEXT_FIELDS), strict=True):
        if value is not None and not FINGERPRINT.fullmatch(value):
            reader.report(
                key,
                f"{what} reviewed {field} is {value!r}, not a fingerprint; run"
                " `python3 build.py review` to write it again",
            )
            return None
    return (found[0], found[1]) if found[0] and found[1] else None


def _segments(
    reader: Reader, node: Node, texts: dict[str, str], what: str
) -> tuple[tuple[str, str], ...] | None:
    """A hand alignment: groups whose texts, joined, give back the paragraph exactly."""
    groups = []
    for number, item in reader.sequence(node, f"{what} segments"):
        keys = reader.mapping(item, f"{what} segment {number}", TEXT_FIELDS)
        if keys is None or len(keys) < len(TEXT_FIELDS):
            return None
        group = [reader.text(keys[k], f"{what} segment {number} {k}") for k in TEXT_FIELDS]
        if not all(group):
            return None
        groups.append((group[0], group[1]))
    for index, field in enumerate(TEXT_FIELDS):
        joined = "".join(group[index] for group in groups)
        if joined != texts[field]:
            at = next(
                (i for i, (a, b) in enumerate(zip(joined, texts[field], strict=False)) if a != b),
                None,
            )
            at = min(len(joined), len(texts[field])) if at is None else at
            reader.report(
                node,
                f"{what} segments: the {field} texts joined differ from the paragraph's {field}"
                f" text at character {at + 1}; segments must split the text, not change it",
            )
            return None
    return tuple(groups) if groups else None
