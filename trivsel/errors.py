"""Content problems that stop the build, reported one line each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in the content, located as precisely as we can."""

    file: str  # path relative to the project root
    message: str  # what is wrong, what is allowed, and the fix
    line: int | None = None  # 1-based
    field: str | None = None  # dotted path inside the file, e.g. checklist[2].text.nb

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so an author can fix them in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field or ""))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = f"{n} content problem{'s stop' if n != 1 else ' stops'} the build:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def field_path(parts) -> str:
    """Turn ('checklist', 2, 'text', 'nb') into 'checklist[2].text.nb'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
