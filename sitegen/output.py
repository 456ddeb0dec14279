"""Write the rendered site atomically: a staging folder beside the output, swapped in whole.

Nothing is written until the whole site has rendered, and the previous output is only
replaced by a complete new one, so a failed or interrupted build leaves it untouched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import SiteError

# Written into every output folder, so a later build knows the folder is ours to replace.
MARKER = ".sitegen"
MARKER_TEXT = b"Written by `python build.py`: this folder is replaced whole on every build.\n"


def check_output_dir(out_dir: Path, project: Path) -> Path:
    """Refuse output folders whose replacement would destroy the user's files."""
    out_dir, project = out_dir.resolve(), project.resolve()
    protected = {Path("/"), Path.home().resolve(), project}
    protected |= {project / name for name in ("content", "templates", "static", "tests")}
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


def write_site(files: dict[str, bytes], out_dir: Path, keep: tuple[str, ...] = ()) -> None:
    """Write `files` (output-relative path -> bytes) into `out_dir`, atomically.

    `keep` names files the publisher put into the output on purpose (CNAME): they are
    carried over from the previous output.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    for leftover in out_dir.parent.glob(f".{out_dir.name}.staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed
    staging = out_dir.with_name(f".{out_dir.name}.staging-{os.getpid()}")
    try:
        for rel_path, data in sorted(files.items()):
            target = staging / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        _carry_over(out_dir, staging, keep, files)
        _swap_in(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _carry_over(out_dir: Path, staging: Path, keep: tuple[str, ...], files: dict) -> None:
    for name in keep:
        previous = out_dir / name
        if previous.is_file() and name not in files:
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
