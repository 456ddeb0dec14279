"""Strict YAML reading: values keep their lines, and YAML's surprises are reported."""

from __future__ import annotations

import time

import pytest

from sitegen.errors import Problems, SiteError
from sitegen.model.yamlnodes import Reader, compose_yaml


def read(text: str):
    problems = Problems()
    return compose_yaml(text, "x.yaml"), Reader("x.yaml", problems), problems


def messages(problems: Problems) -> list[str]:
    return [str(p) for p in problems.items]


def test_text_keeps_its_value_and_line() -> None:
    root, reader, problems = read('a: 1\nb: "No"\n')
    keys = reader.mapping(root, "doc", ("a", "b"))
    assert reader.text(keys["b"], "b") == "No"
    assert reader.line(keys["b"]) == 2
    assert not problems


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        ("No", "true/false"),
        ("yes", "true/false"),
        ("0123", "a whole number"),
        ("12:30", "a whole number"),
        ("1.5", "a number"),
        ("~", "empty (null)"),
        ("2024-07-14", "a date"),
    ],
)
def test_plain_values_yaml_would_convert_are_reported(value: str, reading: str) -> None:
    root, reader, problems = read(f"v: {value}\n")
    assert reader.text(reader.mapping(root, "doc", ("v",))["v"], "v") is None
    assert messages(problems) == [
        f"x.yaml:1: v should be text, but YAML reads {value!r} as {reading}; put it in quotes"
    ]


def test_octal_looking_integer_is_reported_with_its_octal_value() -> None:
    root, reader, problems = read("n: 0123\n")
    assert reader.integer(reader.mapping(root, "doc", ("n",))["n"], "n") is None
    assert "reads as the octal number 83" in messages(problems)[0]


def test_duplicate_unknown_and_missing_keys_are_all_reported() -> None:
    root, reader, problems = read("title: a\ntitle: b\ntitel: c\n")
    reader.mapping(root, "doc", ("title", "body"))
    assert messages(problems) == [
        "x.yaml:2: duplicate key 'title' in doc (first given on line 1)",
        "x.yaml:3: unknown key 'titel' in doc (did you mean 'title'?); allowed: title, body",
        "x.yaml:1: doc is missing the key 'body'",
    ]


def test_alias_bomb_fails_fast_at_the_first_anchor() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{c}: &{c} [{','.join(['*' + p] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    started = time.perf_counter()
    with pytest.raises(SiteError, match="anchors and aliases"):
        compose_yaml("\n".join(lines), "x.yaml")
    assert time.perf_counter() - started < 1.0


def test_syntax_error_carries_the_line() -> None:
    with pytest.raises(SiteError) as caught:
        compose_yaml("a: [1, 2\nb: 3\n", "x.yaml")
    assert str(caught.value.problems[0]).startswith("x.yaml:2: YAML syntax error:")


def test_byte_order_mark_is_ignored() -> None:
    root, reader, _ = read('\ufeffv: "text"\n')
    assert reader.text(reader.mapping(root, "doc", ("v",))["v"], "v") == "text"
