"""A short fingerprint of a text, to tell later whether it changed: the same for the same
words however the lines are broken or the characters composed."""

from __future__ import annotations

import hashlib
import re
import unicodedata

LENGTH = 10  # hex digits: collisions between two versions of one paragraph are negligible
FINGERPRINT = re.compile(rf"[0-9a-f]{{{LENGTH}}}")


def fingerprint(text: str) -> str:
    """Ten hex digits of SHA-256 over the text, NFC-composed, with runs of white space as one
    space and none at either end (re-flowing a paragraph in the YAML is not a change)."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:LENGTH]
