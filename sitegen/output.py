"""Write the rendered site atomically: a staging folder beside the output, swapped in whole.

Nothing is written until the whole site has rendered, and the previous output is only
replaced by a complete new one, so a failed or interrupted build leaves it untouched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import SiteError

STATIC_DIR = "static"


def check_output_dir(out_dir: Path, project: Path) -> Path:
    """Refuse output folders whose replacement would destroy the user's files."""
    out_dir, project = out_dir.resolve(), project.resolve()
    protected = {
        Path("/"),
        Path.home().resolve(),
        project,
        project / "content",
        project / "templates",
        project / STATIC_DIR,
        project / "tests",
    }
    if out_dir in protected or out_dir in project.parents:
        raise SiteError(
            f"refusing to build into {out_dir}: the build replaces its output folder whole,"
            " so it must be a folder of its own, such as _site"
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise SiteError(f"the output {out_dir} exists and is not a folder")
    return out_dir


def write_site(files: dict[str, bytes], static_src: Path, out_dir: Path) -> None:
    """Write `files` (output-relative path -> bytes) plus static/ into `out_dir`, atomically."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.with_name(f".{out_dir.name}.staging-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for rel_path, data in files.items():
            target = staging / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if static_src.is_dir():
            shutil.copytree(static_src, staging / STATIC_DIR, dirs_exist_ok=True)
        _swap_in(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
