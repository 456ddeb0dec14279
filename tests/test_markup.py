"""Inline Markdown: formatting works, and text that only looks like Markdown stays as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.render.markup import InlineMarkdown, plain_text

md = InlineMarkdown()


@pytest.mark.parametrize(
    "text",
    [
        "12. The Government will continue to support the industry.",
        "1. first",
        "# not a heading",
        "* not a list item",
        "- not a list item either",
        "5 * 3 * 2 = 30",
        "--- three dashes",
        "snake_case_name stays",
        "100% of 5G + AI",
        "12. 政府會繼續支持業界。",
        "在 2022 年公布《香港創新科技發展藍圖》，「百項方案」",
    ],
)
def test_text_that_only_looks_like_markdown_is_kept(text: str) -> None:
    assert plain_text(md.render(text)) == text
    assert "<li>" not in md.render(text) and "<h" not in md.render(text)


def test_numbered_paragraph_fixture_is_not_a_list() -> None:
    html = md.render("64. The Government has allocated $3.5 billion for 1823 and 5G.")
    assert html == "64. The Government has allocated $3.5 billion for 1823 and 5G."


def test_inline_formatting_is_rendered() -> None:
    html = md.render("*AI* and **5G**, see [CAHK](https://www.cahk.hk) and `code`")
    assert html == (
        '<em>AI</em> and <strong>5G</strong>, see <a href="https://www.cahk.hk">CAHK</a>'
        " and <code>code</code>"
    )


def test_ampersands_and_angle_brackets_are_escaped() -> None:
    assert md.render("I&T < R&D > ICT") == "I&amp;T &lt; R&amp;D &gt; ICT"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<b onclick="alert(1)">bold</b>',
    ],
)
def test_raw_html_and_script_links_are_removed(text: str) -> None:
    html = md.render(text).lower()
    for executable in ("<script", "onerror", "onclick", "javascript:", "data:", "<img"):
        assert executable not in html


@settings(max_examples=500)
@given(st.text())
def test_the_shortcut_for_plain_text_gives_what_markdown_gives(text: str) -> None:
    assert md.render(text) == md.convert(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="*_`[]\\<>&!\xa0")))
def test_plain_text_takes_the_shortcut_and_matches(text: str) -> None:
    assert md.render(text) == md.convert(text)


def test_a_paragraph_of_endless_markup_is_shown_as_written_in_linear_time() -> None:
    # Python-Markdown is quadratic in the emphasis it matches: `**a` × 100,000 took 16 s.
    from sitegen.render.markup import MAX_MARKUP_CHARACTERS, InlineMarkdown

    converter = InlineMarkdown()
    hostile = "**a" * 100_000 + "<b>"
    assert str(converter.render(hostile)) == "**a" * 100_000 + "&lt;b&gt;"
    prose = "*Emphasis* and [a link](https://example.org/) " * (MAX_MARKUP_CHARACTERS // 20)
    assert "<em>Emphasis</em>" in converter.render(prose)  # below the limit: Markdown
