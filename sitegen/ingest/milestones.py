"""Milestones at ingest: the dated events a bilingual document states, one per event.

Each paragraph pair is split into aligned sentence groups exactly as the document page does
(sitegen.align.segments), so `sentence:` points at the group the page anchors as `#pN-sM`. Dates are
found in each language (sitegen.dates); an English and a Chinese mention become one
milestone when they share a group and a date (or failing that a year), or else the
paragraph and the date. A mention one language alone gives still becomes a milestone, its
other label taken from the aligned sentence, for the editor to review.

Labels are the clause around the date with the date phrase taken out: "The HKSAR Government
has just established the Digital Policy Office (DPO)" / 特區政府剛成立「數字政策辦公室」.
Editors refine them in the YAML; `merge_milestones` keeps their work on a re-ingest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..align.segments import segment_paragraphs
from ..text.dates import DateMention, find_dates, format_date
from .labels import event_label


@dataclass(frozen=True)
class _Found:
    mention: DateMention
    group: int  # 0-based sentence group of the paragraph
    text: str  # the group's text in the mention's language


def extract_milestones(paragraphs: list[dict]) -> list[dict]:
    """Content-YAML milestones for aligned paragraph pairs ({en, zh, kind?, segments?})."""
    milestones = []
    pairs = [_IngestedPair.of(paragraph) for paragraph in paragraphs]
    for number, aligned in enumerate(segment_paragraphs(pairs), start=1):
        groups = [(group.en, group.zh) for group in aligned]
        en, zh = (_mentions(groups, side) for side in (0, 1))
        for en_found, zh_found in _pair(en, zh):
            milestones.append(_milestone(en_found, zh_found, groups, number))
    return milestones


@dataclass(frozen=True)
class _IngestedPair:
    """An ingested paragraph ({en, zh, kind?, segments?}) as the grouping rule reads it."""

    en: str
    zh: str
    is_heading: bool
    segments: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, paragraph: dict) -> _IngestedPair:
        hand = tuple((group["en"], group["zh"]) for group in paragraph.get("segments") or ())
        return cls(paragraph["en"], paragraph["zh"], paragraph.get("kind") == "heading", hand)


def _mentions(groups: list[tuple[str, str]], side: int) -> list[_Found]:
    language = ("en", "zh")[side]
    return [
        _Found(mention, index, group[side])
        for index, group in enumerate(groups)
        for mention in find_dates(group[side], language)
    ]


_Rule = Callable[[_Found, _Found], bool]
_RULES: tuple[_Rule, ...] = (
    lambda e, z: e.group == z.group and e.mention.date == z.mention.date,
    lambda e, z: e.group == z.group and e.mention.date[:4] == z.mention.date[:4],
    lambda e, z: e.mention.date == z.mention.date,  # the sentence alignment erred
)


def _pair(en: list[_Found], zh: list[_Found]) -> list[tuple[_Found | None, _Found | None]]:
    """English and Chinese mentions of one event together, strictest rule first."""
    matched: dict[int, _Found] = {}
    unmatched = list(zh)
    for rule in _RULES:
        for index, found in enumerate(en):
            partner = (
                None if index in matched else next((z for z in unmatched if rule(found, z)), None)
            )
            if partner is not None:
                matched[index] = partner
                unmatched.remove(partner)
    pairs = [(found, matched.get(index)) for index, found in enumerate(en)]
    pairs += [(None, found) for found in unmatched]
    return sorted(pairs, key=lambda pair: _position(*pair))


def _position(en: _Found | None, zh: _Found | None) -> tuple[int, int, int]:
    found = en or zh
    assert found is not None
    return found.group, 0 if en else 1, found.mention.start


def _milestone(
    en: _Found | None, zh: _Found | None, groups: list[tuple[str, str]], paragraph: int
) -> dict:
    both = [found for found in (en, zh) if found is not None]
    date = max((found.mention.date for found in both), key=len)  # the more precise; en on a tie
    qualifier = next((f.mention.qualifier for f in both if f.mention.qualifier), None)
    group = both[0].group
    entry: dict = {"date": date}
    for side, (language, found) in enumerate((("en", en), ("zh", zh))):
        text, mention = (found.text, found.mention) if found else (groups[group][side], None)
        # never empty, or the file would not load: a sentence can be just its date
        entry[language] = event_label(text, mention, language) or format_date(date, language)
    entry |= {"paragraph": paragraph, "sentence": group + 1}
    if qualifier:
        entry["qualifier"] = qualifier
    return entry


def merge_milestones(extracted: Iterable[dict], existing: Iterable[dict]) -> list[dict]:
    """The milestones to write on a re-ingest: the editor's, with the newly found added.

    Every existing entry stays as the editor left it, in their order. An extracted one is
    added (at the end) only when the existing entries have fewer milestones of its year in
    its paragraph than extraction found: matching on (year, paragraph) survives an editor
    making a date more precise or rewording a label. Limit: an entry the editor deleted
    comes back, and is reported as new so they can delete it again.
    """
    kept = list(existing)
    have = Counter(_key(entry) for entry in kept)
    added = []
    for entry in extracted:
        if have[_key(entry)] > 0:
            have[_key(entry)] -= 1
        else:
            added.append(entry)
    return kept + added


def _key(entry: object) -> tuple[str, str]:
    if not isinstance(entry, dict):
        return "", ""  # kept as written; validation will say what is wrong with it
    return str(entry.get("date", ""))[:4], str(entry.get("paragraph", ""))
