"""A full disk, for real: a 300 kB tmpfs mounted in a private mount namespace (`unshare`; as
root, or as a user where unprivileged user namespaces are allowed), built into until full."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, many_documents


def _namespace() -> list[str] | None:
    """The `unshare` command that gives this user a mount namespace of its own, if any."""
    if shutil.which("unshare") is None:
        return None
    for command in (["unshare", "-m"], ["unshare", "-rm"]):
        probe = subprocess.run([*command, "true"], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return command
    return None


def test_a_full_disk_names_the_output_and_the_file(tmp_path: Path) -> None:
    unshare = _namespace()
    if unshare is None:
        pytest.skip("no mount namespace here (unshare refused): cannot make a small disk")
    small = many_documents(tmp_path / "small", 2)
    large = many_documents(tmp_path / "large", 60)
    disk = tmp_path / "disk"
    disk.mkdir()
    build = f"{sys.executable} {REPO / 'build.py'}"
    script = f"""
        set -e
        mount -t tmpfs -o size=300k tmpfs {disk}
        {build} --project {small} --out {disk}/out > /dev/null
        (cd {disk}/out && find . -type f | sort | xargs sha256sum) > {tmp_path}/before
        if {build} --project {large} --out {disk}/out 2> {tmp_path}/stderr; then exit 9; fi
        (cd {disk}/out && find . -type f | sort | xargs sha256sum) > {tmp_path}/after
    """
    result = subprocess.run([*unshare, "sh", "-c", script], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    stderr = (tmp_path / "stderr").read_text(encoding="utf-8")
    assert "Traceback" not in stderr
    first = stderr.splitlines()[0]
    assert first.startswith(f"{disk / 'out'}: cannot write "), first
    written = first.removeprefix(f"{disk / 'out'}: cannot write ").split(" (")[0]
    assert written.endswith((".html", ".json", ".tmx", ".css", ".js", ".xml", ".txt")), first
    assert "No space left on device" in first and "previous output is untouched" in first
    before = (tmp_path / "before").read_text(encoding="utf-8")
    assert (tmp_path / "after").read_text(encoding="utf-8") == before
