"""Milestone labels: the clause around a date, without the date phrase, and tidy: no
paragraph number, dateline or dangling preposition, brackets in pairs, never cut mid-phrase.
"""

from __future__ import annotations

import re

from ..text.dates import DateMention

MAX_LABEL = {"en": 80, "zh": 40}  # characters; longer labels are cut at a word, with "…"
# Whitespace runs are tried where they begin (the lookbehinds): from every space of a long
# run, `\s+[–—]` would scan the run again.
_CLAUSE = {
    "en": re.compile(r"[,;:]\s+|[.!?]\s+|(?<!\s)\s+[–—]\s+"),
    "zh": re.compile(r"[，；：。！？]"),
}
_SENTENCE = {"en": re.compile(r"[.!?]\s+"), "zh": re.compile(r"[。！？]")}
# A preposition left dangling before the date once the date is taken out: "in", 在, 到了.
_DANGLING = {
    "en": re.compile(r"(?<!\s)\s*\b(?:in|on|at|during|of)\s*$", re.I),
    "zh": re.compile(r"(?:在|於|到了|截至)\s*$"),
}
_LEADING = {
    "en": re.compile(r"^(?:and|but|with|while|which|since|as|so|then|putting)\s+", re.I),
    "zh": re.compile(r"^(?:而且|並且|以及|同時|而|並|及)"),
}
_NUMBERED = re.compile(r"^[(（]?\d{1,3}(?:\.\d{1,3})*[.)）]\s*")  # "1. ", "(3)": a paragraph number
_MIN_LABEL = {"en": 6, "zh": 2}  # shorter, the clause was little more than the date


# A news dateline before the text: "HONG KONG, –", "HONG KONG (Xinhua) -", 香港訊—.
_DATELINE = {
    "en": re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:\([^)]{0,30}\))?\s*[,，]?\s*[–—-]+\s*"),
    "zh": re.compile(r"^[\u4e00-\u9fff]{1,6}(?:訊|電)\s*[–—-]+\s*"),
}
# Where a long label may end without cutting a phrase: before a clause's conjunction or
# relative word, or at punctuation.
_PHRASE = {
    "en": re.compile(r"[,;:](?=\s)|\s(?=(?:and|which|that|to|while|with|for|by)\s+[a-z])"),
    "zh": re.compile(r"[，；：、]|(?=(?:並|及|以|而)[\u4e00-\u9fff])"),
}
_PAIRS = {"(": ")", "（": "）", "「": "」", "『": "』", "《": "》", "〈": "〉", "“": "”", "[": "]"}
_CLOSERS = set(_PAIRS.values())


def event_label(text: str, mention: DateMention | None, language: str) -> str:
    """A short label for the event: the clause around the date, without the date phrase.

    Without a mention (the other language gave the date), the first clause of the text.
    """
    if mention is None:
        found = _CLAUSE[language].search(text)
        return _tidy(text[: found.start() if found else len(text)], language)
    start, end = _around(text, mention, _CLAUSE[language])
    label = _without_date(text[start:end], mention.start - start, mention.end - start, language)
    if len(label) < _MIN_LABEL[language]:  # the clause was little more than the date
        start, end = _around(text, mention, _SENTENCE[language])
        label = _without_date(text[start:end], mention.start - start, mention.end - start, language)
    return label


def _around(text: str, mention: DateMention, boundary: re.Pattern[str]) -> tuple[int, int]:
    """The span between the boundaries (clause or sentence ends) either side of the date."""
    starts = [m.end() for m in boundary.finditer(text, 0, mention.start)]
    end = boundary.search(text, mention.end)
    return (starts[-1] if starts else 0), (end.start() if end else len(text))


def _without_date(clause: str, start: int, end: int, language: str) -> str:
    before = _DANGLING[language].sub("", clause[:start])
    joiner = " " if language == "en" else ""
    return _tidy(before.rstrip() + joiner + clause[end:].lstrip(), language)


def _tidy(label: str, language: str) -> str:
    label = " ".join(label.split()).strip(" ,.;:，。；：、")
    if label.startswith("自") and label.endswith("後"):
        label = label[1:-1].strip()  # 自 5G 服務推出後 ("since 5G's launch") → 5G 服務推出
    label = _LEADING[language].sub("", _NUMBERED.sub("", label))
    label = _DATELINE[language].sub("", label).lstrip(" –—-")
    label = label[:1].upper() + label[1:]
    if len(label) > MAX_LABEL[language]:
        label = _shortened(label, language)
    return balanced(label)


def _shortened(label: str, language: str) -> str:
    """Cut at the last clause or phrase boundary that keeps at least half the label, else
    at a word, with "…" where a phrase was cut."""
    limit = MAX_LABEL[language]
    head = label[:limit]
    boundaries = [m.start() for m in _PHRASE[language].finditer(head) if m.start() >= limit // 2]
    if boundaries:
        return head[: boundaries[-1]].rstrip(" ,;:，；：、")
    cut = head[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if language == "en" else cut).rstrip(" ,;:，；：、") + "…"


def balanced(label: str) -> str:
    """Brackets and quotes in pairs: a closing one without its opening is dropped, and an
    opening one left unclosed takes what follows it away (a cut made it half)."""
    opened: list[int] = []
    dropped: set[int] = set()
    for index, char in enumerate(label):
        if char in _PAIRS:
            opened.append(index)
        elif char in _CLOSERS:
            if opened and _PAIRS[label[opened[-1]]] == char:
                opened.pop()
            else:
                dropped.add(index)
    text = "".join(
        c for i, c in enumerate(label[: opened[0] if opened else None]) if i not in dropped
    )
    if not opened:
        return text
    text = text.rstrip(" ,;:，；：、…")
    return text + "…" if text else text
