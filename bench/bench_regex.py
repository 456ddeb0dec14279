#!/usr/bin/env python3
"""Regular expressions on hostile text: the known pathological inputs, timed, and a sweep of
every pattern the content and ingest stages apply, looking for time that grows faster than
the input.

The named cases go through the public functions (`split_english`, `split_chinese`, the
paragraph Markdown, the text ingest) as a build or an ingest would call them. The sweep
(`--sweep`) finds every compiled pattern in sitegen.text, .ingest, .model, .render and
.align, and runs `finditer` over runs of the characters the pattern itself names (`c * n`,
and `a * n + b * n + "x"` for every pair): where doubling n more than triples the time,
the pattern backtracks quadratically and is printed. Patterns only ever matched at one
position (`.match(text, end)`) or on a bounded window are flagged too if they scan runs;
the comments beside them say so.

    python3 bench/bench_regex.py [--sweep] [--size 20000]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import itertools
import multiprocessing
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sitegen
from sitegen.errors import SiteError
from sitegen.ingest.paragraphs import text_blocks
from sitegen.render.markup import InlineMarkdown
from sitegen.text.sentences import split_chinese, split_english

STAGES = ("text", "ingest", "model", "render", "align")
LIMIT_SECONDS = 10.0  # a case still running after this is reported as a hang


def named_cases(n: int) -> Iterator[tuple[str, Callable[[], object]]]:
    """The inputs issue #19 found, and their neighbours, at size n."""
    yield f"split_english: {n:,} dots", lambda: split_english("a" + "." * n)
    yield f"split_english: {n:,} dots then a space", lambda: split_english("." * n + " x")
    bangs = "!" * n + "”" * n + "x"
    yield f"split_english: {n:,} ! then {n:,} ” then x", lambda: split_english(bangs)
    yield f"split_english: 'x. ' × {n:,}", lambda: split_english("x. " * n)
    yield f"split_english: 'Mr. ' × {n:,}", lambda: split_english("Mr. " * n)
    yield (
        f"split_english: digits-dots then 'x. ' × {n:,}",
        lambda: split_english("1." * n + " " + "x. " * n),
    )
    yield f"split_chinese: {n:,} …", lambda: split_chinese("…" * n + "x")
    yield f"split_chinese: {n:,} — then ” ", lambda: split_chinese("—" * n + "”" * n + "x")
    yield (
        f"split_chinese: '。1' + {n:,} spaces × 100",
        lambda: split_chinese(("。1" + " " * (n // 100)) * 100 + "x"),
    )
    markdown = InlineMarkdown()
    yield f"markdown: {n:,} [", lambda: markdown.convert("[" * n + "x")
    yield f"markdown: '[x](y ' × {n:,}", lambda: markdown.convert("[x](y " * n)
    yield f"markdown: '<a ' × {n:,}", lambda: markdown.convert("<a " * n)
    yield (
        f"markdown: '**a' × {n:,} (Python-Markdown: quadratic in matches)",
        lambda: markdown.convert("**a" * n),
    )
    yield f"text ingest: {n:,} dots", lambda: _ingest("Hello." + "." * n + "\n\n你好。\n")
    yield f"text ingest: ! × {n:,} ” × {n:,}", lambda: _ingest(bangs + "\n\n你好。\n")


def _ingest(text: str) -> None:
    with contextlib.suppress(SiteError):
        text_blocks(text, "bench.txt")


def timed_in_child(run: Callable[[], object]) -> float | None:
    """The seconds `run` takes in a forked child; None if it passes LIMIT_SECONDS."""
    queue: multiprocessing.Queue[float] = multiprocessing.Queue()
    child = multiprocessing.get_context("fork").Process(target=lambda: queue.put(timed(run)))
    child.start()
    child.join(LIMIT_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get()


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern held by a module of the content and ingest stages."""
    for stage in STAGES:
        package = importlib.import_module(f"sitegen.{stage}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                for i, pattern in enumerate(_compiled(value)):
                    yield f"{module.__name__}.{name}" + (f"[{i}]" if i else ""), pattern


def _compiled(value: object) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _compiled(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _compiled(item)


def alphabet(pattern: re.Pattern[str]) -> list[str]:
    """The characters a pattern names, plus a letter of each kind, a digit and spaces."""
    named = {c for c in pattern.pattern if not c.isalnum() and c not in "\\^$|(){}?*+"}
    named |= {c for c in pattern.pattern if ord(c) > 0x7F}
    return sorted(named | set("aA1 \n中"))


def sweep(n: int) -> list[str]:
    """For each pattern that grows faster than its input, its worst case."""
    slow = []
    for name, pattern in patterns():
        chars = alphabet(pattern)
        inputs = [lambda k, c=c: c * k for c in chars]
        inputs += [
            lambda k, a=a, b=b: a * k + b * k + "x" for a, b in itertools.permutations(chars, 2)
        ]
        worst: tuple[float, str] | None = None
        for make in inputs:
            small = timed(partial(_find_all, pattern, make(n)))
            if small < 0.002:
                continue
            large = timed(partial(_find_all, pattern, make(2 * n)))
            if large > 3 * small and (worst is None or large > worst[0]):
                shown = f"{make(3)!r} at {n:,}: {small:.3f} s, at {2 * n:,}: {large:.3f} s"
                worst = (large, shown)
        if worst:
            slow.append(f"{name}: {worst[1]}")
    return slow


def _find_all(pattern: re.Pattern[str], text: str) -> None:
    for _ in pattern.finditer(text):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="run length (20,000)")
    parser.add_argument("--sweep", action="store_true", help="sweep every pattern too")
    args = parser.parse_args()
    print(f"sitegen at {Path(sitegen.__file__).parent}")
    for label, run in named_cases(args.size):
        seconds = timed_in_child(run)
        shown = f"{seconds:9.4f} s" if seconds is not None else f"> {LIMIT_SECONDS:.0f} s (cut)"
        print(f"{shown:>11}  {label}", flush=True)
    if args.sweep:
        count = sum(1 for _ in patterns())
        print(f"\nSweeping {count} patterns at {args.size // 10:,} and {args.size // 5:,}:")
        slow = sweep(args.size // 10)
        print("\n".join(slow) if slow else "no pattern grows faster than its input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
