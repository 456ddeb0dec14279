"""Content documents: `content/<slug>.yaml` read strictly into the model, every problem at once."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node

from ..errors import Problem, Problems, SiteError
from ..project import CONTENT_DIR
from ..text.dates import QUALIFIERS
from ..text.datestyle import DateStyle, date_style
from .config import TEXT_FIELDS
from .docmeta import read_author, read_date
from .files import link_target, read_regular
from .paragraphs import Paragraph, read_paragraphs
from .yamlnodes import Reader, compose_yaml

# Twice the most text ingest takes (2 MB): a bigger file is no one document, and reading
# its YAML costs some 400 bytes of memory per value.
MAX_CONTENT_BYTES = 4_000_000
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = {
    "data", "static", "timeline", "contents", "archive", "pagefind", "index", "404",
    "sitemap", "robots",
}  # fmt: skip


@dataclass(frozen=True)
class Milestone:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    en: str
    zh: str
    paragraph: int  # 1-based
    line: int = 0
    qualifier: str | None = None  # a key of sitegen.dates.QUALIFIERS: "from", "later", …
    sentence: int | None = None  # 1-based sentence group in the paragraph (anchor pN-sM)


@dataclass(frozen=True)
class Document:
    slug: str
    title: dict[str, str]
    paragraphs: tuple[Paragraph, ...]
    milestones: tuple[Milestone, ...]
    src_path: str  # relative to the project, e.g. content/foreword.yaml
    source: str | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD: when it was published
    author: dict[str, str] | None = None  # en, zh (the same name twice when given once)
    date_style: DateStyle = DateStyle()  # noqa: RUF009 (frozen): how its text writes dates


def load_documents(
    project: Path,
    reserved: set[str] = frozenset(),
    load: Callable[[Path, str, set[str]], Document] | None = None,
) -> list[Document]:
    """Every content/*.yaml, validated; problems of all files are reported together.

    `load` reads one file (default `load_document`); the preview passes one that reuses
    documents whose file has not changed since the last rebuild.
    """
    load = load or load_document
    problems = Problems()
    documents = []
    for path in sorted((project / CONTENT_DIR).glob("*.yaml"), key=lambda p: p.name):
        src_path = f"{CONTENT_DIR}/{shown_name(path)}"
        try:
            _check_location(project, path, src_path)
            document = load(path, src_path, reserved)
        except SiteError as error:
            problems.extend(error)
            continue
        documents.append(document)
    if not documents and not problems:
        problems.add(CONTENT_DIR, None, "no documents found; add content/<name>.yaml")
    problems.raise_if_any()
    return documents


def load_document(
    path: Path, src_path: str, reserved: set[str] = frozenset(), data: bytes | None = None
) -> Document:
    """One content file into a Document, or a SiteError listing everything wrong with it.
    `data`: the file's bytes, when the caller has read them already."""
    problems = Problems()
    slug = path.stem
    if not SLUG.match(slug) or slug in RESERVED_SLUGS | set(reserved):
        problems.add(
            src_path,
            None,
            f"the file name '{shown_name(path)}' gives the page address"
            f" /{shown_name(Path(slug))}/; use lowercase letters,"
            " digits and hyphens, and not a name the site uses itself"
            f" ({', '.join(sorted(RESERVED_SLUGS | set(reserved)))})",
        )
    try:
        raw = read_regular(path, src_path, MAX_CONTENT_BYTES) if data is None else data
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SiteError([*problems.items, _decode_problem(src_path, exc)]) from exc
    return parse_document(text, slug, src_path, problems)


def parse_document(
    text: str, slug: str, src_path: str, problems: Problems | None = None
) -> Document:
    """A content file's text into a Document, or a SiteError listing everything wrong."""
    problems = problems or Problems()
    root = compose_yaml(text, src_path)
    reader = Reader(src_path, problems)
    if root is None:
        problems.add(src_path, None, "the file is empty; a document needs title and paragraphs")
        problems.raise_if_any()
    document = _document(reader, root, slug, src_path)
    problems.raise_if_any()
    assert document is not None
    return document


def shown_name(path: Path) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 shown as \\xNN."""
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")


def _check_location(project: Path, path: Path, src_path: str) -> None:
    """A content file is a file of the project: not a folder, not a link to elsewhere,
    not a link loop (model/files.py)."""
    try:
        if stat.S_ISREG(os.lstat(path).st_mode):
            return  # a plain file, as nearly all are: one system call
    except OSError:
        pass  # gone since the listing: reading it says so
    target = link_target(project, path, src_path, CONTENT_DIR)
    if target.is_dir():
        raise SiteError(Problem(src_path, None, "is a folder; content files are YAML files"))


def _decode_problem(src_path: str, exc: UnicodeDecodeError) -> Problem:
    if exc.object.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Problem(
            src_path,
            1,
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        )
    line = exc.object[: exc.start].count(b"\n") + 1
    return Problem(
        src_path,
        line,
        f"the file is not UTF-8 (byte 0x{exc.object[exc.start]:02X}); save it as UTF-8",
    )


def _document(reader: Reader, root: Node, slug: str, src_path: str) -> Document | None:
    optional = ("source", "date", "author", "milestones")
    keys = reader.mapping(root, "the document", ("title", "paragraphs"), optional)
    if keys is None:
        return None
    title = _pair(reader, keys.get("title"), "title") if "title" in keys else None
    source = reader.text(keys["source"], "source") if "source" in keys else None
    date = read_date(reader, keys["date"], "date") if "date" in keys else None
    author = read_author(reader, keys["author"]) if "author" in keys else None
    paragraphs = read_paragraphs(reader, keys["paragraphs"]) if "paragraphs" in keys else None
    milestones = _milestones(reader, keys.get("milestones"), len(paragraphs or ()))
    if title is None or paragraphs is None or milestones is None:
        return None
    if ("date" in keys and date is None) or ("author" in keys and author is None):
        return None
    style = date_style((p.en for p in paragraphs), (p.zh for p in paragraphs))
    return Document(slug, title, paragraphs, milestones, src_path, source, date, author, style)


def _pair(reader: Reader, node: Node, what: str) -> dict[str, str] | None:
    keys = reader.mapping(node, what, TEXT_FIELDS)
    if keys is None:
        return None
    texts = {k: reader.text(v, f"{what}.{k}") for k, v in keys.items()}
    return texts if all(texts.get(k) for k in TEXT_FIELDS) else None  # type: ignore[return-value]


def _milestones(reader: Reader, node: Node | None, paragraph_count: int):
    if node is None:
        return ()
    result, ok = [], True
    for number, item in reader.sequence(node, "milestones"):
        milestone = _milestone(reader, item, f"milestone {number}", paragraph_count)
        if milestone is None:
            ok = False
        else:
            result.append(milestone)
    return tuple(result) if ok else None


def _milestone(reader: Reader, item: Node, what: str, paragraph_count: int) -> Milestone | None:
    required = ("date", "en", "zh", "paragraph")
    keys = reader.mapping(item, what, required, ("sentence", "qualifier"))
    if keys is None or not all(k in keys for k in required):
        return None
    date = read_date(reader, keys["date"], f"{what} date")
    texts = {k: reader.text(keys[k], f"{what} {k}") for k in TEXT_FIELDS}
    paragraph = reader.integer(keys["paragraph"], f"{what} paragraph")
    if paragraph is not None and not 1 <= paragraph <= max(paragraph_count, 1):
        reader.report(
            keys["paragraph"],
            f"{what} points to paragraph {paragraph}, but the document has"
            f" {paragraph_count} paragraph{'' if paragraph_count == 1 else 's'}",
        )
        paragraph = None
    sentence = _sentence(reader, keys["sentence"], what) if "sentence" in keys else None
    qualifier = _qualifier(reader, keys["qualifier"], what) if "qualifier" in keys else None
    if (
        date is None
        or paragraph is None
        or not all(texts.values())
        or ("sentence" in keys and sentence is None)
        or ("qualifier" in keys and qualifier is None)
    ):
        return None
    line = reader.line(item)
    return Milestone(date, texts["en"], texts["zh"], paragraph, line, qualifier, sentence)


def _sentence(reader: Reader, node: Node, what: str) -> int | None:
    sentence = reader.integer(node, f"{what} sentence")
    if sentence is not None and sentence < 1:
        reader.report(
            node,
            f"{what} sentence is {sentence}; expected a positive whole number"
            " (1 for the paragraph's first sentence)",
        )
        return None
    return sentence


def _qualifier(reader: Reader, node: Node, what: str) -> str | None:
    qualifier = reader.text(node, f"{what} qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        reader.report(
            node,
            f"{what} qualifier is {qualifier!r}; expected one of: {', '.join(QUALIFIERS)}",
        )
        return None
    return qualifier
