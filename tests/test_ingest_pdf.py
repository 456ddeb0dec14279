"""Ingest of real PDFs (printed by Chromium, tests/fixtures/pdf/make_fixtures.py) and Word
files (written by python-docx): every pair right, page furniture dropped and reported, and
bad files refused with a clear message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from conftest import REPO, make_project, run_build_py
from sitegen.errors import SiteError
from sitegen.ingest import pdf
from sitegen.ingest.sources import read_pair, read_source
from sitegen.model.content import load_document

PDFS = REPO / "tests" / "fixtures" / "pdf"
WORD = REPO / "tests" / "fixtures" / "docx"


def expected(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "source",
    [
        PDFS / "sequential.pdf",  # English pages, then Chinese pages, justified, hyphenated
        PDFS / "two_column.pdf",  # English left, Chinese right, row by row
        PDFS / "interleaved.pdf",  # each paragraph then its translation; indents, no gaps
        WORD / "bilingual.docx",  # an English section, then a Chinese one
        WORD / "interleaved.docx",
    ],
    ids=lambda path: path.name,
)
def test_every_pair_comes_out_exactly(source: Path) -> None:
    want = expected(source.with_suffix(".expected.yaml"))
    got = read_source(source, display_name=source.name).content
    assert got["title"] == want["title"]
    assert got["paragraphs"] == want["paragraphs"]


def test_one_file_per_language() -> None:
    want = expected(WORD / "en_zh.expected.yaml")
    got = read_pair(WORD / "en.docx", WORD / "zh.docx", display_names=("en.docx", "zh.docx"))
    assert got.content["title"] == want["title"]
    assert got.content["paragraphs"] == want["paragraphs"]


@pytest.mark.parametrize("name", ["sequential.pdf", "two_column.pdf", "interleaved.pdf"])
def test_page_furniture_is_dropped_and_reported(name: str) -> None:
    ingested = read_source(PDFS / name, display_name=name)
    text = yaml.safe_dump(ingested.content, allow_unicode=True)
    assert ingested.dropped, "the running heads and page numbers should be reported"
    for where in ingested.dropped:
        line = where.split(": ", 1)[1]
        assert len(line) < 4 or line not in text, f"{line!r} was dropped but is in the content"
    assert not any(word in text for word in ("Page 1", "Page 2", "第 3 頁"))


def test_running_heads_in_each_language_are_dropped() -> None:
    dropped = read_source(PDFS / "sequential.pdf", display_name="s.pdf").dropped
    pages = {where.split(":", 1)[0] for where in dropped}
    assert pages == {"page 1", "page 2", "page 3"}
    assert len(dropped) == 6  # on every page: the running head of its language, "Page N"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (PDFS / "scanned.pdf", "the PDF has no text to read (a scanned document?); run OCR first"),
        (PDFS / "encrypted.pdf", "the PDF is encrypted (password-protected)"),
        (PDFS / "corrupt.pdf", "the PDF cannot be read (PSEOF"),
        (WORD / "corrupt.docx", "the Word file cannot be read (BadZipFile)"),
        (WORD / "not_a_docx.docx", "the Word file cannot be read (BadZipFile)"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else "",
)
def test_a_file_that_cannot_be_read_is_refused(source: Path, message: str) -> None:
    with pytest.raises(SiteError) as caught:
        read_source(source, display_name=source.name)
    assert str(caught.value).startswith(f"{source.name}: {message}")


@pytest.mark.parametrize(
    ("limit", "value", "message"),
    [
        ("MAX_PAGES", 2, "the PDF has more than 2 pages; split it into one file per document"),
        ("MAX_SECONDS", 0, "reading the PDF took longer than 0 s"),
    ],
)
def test_a_pdf_past_a_limit_fails_cleanly(
    monkeypatch: pytest.MonkeyPatch, limit: str, value: int, message: str
) -> None:
    monkeypatch.setattr(pdf, limit, value)
    with pytest.raises(SiteError) as caught:
        read_source(PDFS / "sequential.pdf", display_name="big.pdf")
    assert str(caught.value).startswith(f"big.pdf: {message}")


def test_a_password_protected_word_file_is_refused(tmp_path: Path) -> None:
    # Word saves an encrypted .docx as an OLE compound file, whose first bytes are these.
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(SiteError, match="the Word file is password-protected"):
        read_source(locked, display_name="locked.docx")


def test_ingest_a_pdf_from_the_command_line_then_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    dest = project / "content" / "chairman.yaml"
    result = run_build_py(
        "ingest", str(PDFS / "sequential.pdf"), "-o", str(dest), "--project", str(project)
    )
    assert result.returncode == 0, result.stderr
    assert "Dropped 6 line(s) as page furniture" in result.stdout
    written = dest.read_text(encoding="utf-8")
    assert written.startswith("# ingest dropped 6 line(s) as page furniture")
    document = load_document(dest, "content/chairman.yaml")
    assert document.title["en"] == "Message from the Chairman"
    built = run_build_py("build", "--project", str(project), "--out", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "chairman" / "index.html").is_file()


def test_ingest_two_files_from_the_command_line(tmp_path: Path) -> None:
    dest = tmp_path / "content" / "chairman.yaml"
    result = run_build_py(
        "ingest", "--en", str(WORD / "en.docx"), "--zh", str(WORD / "zh.docx"), "-o", str(dest)
    )
    assert result.returncode == 0, result.stderr
    assert "Ingested " in result.stdout and "en.docx and " in result.stdout
    assert load_document(dest, "content/chairman.yaml").title["zh"] == "主席獻辭"


def test_ingest_wants_one_source_or_both_languages(tmp_path: Path) -> None:
    result = run_build_py("ingest", "--en", str(WORD / "en.docx"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "build.py: ingest takes one SOURCE holding both languages, or --en FILE --zh FILE"
    )


def huge_pdf(path: Path, characters: int) -> None:
    """A small file that unpacks into one page of `characters` characters: a PDF made to
    be huge (its content stream compressed, as any PDF's may be)."""
    import zlib

    stream = zlib.compress(b"BT /F1 1 Tf " + b"(x) Tj " * characters + b"ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(data)


def test_a_pdf_made_to_be_huge_runs_out_of_its_memory_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "huge.pdf"
    huge_pdf(source, 400_000)
    assert source.stat().st_size < 100_000
    in_use = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    monkeypatch.setattr(pdf, "MAX_MEMORY", in_use + (64 << 20))  # 64 MB more than now
    with pytest.raises(SiteError) as caught:
        read_source(source, display_name="huge.pdf")
    assert str(caught.value).startswith("huge.pdf: reading the PDF ran out of memory")


def test_a_word_table_with_merged_and_nested_cells_is_read_once_in_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Annual Review"
    table.cell(1, 0).text = "The Council met in May."
    table.cell(1, 1).text = "議會於五月開會。"
    table.cell(1, 0).add_table(rows=1, cols=1).cell(0, 0).text = "It approved the budget."
    source = tmp_path / "table.docx"
    document.save(str(source))
    from sitegen.ingest.word import read_word

    texts = [block.text for block in read_word(source, "table.docx")]
    assert texts == [
        "Annual Review",
        "The Council met in May.",
        "It approved the budget.",
        "議會於五月開會。",
    ]
