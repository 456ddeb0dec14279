"""Text built to make regular expressions backtrack: every stage that reads content or
ingest text must finish on it (issue #19; figures in bench/bench_regex.py).

Each case runs in a child process with a generous deadline: a regex stuck in C ignores
signals, so only a separate process can be cut off. A quadratic pattern takes minutes on
these 100,000-character inputs; a linear one milliseconds. The results are checked too.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from conftest import REPO

N = 100_000
DEADLINE_SECONDS = 30  # two orders of magnitude above the linear time, on a loaded machine

CASES = {
    "sentence end on dots": f"""
        from sitegen.text.sentences import split_english
        text = "a" + "." * {N}
        assert "".join(split_english(text)) == text""",
    "sentence end on ! then ” then x": f"""
        from sitegen.text.sentences import split_english
        text = "!" * {N} + "”" * {N} + "x"
        assert split_english(text) == [text]""",
    "abbreviations without end": f"""
        from sitegen.text.sentences import split_english
        text = "Mr. " * {N}
        assert split_english(text) == [text]""",
    "sentence ends every few characters": f"""
        from sitegen.text.sentences import split_english
        pieces = split_english("Go. " * {N})
        assert len(pieces) == {N}""",
    "unclosed quotation marks": f"""
        from sitegen.text.dates import find_dates
        assert find_dates("“" * {4 * N} + " since 2024", "en")[0].date == "2024"
        assert find_dates("《" * {4 * N} + "2024年", "zh")[0].date == "2024\"""",
    "many years beside many quoted titles": f"""
        from sitegen.text.dates import find_dates
        found = find_dates("《Guide 2025》 in 2024 " * {N // 2}, "en")
        assert [m.date for m in found] == ["2024"] * {N // 2}""",
    "capitals without a lower-case pair": f"""
        from sitegen.text.scripts import line_language
        assert line_language("A" * {N} + "1") is None""",
    "soft hyphens not at a line end": f"""
        from sitegen.text.lookalikes import normalise_extracted
        text = "a" + "\\xad" * {N} + "x"
        assert normalise_extracted(text).endswith("x")""",
    "a long line of letters broken with a hyphen": f"""
        from sitegen.ingest.dehyphenate import join_at_hyphen
        assert join_at_hyphen("a" * {N} + "1b-", "c") == "a" * {N} + "1b-c\"""",
    "a label from a clause of spaces": f"""
        from sitegen.ingest.labels import event_label
        from sitegen.text.dates import find_dates
        text = "Work began" + " " * {N} + "in 2024" + " " * {N} + "x — y."
        assert event_label(text, find_dates(text, "en")[0], "en") == "Work began x"
    """,
    "markdown: unclosed brackets": f"""
        from sitegen.render.markup import InlineMarkdown
        text = "[" * {N} + "x"
        assert str(InlineMarkdown().convert(text)) == text""",
    "markdown: links that never close": f"""
        from sitegen.render.markup import InlineMarkdown
        assert "href" not in InlineMarkdown().convert("[x](y " * {N // 6})""",
    "markdown: tags that never close": f"""
        from sitegen.render.markup import InlineMarkdown
        assert "&lt;a" in InlineMarkdown().convert("<a " * {N // 3})""",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_text_is_handled_in_linear_time(case: str) -> None:
    code = textwrap.dedent(CASES[case])
    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=DEADLINE_SECONDS,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case}: still running after {DEADLINE_SECONDS} s (quadratic backtracking?)")
    assert result.returncode == 0, result.stderr
