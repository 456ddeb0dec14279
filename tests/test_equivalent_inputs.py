"""Inputs that differ only in encoding details build byte-identical sites; limits hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TINY_DOCUMENT, make_project, read_tree
from sitegen.errors import SiteError
from sitegen.ingest.paragraphs import MAX_PARAGRAPHS, ingest_text
from sitegen.pipeline import build


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda text: ("\ufeff" + text).encode("utf-8"), id="bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r").encode("utf-8"), id="cr"),
        pytest.param(
            lambda text: ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"), id="bom-crlf"
        ),
    ],
)
def test_bom_and_line_ends_build_the_same_site(tmp_path: Path, variant) -> None:
    plain = make_project(tmp_path / "plain", {"content/hello.yaml": TINY_DOCUMENT})
    odd = make_project(tmp_path / "odd")
    (odd / "content" / "hello.yaml").write_bytes(variant(TINY_DOCUMENT))
    site = odd / "site.yaml"
    site.write_bytes(site.read_bytes().replace(b"\n", b"\r\n"))
    build(plain, out_dir=tmp_path / "plain-out", base_url="https://example.org/")
    build(odd, out_dir=tmp_path / "odd-out", base_url="https://example.org/")
    # The published files; the build's own records key documents by their files' bytes.
    internal = frozenset({".sitegen-manifest.json", ".sitegen-index"})
    assert read_tree(tmp_path / "plain-out", skip=internal) == read_tree(
        tmp_path / "odd-out", skip=internal
    )


def test_a_link_inside_the_project_is_read(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", {"drafts/hello.yaml": TINY_DOCUMENT})
    (project / "content" / "hello.yaml").symlink_to(project / "drafts" / "hello.yaml")
    build(project, out_dir=tmp_path / "out")
    assert (tmp_path / "out" / "hello" / "index.html").is_file()


def test_ingest_refuses_more_paragraphs_than_it_can_align_quickly() -> None:
    pairs = MAX_PARAGRAPHS + 1
    text = "\n\n".join(["Line one."] * pairs + ["第一行。"] * pairs) + "\n"
    with pytest.raises(SiteError, match=r"too large to ingest \(301 paragraphs"):
        ingest_text(text, display_name="x.txt", slug="x")
