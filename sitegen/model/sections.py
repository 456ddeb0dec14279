"""site.yaml's `sections` (chapters), each titled in both languages with its documents in
order (model/order.py puts the documents in that order).

    sections:
      - title: {en: "Messages", zh: "獻辭"}
        documents: [foreword, chairman]
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node

from .yamlnodes import Reader


@dataclass(frozen=True)
class Section:
    """A chapter as site.yaml lists it: its title and its documents' slugs (with lines)."""

    title: dict[str, str]
    slugs: tuple[tuple[str, int], ...]  # (slug, line in site.yaml)


def read_sections(reader: Reader, node: Node, fields: tuple[str, ...]) -> tuple[Section, ...]:
    """site.yaml's `sections`, checked for shape (the slugs are checked once documents
    are loaded: order_documents)."""
    sections = []
    for number, item in reader.sequence(node, "sections"):
        what = f"section {number}"
        keys = reader.mapping(item, what, ("title", "documents"))
        if keys is None or len(keys) < 2:
            continue
        title_keys = reader.mapping(keys["title"], f"{what} title", fields)
        title = {k: reader.text(v, f"{what} title.{k}") for k, v in (title_keys or {}).items()}
        slugs = []
        for _, slug_node in reader.sequence(keys["documents"], f"{what} documents"):
            slug = reader.text(slug_node, f"{what} document")
            if slug:
                slugs.append((slug, reader.line(slug_node)))
        if len(title) == 2 and all(title.values()):
            sections.append(Section(title, tuple(slugs)))  # type: ignore[arg-type]
    return tuple(sections)
