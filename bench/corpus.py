"""A deterministic corpus for benchmarks: N bilingual documents made from the foreword.

Document n (1-based) is drawn with `random.Random(n)` from the paragraphs of the repository's
`content/foreword.yaml`: 2 to 8 paragraphs, shuffled, some repeated, some dropped, now and
then two joined into one long paragraph; and 1 to 3 dated milestones; its date comes from
n alone. The same n always gives the same bytes, whatever the size of the corpus, so runs
and sizes are comparable. site.yaml gets ten sections of consecutive documents.

    from corpus import make_project
    project = make_project(Path("/tmp/site-1000"), 1000)   # site.yaml, templates/, static/,
                                                           # content/doc-00001.yaml ...
"""

from __future__ import annotations

import copy
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent

# (English, Traditional Chinese) events in the foreword's own words.
EVENTS = (
    ("I&T Development Blueprint promulgated", "公布《香港創新科技發展藍圖》"),
    ("5G services launched", "推出 5G 服務"),
    ("Digital Policy Office established", "成立數字政策辦公室"),
    ("AI Supercomputing Centre opens", "人工智能超算中心啟用"),
    ("AI Subsidy Scheme launched", "推出人工智能資助計劃"),
    ("Digital government initiatives rolled out", "推出數字政府「百項方案」"),
)


def read_paragraphs(repo: Path = REPO) -> list[dict[str, Any]]:
    """The foreword's paragraph records (en, zh and any optional keys), in reading order."""
    text = (repo / "content" / "foreword.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["paragraphs"]


def slug(n: int) -> str:
    """The file name stem (and page address) of document n: doc-00001."""
    return f"doc-{n:05d}"


def make_document(n: int, pool: list[dict[str, Any]]) -> dict[str, Any]:
    """Document n (1-based) as a content record: title, paragraphs, milestones."""
    rng = random.Random(n)
    count = rng.randint(2, 8)
    picked = list(pool)
    rng.shuffle(picked)
    picked = [p for p in picked if rng.random() > 0.25]  # drop some
    while len(picked) < count:
        picked.append(rng.choice(pool))  # repeat some
    # Copied whole: a repeated paragraph would share its `reviewed:` mapping, which YAML
    # writes as an anchor and alias, and the loader refuses.
    paragraphs = [copy.deepcopy(p) for p in picked[:count]]
    if len(paragraphs) > 2 and rng.random() < 0.3:  # one long paragraph, two joined
        first, second = paragraphs.pop(0), paragraphs.pop(0)
        joined = {"en": f"{first['en']} {second['en']}", "zh": first["zh"] + second["zh"]}
        paragraphs.insert(0, joined)
    rng.shuffle(paragraphs)
    return {
        "title": {"en": f"Message {n}", "zh": f"獻辭 {n}"},
        "date": _date(n),
        "paragraphs": paragraphs,
        "milestones": [_milestone(rng, len(paragraphs)) for _ in range(rng.randint(1, 3))],
    }


def _date(n: int) -> str:
    """Document n's date, from n alone (drawing it would change every later draw)."""
    return f"{2000 + n % 26}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"


def sections(count: int, parts: int = 10) -> list[dict[str, Any]]:
    """site.yaml's sections for `count` documents: ten parts of consecutive documents."""
    size = -(-count // parts)
    return [
        {
            "title": {"en": f"Part {k + 1}", "zh": f"第 {k + 1} 部分"},
            "documents": [slug(n) for n in range(k * size + 1, min(count, (k + 1) * size) + 1)],
        }
        for k in range(parts)
        if k * size < count
    ]


def _milestone(rng: random.Random, paragraph_count: int) -> dict[str, Any]:
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice((f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"))
    en, zh = rng.choice(EVENTS)
    return {"date": date, "en": en, "zh": zh, "paragraph": rng.randint(1, paragraph_count)}


def dump_document(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)


def make_project(root: Path, count: int, repo: Path = REPO) -> Path:
    """A project folder of `count` documents: the repo's site.yaml, templates/, static/."""
    root.mkdir(parents=True)
    config = (repo / "site.yaml").read_text(encoding="utf-8")
    parts = yaml.safe_dump({"sections": sections(count)}, allow_unicode=True, sort_keys=False)
    (root / "site.yaml").write_text(config + "\n" + parts, encoding="utf-8")
    shutil.copytree(repo / "templates", root / "templates")
    shutil.copytree(repo / "static", root / "static")
    (root / "content").mkdir()
    pool = read_paragraphs(repo)
    for n in range(1, count + 1):
        text = dump_document(make_document(n, pool))
        (root / "content" / f"{slug(n)}.yaml").write_text(text, encoding="utf-8")
    return root


def edit_document(project: Path, n: int = 1) -> dict[str, Any]:
    """Change one paragraph of document n in place (toggling a marker, so every call is a
    real change) and return the document as now written."""
    path = project / "content" / f"{slug(n)}.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = document["paragraphs"][0]
    marker = " (Revised.)"
    edited = first["en"].endswith(marker)
    first["en"] = first["en"].removesuffix(marker) if edited else first["en"] + marker
    first["zh"] = first["zh"].removesuffix("（修訂）") if edited else first["zh"] + "（修訂）"
    path.write_text(dump_document(document), encoding="utf-8")
    return document


def add_document(project: Path, n: int) -> dict[str, Any]:
    """Write document n (as `make_document` makes it) into the project; return it."""
    document = make_document(n, read_paragraphs())
    (project / "content" / f"{slug(n)}.yaml").write_text(dump_document(document), "utf-8")
    return document


def remove_document(project: Path, n: int) -> None:
    (project / "content" / f"{slug(n)}.yaml").unlink()
