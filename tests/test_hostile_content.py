"""Hostile text in the content reaches every output inert: HTML, JSON, TMX, sitemap.

A document whose title, paragraphs and milestone hold script tags, attribute breakouts,
`javascript:` links, `</script>`, `]]>`, `&` and Jinja-looking text is built with a base
URL, then every output is parsed: nothing is executable, and the data files give the
text back exactly.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from conftest import make_project
from sitegen.pipeline import build

BASE_URL = "https://example.org/guide/"
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_LINK = "[click me](javascript:alert(1))"
DATA_LINK = "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
END_SCRIPT = "</script><script>alert(2)</script>"
XML_BREAK = "]]> & ]]&gt; <![CDATA[ x"
JINJA = "{{ 7*7 }} {% raw %} {{ config }}"
PLAIN = 'Tom & Jerry\'s "quotes" ]]> and {{ 7*7 }} stay as written.'

TITLE = {"en": f"Title {SCRIPT} {BREAKOUT} {JINJA} &", "zh": f"標題 {SCRIPT} {END_SCRIPT} {JINJA}"}
PARAGRAPHS = [
    {"en": f"Script {SCRIPT} here.", "zh": f"腳本 {SCRIPT} 在此。"},
    {"en": f"Breakout {BREAKOUT} here.", "zh": f"突破 {BREAKOUT} 在此。"},
    {"en": f"A {JS_LINK} and {DATA_LINK}.", "zh": f"連結 {JS_LINK}。"},
    {"en": f"End {END_SCRIPT} there.", "zh": f"結束 {END_SCRIPT}。"},
    {"en": f"XML {XML_BREAK} there.", "zh": f"XML {XML_BREAK}。"},
    {"en": f"Jinja {JINJA} there.", "zh": f"模板 {JINJA}。"},
    {"en": PLAIN, "zh": "湯姆 & 傑利 ]]> 與 {{ 7*7 }} 照寫。"},
    {
        "en": '<a href="javascript:alert(3)" onclick="alert(4)">x</a> <b onmouseover=alert()>b</b>',
        "zh": '<iframe src="javascript:alert(6)"></iframe><svg onload=alert(7)>中文',
    },
]
DOCUMENT = {
    "title": TITLE,
    "paragraphs": PARAGRAPHS,
    "milestones": [
        {
            "date": "2024",
            "en": f"Event {SCRIPT} {BREAKOUT}",
            "zh": f"事件 {END_SCRIPT}",
            "paragraph": 1,
        },
    ],
}
EXECUTABLE_URL_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}


class _Inspector(HTMLParser):
    """Every element with its attributes, and the text of every script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.script_bodies.append("")

    def handle_endtag(self, tag) -> None:
        self._in_script = False

    def handle_data(self, data) -> None:
        if self._in_script:
            self.script_bodies[-1] += data
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    project = make_project(root / "project")
    text = yaml.safe_dump(DOCUMENT, allow_unicode=True, sort_keys=False, width=1_000_000)
    (project / "content" / "hostile.yaml").write_text(text, encoding="utf-8")
    build(project, out_dir=root / "out", base_url=BASE_URL)
    return root / "out"


def _files(out: Path, suffix: str) -> list[Path]:
    found = sorted(p for p in out.rglob(f"*{suffix}") if p.is_file())
    assert found, f"no {suffix} output"
    return found


def test_no_page_has_anything_executable(hostile_site: Path) -> None:
    pages = _files(hostile_site, ".html")
    assert len(pages) >= 10
    for page in pages:
        inspector = _Inspector()
        inspector.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(hostile_site)
        for tag, attrs in inspector.elements:
            assert tag not in ("img", "iframe", "svg", "object", "embed", "form"), (where, tag)
            for name, value in attrs.items():
                assert not name.startswith("on"), (where, tag, name)
                if name in URL_ATTRIBUTES and value:
                    squeezed = "".join(value.split()).lower()
                    assert not squeezed.startswith(EXECUTABLE_URL_SCHEMES), (where, name, value)
            if tag == "script" and attrs.get("type") == "application/ld+json":
                continue  # data, not code: its body must parse as JSON (below)
            if tag == "script":  # else only the site's own script file
                assert set(attrs) == {"src", "defer"}, (where, attrs)
                assert "/static/site." in f"/{attrs['src']}" and attrs["src"].endswith(".js")
        for body in filter(str.strip, inspector.script_bodies):  # JSON-LD, whole
            assert json.loads(body)["@type"] == "Article", (where, body)


def test_text_is_shown_as_written_not_evaluated(hostile_site: Path) -> None:
    inspector = _Inspector()
    inspector.feed((hostile_site / "hostile" / "index.html").read_text(encoding="utf-8"))
    text = " ".join("".join(inspector.text).split())
    assert PLAIN in text  # &, quotes, ]]> and {{ 7*7 }} as characters, not 49
    assert "{{ 7*7 }} {% raw %} {{ config }}" in text
    assert "49" not in text and "<Config" not in text


def test_json_parses_and_gives_the_text_back(hostile_site: Path) -> None:
    raw = (hostile_site / "data" / "hostile.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data["title"] == TITLE
    assert [{"en": p["en"], "zh": p["zh"]} for p in data["paragraphs"]] == PARAGRAPHS
    for paragraph in data["paragraphs"]:
        for field in ("en", "zh"):
            assert "".join(s[field] for s in paragraph["segments"]) == paragraph[field]
    assert data["milestones"][0]["en"] == DOCUMENT["milestones"][0]["en"]
    for other in _files(hostile_site, ".json"):
        json.loads(other.read_text(encoding="utf-8"))  # timeline.json too


def test_timelinejs_fields_are_inert_html(hostile_site: Path) -> None:
    """TimelineJS inserts headline, text, display_date, group and title as HTML."""
    data = json.loads((hostile_site / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert data["events"], "the hostile document has a milestone"
    fields = [data["title"]["text"]["headline"], data["title"]["text"]["text"]]
    for event in data["events"]:
        fields += [event["text"]["headline"], event["text"]["text"], event["group"]]
        fields.append(event["start_date"]["display_date"])
    for html in fields:
        inspector = _Inspector()
        inspector.feed(html)
        tags = {tag for tag, _ in inspector.elements}
        assert tags <= {"p", "a"}, (html, tags)
        for _tag, attrs in inspector.elements:
            assert all(not name.startswith("on") for name in attrs), html
            href = "".join((attrs.get("href") or "").split()).lower()
            assert not href.startswith(EXECUTABLE_URL_SCHEMES), html
    milestone = DOCUMENT["milestones"][0]["en"]
    shown = _Inspector()
    shown.feed(data["events"][0]["text"]["headline"])
    assert "".join(shown.text) == milestone  # escaped once: shows the text as written


def test_tmx_parses_and_gives_plain_text_back(hostile_site: Path) -> None:
    tree = ElementTree.parse(hostile_site / "data" / "hostile.tmx")
    units = tree.getroot().findall("./body/tu")
    by_paragraph: dict[str, list[ElementTree.Element]] = {}
    for unit in units:
        by_paragraph.setdefault(unit.find("prop").text, []).append(unit)
    plain = by_paragraph[str([p["en"] for p in PARAGRAPHS].index(PLAIN) + 1)]
    english = " ".join(u.find("./tuv[1]/seg").text for u in plain)
    assert english == PLAIN
    everything = ElementTree.tostring(tree.getroot(), encoding="unicode")
    assert "<script" not in everything and "onerror" not in everything


def test_sitemap_parses_and_every_address_is_the_site(hostile_site: Path) -> None:
    tree = ElementTree.parse(hostile_site / "sitemap.xml")
    locations = [e.text for e in tree.iter() if e.tag.endswith("}loc")]
    links = [e.get("href") for e in tree.iter() if e.tag.endswith("}link")]
    assert locations and links
    assert all(url.startswith(BASE_URL) for url in locations + links)
    assert f"{BASE_URL}hostile/" in locations


def test_allow_html_keeps_harmless_tags_but_never_scripts(tmp_path: Path) -> None:
    """site.yaml `allow_html: true`: <b>, <span lang> stay; scripts, on* and javascript: go."""
    project = make_project(tmp_path / "project")
    site = project / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "allow_html: true\n", encoding="utf-8")
    hostile = {
        "title": {"en": "T", "zh": "題"},
        "paragraphs": [
            {
                "en": '<b>Bold</b> <span lang="fr" onclick="alert(1)">merci</span> '
                + SCRIPT
                + ' <a href="javascript:alert(2)">x</a> <img src=x onerror=alert(3)>',
                "zh": "<ruby>漢<rt>hon</rt></ruby> <i>斜</i> <style>*{}</style>",
            }
        ],
    }
    text = yaml.safe_dump(hostile, allow_unicode=True, sort_keys=False)
    (project / "content" / "html.yaml").write_text(text, encoding="utf-8")
    build(project, out_dir=tmp_path / "out")
    page = (tmp_path / "out" / "html" / "index.html").read_text(encoding="utf-8")
    assert "<b>Bold</b>" in page and '<span lang="fr">merci</span>' in page
    assert "<ruby>漢<rt>hon</rt></ruby>" in page and "<i>斜</i>" in page
    for executable in ("alert(", "onclick", "onerror", "javascript:", "<img", "<style"):
        assert executable not in page
    (project / "site.yaml").write_text(
        site.read_text(encoding="utf-8").replace("allow_html: true", "allow_html: false"),
        encoding="utf-8",
    )
    build(project, out_dir=tmp_path / "out")
    page = (tmp_path / "out" / "html" / "index.html").read_text(encoding="utf-8")
    assert "<b>Bold</b>" not in page and "Bold" in page and "<ruby>" not in page
