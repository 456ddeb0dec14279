"""Write the rendered site atomically: a staging folder beside the output, swapped in whole.

Nothing is written until the whole site has rendered, and the previous output is only
replaced by a complete new one, so a failed or interrupted build leaves it untouched.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from ..errors import SiteError
from ..project import SOURCE_DIRS, TESTS_DIR

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; one build at a time is then up to you
    fcntl = None  # type: ignore[assignment]

# Written into every output folder, so a later build knows the folder is ours to replace.
MARKER = ".sitegen"
MARKER_TEXT = b"Written by `python3 build.py`: this folder is replaced whole on every build.\n"


class Previous:
    """Stands for a file whose bytes are those of the previous build's file of that name."""

    def __repr__(self) -> str:
        return "PREVIOUS"


PREVIOUS = Previous()


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """One build at a time per output folder (two would sweep each other's staging
    folder); first, a swap a killed build left half done is put right.

    The lock is on the folder that holds the output (a lock file would be one more file
    in the user's project), so builds into two outputs side by side also wait in turn.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        _restore_interrupted_swap(out_dir)
        yield
        return
    handle = os.open(out_dir.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SiteError(
                f"another build is writing into {out_dir.parent} right now; wait for it to finish"
            ) from None
        _restore_interrupted_swap(out_dir)
        yield
    finally:
        os.close(handle)


def _restore_interrupted_swap(out_dir: Path) -> None:
    """A build killed between its two renames left the previous site as .<out>.old-PID."""
    olds = sorted(out_dir.parent.glob(f".{out_dir.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and not out_dir.exists():
        olds.pop().rename(out_dir)
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)


def check_output_dir(out_dir: Path, project: Path) -> Path:
    """Refuse output folders whose replacement would destroy the user's files."""
    out_dir, project = out_dir.resolve(), project.resolve()
    protected = {Path("/"), Path.home().resolve(), project}
    protected |= {project / name for name in (*SOURCE_DIRS, TESTS_DIR)}
    if out_dir in protected or out_dir in project.parents:
        raise SiteError(
            f"refusing to build into {out_dir}: the build replaces its output folder whole,"
            " so it must be a folder of its own, such as _site"
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise SiteError(f"the output {out_dir} exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise SiteError(
            f"refusing to build into {out_dir}: it holds files this tool did not write"
            " (no .sitegen marker); choose an empty or new folder with --out"
        )
    return out_dir


def write_site(
    files: dict[str, bytes | Previous], out_dir: Path, keep: tuple[str, ...] = ()
) -> None:
    """Write `files` (output-relative path -> bytes) into `out_dir`, atomically.

    `keep` names files the publisher put into the output on purpose (CNAME): they are
    carried over from the previous output.
    """
    with Staging(out_dir) as staging:
        for rel_path, data in sorted(files.items()):
            staging.write(rel_path, data)
        staging.commit(keep)


class Output(Protocol):
    """Where a build puts its files: written as rendered, made visible by commit()."""

    def __enter__(self) -> Output: ...
    def __exit__(self, *exc_info: object) -> None: ...
    def write(self, rel_path: str, data: bytes | Previous) -> None: ...
    def read(self, rel_path: str) -> bytes: ...
    def commit(self, keep: tuple[str, ...] = ()) -> None: ...


class Staging:
    """A folder beside the output that files are written into as they are rendered (so
    a big site is never held in memory whole), swapped in by `commit`; left without a
    commit, it disappears and the output stays as it was.

    Forked workers may write into it too: it holds nothing but paths.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir.with_name(f".{out_dir.name}.staging-{os.getpid()}")
        self._folders: set[Path] = set()

    def __enter__(self) -> Staging:
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        for leftover in self.out_dir.parent.glob(f".{self.out_dir.name}.staging-*"):
            shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed
        self.path.mkdir()
        return self

    def __exit__(self, *exc_info: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def write(self, rel_path: str, data: bytes | Previous) -> None:
        """One file; the previous output's file is linked instead when the bytes match."""
        target = self.path / rel_path
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        if isinstance(data, Previous):
            _carry(self.out_dir / rel_path, target)
        elif not _link_unchanged(self.out_dir / rel_path, target, data):
            target.write_bytes(data)

    def read(self, rel_path: str) -> bytes:
        """A file written (or carried over) into this build, as it will be published."""
        return (self.path / rel_path).read_bytes()

    def commit(self, keep: tuple[str, ...] = ()) -> None:
        (self.path / MARKER).write_bytes(MARKER_TEXT)
        _carry_over(self.out_dir, self.path, keep)
        _swap_in(self.path, self.out_dir)


def _carry(previous: Path, target: Path) -> None:
    """The previous build's file, linked (or, failing that, copied) into the new output."""
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)


def _link_unchanged(previous: Path, target: Path, data: bytes) -> bool:
    """Hard-link the previous output's file when its bytes are the same, so deploy tools
    that compare times (rsync, ghp-import's tree, S3 sync) see only real changes."""
    try:
        if previous.stat().st_size != len(data) or previous.read_bytes() != data:
            return False
        os.link(previous, target)
    except OSError:  # no previous file, or a file system without hard links
        return False
    return True


def _carry_over(out_dir: Path, staging: Path, keep: tuple[str, ...]) -> None:
    for name in keep:
        previous = out_dir / name
        if previous.is_file() and not (staging / name).exists():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(previous, staging / name)


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Two renames: the old output steps aside, the new one takes its name."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except OSError:
        old.rename(out_dir)  # put the previous site back before reporting
        raise
    shutil.rmtree(old, ignore_errors=True)
