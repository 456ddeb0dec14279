"""The band of an alignment table that large paragraphs search (align/band.py), and that
aligning in it costs what the paragraph's length does, not its square."""

from __future__ import annotations

import itertools
import random

import pytest

from sitegen.align import band, paragraphs, search
from sitegen.align.paragraphs import align_texts
from sitegen.align.search import SentenceAligner
from sitegen.align.sentences import PRIORS, align_sentences


def test_a_small_table_is_searched_whole() -> None:
    assert band.rows([10] * 5, [3] * 7) == [range(8)] * 6


def test_a_large_table_keeps_to_the_lengths_diagonal() -> None:
    # The first half of the English is short sentences, the second long: the diagonal bends.
    en = [10] * 200 + [40] * 200
    zh = [5] * 400
    found = band.rows(en, zh, width=10)
    assert found[0].start == 0 and found[-1].stop == 401
    assert all(len(r) <= 2 * 10 + 1 + 4 for r in found)  # narrow: the diagonal moves slowly
    middle = found[200]  # a fifth of the characters: a fifth of the Chinese
    assert middle.start <= 80 <= middle.stop
    for before, after in itertools.pairwise(found):
        assert after.start <= before.stop - 1  # consecutive rows overlap
        assert before.start <= after.start


def _paragraph(sentences: int, seed: int) -> tuple[str, str, list[tuple[int, int]]]:
    """A paragraph pair with a known alignment: mostly 1:1, now and then 2:1 or 1:2."""
    rng = random.Random(seed)
    words = ["council", "policy", "district", "support", "review", "innovation", "digital"]
    en, zh, shapes = [], [], []
    while len(en) < sentences:
        shape = rng.choice([(1, 1)] * 8 + [(2, 1), (1, 2)])
        size = rng.randint(8, 30)
        for _ in range(shape[0]):
            en.append(" ".join(rng.choice(words) for _ in range(size)).capitalize() + ".")
        for _ in range(shape[1]):
            zh.append("政" * round(size * 1.6 / shape[1] * shape[0]) + "。")
        shapes.append(shape)
    return " ".join(en), "".join(zh), shapes


def test_the_band_finds_what_the_whole_table_finds(monkeypatch) -> None:
    en, zh, _ = _paragraph(300, seed=3)
    banded = align_sentences(en, zh, ratio=0.3)
    monkeypatch.setattr(band, "FULL_SEARCH_UP_TO", 10**9)
    whole = align_sentences(en, zh, ratio=0.3)
    assert [(g.en, g.zh) for g in banded] == [(g.en, g.zh) for g in whole]


@pytest.mark.parametrize("sentences", [400, 1600])
def test_cost_grows_with_the_paragraph_not_its_square(monkeypatch, sentences: int) -> None:
    evaluated = 0
    original = SentenceAligner._fixed_cost  # once per bead the search weighs (a band: no memo)

    def counted(self, i: int, j: int, a: int, b: int) -> float:
        nonlocal evaluated
        evaluated += 1
        return original(self, i, j, a, b)

    monkeypatch.setattr(search.SentenceAligner, "_fixed_cost", counted)
    en, zh, _ = _paragraph(sentences, seed=5)
    groups = align_sentences(en, zh, ratio=0.3)
    assert "".join(g.en for g in groups) == en and "".join(g.zh for g in groups) == zh
    per_sentence = evaluated / sentences
    assert per_sentence >= 1  # the spy sees the search's beads
    # Whole table: `sentences` × shapes per sentence; the band: a constant.
    assert per_sentence <= (2 * band.BAND_WIDTH + 6) * len(PRIORS)


def test_paragraph_alignment_widens_a_band_that_finds_no_path(monkeypatch) -> None:
    # The first English paragraph holds most of the characters, so the diagonal leaps past
    # the Chinese a bead can reach from the start: no paragraph may stay alone, so a band
    # of 1 holds no path, and the aligner must widen it rather than fail.
    en = ["Policy. " * 400] + ["A sentence of some length about policy."] * 149
    zh = ["政策" * 10] * 150
    widths: list[int] = []
    original = band.rows

    def recorded(en_lengths, zh_lengths, width=band.BAND_WIDTH):
        widths.append(width)
        return original(en_lengths, zh_lengths, width)

    monkeypatch.setattr(paragraphs, "BAND_WIDTH", 1)
    monkeypatch.setattr(paragraphs, "rows", recorded)
    beads = align_texts(en, zh)
    assert widths[:2] == [1, 2]
    assert [i for bead in beads for i in bead[0]] == list(range(150))
    assert [j for bead in beads for j in bead[1]] == list(range(150))
