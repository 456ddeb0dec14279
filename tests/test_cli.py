"""The command line, run as a user runs it: `python build.py` in a subprocess."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO, make_project, run_build_py
from sitegen.text.fingerprints import fingerprint


def test_real_foreword_builds_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "site"
    working_tree_site = _mtime(REPO / "_site")
    result = run_build_py("build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(
        r"Built 17 pages \(1 document, 4 paragraphs, \d+ milestones?\) into \S+ in [\d.]+ s:"
        r" \d+ files changed\n",
        result.stdout,
    )
    again = run_build_py("build", "--out", str(out))
    assert again.stdout.endswith(" s: no change\n"), again.stdout
    content = yaml.safe_load((REPO / "content" / "foreword.yaml").read_text(encoding="utf-8"))
    pages = {
        "en": _visible_text(out / "en/foreword/index.html"),
        "zh": _visible_text(out / "tc/foreword/index.html"),
    }
    both = _visible_text(out / "foreword/index.html")
    for paragraph in content["paragraphs"]:
        for field, page in pages.items():
            assert paragraph[field] in page and paragraph[field] in both
    assert '<html lang="zh-Hant-HK">' in (out / "tc/foreword/index.html").read_text("utf-8")
    assert '<html lang="zh-Hans">' in (out / "sc/foreword/index.html").read_text(encoding="utf-8")
    data = json.loads((out / "data/foreword.json").read_text(encoding="utf-8"))
    assert [p["en"] for p in data["paragraphs"]] == [p["en"] for p in content["paragraphs"]]
    assert _mtime(REPO / "_site") == working_tree_site, "a test must never build into the repo"


def _visible_text(page: Path) -> str:
    """The page's text without tags (sentences are wrapped in spans)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def _mtime(path: Path) -> float | None:
    return path.stat().st_mtime if path.exists() else None


def test_help_lists_the_commands() -> None:
    result = run_build_py("--help")
    assert result.returncode == 0
    for command in ("build", "ingest"):
        assert command in result.stdout


def test_user_error_exits_1_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run_build_py("build", "--project", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.startswith("site.yaml:2: YAML syntax error:")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run_build_py("build", "--project", str(tmp_path), "--debug")
    assert result.returncode == 1
    assert "Traceback" in result.stderr


def test_404_page_links_absolutely_when_the_base_url_is_known(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build_py("build", "--out", str(out), "--base-url", "https://example.org/guide")
    assert result.returncode == 0, result.stderr
    page = (out / "404.html").read_text(encoding="utf-8")
    assert re.search(r'href="https://example\.org/guide/static/site\.\w+\.css"', page)
    assert 'href="https://example.org/guide/tc/"' in page
    home = (out / "en/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./static/site\.\w+\.css"', home)


@pytest.mark.parametrize(
    ("base_url", "reason"),
    [
        ("javascript:alert(1)//x", "expected the site's full address starting with https://"),
        ("https://editor:secret@example.org/", "holds a user name or password"),
        ("https://example.org:port/", "expected the site's full address starting with https://"),
    ],
)
def test_base_url_on_the_command_line_is_checked_as_in_site_yaml(
    tiny_project: Path, base_url: str, reason: str
) -> None:
    """--base-url gets site.yaml's checks (baseurl.base_url_problem): no javascript: link
    in 404.html, no password printed on every page."""
    out = tiny_project / "_site"
    result = run_build_py("build", "--project", str(tiny_project), "--base-url", base_url)
    assert result.returncode == 1
    assert result.stderr.startswith(f"build.py: --base-url is {base_url!r}")
    assert reason in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_ingest_then_build_puts_a_new_text_on_the_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    source = project / "content" / "message.txt"
    source.write_text(
        "Message from the Chairman\n\n"
        "The industry grew in 2024. We thank CAHK members\nfor their support.\n\n"
        "主席獻辭\n\n業界在 2024 年錄得增長。我們感謝香港通訊業聯會\n會員的支持。\n",
        encoding="utf-8",
    )
    result = run_build_py("ingest", str(source), "--project", str(project))
    assert result.returncode == 0, result.stderr
    assert "content/message.yaml" in result.stdout
    document = yaml.safe_load((project / "content" / "message.yaml").read_text(encoding="utf-8"))
    assert document["title"] == {"en": "Message from the Chairman", "zh": "主席獻辭"}
    en = "The industry grew in 2024. We thank CAHK members for their support."
    zh = "業界在 2024 年錄得增長。我們感謝香港通訊業聯會會員的支持。"
    reviewed = {"en": fingerprint(en), "zh": fingerprint(zh)}  # as checked at ingest
    assert document["paragraphs"] == [{"en": en, "zh": zh, "reviewed": reviewed}]

    again = run_build_py("ingest", str(source), "--project", str(project))
    assert again.returncode == 1
    assert "content/message.yaml: the file already exists" in again.stderr

    built = run_build_py("build", "--project", str(project), "--out", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "out" / "tc" / "message" / "index.html").read_text(encoding="utf-8")
    assert "我們感謝香港通訊業聯會會員的支持。" in page


def test_ingest_refuses_a_binary_file(tmp_path: Path) -> None:
    source = tmp_path / "scan.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run_build_py("ingest", str(source), "-o", str(tmp_path / "scan.yaml"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "binary" in result.stderr
    assert not (tmp_path / "scan.yaml").exists()


def test_help_shows_defaults_and_everything_check_checks() -> None:
    publish = run_build_py("publish", "--help").stdout
    assert "(default: gh-pages)" in publish and "(default: origin)" in publish
    check = " ".join(run_build_py("check", "--help").stdout.split())
    for checked in ("broken link", "#anchor", "hreflang", "base_url", "reviewed", "confidence"):
        assert checked in check, checked


def test_messages_and_readme_name_the_command_one_way() -> None:
    """`python3 build.py`, as the README says to run it; never `python build.py`."""
    files = [REPO / "build.py", REPO / "README.md", REPO / "site.yaml"]
    files += sorted((REPO / "sitegen").rglob("*.py"))
    stray = [
        f"{path.relative_to(REPO)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"(?<!\w)python build\.py", line)
    ]
    assert not stray, stray
