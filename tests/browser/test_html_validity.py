"""The Nu HTML checker (the W3C validator's engine) over every page and stylesheet."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_every_page_and_stylesheet_is_valid(site_dir: Path, vnu_command: list[str]) -> None:
    files = sorted(site_dir.rglob("*.html")) + sorted(site_dir.rglob("*.css"))
    assert any(path.suffix == ".html" for path in files), f"no HTML in {site_dir}"
    # One JVM for all files: starting Java is the slow part.
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "gnu", "--also-check-css", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = (result.stdout + result.stderr).replace(f"file:{site_dir.as_posix()}/", "")
    assert result.returncode == 0 and not output.strip(), f"Nu HTML checker:\n{output}"
