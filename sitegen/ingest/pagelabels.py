"""Page labels: a page number as printers put it, alone on a line or beside a running line.

`3`, `- 3 -`, `Page 3`, `Page 3 of 12`, `3 / 12`, `第 3 頁`, `第 3 頁，共 12 頁`, and a
bilingual guide's `Page 3 | 第 3 頁` (which pdftotext may cut into `Page 3 |` and `第 3 頁`).
In `pdftotext -layout` output a label may sit beside the text of a running line, a wide
gap between: `Annual Report 2024        Page 3`, `12        CAHK Guide 2025`.
"""

from __future__ import annotations

import re

NUMBER = r"(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?"  # 3, - 3 -
_LABEL = (
    r"(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"  # Page 3, Page 3 of 12
    r"|\d{1,3}\s*/\s*\d{1,3}"  # 3 / 12
    r"|第\s*\d{1,3}\s*[頁页](?:\s*[，,/]?\s*共\s*\d{1,3}\s*[頁页])?"  # 第 3 頁
)
_ONE = f"{NUMBER}|{_LABEL}"
# One label, or two (one per language) with a bar or a dot between, the second maybe cut off
_PAGE_NUMBER = re.compile(f"(?:{_ONE})(?:\\s*[|·•]\\s*(?:{_ONE})?)?", re.IGNORECASE)
_LABEL_AT_END = re.compile(f"(?:{_ONE})$", re.IGNORECASE)
_LABEL_AT_START = re.compile(f"(?:{_ONE})(?=\\s)", re.IGNORECASE)
_LONGEST_LABEL = 24  # `第 123 頁，共 456 頁`: only a line's last characters are looked at


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def glued_label(text: str) -> tuple[str, str] | None:
    """The text and the page label of a line that has one beside it, a wide gap between."""
    stripped = text.rstrip()
    found = _LABEL_AT_END.search(stripped, max(0, len(stripped) - _LONGEST_LABEL))
    if found and _is_wide_gap(stripped[: found.start()]):
        return stripped[: found.start()].rstrip(), found[0]
    body = text.lstrip()
    found = _LABEL_AT_START.match(body)
    if found and _is_wide_gap(body[found.end() :], at_end=False):
        return body[found.end() :].lstrip(), found[0]
    return None


def _is_wide_gap(text: str, at_end: bool = True) -> bool:
    """Text ending (or, not `at_end`, starting) in a tab or 3+ spaces, with text beyond."""
    rest = text.rstrip() if at_end else text.lstrip()
    gap = text[len(rest) :] if at_end else text[: len(text) - len(rest)]
    return bool(rest.strip()) and (len(gap) >= 3 or "\t" in gap)
