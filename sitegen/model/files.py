"""The project's own files, found and read safely: one rule for the build and the preview.

A project folder may hold anything: a link to /etc/passwd, a named pipe (reading it waits
for a writer forever), a link that leads to itself or back to a folder that holds it. Each
is reported as `file: sentence` before anything is read; links that stay inside the
project are followed.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

from ..errors import Problem, SiteError

_LOOP = "the link leads back to itself (a symbolic link loop); remove it or point it at a file"
_FOLDER_LOOP = (
    "the link leads back to a folder that holds it, so the folder would contain itself"
    " without end; remove the link"
)
_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFDIR: "a folder",
}


def outside_link_problem(shown: str, folder: str) -> Problem:
    return Problem(
        shown,
        None,
        "the file is a link to a file outside the project; the build only reads the"
        f" project's own files, so copy the file into {folder}/ instead",
    )


def link_target(project: Path, path: Path, shown: str, folder: str) -> Path:
    """Where `path` leads (itself if not a link); a loop or a way out of the project is a
    SiteError. A dangling link resolves to where it points, for the caller to miss."""
    if not path.is_symlink():
        return path
    try:
        target = path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop
        raise SiteError(Problem(shown, None, _LOOP)) from None
    if not target.is_relative_to(project.resolve()):
        raise SiteError(outside_link_problem(shown, folder))
    return target


def read_regular(path: Path | str, shown: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Anything else is refused
    without waiting on it: the file is opened non-blocking and checked before a byte is read."""
    require_regular(path, shown)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        _raise_loop(error, shown)
    with os.fdopen(descriptor, "rb") as handle:  # swapped since the stat? fstat tells
        status = os.fstat(descriptor)
        kind = _not_regular(status.st_mode)
        if kind is None and limit is not None and status.st_size > limit:
            raise SiteError(
                Problem(
                    shown,
                    None,
                    f"the file is {status.st_size:,} bytes, more than the {limit:,} one file"
                    " may hold; split it into several documents",
                )
            )
        if kind is None:
            return handle.read()
    raise SiteError(_not_regular_problem(shown, kind))


def require_regular(path: Path | str, shown: str) -> int:
    """The size of a regular file; anything else (a pipe, a device, a loop) a SiteError."""
    try:
        status = os.stat(path)
    except OSError as error:
        _raise_loop(error, shown)
    kind = _not_regular(status.st_mode)
    if kind is not None:
        raise SiteError(_not_regular_problem(shown, kind))
    return status.st_size


def _raise_loop(error: OSError, shown: str) -> NoReturn:
    if error.errno == errno.ELOOP:
        raise SiteError(Problem(shown, None, _LOOP)) from None
    raise error


def walk_files(
    project: Path, folder: Path, rel: str, skip: Callable[[str], bool] = lambda name: False
) -> tuple[list[tuple[str, str]], list[Problem]]:
    """Every regular file below `folder` as (project-relative name, path), in the order
    the file system gives them, and the problems met: links out of the project, loops,
    pipes and devices. Links inside the project are followed; `skip` leaves names out
    (editor temporaries). Plain files cost no system call: the preview polls this."""
    found: list[tuple[str, str]] = []
    problems: list[Problem] = []
    if folder.is_dir():
        ancestors = {folder.resolve()}
        for item in _walk(project, folder, rel, ancestors, skip):
            (problems if isinstance(item, Problem) else found).append(item)
    return found, problems


def _walk(
    project: Path, folder: Path, rel: str, ancestors: set[Path], skip: Callable[[str], bool]
) -> Iterator[tuple[str, str] | Problem]:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # removed while we looked: the next build or poll sees it gone
        return
    top = rel.split("/")[0]
    for entry in entries:
        if skip(entry.name):
            continue
        name = f"{rel}/{entry.name}"
        if entry.is_file(follow_symlinks=False):  # the common case: no system call
            yield name, entry.path
            continue
        path = Path(entry.path)
        try:
            target = link_target(project, path, name, top)
            mode = target.stat().st_mode
        except SiteError as error:
            yield from error.problems
            continue
        except OSError:  # a dangling link: nothing to read (an editor's lock file, say)
            continue
        if stat.S_ISDIR(mode):
            real = target.resolve()
            if real in ancestors:
                yield Problem(name, None, _FOLDER_LOOP)
                continue
            yield from _walk(project, path, name, ancestors | {real}, skip)
        elif (kind := _not_regular(mode)) is not None:
            yield _not_regular_problem(name, kind)
        else:
            yield name, entry.path


def _not_regular_problem(shown: str, kind: str) -> Problem:
    return Problem(shown, None, f"is {kind}, not a regular file; only regular files are read")


def _not_regular(mode: int) -> str | None:
    """What a file is when it is not a regular file (None when it is)."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a file")
