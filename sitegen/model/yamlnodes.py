"""Strict YAML reading: `yaml.safe_load` semantics, but every value keeps its line.

We compose the node graph ourselves instead of calling `safe_load`, because the
plain loader silently turns `No` into false, `0123` into 83, keeps the last of two
duplicate keys and expands alias bombs. Schemas (config, content) read the nodes
through the typed getters below, which report `file:line: sentence` problems.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem, Problems, SiteError
from ..text.scripts import CONTROL_CHARACTERS, FORBIDDEN_CHARACTERS, describe_forbidden

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
_TYPE_NAMES = {
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "empty (null)",
    INT: "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}
_STANDARD_TAGS = {STR, INT, *_TYPE_NAMES, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


# libyaml's composer where available (several times faster); same nodes, same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose_yaml(text: str, file: str) -> Node | None:
    """Parse YAML text into nodes; a syntax error becomes a SiteError with its line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        raise SiteError(Problem(file, *_syntax_error(exc))) from exc
    except yaml.reader.ReaderError as exc:  # control characters: no mark, but a position
        line = text[: exc.position].count("\n") + 1
        char = chr(exc.character)
        what = (
            describe_forbidden(char)
            if FORBIDDEN_CHARACTERS.match(char)
            else f"the character U+{exc.character:04X}"
        )
        message = f"the text contains {what}, which YAML does not allow; remove it"
        raise SiteError(Problem(file, line, message)) from exc
    except yaml.YAMLError as exc:
        raise SiteError(Problem(file, None, f"YAML error: {exc}")) from exc
    _refuse_aliases(root, file)
    return root


def _refuse_aliases(root: Node | None, file: str) -> None:
    """An alias makes the composer reuse a node: meeting one twice means `*alias` was used.

    Composing never expands aliases, and this walk stops at the first reuse, so an alias
    bomb fails in microseconds instead of exhausting memory.
    """
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1
            raise SiteError(
                Problem(
                    file,
                    line,
                    "anchors and aliases (& and *) are not allowed; write the value out"
                    " (the value starting here is reused elsewhere)",
                )
            )
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))


def _syntax_error(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """PyYAML's problem, located, plus where the construct it was reading began."""
    mark = exc.problem_mark or exc.context_mark
    message = f"YAML syntax error: {exc.problem or exc.context or 'invalid YAML'}"
    if exc.context and exc.context_mark and exc.problem_mark:
        message += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
    return (mark.line + 1 if mark else None), message


@dataclass
class Reader:
    """Typed access to nodes of one file, collecting problems instead of raising."""

    file: str
    problems: Problems

    def line(self, node: Node) -> int:
        return node.start_mark.line + 1

    def report(self, node: Node | None, message: str) -> None:
        self.problems.add(self.file, self.line(node) if node is not None else None, message)

    def check_tag(self, node: Node) -> bool:
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag in _STANDARD_TAGS:
            return True
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.report(node, f"the tag {shown} is not allowed here; remove it")
        return False

    def mapping(
        self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The keys of a mapping; unknown, duplicate and missing keys are reported."""
        if not self.check_tag(node):
            return None
        if not isinstance(node, MappingNode):
            keys = ", ".join(required or optional)
            self.report(node, f"{what} should be a mapping of keys ({keys})")
            return None
        known = required + optional
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key not in known:
                hint = difflib.get_close_matches(str(key), known, n=1)
                did_you_mean = f" (did you mean '{hint[0]}'?)" if hint else ""
                allowed = ", ".join(known)
                self.report(
                    key_node, f"unknown key '{key}' in {what}{did_you_mean}; allowed: {allowed}"
                )
            elif key in result:
                first = self.line(result[key])
                self.report(
                    key_node, f"duplicate key '{key}' in {what} (first given on line {first})"
                )
            else:
                result[key] = value_node
        for key in required:
            if key not in result:
                self.report(node, f"{what} is missing the key '{key}'")
        return result

    def free_mapping(self, node: Node, what: str) -> dict[str, Node] | None:
        """A mapping whose keys are the user's own names (languages, strings)."""
        if not self.check_tag(node):
            return None
        if not isinstance(node, MappingNode):
            self.report(node, f"{what} should be a mapping of names to values")
            return None
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else None
            if key is None or key in result:
                self.report(key_node, f"duplicate or invalid key {key!r} in {what}")
            else:
                result[key] = value_node
        return result

    def sequence(self, node: Node, what: str) -> Iterator[tuple[int, Node]]:
        """Items of a list, numbered from 1."""
        if not self.check_tag(node):
            return iter(())
        if not isinstance(node, SequenceNode):
            self.report(node, f"{what} should be a list (items starting with '- ')")
            return iter(())
        return enumerate(node.value, start=1)

    def text(self, node: Node, what: str, *, allow_empty: bool = False) -> str | None:
        """A text value; YAML's other readings of plain scalars are reported, not converted."""
        if not self.check_tag(node):
            return None
        if not isinstance(node, ScalarNode):
            self.report(node, f"{what} should be text, not a list or mapping")
            return None
        if node.tag != STR:
            kind = _TYPE_NAMES.get(node.tag, node.tag)
            self.report(
                node,
                f"{what} should be text, but YAML reads"
                f" {repr(node.value) if node.value else 'an empty value'} as {kind};"
                " put it in quotes",
            )
            return None
        if not node.value.strip() and not allow_empty:
            self.report(node, f"{what} is empty")
            return None
        found = FORBIDDEN_CHARACTERS.search(node.value)
        if found:  # a control is written as an escape ("\x01"), YAML refuses it raw
            escape = " (an escape such as \\x01 in quotes)" * bool(
                CONTROL_CHARACTERS.match(found[0])
            )
            self.report(node, f"{what} contains {describe_forbidden(found[0])}{escape}; remove it")
            return None
        return node.value

    def integer(self, node: Node, what: str) -> int | None:
        """A whole number written plainly (no octal, hex or sexagesimal surprises)."""
        raw = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(node, ScalarNode) or node.tag != INT or not raw.lstrip("+-").isdigit():
            self.report(node, f"{what} should be a whole number, found {raw!r}")
            return None
        if len(raw.lstrip("+-")) > 1 and raw.lstrip("+-").startswith("0"):
            octal = int(raw, 8)
            self.report(
                node,
                f"{what} is written {raw}, which YAML reads as the octal number {octal};"
                " write it without the leading zero",
            )
            return None
        return int(raw)

    def boolean(self, node: Node, what: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.value in ("true", "false"):
            return node.value == "true"
        self.report(node, f"{what} should be true or false, found {getattr(node, 'value', '?')!r}")
        return None
