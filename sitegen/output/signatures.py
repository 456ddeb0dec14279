"""A file's signature: how the preview tells, without reading it, that a file changed."""

from __future__ import annotations

import os
from pathlib import Path

Signature = tuple[int, int, int]


def file_signature(path: Path | str) -> Signature | None:
    """(mtime, size, inode): an editor's atomic save (rename over) changes the inode too."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)
