"""The README's two commands on a fresh machine: the Makefile's virtual environment, the
exit status CI sees, and the clear line when a tool cannot be installed.

Each test runs the real Makefile in a temporary copy; what would download packages is
left out (`make -o TARGET` takes a target as done, a fake .venv/bin/python stands in).
A full run on Debian's own Python (PEP 668) is `make site PYTHON=/usr/bin/python3` in a
fresh clone (README).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


def _copy(tmp_path: Path) -> Path:
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def _make(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _fake_python(folder: Path, exit_status: int) -> None:
    python = folder / ".venv/bin/python"
    python.parent.mkdir(parents=True)
    python.write_text(f"#!/bin/sh\nexit {exit_status}\n", encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)


def test_make_creates_the_virtual_environment(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    result = _make(folder, "venv", f"PYTHON={sys.executable}")
    assert result.returncode == 0, result.stderr
    version = subprocess.run(
        [str(folder / ".venv/bin/python"), "-m", "pip", "--version"],
        capture_output=True,
        text=True,
    )
    assert version.returncode == 0 and str(folder / ".venv") in version.stdout


@pytest.mark.parametrize("status", [0, 1, 5])
def test_make_test_exits_with_pytests_status(tmp_path: Path, status: int) -> None:
    """5 is pytest's "no tests collected": CI must not pass on it."""
    folder = _copy(tmp_path)
    _fake_python(folder, status)
    result = _make(folder, "-o", "install-test", "test")
    assert (result.returncode == 0) == (status == 0), result.stderr


def test_install_test_names_what_it_cannot_install(tmp_path: Path) -> None:
    """Without apt-get (macOS, say) and without the tools, one clear line and exit 1."""
    folder = _copy(tmp_path)
    _fake_python(folder, 0)
    result = _make(folder, "install-test", "APT=", "CHROMIUM=/nonexistent/chromium")
    assert result.returncode != 0
    assert (
        "make: install Chromium (at /nonexistent/chromium, or set CHROMIUM=path), a Java"
        " runtime, qpdf and npm (README: macOS), then run make again" in result.stderr
    )


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert first_block, "the README opens with its commands"
    commands = [line.split("#")[0].strip() for line in first_block[1].splitlines()]
    assert commands == ["make site", "make test"]
    ci = (REPO / ".ci/run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == "make test"
    assert "set -euo pipefail" in ci
    assert os.access(REPO / ".ci/run", os.X_OK)


def _fake_tools(folder: Path, **scripts: str) -> Path:
    """A folder of stand-in commands, put first on PATH."""
    bin_dir = folder / "fakebin"
    bin_dir.mkdir()
    for name, body in scripts.items():
        tool = bin_dir / name.replace("_", "-")
        tool.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    return bin_dir


def test_install_test_asks_apt_only_for_what_is_missing(tmp_path: Path) -> None:
    """A NodeSource nodejs carries npm, and Debian's npm conflicts with it: with npm, java,
    qpdf and the CJK fonts present, only Chromium is asked of apt-get."""
    folder = _copy(tmp_path)
    _fake_python(folder, 0)
    log = folder / "apt.log"
    bin_dir = _fake_tools(
        folder,
        apt_get=f'echo "$@" >> {log}',
        npm="exit 0",
        java="exit 0",
        qpdf="exit 0",
        fc_list='echo "NotoSansCJK-Regular.ttc: Noto Sans CJK TC"',
    )
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    result = subprocess.run(
        ["make", "--no-print-directory", "install-test", "SUDO=", "CHROMIUM=/nonexistent"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    install = [line for line in log.read_text().splitlines() if line.startswith("install")]
    assert install == ["install -y -qq --no-install-recommends chromium"]
