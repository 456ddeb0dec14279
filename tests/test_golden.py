"""The bytes the user gets: a small site built whole and compared with tests/fixtures/golden.

`UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` regenerates the expected tree after
an intended change; review its diff like code.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from conftest import REPO, read_tree
from sitegen.output.cache import MANIFEST
from sitegen.output.journal import INDEX
from sitegen.pipeline import build

# The build cache's manifest hashes the tool's own code: it changes with every edit, and
# with it the journal's index of every file's digest.
NOT_COMPARED = frozenset({MANIFEST, INDEX})

GOLDEN = Path(__file__).parent / "fixtures" / "golden"


def test_golden_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(GOLDEN / "project", project)
    shutil.copytree(REPO / "templates", project / "templates")
    shutil.copytree(REPO / "static", project / "static")
    out = tmp_path / "out"
    build(project, out_dir=out)
    actual = read_tree(out, skip=NOT_COMPARED)

    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN / "expected", ignore_errors=True)
        shutil.copytree(out, GOLDEN / "expected", ignore=shutil.ignore_patterns(*NOT_COMPARED))
    expected = read_tree(GOLDEN / "expected", skip=NOT_COMPARED)

    assert sorted(actual) == sorted(expected), "the set of output files changed"
    diffs = []
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diffs += difflib.unified_diff(
                expected[name].decode("utf-8").splitlines(keepends=True),
                actual[name].decode("utf-8").splitlines(keepends=True),
                f"expected/{name}",
                f"actual/{name}",
            )
    assert not diffs, "".join(diffs) + "\n(UPDATE_GOLDEN=1 regenerates after a wanted change)"
