"""The site model: pages, their output paths and URLs, and relative links between them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from sitegen.model.config import load_config
from sitegen.model.content import load_documents
from sitegen.model.site import BOTH, build_site_model, relative_url


def test_pages_follow_govhk_language_paths(tiny_project: Path) -> None:
    site = build_site_model(load_config(tiny_project), load_documents(tiny_project))
    assert sorted(p.dest_path for p in site.pages) == [
        "404.html",
        "contents/index.html",
        "en/contents/index.html",
        "en/hello/index.html",
        "en/index.html",
        "en/timeline/index.html",
        "hello/index.html",
        "index.html",
        "sc/contents/index.html",
        "sc/hello/index.html",
        "sc/index.html",
        "sc/timeline/index.html",
        "tc/contents/index.html",
        "tc/hello/index.html",
        "tc/index.html",
        "tc/timeline/index.html",
        "timeline/index.html",
    ]
    assert list(site.data_files) == ["data/hello.json"]


def test_every_page_knows_its_alternates_including_itself(tiny_project: Path) -> None:
    site = build_site_model(load_config(tiny_project), load_documents(tiny_project))
    document_pages = [p for p in site.pages if p.kind == "document"]
    for page in document_pages:
        assert set(page.alternates) == {BOTH, "en", "tc", "sc"}
        assert page.alternates[page.variant] is page
    assert site.pair == (load_config(REPO).languages[0], load_config(REPO).languages[1])


@pytest.mark.parametrize(
    ("from_url", "to_url", "link"),
    [
        ("", "", "./"),
        ("", "foreword/", "foreword/"),
        ("foreword/", "", "../"),
        ("en/foreword/", "tc/foreword/", "../../tc/foreword/"),
        ("en/foreword/", "static/site.css", "../../static/site.css"),
        ("404.html", "en/", "en/"),
    ],
)
def test_relative_url(from_url: str, to_url: str, link: str) -> None:
    assert relative_url(from_url, to_url) == link
