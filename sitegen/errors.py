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


MAX_PROBLEMS_PER_FILE = 50  # beyond this, only counted: a file of a million bad items
# would otherwise print a million lines and hold them all in memory first


class Problems:
    """Collects problems across a stage, then raises them together: the first
    MAX_PROBLEMS_PER_FILE of each file, and how many more there were."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self._counts: dict[str, int] = {}  # problems seen per file, shown or not

    def add(self, file: str, line: int | None, message: str) -> None:
        count = self._counts[file] = self._counts.get(file, 0) + 1
        if count <= MAX_PROBLEMS_PER_FILE:
            self.items.append(Problem(file, line, message))

    def extend(self, error: SiteError) -> None:
        self.items.extend(error.problems)  # already capped where they were collected

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise SiteError(self.items + self._more())

    def _more(self) -> list[Problem]:
        return [
            Problem(
                file,
                None,
                f"… and {count - MAX_PROBLEMS_PER_FILE:,} more problems not shown; fix the"
                " ones above and run again",
            )
            for file, count in self._counts.items()
            if count > MAX_PROBLEMS_PER_FILE
        ]
