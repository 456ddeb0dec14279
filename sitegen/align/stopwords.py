"""English words that carry no lexical evidence, and the lemmas an English word may have."""

from __future__ import annotations

from functools import cache

_STOPWORDS = """
a an the and or but if then than so as of at by for from in into on onto to up down out
off over under with without about after before again against all any both each few more
most other some such no nor not only own same too very can will just don should now i me
my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this
that these those am is are was were be been being have has had having do does did doing
would could ought i'm you're he's she's it's we're they're i've you've we've they've i'd
you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't
weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't
cannot couldn't mustn't let's that's who's what's here's there's when's where's why's
how's here there when where why how s t also yet still ever even one much many may might
must shall upon while whether because through during until
"""
STOPWORDS = frozenset(_STOPWORDS.split())
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "went": "go",
    "gone": "go",
    "took": "take",
    "taken": "take",
    "came": "come",
    "saw": "see",
    "seen": "see",
    "thought": "think",
    "told": "tell",
    "knew": "know",
    "known": "know",
    "got": "get",
    "made": "make",
    "gave": "give",
    "given": "give",
    "found": "find",
    "left": "leave",
    "felt": "feel",
    "began": "begin",
    "stood": "stand",
    "held": "hold",
    "brought": "bring",
    "heard": "hear",
    "ran": "run",
    "sat": "sit",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "feet": "foot",
    "teeth": "tooth",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
    "ate": "eat",
    "fell": "fall",
    "lay": "lie",
    "lain": "lie",
    "kept": "keep",
    "slept": "sleep",
    "met": "meet",
    "paid": "pay",
    "sold": "sell",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "lost": "lose",
    "meant": "mean",
    "stuck": "stick",
    "struck": "strike",
    "taught": "teach",
    "caught": "catch",
    "bought": "buy",
    "fought": "fight",
    "drew": "draw",
    "drove": "drive",
    "flew": "fly",
    "grew": "grow",
    "threw": "throw",
    "wore": "wear",
    "woke": "wake",
    "rode": "ride",
    "rose": "rise",
    "broke": "break",
    "chose": "choose",
    "forgot": "forget",
    "hid": "hide",
    "bit": "bite",
    "shook": "shake",
    "understood": "understand",
}
_SUFFIXES = (
    ("ies", "y"),
    ("ied", "y"),
    ("ves", "f"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("ily", "y"),
    ("er", ""),
    ("est", ""),
)


@cache
def lemmas(word: str) -> frozenset[str]:
    """The word and the base forms it may be an inflection of (`studies` -> `study`)."""
    found = {word}
    if word in _IRREGULAR:
        found.add(_IRREGULAR[word])
    for suffix, replacement in _SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3:
            found.add(stem + replacement)
            if len(stem) >= 4 and stem[-1] == stem[-2]:  # stopped -> stop
                found.add(stem[:-1])
    return frozenset(found)
