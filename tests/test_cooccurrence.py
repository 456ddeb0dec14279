"""What a document teaches itself: the fast search by group masks learns exactly the pairs
the definition (met in at least three groups, Dice at least 0.6, each word keeping its best
strings) gives, counted here pair by pair."""

from __future__ import annotations

import random
from collections import Counter

from sitegen.align.cooccurrence import MIN_DICE, MIN_TOGETHER, _strings, learn_translations
from sitegen.align.lexicon import english_words

ENGLISH = ["harbour", "bridge", "tunnel", "ferry", "tower", "market", "school", "garden"]
CHINESE = ["海港", "大橋", "隧道", "渡輪", "高塔", "街市", "學校", "花園", "九龍", "新界"]


def counted_pair_by_pair(groups: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    words = [{min(w, key=lambda x: (len(x), x)) for w in english_words(en)} for en, _ in groups]
    strings = [_strings(zh) for _, zh in groups]
    english, chinese = (
        Counter(w for ws in words for w in ws),
        Counter(s for ss in strings for s in ss),
    )
    pairs = zip(words, strings, strict=True)
    together = Counter((w, s) for ws, ss in pairs for w in ws for s in ss)
    scores: dict[str, dict[str, float]] = {}
    for (word, string), count in together.items():
        dice = 2 * count / (english[word] + chinese[string])
        if count >= MIN_TOGETHER and dice >= MIN_DICE:
            scores.setdefault(word, {})[string] = dice
    learned: dict[str, set[str]] = {}
    for word, found in scores.items():
        best = max(found.values())
        for string, dice in found.items():
            if dice >= best - 0.05:
                learned.setdefault(string, set()).add(word)
    return {string: frozenset(words) for string, words in learned.items()}


def random_groups(seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    groups = []
    for _ in range(rng.randint(3, 40)):
        pairs = rng.sample(range(len(ENGLISH)), rng.randint(1, 4))
        en = " ".join(ENGLISH[k] for k in pairs if rng.random() > 0.2) or "nothing"
        zh = "，".join(CHINESE[k if rng.random() > 0.3 else -1] for k in pairs) + "。"
        groups.append((en + ".", zh))
    return groups


def test_the_masks_learn_exactly_what_counting_every_pair_learns() -> None:
    learned_something = 0
    for seed in range(60):
        groups = random_groups(seed)
        expected = counted_pair_by_pair(groups)
        assert learn_translations(groups, [zh for _, zh in groups]) == expected, seed
        learned_something += bool(expected)
    assert learned_something > 30  # the comparison is about real learning, not two empties


def test_a_pair_met_twice_teaches_nothing_however_faithful() -> None:
    groups = [("The ferry left.", "渡輪開出。"), ("A ferry came.", "渡輪到了。")]
    assert learn_translations(groups, [zh for _, zh in groups]) == {}
    groups.append(("Ferry again.", "又是渡輪。"))
    assert learn_translations(groups, [zh for _, zh in groups])["渡輪"] == {"ferry"}


def test_a_string_found_everywhere_is_no_translation_of_a_rare_word() -> None:
    # 學校 in all ten groups, "garden" in three of them: Dice 6 / 13 is below 0.6.
    groups = [("A garden.", "學校花園。")] * 3 + [("Plain.", "學校。")] * 7
    learned = learn_translations(groups, [zh for _, zh in groups])
    assert "garden" in learned["花園"]
    assert "學校" not in learned
