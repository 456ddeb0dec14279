"""Derived data: the sentence alignment of every paragraph pair, computed, never stored.

A hand alignment in the content (`segments:` on a paragraph) wins over the computed one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.content import Document
from .sentences import align_sentences, length_ratio

LOW_CONFIDENCE = 0.5  # below this, `build.py check` asks a reviewer to look


@dataclass(frozen=True)
class Segment:
    """An aligned group of one or more sentences in each language."""

    en: str
    zh: str
    confidence: float  # 1.0 for hand-made groups and headings
    is_manual: bool = False


def segment_document(document: Document) -> tuple[tuple[Segment, ...], ...]:
    """Per paragraph, its aligned sentence groups (their texts join back to the paragraph)."""
    ratio = length_ratio((p.en, p.zh) for p in document.paragraphs if not p.is_heading)
    result = []
    for paragraph in document.paragraphs:
        if paragraph.segments:
            groups = tuple(Segment(en, zh, 1.0, True) for en, zh in paragraph.segments)
        elif paragraph.is_heading:
            groups = (Segment(paragraph.en, paragraph.zh, 1.0),)
        else:
            aligned = align_sentences(paragraph.en, paragraph.zh, ratio)
            groups = tuple(Segment(g.en, g.zh, g.confidence) for g in aligned)
        result.append(groups)
    return tuple(result)
