"""Data exports: data/<slug>.json with sentence groups, and the TMX translation memory."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from translate.storage import tmx

from conftest import REPO, make_project, run_build_py
from sitegen.pipeline import build

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

OVERRIDE = """\
title: {en: "Override", zh: "覆寫"}
paragraphs:
  - en: "One. Two. Three."
    zh: "一。二三。"
    segments:
      - {en: "One. ", zh: "一。"}
      - {en: "Two. Three.", zh: "二三。"}
"""


def test_json_segments_join_back_to_every_paragraph(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_build_py("build", "--out", str(out)).returncode == 0
    data = json.loads((out / "data" / "foreword.json").read_text(encoding="utf-8"))
    content = yaml.safe_load((REPO / "content" / "foreword.yaml").read_text(encoding="utf-8"))
    assert data["slug"] == "foreword"
    assert data["title"] == content["title"]
    assert len(data["paragraphs"]) == len(content["paragraphs"])
    for paragraph, source in zip(data["paragraphs"], content["paragraphs"], strict=True):
        assert (paragraph["en"], paragraph["zh"]) == (source["en"], source["zh"])
        assert "".join(s["en"] for s in paragraph["segments"]) == paragraph["en"]
        assert "".join(s["zh"] for s in paragraph["segments"]) == paragraph["zh"]
        assert all(0 <= s["confidence"] <= 1 for s in paragraph["segments"])
    assert sum(len(p["segments"]) for p in data["paragraphs"]) > len(data["paragraphs"])


def test_hand_alignment_wins(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"content/override.yaml": OVERRIDE})
    build(project, out_dir=tmp_path / "out")
    data = json.loads((tmp_path / "out/data/override.json").read_text(encoding="utf-8"))
    assert data["paragraphs"][0]["segments"] == [
        {"en": "One. ", "zh": "一。", "confidence": 1.0},
        {"en": "Two. Three.", "zh": "二三。", "confidence": 1.0},
    ]
    page = (tmp_path / "out/override/index.html").read_text(encoding="utf-8")
    assert '<span class="seg" id="p1-s2-zh" data-seg="p1-s2">二三。</span>' in page


def test_tmx_loads_in_a_translation_tool_library(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_build_py("build", "--out", str(out)).returncode == 0
    raw = (out / "data" / "foreword.tmx").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')
    store = tmx.tmxfile.parsestring(raw)
    data = json.loads((out / "data" / "foreword.json").read_text(encoding="utf-8"))
    groups = [s for p in data["paragraphs"] for s in p["segments"]]
    units = store.getunits()
    assert len(units) == len(groups)
    for unit, group in zip(units, groups, strict=True):
        assert unit.source == group["en"].strip()
        assert unit.target == group["zh"].strip()
    header = store.document.getroot().find("header")
    for attribute in (
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ):
        assert header.get(attribute), attribute
    assert store.getsourcelanguage() == "en"
    # TMX has no target language in its header: every variant names its own.
    languages = {tuv.get(XML_LANG) for tuv in store.document.getroot().iter("tuv")}
    assert languages == {"en", "zh-Hant-HK"}


def test_a_sentence_without_translation_is_a_group_with_an_empty_side() -> None:
    from sitegen.align.segments import Derived, Segment
    from sitegen.model.config import load_site_config
    from sitegen.model.load import load_site
    from sitegen.render.exports import document_json, document_tmx
    from sitegen.render.text import Texts

    site = load_site(REPO, load_site_config(REPO))
    document = site.documents[0]
    first = document.paragraphs[0]
    # The first paragraph as if its translator had added a sentence the English lacks.
    groups = [(Segment(first.en, "", 0.2),), (Segment("", first.zh, 0.2),)]
    rest = [(Segment(p.en, p.zh, 1.0),) for p in document.paragraphs[1:]]
    derived = Derived((tuple(groups[0] + groups[1]), *rest), (2,) + (1,) * len(rest))
    data = json.loads(document_json(document, derived))
    segments = data["paragraphs"][0]["segments"]
    assert [(s["en"] == "", s["zh"] == "") for s in segments] == [(False, True), (True, False)]
    assert "".join(s["en"] for s in segments) == first.en
    assert "".join(s["zh"] for s in segments) == first.zh
    units = tmx.tmxfile.parsestring(document_tmx(document, derived, site, Texts(False)))
    assert len(units.getunits()) == len(rest)  # no translation unit with an empty side


def _tmx_by_elementtree(slug: str, groups, languages: tuple[str, str]) -> bytes:
    """The TMX as ElementTree builds and indents it: the writer's reference."""
    from xml.etree import ElementTree

    root = ElementTree.Element("tmx", version="1.4")
    header = {"creationtool": "bilingual-site", "creationtoolversion": "0.1"}
    header |= {"segtype": "sentence", "o-tmf": "YAML", "adminlang": "en"}
    ElementTree.SubElement(root, "header", header | {"srclang": languages[0]}, datatype="plaintext")
    body = ElementTree.SubElement(root, "body")
    for p_index, paragraph in enumerate(groups, start=1):
        for s_index, segment in enumerate(paragraph, start=1):
            if segment.en.strip() and segment.zh.strip():
                unit = ElementTree.SubElement(body, "tu", tuid=f"{slug}-p{p_index}-s{s_index}")
                ElementTree.SubElement(unit, "prop", type="x-paragraph").text = str(p_index)
                for lang, text in zip(languages, (segment.en, segment.zh), strict=True):
                    variant = ElementTree.SubElement(unit, "tuv", {"xml:lang": lang})
                    ElementTree.SubElement(variant, "seg").text = text.strip()
    ElementTree.indent(root)
    xml = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode("utf-8")


_TMX_TEXT = st.text(alphabet=st.sampled_from(list("a &<>\"'\n\t\r中]é")), max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.tuples(_TMX_TEXT, _TMX_TEXT), max_size=3), max_size=3),
    st.sampled_from(["en", 'e"n<']),
)
def test_the_tmx_writer_writes_what_elementtree_would(pairs, english: str) -> None:
    from sitegen.align.segments import Segment
    from sitegen.model.content import Document
    from sitegen.render.tmx import render_tmx

    groups = tuple(tuple(Segment(en, zh, 1.0) for en, zh in paragraph) for paragraph in pairs)
    document = Document("a&b", {"en": "T", "zh": "題"}, (), (), "content/a.yaml")
    languages = (english, "zh-Hant-HK")
    written = render_tmx(document, groups, languages, lambda text: text)
    assert written == _tmx_by_elementtree("a&b", groups, languages)
