"""User errors: one exception type, printed as `file:line: sentence`.

Stages collect every problem they find into a `Problems` list and raise it once,
so an editor sees all their mistakes in one run (MkDocs' validate-then-abort).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input, located as precisely as we can."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class SiteError(Exception):
    """A mistake in the user's input (never a bug in the tool): exit code 1, no traceback."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("build.py", None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple:
        return (SiteError, (self.problems,))  # whole, across processes (parallel rendering)


class Problems:
    """Collects problems across a stage, then raises them together."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, line: int | None, message: str) -> None:
        self.items.append(Problem(file, line, message))

    def extend(self, error: SiteError) -> None:
        self.items.extend(error.problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise SiteError(self.items)
