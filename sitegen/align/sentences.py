"""Sentence alignment inside paragraph pairs: which English sentences say what which Chinese
sentences say.

The paragraph aligner's method (paragraphs.py, Gale & Church 1993) at sentence scale, with
Hunalign's lexical evidence added (lexical.py): dynamic programming (search.py) over groups
of sentences, each costing the improbability of its length ratio (calibrated on the whole
document), a price for every anchor it leaves unmatched (`$3 billion` meets `30 億`), less
the dictionary's evidence that its two sides translate each other. Groups may take up to
four sentences on a side, or leave a sentence alone (one the translator added or left out).

How often each shape occurs depends on the translation: Hong Kong government texts go
sentence by sentence, a literary translator splits a long Chinese sentence into three
English ones. So a document is aligned twice: once with general priors, then with priors
re-estimated from the shapes of its own first alignment.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..text.sentences import split_chinese, split_english
from .cooccurrence import learn_translations
from .lexical import simplified
from .paragraphs import text_length
from .search import SentenceAligner, Shape

DEFAULT_RATIO = 0.3  # Chinese characters per English one in Hong Kong government text
# General priors of the group shapes (English:Chinese), Gale & Church's with wider ones.
PRIORS: dict[Shape, float] = {
    (1, 1): 0.89, (1, 2): 0.0445, (2, 1): 0.0445, (2, 2): 0.011, (1, 3): 0.005, (3, 1): 0.005,
    (3, 2): 0.002, (2, 3): 0.002, (4, 1): 0.002, (1, 4): 0.002, (1, 0): 0.001, (0, 1): 0.001,
}  # fmt: skip
PSEUDO_COUNT = 10  # groups' worth of weight the general priors keep against a document's own
SECOND_PASS_FROM = 20  # groups: a shorter document has too few to learn its shapes or names


@dataclass(frozen=True)
class SentenceGroup:
    en: str  # one or more consecutive English sentences (or none), concatenated
    zh: str  # one or more consecutive Chinese sentences (or none), concatenated
    confidence: float  # 0..1; low means a reviewer should look


def length_ratio(pairs: Iterable[tuple[str, str]]) -> float:
    """Chinese length per English length over a whole document (DEFAULT_RATIO if empty)."""
    en_total = zh_total = 0
    for en, zh in pairs:
        en_total, zh_total = en_total + text_length(en), zh_total + text_length(zh)
    return zh_total / en_total if en_total and zh_total else DEFAULT_RATIO


def align_document(pairs: Sequence[tuple[str, str]]) -> list[list[SentenceGroup]]:
    """Every paragraph pair of a document as aligned groups: lengths calibrated and shape
    priors re-estimated on the document itself."""
    ratio = length_ratio(pairs)
    prepared = [_prepare(en, zh, ratio) for en, zh in pairs]
    shapes = [aligner.best_shapes(PRIORS) if aligner else [] for _, _, aligner in prepared]
    if sum(map(len, shapes)) < SECOND_PASS_FROM:  # too few groups to learn from
        return [_groups(*p, found) for p, found in zip(prepared, shapes, strict=True)]
    priors = document_priors(shape for found in shapes for shape in found)
    first = [
        group
        for (en, zh, _), found in zip(prepared, shapes, strict=True)
        for group in _texts(en, zh, found)
    ]
    learned = learn_translations(first, (simplified(zh) for _, zh in first))
    for _, _, aligner in prepared:
        if aligner is not None:
            aligner.learn(learned)
    return [
        _groups(en, zh, aligner, aligner.best_shapes(priors) if aligner else [])
        for en, zh, aligner in prepared
    ]


def align_sentences(
    en: str, zh: str, ratio: float, priors: Mapping[Shape, float] = PRIORS
) -> list[SentenceGroup]:
    """One paragraph pair as aligned groups; their texts join back to `en` and `zh` exactly.

    A side without any text leaves one group with confidence 0 (nothing can be aligned).
    """
    en_parts, zh_parts, aligner = _prepare(en, zh, ratio)
    return _groups(en_parts, zh_parts, aligner, aligner.best_shapes(priors) if aligner else [])


def document_priors(shapes: Iterable[Shape]) -> dict[Shape, float]:
    """The general priors moved towards the shapes a document's first alignment used."""
    counts = Counter(shapes)
    weights = {shape: counts[shape] + PSEUDO_COUNT * p for shape, p in PRIORS.items()}
    total = sum(weights.values())
    return {shape: weight / total for shape, weight in weights.items()}


def _prepare(en: str, zh: str, ratio: float) -> tuple[list[str], list[str], SentenceAligner | None]:
    en_parts, zh_parts = split_english(en), split_chinese(zh)
    if not en_parts or not zh_parts:
        return en_parts, zh_parts, None
    if not (math.isfinite(ratio * text_length(en)) and ratio > 0):
        ratio = DEFAULT_RATIO  # none, negative, or so large that expected lengths overflow
    return en_parts, zh_parts, SentenceAligner(en_parts, zh_parts, ratio)


def _groups(
    en_parts: list[str],
    zh_parts: list[str],
    aligner: SentenceAligner | None,
    shapes: list[Shape],
) -> list[SentenceGroup]:
    if aligner is None:
        en, zh = "".join(en_parts), "".join(zh_parts)
        return [SentenceGroup(en, zh, 0.0)] if en or zh else []
    starts = itertools.accumulate(
        shapes, lambda at, s: (at[0] + s[0], at[1] + s[1]), initial=(0, 0)
    )
    return [
        SentenceGroup(en, zh, aligner.confidence(i, j, a, b))
        for (en, zh), (i, j), (a, b) in zip(
            _texts(en_parts, zh_parts, shapes), starts, shapes, strict=False
        )
    ]


def _texts(en_parts: list[str], zh_parts: list[str], shapes: list[Shape]) -> list[tuple[str, str]]:
    """The (English, Chinese) texts of the groups `shapes` make of the sentences."""
    texts, i, j = [], 0, 0
    for a, b in shapes:
        texts.append(("".join(en_parts[i : i + a]), "".join(zh_parts[j : j + b])))
        i, j = i + a, j + b
    return texts
