"""Characters that PDF extraction tools produce in place of the text's own (to be filled in)."""

from __future__ import annotations


def normalise_extracted(text: str) -> str:
    """Extracted text with look-alike characters mapped back to the text's own."""
    return text
