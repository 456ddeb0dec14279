"""Translation memory: `/data/<slug>.tmx`, TMX 1.4b, one translation unit per aligned group.

Translators load it into their CAT tool to reuse this year's aligned text next year.
"""

from __future__ import annotations

from ..align.segments import Segment
from ..model.content import Document

TOOL_NAME = "bilingual-site"
TOOL_VERSION = "0.1"
_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
    f'  <header creationtool="{TOOL_NAME}" creationtoolversion="{TOOL_VERSION}"'
    ' segtype="sentence" o-tmf="YAML" adminlang="en" srclang="{source}" datatype="plaintext" />\n'
)


def render_tmx(
    document: Document,
    segments: tuple[tuple[Segment, ...], ...],
    languages: tuple[str, str],
    plain: callable,
) -> bytes:
    """TMX for a document; `languages` are the xml:lang codes of en and zh, `plain` turns a
    segment's inline Markdown into plain text. Written as text, as ElementTree would
    indent it, without building a tree of every unit first."""
    source, target = (_attribute(lang) for lang in languages)
    units = []
    for p_index, groups in enumerate(segments, start=1):
        for s_index, segment in enumerate(groups, start=1):
            if not (segment.en.strip() and segment.zh.strip()):
                continue  # a sentence without a translation is no translation unit
            tuid = _attribute(f"{document.slug}-p{p_index}-s{s_index}")
            units.append(
                f'    <tu tuid="{tuid}">\n'
                f'      <prop type="x-paragraph">{p_index}</prop>\n'
                f"{_variant(source, plain(segment.en).strip())}"
                f"{_variant(target, plain(segment.zh).strip())}"
                "    </tu>\n"
            )
    body = f"  <body>\n{''.join(units)}  </body>\n" if units else "  <body />\n"
    return (_HEADER.replace("{source}", source) + body + "</tmx>\n").encode("utf-8")


def _variant(lang: str, text: str) -> str:
    seg = f"<seg>{_text(text)}</seg>" if text else "<seg />"
    return f'      <tuv xml:lang="{lang}">\n        {seg}\n      </tuv>\n'


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    escaped = _text(text).replace('"', "&quot;")
    return escaped.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
