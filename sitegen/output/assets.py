"""Static files: copied into the output, CSS and JavaScript under content-hashed names.

A hashed name changes whenever the file does, so hosts can cache these files for a year
while HTML (never hashed) always points at the current version. Templates reach every
static file through one helper, `asset(name)`, which asks `Assets.url()`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import SiteError
from ..model.files import read_regular, walk_files
from ..project import STATIC_DIR

HASHED_SUFFIXES = (".css", ".js")


@dataclass(frozen=True)
class Assets:
    files: dict[str, bytes]  # output path -> bytes
    urls: dict[str, str]  # name inside static/ -> site-root-relative URL

    def url(self, name: str) -> str:
        try:
            return self.urls[name]
        except KeyError:
            raise SiteError(
                f"{STATIC_DIR}/{name}: a template asks for this file, but it is not in"
                f" {STATIC_DIR}/"
            ) from None


def load_assets(static_dir: Path) -> Assets:
    """Every file below static/, read once, in a stable order; links out of the project,
    link loops, pipes and devices are refused (model/files.py)."""
    files: dict[str, bytes] = {}
    urls: dict[str, str] = {}
    found, problems = walk_files(static_dir.parent, static_dir, STATIC_DIR)
    if problems:
        raise SiteError(sorted(problems, key=lambda problem: problem.file))
    for shown, path in sorted(found):
        name = shown.removeprefix(f"{STATIC_DIR}/")
        data = read_regular(path, shown)
        dest = f"{STATIC_DIR}/{hashed_name(name, data)}"
        files[dest] = data
        urls[name] = dest
    return Assets(files, urls)


def hashed_name(name: str, data: bytes) -> str:
    """`site.css` -> `site.3f2a9c1b.css` for CSS and JavaScript; other files keep their name."""
    path = PurePosixPath(name)
    if path.suffix not in HASHED_SUFFIXES:
        return name
    digest = hashlib.sha256(data).hexdigest()[:10]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))
