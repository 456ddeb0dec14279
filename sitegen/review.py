"""`build.py review`: record that an editor checked paragraph pairs, by writing the current
fingerprints of their English and Chinese into the content file (`reviewed:`).

The file is the editor's: only the `reviewed:` values change, by editing its text where the
YAML parser says they are (or adding one line per paragraph). Comments, key order, quoting,
line breaks and everything else stay byte for byte. The edit is checked by loading the
result before it replaces the file.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, SiteError
from .ingest.write import replace_file, reviewed_now
from .model.content import Document, load_document, parse_document
from .model.yamlnodes import compose_yaml

BOM = "\ufeff"
Edit = tuple[int, int, str]  # replace text[start:end] with this


def review_file(path: Path, src_path: str, numbers: Collection[int] = ()) -> int:
    """Mark paragraphs (1-based `numbers`; every one if empty) reviewed as they stand now.
    Returns how many paragraphs' fingerprints changed; the file is rewritten only then."""
    document = load_document(path, src_path)
    count = len(document.paragraphs)
    wrong = [n for n in numbers if not 1 <= n <= count]
    if wrong:
        raise SiteError(
            Problem(src_path, None, f"there is no paragraph {wrong[0]}; it has 1 to {count}")
        )
    raw = path.read_bytes().decode("utf-8")
    bom, text = (BOM, raw[1:]) if raw.startswith(BOM) else ("", raw)
    items = _paragraph_nodes(compose_yaml(text, src_path))
    newline = "\r\n" if "\r\n" in text else "\n"
    edits, changed = [], 0
    for number, (paragraph, item) in enumerate(zip(document.paragraphs, items, strict=True), 1):
        if numbers and number not in numbers:
            continue
        now = reviewed_now(paragraph.en, paragraph.zh)
        if paragraph.reviewed == (now["en"], now["zh"]):
            continue
        flow = "{" + f'en: "{now["en"]}", zh: "{now["zh"]}"' + "}"
        edits.append(_edit(text, item, flow, newline))
        changed += 1
    if not changed:
        return 0
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    _check_edit(src_path, document, text, numbers)
    replace_file(path, (bom + text).encode("utf-8"))
    return changed


def _paragraph_nodes(root: Node | None) -> list[MappingNode]:
    assert isinstance(root, MappingNode)  # load_document has validated the file
    value = next(v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "paragraphs")
    assert isinstance(value, SequenceNode)
    return value.value  # type: ignore[return-value]


def _edit(text: str, item: MappingNode, flow: str, newline: str) -> Edit:
    """Where the paragraph's `reviewed:` value goes: over the old one, or a new entry."""
    for key, value in item.value:
        if key.value == "reviewed":
            start, end = value.start_mark.index, value.end_mark.index
            return start, start + len(text[start:end].rstrip()), flow
    if item.flow_style:  # - {en: ..., zh: ...}: a new entry before the closing brace
        at = item.end_mark.index - 1
        return at, at, f", reviewed: {flow}"
    indent = " " * item.value[0][0].start_mark.column
    last = item.value[-1][1]
    if last.end_mark.column == 0:  # a block scalar or mapping ends where the next line starts
        at = last.end_mark.index
        return at, at, f"{indent}reviewed: {flow}{newline}"
    line_end = text.find("\n", last.end_mark.index)
    at = len(text) if line_end < 0 else line_end - (text[line_end - 1 : line_end] == "\r")
    return at, at, f"{newline}{indent}reviewed: {flow}"


def _check_edit(src_path: str, before: Document, text: str, numbers: Collection[int]) -> None:
    """Parse the edited text as the build would: same texts, the pairs marked reviewed."""
    try:
        after = parse_document(text.removeprefix(BOM), before.slug, src_path)
    except SiteError as error:  # pragma: no cover - an edit the parser rejects is a bug
        raise SiteError(
            Problem(src_path, None, f"review could not edit this file safely: {error}")
        ) from error
    pairs = zip(before.paragraphs, after.paragraphs, strict=True)
    for number, (old, new) in enumerate(pairs, start=1):
        kept = (old.en, old.zh, old.kind, old.segments) == (new.en, new.zh, new.kind, new.segments)
        chosen = not numbers or number in numbers
        if not kept or (chosen and (new.reviewed is None or new.outdated)):  # pragma: no cover
            raise SiteError(Problem(src_path, new.line, "review could not edit this file safely"))
