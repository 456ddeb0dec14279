"""Translations a document teaches itself: English words and Chinese strings that keep
turning up in the same sentence groups of its first alignment (Hunalign's second pass).

Names above all: no dictionary says that Trinket is 韋小寶 or the DPO 數字政策辦公室, but a
document that mentions them a few times does. Pairs are kept when they meet in at least
three groups and most of the time (Dice coefficient), each English word keeping the
Chinese strings it meets best.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..text.scripts import CJK_CHARACTER
from .lexicon import english_words

MIN_TOGETHER = 3  # groups in which a pair must meet
MIN_DICE = 0.6  # 2 × together / (English count + Chinese count)
_LENGTHS = (2, 3)  # characters of the Chinese strings considered
_SLACK = 1e-9  # so rounding never keeps a size the bound allows out of the search


def learn_translations(
    groups: Iterable[tuple[str, str]], simplified: Iterable[str]
) -> dict[str, frozenset[str]]:
    """Chinese string (Simplified) -> English words it translates, from aligned groups
    (English, Chinese) with the Chinese of each group given again in Simplified."""
    # Each word and string as the bit mask of the groups it occurs in: a pair's meetings
    # are one AND, and the words (or strings) that occur in exactly the same groups, like
    # the substrings of a name, are weighed once together.
    english: dict[str, int] = {}
    chinese: dict[str, int] = {}
    for bit, ((en, _), zh) in enumerate(zip(groups, simplified, strict=True)):
        flag = 1 << bit
        for word in {min(lemmas, key=lambda w: (len(w), w)) for lemmas in english_words(en)}:
            english[word] = english.get(word, 0) | flag
        for string in _strings(zh):
            chinese[string] = chinese.get(string, 0) | flag
    words_in, strings_in = _by_groups(english), _by_groups(chinese)
    by_size = sorted((mask.bit_count(), mask) for mask in strings_in)
    sizes = [size for size, _ in by_size]
    scores: dict[str, dict[str, float]] = {}
    for groups_of_words, words in words_in.items():
        size = groups_of_words.bit_count()
        # Dice reaches MIN_DICE only between sizes within this ratio of each other.
        low = bisect.bisect_left(sizes, size * MIN_DICE / (2 - MIN_DICE) - _SLACK)
        high = bisect.bisect_right(sizes, size * (2 - MIN_DICE) / MIN_DICE + _SLACK)
        for other, groups_of_strings in by_size[low:high]:
            count = (groups_of_words & groups_of_strings).bit_count()
            dice = 2 * count / (size + other)
            if count >= MIN_TOGETHER and dice >= MIN_DICE:
                met = dict.fromkeys(strings_in[groups_of_strings], dice)
                for word in words:
                    scores.setdefault(word, {}).update(met)
    learned: dict[str, set[str]] = {}
    for word, found in scores.items():
        best = max(found.values())
        for string, dice in found.items():
            if dice >= best - 0.05:  # 劉志強, 劉志 and 志強 meet "Lau" alike: all of them
                learned.setdefault(string, set()).add(word)
    return {string: frozenset(words) for string, words in learned.items()}


def _by_groups(masks: dict[str, int]) -> dict[int, list[str]]:
    """The items met in at least MIN_TOGETHER groups, by the groups they occur in."""
    found: dict[int, list[str]] = {}
    for item, mask in masks.items():
        if mask.bit_count() >= MIN_TOGETHER:
            found.setdefault(mask, []).append(item)
    return found


def _strings(text: str) -> set[str]:
    chars = "".join(CJK_CHARACTER.findall(text))
    return {chars[i : i + n] for n in _LENGTHS for i in range(len(chars) - n + 1)}
