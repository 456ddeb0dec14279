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


def _long_document() -> str:
    """Made-up paragraphs of uneven sentences, with a name and inflected words repeated:
    enough groups for the aligner's second pass (learned names, shape priors)."""
    paragraphs = []
    for n in range(1, 13):
        en = (
            f"Mr Lau visited {n} technology companies in Kowloon. Their technologies"
            f" impressed him. He said the park would host {n + 1} new laboratories."
        )
        zh = (
            f"劉志強先生到訪九龍 {n} 家科技公司，對其科技印象深刻。"
            f"他表示科技園將設立 {n + 1} 所新實驗室。"
        )
        paragraphs.append(f'  - en: "{en}"\n    zh: "{zh}"\n')
    return 'title: {en: "Visits", zh: "到訪"}\nparagraphs:\n' + "".join(paragraphs)


def test_alignment_is_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    from conftest import make_project

    project = make_project(tmp_path / "project", {"content/visits.yaml": _long_document()})
    outputs = []
    for seed in ("0", "3", "8"):
        out = tmp_path / f"out-{seed}"
        _build(project, out, PYTHONHASHSEED=seed)
        outputs.append(read_tree(out, skip=frozenset({".sitegen-manifest.json"})))
    assert outputs[0] == outputs[1] == outputs[2]
    assert "data/visits.json" in outputs[0]
