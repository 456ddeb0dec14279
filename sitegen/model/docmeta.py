"""A document's optional facts about itself: its date, its author and its source file.

Dates are read the way milestones' dates are (one reader for both): YYYY, YYYY-MM or
YYYY-MM-DD, quoted or not (the composed node's text is read, never YAML's timestamp).
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node

from .config import TEXT_FIELDS
from .yamlnodes import Reader

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def read_date(reader: Reader, node: Node, what: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year; else reported."""
    raw = getattr(node, "value", None)
    match = _DATE.match(raw) if isinstance(raw, str) else None
    if not match:
        reader.report(node, f"{what} is {raw!r}; expected YYYY, YYYY-MM or YYYY-MM-DD in quotes")
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        reader.report(node, f"{what} {raw!r} is not a real date")
        return None
    return raw


def read_author(reader: Reader, node: Node) -> dict[str, str] | None:
    """`author: Name` (the same in both languages) or `author: {en: ..., zh: ...}`."""
    if not isinstance(node, MappingNode):
        name = reader.text(node, "author")
        return dict.fromkeys(TEXT_FIELDS, name) if name else None
    keys = reader.mapping(node, "author", TEXT_FIELDS)
    if keys is None:
        return None
    names = {k: reader.text(v, f"author.{k}") for k, v in keys.items()}
    return names if all(names.get(k) for k in TEXT_FIELDS) else None  # type: ignore[return-value]


@dataclass(frozen=True)
class SourceFile:
    """A document's source file found in content/: its name, and its bytes' digest (what
    tells a build that the copy in the output is out of date; not its time, so that two
    builds of the same files are the same, manifest included)."""

    name: str
    digest: str


def source_file(content_dir: Path, source: str | None) -> SourceFile | None:
    """The source when it is a plain file in content/ (the PDF a document came from, say),
    to be copied into the output; None for a file elsewhere or missing."""
    if not source or "/" in source or "\\" in source or source.startswith("."):
        return None
    path = content_dir / source
    if path.is_symlink() or not path.is_file():
        return None
    return SourceFile(source, hashlib.sha256(path.read_bytes()).hexdigest())
