"""Translation memory: `/data/<slug>.tmx`, TMX 1.4b, one translation unit per aligned group.

Translators load it into their CAT tool to reuse this year's aligned text next year.
"""

from __future__ import annotations

from xml.etree import ElementTree

from ..align.segments import Segment
from ..model.content import Document

TOOL_NAME = "bilingual-site"
TOOL_VERSION = "0.1"


def render_tmx(
    document: Document,
    segments: tuple[tuple[Segment, ...], ...],
    languages: tuple[str, str],
    plain: callable,
) -> bytes:
    """TMX for a document; `languages` are the xml:lang codes of en and zh, `plain` turns a
    segment's inline Markdown into plain text."""
    root = ElementTree.Element("tmx", version="1.4")
    ElementTree.SubElement(
        root,
        "header",
        creationtool=TOOL_NAME,
        creationtoolversion=TOOL_VERSION,
        segtype="sentence",
        **{"o-tmf": "YAML", "adminlang": "en", "srclang": languages[0], "datatype": "plaintext"},
    )
    body = ElementTree.SubElement(root, "body")
    for p_index, groups in enumerate(segments, start=1):
        for s_index, segment in enumerate(groups, start=1):
            if not (segment.en.strip() and segment.zh.strip()):
                continue  # a sentence without a translation is no translation unit
            unit = ElementTree.SubElement(body, "tu", tuid=f"{document.slug}-p{p_index}-s{s_index}")
            note = ElementTree.SubElement(unit, "prop", type="x-paragraph")
            note.text = str(p_index)
            for lang, text in zip(languages, (segment.en, segment.zh), strict=True):
                variant = ElementTree.SubElement(unit, "tuv", {"xml:lang": lang})
                ElementTree.SubElement(variant, "seg").text = plain(text).strip()
    ElementTree.indent(root)
    xml = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode("utf-8")
