"""The timeline pages and /data/timeline.json, built from small documents with milestones."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import make_project
from sitegen.pipeline import build
from sitegen.render.pages import Renderer

FIRST = """\
title: {en: "First", zh: "第一"}
paragraphs:
  - en: "The Office opened in July 2024. It will grow from 2025 onwards."
    zh: "辦公室於 2024 年 7 月成立。辦公室會由 2025 年起擴展。"
  - en: "The Blueprint came out in 2022."
    zh: "藍圖於 2022 年公布。"
milestones:
  - {date: "2024-07", en: "Office opened", zh: "辦公室成立", paragraph: 1, sentence: 1}
  - {date: "2025", en: "Office grows", zh: "辦公室擴展", paragraph: 1, sentence: 2,
     qualifier: from}
  - {date: "2022", en: "Blueprint <published>", zh: "公布藍圖", paragraph: 2, sentence: 9}
"""
SECOND = """\
title: {en: "Second", zh: "第二"}
paragraphs:
  - en: "The service started on March 1, 2024."
    zh: "服務於2024年3月1日推出。"
milestones:
  - {date: "2024-03-01", en: "Service started", zh: "服務推出", paragraph: 1}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("timeline")
    project = make_project(
        root / "project", {"content/first.yaml": FIRST, "content/second.yaml": SECOND}
    )
    build(project, out_dir=root / "out")
    return root / "out"


class _Entries(HTMLParser):
    """The timeline's <time datetime> values, texts and links, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.datetimes: list[str] = []
        self.times: list[str] = []
        self.links: list[str] = []
        self.years: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "time":
            self.datetimes.append(values["datetime"] or "")
            self.times.append("")
            self._in = "time"
        elif tag == "a" and values.get("class") == "source":
            self.links.append(values["href"] or "")
        elif tag == "h2" and values.get("class") == "year-marker":
            self.years.append("")
            self._in = "year"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("time", "h2"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "time":
            self.times[-1] += data
        elif self._in == "year":
            self.years[-1] += data


def _entries(site: Path, url: str) -> _Entries:
    parser = _Entries()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def test_every_language_lists_the_milestones_in_date_order(site: Path) -> None:
    # A bare year (2022) is its heading's only: the entry shows no date of its own.
    order = ["2024-03-01", "2024-07", "2025"]
    for url in ("en/timeline", "tc/timeline", "sc/timeline"):
        assert _entries(site, url).datetimes == order, url
        assert _entries(site, url).years == ["2022", "2024", "2025"], url
    assert _entries(site, "timeline").datetimes == [d for d in order for _ in "ab"]


def test_year_markers_group_the_entries(site: Path) -> None:
    assert _entries(site, "en/timeline").years == ["2022", "2024", "2025"]


def test_dates_are_written_the_hong_kong_way_with_their_qualifier(site: Path) -> None:
    # Under its year's heading a date leaves the year out, unless its qualifier needs it;
    # each is written as its document writes dates: the second sets no space between
    # digits and 年月日 and puts the English month first, the first does the opposite.
    assert _entries(site, "en/timeline").times == ["March 1", "July", "from 2025 onwards"]
    assert _entries(site, "tc/timeline").times == ["3月1日", "7 月", "2025 年起"]
    assert _entries(site, "sc/timeline").times[1:] == ["7 月", "2025 年起"]


def test_entries_link_to_their_sentence_in_the_same_version(site: Path) -> None:
    links = _entries(site, "en/timeline").links
    # sentence 9 does not exist in paragraph 2: the link falls back to the paragraph.
    assert links == [
        "../../en/first/#p2",
        "../../en/second/#p1",
        "../../en/first/#p1-s1",
        "../../en/first/#p1-s2",
    ]
    both = _entries(site, "timeline").links  # each language its own link, to its sentence
    assert both[4:6] == ["../first/#p1-s1", "../first/#p1-s1-zh"]
    assert both[0:2] == ["../first/#p2", "../first/#p2"]  # a paragraph has one id
    for url in ("en/timeline", "tc/timeline", "sc/timeline", "timeline"):
        for link in _entries(site, url).links:
            path, anchor = link.split("#")
            page = (site / url / path / "index.html").resolve().read_text(encoding="utf-8")
            assert f'id="{anchor}"' in page, f"{url}: {link}"


def test_simplified_timeline_is_converted(site: Path) -> None:
    page = (site / "sc/timeline/index.html").read_text(encoding="utf-8")
    assert "办公室成立" in page and "辦公室" not in page
    assert '<html lang="zh-Hans">' in page


def test_labels_are_escaped(site: Path) -> None:
    page = (site / "en/timeline/index.html").read_text(encoding="utf-8")
    assert "Blueprint &lt;published&gt;" in page


def test_timelinejs_export(site: Path) -> None:
    data = json.loads((site / "data/timeline.json").read_text(encoding="utf-8"))
    events = data["events"]
    assert [e["start_date"].get("year") for e in events] == [2022, 2024, 2024, 2025]
    assert events[1]["start_date"] | {"display_date": ""} == {
        "year": 2024,
        "month": 3,
        "day": 1,
        "display_date": "",
    }
    assert "month" not in events[0]["start_date"] and "day" not in events[2]["start_date"]
    assert events[3]["start_date"]["display_date"] == "from 2025 onwards"
    assert [e["text"]["headline"] for e in events][:2] == [
        "Blueprint &lt;published&gt;",  # TimelineJS reads every field as HTML
        "Service started",
    ]
    assert "公布藍圖" in events[0]["text"]["text"]
    assert 'href="../first/#p2"' in events[0]["text"]["text"]
    assert len({e["unique_id"] for e in events}) == len(events)
    assert all(re.fullmatch(r"[a-z0-9-]+", e["unique_id"]) for e in events)
    assert data["title"]["text"]["headline"]


def test_timeline_with_no_milestones_says_so(tmp_path: Path) -> None:
    document = SECOND.split("milestones:")[0]
    project = make_project(tmp_path / "project", {"content/second.yaml": document})
    build(project, out_dir=tmp_path / "out")
    page = (tmp_path / "out/en/timeline/index.html").read_text(encoding="utf-8")
    main = page.partition("<main")[2]  # the header's search box has its own (empty) list
    assert "No dated milestones yet." in main and "<ol" not in main
    data = json.loads((tmp_path / "out/data/timeline.json").read_text(encoding="utf-8"))
    assert data["events"] == []


def test_home_and_footer_link_to_the_timeline(site: Path) -> None:
    home = (site / "tc/index.html").read_text(encoding="utf-8")
    assert 'href="../tc/timeline/"' in home
    document = (site / "en/first/index.html").read_text(encoding="utf-8")
    assert 'href="../../en/timeline/"' in document


def test_qualifiers_place_a_year_within_it_and_headings_link_to_themselves(
    tmp_path: Path,
) -> None:
    document = """\
    title: {en: "Third <3>", zh: "第三"}
    paragraphs:
      - {en: "Plans", zh: "計劃", kind: heading}
      - en: "Work starts in July 2024. More follows later in 2024, and by the end of 2024."
        zh: "工作於 2024 年 7 月展開。其後在 2024 年稍後及 2024 年年底前陸續有來。"
    milestones:
      - {date: "2024", en: "By the end", zh: "年底前", paragraph: 2, qualifier: by-end}
      - {date: "2024", en: "Later", zh: "稍後", paragraph: 2, qualifier: later}
      - {date: "2024-07", en: "July", zh: "七月", paragraph: 2}
      - {date: "2024", en: "Early", zh: "年初", paragraph: 2, qualifier: early}
      - {date: "2024", en: "Mid", zh: "年中", paragraph: 2, qualifier: mid}
      - {date: "2023", en: "Heading", zh: "標題", paragraph: 1, sentence: 1}
    """
    project = make_project(tmp_path / "project", {"content/third.yaml": document})
    build(project, out_dir=tmp_path / "out")
    entries = _entries(tmp_path / "out", "en/timeline")
    assert entries.times == [
        "early 2024",
        "mid-2024",
        "July",
        "later in 2024",
        "by the end of 2024",
    ]
    assert entries.links[0] == "../../en/third/#p1"  # a heading has no sentence anchors
    data = json.loads((tmp_path / "out/data/timeline.json").read_text(encoding="utf-8"))
    # TimelineJS decodes the group once before setting it as HTML: escaped twice
    assert {event["group"] for event in data["events"]} == {"Third &amp;lt;3&amp;gt;"}


def test_a_rebuild_follows_a_change_of_the_documents_date_habit(tmp_path: Path) -> None:
    """Only the text changes, not the milestones: the timeline is still rendered anew."""
    project = make_project(tmp_path / "project", {"content/second.yaml": SECOND})
    build(project, out_dir=tmp_path / "out")
    assert _entries(tmp_path / "out", "tc/timeline").times == ["3月1日"]
    spaced = SECOND.replace("於2024年3月1日推出", "於 2024 年 3 月 1 日推出")
    (project / "content/second.yaml").write_text(spaced, encoding="utf-8")
    build(project, out_dir=tmp_path / "out")
    assert _entries(tmp_path / "out", "tc/timeline").times == ["3 月 1 日"]


def test_a_large_timeline_runs_over_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page holds TIMELINE_PAGE_SIZE milestones; each page lists every year, linked to
    the page where it begins; a year that runs on from the page before says so."""
    monkeypatch.setattr("sitegen.model.site.TIMELINE_PAGE_SIZE", 2)
    files = {"content/first.yaml": FIRST, "content/second.yaml": SECOND}
    out = tmp_path / "out"
    build(make_project(tmp_path / "project", files), out_dir=out)
    # In date order: 2022 (first), 2024-03-01 (second), 2024-07 (first), 2025 (first).
    for prefix in ("", "en/", "tc/", "sc/"):
        first, second = (out / f"{prefix}timeline/{p}index.html" for p in ("", "page/2/"))
        assert first.is_file() and second.is_file(), prefix
        assert not (out / f"{prefix}timeline/page/3").exists()
    assert _entries(out, "en/timeline").years == ["2022", "2024"]
    assert _entries(out, "en/timeline/page/2").years == ["2024 (continued)", "2025"]
    page_two = (out / "en/timeline/page/2/index.html").read_text(encoding="utf-8")
    assert 'id="y2024-more"' in page_two and 'id="y2025"' in page_two
    assert '<a href="../../../../en/timeline/#y2024">2024</a>' in page_two
    assert '<a href="../../../../en/timeline/page/2/#y2025">2025</a>' in page_two
    assert '<link rel="prev" href="../../../../en/timeline/">' in page_two
    assert "Page 2 of 2" in page_two
    page_one = (out / "tc/timeline/index.html").read_text(encoding="utf-8")
    assert '<link rel="next" href="../../tc/timeline/page/2/">' in page_one
    assert "下一頁 →" in page_one


def test_an_edit_renders_only_the_timeline_page_it_shows_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sitegen.model.site.TIMELINE_PAGE_SIZE", 2)
    rendered: list[str] = []
    render = Renderer.render_site_wide
    monkeypatch.setattr(
        Renderer,
        "render_site_wide",
        lambda self, unit, *a: rendered.append(unit.name) or render(self, unit, *a),
    )
    files = {"content/first.yaml": FIRST, "content/second.yaml": SECOND}
    project, out = make_project(tmp_path / "project", files), tmp_path / "out"
    build(project, out_dir=out)
    rendered.clear()
    first = project / "content/first.yaml"  # its 2025 milestone is on page 2
    first.write_text(first.read_text("utf-8").replace("Office grows", "Office expands"), "utf-8")
    build(project, out_dir=out)
    timeline_units = sorted(name for name in rendered if name.startswith("*timeline"))
    assert timeline_units == ["*timeline-2*"]
    assert "Office expands" in (out / "en/timeline/page/2/index.html").read_text("utf-8")
