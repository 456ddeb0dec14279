"""Derived scripts: Simplified Chinese from the stored Traditional text, with OpenCC."""

from __future__ import annotations

import opencc


class Converters:
    """One OpenCC converter per config, created on first use (loading one takes milliseconds)."""

    def __init__(self) -> None:
        self._converters: dict[str, opencc.OpenCC] = {}

    def convert(self, text: str, config: str | None) -> str:
        if not config:
            return text
        converter = self._converters.get(config)
        if converter is None:
            converter = self._converters[config] = opencc.OpenCC(config)
        return converter.convert(text)
