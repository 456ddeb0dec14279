"""The output folder: which folders may be built into, one build at a time, and the marker
that says a folder is ours. Writing into it is the journal's job (journal.py)."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from ..errors import Problem, SiteError
from ..project import SOURCE_DIRS, TESTS_DIR

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; one build at a time is then up to you
    fcntl = None  # type: ignore[assignment]

_LOCK_WAIT_SECONDS = 1.0
# Written into every output folder, so a later build knows the folder is ours to write.
MARKER = ".sitegen"
MARKER_TEXT = b"Written by `python3 build.py`: its files are replaced on every build.\n"


class Previous:
    """Stands for a file whose bytes are those of the previous build's file of that name."""

    def __repr__(self) -> str:
        return "PREVIOUS"


PREVIOUS = Previous()


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """One build at a time per output folder (two would mix their journals).

    The lock is on the folder that holds the output (a lock file would be one more file
    in the user's project), so builds into two outputs side by side also wait in turn.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    handle = os.open(out_dir.parent, os.O_RDONLY)
    try:
        _lock(handle, out_dir)
        yield
    finally:
        os.close(handle)


def _lock(handle: int, out_dir: Path) -> None:
    """The lock, waiting a moment: a killed build's workers take that long to end."""
    deadline = time.monotonic() + _LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise SiteError(
                    f"another build is writing into {out_dir.parent} right now;"
                    " wait for it to finish"
                ) from None
            time.sleep(0.05)


class Output(Protocol):
    """Where a build puts its files: written as rendered (in any process; `write` returns
    the file's digest, which the parent `adopt`s from its workers), visible after commit."""

    changed: list[str]  # after commit: the output paths written or deleted

    def __enter__(self) -> Output: ...
    def __exit__(self, *exc_info: object) -> None: ...
    def write(self, rel_path: str, data: bytes | Previous) -> str: ...
    def read(self, rel_path: str) -> bytes: ...
    def digest(self, rel_path: str) -> str: ...
    def adopt(self, files: Mapping[str, str]) -> None: ...
    def commit(self, keep: tuple[str, ...] = ()) -> None: ...


def check_output_dir(out_dir: Path, project: Path) -> Path:
    """Refuse output folders where the build's deletions would destroy the user's files."""
    out_dir, project = out_dir.resolve(), project.resolve()
    protected = {Path("/"), Path.home().resolve(), project}
    protected |= {project / name for name in (*SOURCE_DIRS, TESTS_DIR)}
    if out_dir in protected or out_dir in project.parents:
        raise SiteError(
            f"refusing to build into {out_dir}: the build deletes whatever in its output is"
            " not part of the site, so it must be a folder of its own, such as _site"
        )
    _refuse_inside_sources(out_dir, project)
    if out_dir.exists() and not out_dir.is_dir():
        raise SiteError(f"the output {out_dir} exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise SiteError(
            f"refusing to build into {out_dir}: it holds files this tool did not write"
            " (no .sitegen marker); choose an empty or new folder with --out"
        )
    return out_dir


def _refuse_inside_sources(out_dir: Path, project: Path) -> None:
    """An output inside content/, templates/ or static/ would be read by the next build
    and published inside its own output, growing without end."""
    for name in SOURCE_DIRS:
        if out_dir.is_relative_to(project / name):
            raise SiteError(
                f"refusing to build into {out_dir}: it is inside {name}/, which the build"
                f" reads, so each build would copy the last one into itself; choose a folder"
                f" outside {', '.join(f'{n}/' for n in SOURCE_DIRS)}, such as _site"
            )


def write_failure(error: OSError, out_dir: Path, rel_path: str) -> SiteError:
    """A file the build could not write (a full disk, a read-only folder), named with its
    output folder: nothing of the new site is visible yet."""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        reason += "; free some space, then build again"
    message = f"cannot write {rel_path} ({reason}); the previous output is untouched"
    return SiteError(Problem(str(out_dir), None, message))
