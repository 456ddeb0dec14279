"""Lexical evidence inside a paragraph pair: which English content words find a translation
in which Chinese sentence, and which Chinese characters those translations cover.

Computed once per paragraph as bit masks, so scoring any group of sentences during the
search is a few OR operations: a group scores for each English word whose translation it
holds and each Chinese character a translation of its English covers, and loses for each
it misses, as likely as such a match is between sentences that translate each other and
between sentences that do not.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from ..text.scripts import CJK_CHARACTER
from .lexicon import english_words, load_index

_LONGEST = 4  # characters of a dictionary word
# How often an English word finds a translation in its own Chinese sentence, and in a
# neighbouring one it does not translate; likewise a Chinese character covered by the
# translations of its English sentence's words (measured on the development set, bench/).
MATCHED = {True: 0.515, False: 0.155}
# The characters of one Chinese word are covered together, not one by one: they count as
# less than independent evidence.
CHARACTER_SHARE = 0.4
COVERED = {True: 0.297, False: 0.081}


@cache
def _weights(rates: tuple[float, float], others: int) -> tuple[float, float]:
    """Log likelihood ratios of a hit and a miss for a unit weighed against `others`
    sentences of the other language at once: more sentences, more chance hits, so a hit
    counts for less (a group of two is no better for the matches chance gives it)."""
    right, wrong = rates
    # In logarithms, so that a group of hundreds of sentences stays finite.
    hit_right = -math.expm1(math.log1p(-right) + (others - 1) * math.log1p(-wrong))
    hit_wrong = -math.expm1(others * math.log1p(-wrong))
    return math.log(hit_right / hit_wrong), math.log((1 - right) / (1 - wrong))


_WIDEST = 4  # sentences on one side of a group, but where a paragraph needs more


class Evidence:
    """For every sentence and every run of up to four sentences of the other language:
    how many of its English words the run's Chinese holds, how many of the run's Chinese
    characters its words translate. Tables, so scoring a group is a few additions."""

    def __init__(
        self,
        en_known: Sequence[int],
        zh_chars: Sequence[int],
        matched: Sequence[Sequence[int]],
        covered: Sequence[Sequence[int]],
    ) -> None:
        self.en_known, self.zh_chars = en_known, zh_chars
        shorter = max(1, min(len(en_known), len(zh_chars)))
        widest = max(_WIDEST, -(-max(len(en_known), len(zh_chars)) // shorter))
        # words[j][b][i]: English words of sentences before i found in Chinese j..j+b (b
        # from 1), so a group's count is one subtraction
        self.words = _run_totals(matched, widest)
        # characters[i][a][j]: characters of Chinese before j covered by English i..i+a
        self.characters = _run_totals(list(zip(*covered, strict=True)), widest)
        # Totals up to each sentence, and the weights of a hit and a miss by group size (a
        # group of 0 is never scored: its place holds a filler).
        self._en_ends = list(itertools.accumulate(en_known, initial=0))
        self._zh_ends = list(itertools.accumulate(zh_chars, initial=0))
        sizes = range(widest + 1)
        self._word_weights = [_weights((MATCHED[True], MATCHED[False]), n or 1) for n in sizes]
        self._char_weights = [_weights((COVERED[True], COVERED[False]), n or 1) for n in sizes]

    def score(self, i: int, a: int, j: int, b: int) -> float:
        """Evidence that English sentences i..i+a say what Chinese j..j+b say: the log
        likelihood ratio of the words matched and characters covered, against sentences
        that do not translate each other (negative: less than those would match)."""
        before_words = self.words[j][b]
        words = before_words[i + a] - before_words[i]
        before_characters = self.characters[i][a]
        characters = before_characters[j + b] - before_characters[j]
        missed_words = self._en_ends[i + a] - self._en_ends[i] - words
        missed_characters = self._zh_ends[j + b] - self._zh_ends[j] - characters
        word_hit, word_miss = self._word_weights[b]
        char_hit, char_miss = self._char_weights[a]
        chinese = characters * char_hit + missed_characters * char_miss
        return words * word_hit + missed_words * word_miss + CHARACTER_SHARE * chinese


def _run_totals(rows: Sequence[Sequence[int]], widest: int) -> list[list[list[int]]]:
    """totals[k][n][r]: over rows[0..r), the bits set in row[k..k+n] together (bit masks,
    n from 1 to `widest`), summed."""
    size = len(rows[0]) if rows else 0
    totals = [[[0] for _ in range(widest + 1)] for _ in range(size)]
    for row in rows:
        for start, cell in enumerate(totals):
            mask = 0
            cell[0].append(0)
            for n, end in enumerate(range(start + 1, start + widest + 1), start=1):
                if end <= size:
                    mask |= row[end - 1]
                sums = cell[n]
                sums.append(sums[-1] + mask.bit_count())
    return totals


def evidence(
    en: Sequence[str],
    zh: Sequence[str],
    learned: Mapping[str, frozenset[str]] | None = None,
    words: list[Found] | None = None,
    learned_found: list[Found] | None = None,
) -> Evidence | None:
    """The evidence for a paragraph's sentences, or None without a dictionary; `learned`
    adds the translations the document taught itself (cooccurrence.py); `words` are the
    sentences' dictionary words and `learned_found` their learned ones, if already found."""
    index = load_index()
    if not index and not learned:
        return None
    known, taught = _english_vocabulary(), _taught(learned)
    en_words = [
        [w for w in english_words(text) if not (w.isdisjoint(known) and w.isdisjoint(taught))]
        for text in en
    ]
    found = words or dictionary_words(zh)
    if learned:  # a word both know is found twice: its masks are ORed, so that is harmless
        extra = learned_found if learned_found is not None else learned_words(zh, learned)
        found = [[*base, *more] for base, more in zip(found, extra, strict=True)]
    lemma_sets = [frozenset().union(*words) for words in en_words]
    translated = [_translated(f) for f in found]
    matched = [[_matched_words(words, t) for t in translated] for words in en_words]
    # A dictionary word no English sentence of the paragraph translates covers nothing.
    everywhere = frozenset().union(*lemma_sets)
    relevant = [[w for w in f if not w[2].isdisjoint(everywhere)] for f in found]
    covered = [[_covered_characters(lemmas, f) for f in relevant] for lemmas in lemma_sets]
    zh_chars = tuple(len(CJK_CHARACTER.findall(text)) for text in zh)
    return Evidence(tuple(map(len, en_words)), zh_chars, matched, covered)


def learned_words(zh: Sequence[str], learned: Mapping[str, frozenset[str]]) -> list[Found]:
    """The learned words of each Chinese sentence, by CJK character position."""
    lengths = sorted({len(word) for word in learned if len(word) <= _LONGEST})
    found: list[Found] = []
    for text in zh:
        chars = "".join(CJK_CHARACTER.findall(simplified(text)))
        found.append(
            [
                (start, size, learned[chars[start : start + size]])
                for start in range(len(chars))
                for size in lengths
                if start + size <= len(chars) and chars[start : start + size] in learned
            ]
        )
    return found


def teaches_anything(
    en: Sequence[str], learned_found: Sequence[Found], learned: Mapping[str, frozenset[str]]
) -> bool:
    """Whether learned translations change a paragraph's evidence: a learned word in its
    Chinese, or an English word that only learning makes known (it can now be missed)."""
    if any(learned_found):
        return True
    known, taught = _english_vocabulary(), _taught(learned)
    return any(
        w.isdisjoint(known) and not w.isdisjoint(taught) for text in en for w in english_words(text)
    )


Found = list[tuple[int, int, frozenset[str]]]  # (first CJK character, length, English words)


def dictionary_words(zh: Sequence[str]) -> list[Found]:
    """The dictionary words of each Chinese sentence (kept by the aligner between passes,
    so a second pass only looks for the words the document taught itself)."""
    return [_dictionary_words(simplified(text), load_index()) for text in zh]


def _dictionary_words(text: str, index: Mapping[str, frozenset[str]]) -> Found:
    """Every dictionary word in a Chinese text, by CJK character position."""
    chars = "".join(CJK_CHARACTER.findall(text))
    found, get, size = [], index.get, len(chars)
    for start in range(size):
        for end in range(start + 1, min(start + _LONGEST, size) + 1):
            english = get(chars[start:end])
            if english:
                found.append((start, end - start, english))
    return found


def _translated(found: Found) -> set[str]:
    """Every English word the dictionary words of a Chinese sentence translate."""
    words: set[str] = set()
    for _, _, english in found:
        words |= english
    return words


def _matched_words(words: list[frozenset[str]], translated: set[str]) -> int:
    mask = 0
    for position, lemmas in enumerate(words):
        if not lemmas.isdisjoint(translated):
            mask |= 1 << position
    return mask


def _covered_characters(lemmas: frozenset[str], found: Found) -> int:
    mask = 0
    for start, length, english in found:
        if not english.isdisjoint(lemmas):
            mask |= ((1 << length) - 1) << start
    return mask


@cache
def _english_vocabulary() -> frozenset[str]:
    """Every English word the dictionary knows."""
    return frozenset().union(*load_index().values())


def _taught(learned: Mapping[str, frozenset[str]] | None) -> frozenset[str]:
    return frozenset().union(*learned.values()) if learned else frozenset()


@cache
def _converter() -> object:
    import opencc

    return opencc.OpenCC("hk2s")


@lru_cache(maxsize=4096)  # a document's sentences, met again in its second pass
def simplified(text: str) -> str:
    """Chinese in the dictionary's script: Simplified, the variants of each character met."""
    return _converter().convert(text)  # type: ignore[attr-defined]
