"""The one grouping rule: a paragraph pair as aligned sentence groups, and what follows from it.

Rendering, milestone extraction at ingest, the timeline's anchors and `check` all group
sentences here, so a `#pN-sM` anchor means the same group everywhere. A hand alignment in
the content (`segments:` on a paragraph) wins over the computed one; a heading is one group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model.content import Document
from .lexical import simplified
from .lexicon import load_index
from .sentences import align_document

LOW_CONFIDENCE = 0.5  # below this, `build.py check` asks a reviewer to look


class Pair(Protocol):
    """A paragraph pair as the content model or ingest has it."""

    @property
    def en(self) -> str: ...
    @property
    def zh(self) -> str: ...
    @property
    def is_heading(self) -> bool: ...
    @property
    def segments(self) -> tuple[tuple[str, str], ...]: ...


@dataclass(frozen=True)
class Segment:
    """An aligned group of one or more sentences in each language."""

    en: str
    zh: str
    confidence: float  # 1.0 for hand-made groups and headings
    is_manual: bool = False


Groups = tuple[tuple[Segment, ...], ...]  # per paragraph, its groups


@dataclass(frozen=True)
class Derived:
    """What a document's pages and exports need besides the document: computed once,
    before any template runs."""

    groups: Groups
    counts: tuple[int, ...]  # sentence groups per paragraph; 0 for a heading (no anchors)


def segment_paragraphs(paragraphs: Sequence[Pair]) -> Groups:
    """Per paragraph, its aligned sentence groups (their texts join back to the paragraph);
    the paragraphs to align are aligned together, as one document (sentences.py)."""
    to_align = [p for p in paragraphs if not p.segments and not p.is_heading]
    aligned = iter(align_document([(p.en, p.zh) for p in to_align]))
    result = []
    for paragraph in paragraphs:
        if paragraph.segments:
            groups = tuple(Segment(en, zh, 1.0, True) for en, zh in paragraph.segments)
        elif paragraph.is_heading:
            groups = (Segment(paragraph.en, paragraph.zh, 1.0),)
        else:
            groups = tuple(Segment(g.en, g.zh, g.confidence) for g in next(aligned))
        result.append(groups)
    return tuple(result)


def prepare_derive() -> None:
    """Load what deriving needs once (the dictionary), before worker processes fork, so
    that they share it rather than each loading its own."""
    load_index()
    simplified("")


def derive_document(document: Document) -> Derived:
    groups = segment_paragraphs(document.paragraphs)
    counts = tuple(
        0 if p.is_heading else len(g) for p, g in zip(document.paragraphs, groups, strict=True)
    )
    return Derived(groups, counts)
