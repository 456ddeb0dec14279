"""A file's signature, and every build input's: how the preview and the build tell, without
reading a file, that it changed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..model.files import walk_files
from ..project import CONFIG_FILE, SOURCE_DIRS

Signature = tuple[int, int, int]


def file_signature(path: Path | str) -> Signature | None:
    """(mtime, size, inode): an editor's atomic save (rename over) changes the inode too."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def input_signatures(
    project: Path, skip: Callable[[str], bool] = lambda name: False
) -> dict[str, Signature]:
    """The signature of every file a build reads: site.yaml, content/, templates/, static/
    (`skip` leaves names out). A link out of the project, a loop or a pipe counts as a name
    only (the build reports it), so removing it counts as a change."""
    found: dict[str, Signature] = {}
    config = file_signature(project / CONFIG_FILE)
    if config:
        found[CONFIG_FILE] = config
    for rel in SOURCE_DIRS:  # never . or the output
        files, problems = walk_files(project, project / rel, rel, skip)
        for name, path in files:
            signature = file_signature(path)
            if signature:
                found[name] = signature
        for problem in problems:
            found[problem.file] = (0, 0, 0)
    return found
