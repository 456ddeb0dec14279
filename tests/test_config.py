"""site.yaml: languages, interface strings, output and base URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from sitegen.errors import SiteError
from sitegen.model.config import load_config, normalise_base_url


def test_repository_site_yaml_loads() -> None:
    config = load_config(REPO)
    assert [x.code for x in config.languages] == ["en", "tc", "sc"]
    assert [x.lang for x in config.languages] == ["en", "zh-Hant-HK", "zh-Hans"]
    assert config.language_for("zh").code == "tc"
    assert config.output == "_site"
    assert config.languages[2].convert == "hk2s"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", ""),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/guide//", "https://example.org/guide/"),
    ],
)
def test_base_url_ends_in_one_slash(given: str, expected: str) -> None:
    assert normalise_base_url(given) == expected


def test_strings_must_match_across_languages(tmp_path: Path) -> None:
    text = (REPO / "site.yaml").read_text(encoding="utf-8").replace("      home: 主頁\n", "")
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path)
    assert "languages.tc.strings should have the same keys as languages.en.strings" in str(
        caught.value
    )
    assert "missing: home;" in str(caught.value)


def test_a_language_must_read_en_or_zh(tmp_path: Path) -> None:
    text = (REPO / "site.yaml").read_text(encoding="utf-8").replace("text: en", "text: fr", 1)
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SiteError, match=r"site.yaml:\d+: languages.en.text is 'fr'; expected en"):
        load_config(tmp_path)


def test_missing_site_yaml_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match=r"site\.yaml: not found in"):
        load_config(tmp_path)
