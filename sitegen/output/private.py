"""The cache's files (`.sitegen-cache/`): pickles written atomically into folders only this
user may write, behind a header holding a checksum of the rest, and read back only when
they are ours (a pickle can run code). Anything else (damaged, truncated, foreign) reads as
nothing: rebuilt, never trusted, never an error.

Kept apart from the store so the up-to-date check (uptodate.py) reads its record without
importing the loader and the aligner."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

_MAGIC = b"sitegen-cache 1 "


def output_name(out_dir: Path) -> str:
    """The name under which the cache keeps what it knows of one output folder."""
    return digest(str(out_dir.resolve()).encode("utf-8"))


def read_private(path: Path) -> object | None:
    """What `write_private` stored at `path`, or None if the file is missing or not ours."""
    try:
        for item in (path.parent, path):
            info = item.stat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
        data = path.read_bytes()
        header, _, payload = data.partition(b"\n")
        if header != _MAGIC + digest(payload).encode("ascii"):
            return None
        return pickle.loads(payload)
    except Exception:  # unreadable, or a pickle of classes this code no longer has
        return None


def write_private(path: Path, value: object) -> None:
    """Atomically, into a folder only this user may write; a failure only loses the cache."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MAGIC + digest(payload).encode("ascii") + b"\n" + payload)
        os.replace(temporary, path)
    except OSError:
        pass


def digest(data: bytes) -> str:
    """A short checksum of `data` (128 bits), as hexadecimal."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
