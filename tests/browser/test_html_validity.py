"""The Nu HTML checker (the W3C validator's engine) over every page and stylesheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import nu_checker_errors

pytestmark = pytest.mark.browser


def test_every_page_and_stylesheet_is_valid(site_dir: Path, vnu_command: list[str]) -> None:
    output = nu_checker_errors(site_dir, vnu_command)
    assert not output, f"Nu HTML checker:\n{output}"
