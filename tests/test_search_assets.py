"""The OpenCC tables search.js converts queries with: static/opencc-*.js are what
tests/vendor_opencc.py makes from the npm package, and they convert in a real JavaScript
engine (Node) as OpenCC does."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import vendor_opencc

from conftest import REPO

NPM_HINT = "run `npm ci --prefix tests` (installs opencc-js from tests/package.json)"


def test_the_vendored_tables_are_the_packages() -> None:
    if not (vendor_opencc.PACKAGE / "package.json").is_file():
        pytest.fail(f"{vendor_opencc.PACKAGE} is missing: {NPM_HINT}", pytrace=False)
    for name in vendor_opencc.CONVERTERS:
        committed = (REPO / "static" / name).read_text(encoding="utf-8")
        again = "run python3 tests/vendor_opencc.py"
        assert committed == vendor_opencc.bundle(name), f"{name} is stale: {again}"


CONVERT = """
global.window = {};
const fs = require("fs");
for (const name of ["opencc-s2t.js", "opencc-hk2s.js"]) {
  eval(fs.readFileSync("static/" + name, "utf8"));
}
const o = window.sitegenOpenCC, q = JSON.parse(process.argv[1]);
console.log(JSON.stringify({s2t: q.map(o.s2t), s2hk: q.map(o.s2hk), hk2s: q.map(o.hk2s)}));
"""


def test_queries_convert_between_the_scripts() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is not on PATH: apt-get install -y nodejs", pytrace=False)
    queries = ["数码港", "人工智能", "数字政策办公室", "说", "數碼港", "説", "Cyberport 5G"]
    result = subprocess.run(
        [node, "-e", CONVERT, json.dumps(queries)], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    converted = json.loads(result.stdout)
    assert converted["s2t"][:4] == ["數碼港", "人工智能", "數字政策辦公室", "說"]
    assert converted["s2hk"][3] == "説"  # OpenCC's Hong Kong form; search.js tries both
    assert converted["hk2s"][4:6] == ["数码港", "说"]
    assert {converted[way][6] for way in converted} == {"Cyberport 5G"}
    sizes = [(REPO / "static" / name).stat().st_size for name in vendor_opencc.CONVERTERS]
    assert max(sizes) < 80_000, f"the vendored tables grew: {sizes} bytes"
