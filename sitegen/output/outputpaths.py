"""Output paths: what a build may write where, checked before anything is written."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Set
from pathlib import PurePosixPath

from ..errors import SiteError


def safe_output_path(rel_path: object) -> str:
    """An output path from a journal: relative, inside the output, never `..`."""
    path = PurePosixPath(str(rel_path))
    if not isinstance(rel_path, str) or path.is_absolute() or ".." in path.parts or not rel_path:
        raise ValueError(f"not a path inside the output: {rel_path!r}")
    return rel_path


def folders_of(files: Iterable[str]) -> set[str]:
    """Every folder that holds one of `files` (output paths), at any depth."""
    folders: set[str] = set()
    for rel in files:
        end = rel.rfind("/")
        while end > 0 and rel[:end] not in folders:
            folders.add(rel[:end])
            end = rel.rfind("/", 0, end)
    return folders


def is_present(out_dir: str, file: str, intact: Set[str]) -> bool:
    """Whether the output path `file` is a file in `out_dir`: without a look when its folder
    is in `intact`, as the last build left it (uptodate.py; a deletion would have changed
    the folder's signature)."""
    end = file.rfind("/")
    if (file[:end] if end > 0 else "") in intact:
        return True
    return os.path.isfile(os.path.join(out_dir, file))


def check_no_clashes(files: Mapping[str, str]) -> None:
    """A file and a folder of one name cannot both be written: refuse before the journal."""
    clashes = sorted(folders_of(files) & files.keys())
    if clashes:
        raise SiteError(f"{clashes[0]}: the site has both a file and a folder of this name")
