"""Translations a document teaches itself: English words and Chinese strings that keep
turning up in the same sentence groups of its first alignment (Hunalign's second pass).

Names above all: no dictionary says that Trinket is 韋小寶 or the DPO 數字政策辦公室, but a
document that mentions them a few times does. Pairs are kept when they meet in at least
three groups and most of the time (Dice coefficient), each English word keeping the
Chinese strings it meets best.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import product

from ..text.scripts import CJK_CHARACTER
from .lexicon import english_words

MIN_TOGETHER = 3  # groups in which a pair must meet
MIN_DICE = 0.6  # 2 × together / (English count + Chinese count)
_LENGTHS = (2, 3)  # characters of the Chinese strings considered


def learn_translations(
    groups: Iterable[tuple[str, str]], simplified: Iterable[str]
) -> dict[str, frozenset[str]]:
    """Chinese string (Simplified) -> English words it translates, from aligned groups
    (English, Chinese) with the Chinese of each group given again in Simplified."""
    english_counts: Counter[str] = Counter()
    chinese_counts: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    seen = []
    for (en, _), zh in zip(groups, simplified, strict=True):
        words = {min(lemmas, key=lambda w: (len(w), w)) for lemmas in english_words(en)}
        strings = _strings(zh)
        english_counts.update(words)
        chinese_counts.update(strings)
        seen.append((words, strings))
    frequent = {w for w, n in english_counts.items() if n >= MIN_TOGETHER}
    common = {s for s, n in chinese_counts.items() if n >= MIN_TOGETHER}
    for words, strings in seen:
        held = strings & common
        for word in words & frequent:
            together.update(product((word,), held))
    scores: dict[str, dict[str, float]] = {}
    for (word, string), count in together.items():
        dice = 2 * count / (english_counts[word] + chinese_counts[string])
        if count >= MIN_TOGETHER and dice >= MIN_DICE:
            scores.setdefault(word, {})[string] = dice
    learned: dict[str, set[str]] = {}
    for word, found in scores.items():
        best = max(found.values())
        for string, dice in found.items():
            if dice >= best - 0.05:  # 劉志強, 劉志 and 志強 meet "Lau" alike: all of them
                learned.setdefault(string, set()).add(word)
    return {string: frozenset(words) for string, words in learned.items()}


def _strings(text: str) -> set[str]:
    chars = "".join(CJK_CHARACTER.findall(text))
    return {chars[i : i + n] for n in _LENGTHS for i in range(len(chars) - n + 1)}
