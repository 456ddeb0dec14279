"""Two builds of the same input are byte-identical, whatever the machine's circumstances."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, read_tree


def _build(project: Path, out: Path, **env: str) -> None:
    environment = {**os.environ, **env}
    command = [sys.executable, str(REPO / "build.py"), "--project", str(project), "--out", str(out)]
    command += ["--base-url", "https://example.org/guide/"]
    subprocess.run(command, check=True, env=environment, capture_output=True, cwd=project.parent)


def test_builds_are_byte_identical_across_conditions(tmp_path: Path) -> None:
    first = tmp_path / "a" / "project"
    second = tmp_path / "elsewhere" / "deeper" / "project"
    for project in (first, second):
        project.mkdir(parents=True)
        for name in ("site.yaml", "content", "templates", "static"):
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, project / name)
            else:
                shutil.copy(source, project / name)
    # The second copy's content files are created in the reverse order (directory order).
    for path in sorted((second / "content").iterdir(), reverse=True):
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)

    _build(first, tmp_path / "out1", TZ="UTC", LC_ALL="C.UTF-8", PYTHONHASHSEED="1")
    _build(
        second,
        tmp_path / "out2",
        TZ="Asia/Hong_Kong",
        LC_ALL="C",
        LANG="zh_HK.UTF-8",
        PYTHONHASHSEED="4242",
        SOURCE_DATE_EPOCH="1700000000",
    )
    one, two = read_tree(tmp_path / "out1"), read_tree(tmp_path / "out2")
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert different == []
