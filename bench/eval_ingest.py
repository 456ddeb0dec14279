#!/usr/bin/env python3
"""Ingest accuracy on real files: paragraph pairs exactly right, per file and in all.

Every `<name>.pdf`, `<name>.docx` and extracted text under tests/fixtures/{pdf,docx} that
has an expected YAML (`<name>.expected.yaml` beside it, or beside the PDF it was extracted
from) is ingested as `python3 build.py ingest` would; a pair counts when an expected
{en, zh, kind} pair appears exactly (each at most once), and the title counts apart. Also
times a 20-page bilingual PDF printed by Chromium (`--pages 20`, needs chromium + Playwright).

    python3 bench/eval_ingest.py [--verbose] [--pages 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.errors import SiteError  # noqa: E402
from sitegen.ingest.sources import read_source  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"


def expected_for(path: Path) -> Path | None:
    """The expected YAML of a fixture: beside it, or beside the PDF its text came from."""
    stem = path.stem.split(".")[0]
    for folder in (path.parent, path.parent.parent):
        candidate = folder / f"{stem}.expected.yaml"
        if candidate.is_file():
            return candidate
    return None


def pairs(content: dict) -> Counter[tuple[str, str, str]]:
    return Counter(
        (p["en"], p["zh"], p.get("kind", "paragraph")) for p in content.get("paragraphs", [])
    )


def score(path: Path, verbose: bool) -> tuple[int, int, bool]:
    expected = yaml.safe_load(expected_for(path).read_text(encoding="utf-8"))  # type: ignore[union-attr]
    try:
        got = read_source(path, display_name=path.name).content
    except SiteError as error:
        print(f"  {path.relative_to(FIXTURES)}: {error}")
        return 0, sum(pairs(expected).values()), False
    want, found = pairs(expected), pairs(got)
    right = sum((want & found).values())
    title = got["title"] == expected["title"]
    if verbose:
        for en, zh, kind in (want - found).elements():
            print(f"    missed {kind}: {en[:70]!r} / {zh[:30]!r}")
    return right, sum(want.values()), title


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--pages", type=int, default=0, help="also time a PDF of N pages")
    args = parser.parse_args()
    files = sorted(
        p
        for folder in ("pdf", "docx")
        for p in (FIXTURES / folder).rglob("*")
        if p.suffix in (".pdf", ".docx", ".txt") and expected_for(p)
    )
    by_kind: dict[str, list[int]] = {}
    for path in files:
        right, total, title = score(path, args.verbose)
        kind = path.parent.name if path.suffix == ".txt" else path.suffix
        tally = by_kind.setdefault(kind, [0, 0, 0, 0])
        tally[0] += right
        tally[1] += total
        tally[2] += title
        tally[3] += 1
        shown = f"{path.relative_to(FIXTURES)}"
        print(f"{shown:55} {right:3}/{total:<3} pairs  title {'ok' if title else 'WRONG'}")
    for kind, (right, total, titles, count) in sorted(by_kind.items()):
        share = 100 * right / total if total else 0
        print(
            f"{kind:10} {right}/{total} pairs exactly right ({share:.0f} %),"
            f" {titles}/{count} titles"
        )
    if args.pages:
        print(f"{args.pages}-page PDF: ingested in {time_long_pdf(args.pages):.2f} s")
    return 0


def time_long_pdf(pages: int) -> float:
    """Ingest time of a bilingual PDF of about `pages` pages, printed by Chromium."""
    sys.path.insert(0, str(FIXTURES / "pdf"))
    from make_fixtures import long_document_html, print_pdf  # type: ignore[import-not-found]

    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "long.pdf"
        print_pdf(long_document_html(pages), pdf)
        started = time.perf_counter()
        read_source(pdf, display_name=pdf.name)
        return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
