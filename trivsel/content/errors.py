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
    guide: str | None = None  # the entry in the author guide's error page, e.g. "unknown-id"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return text + guide_note(self.guide)


# The author guide's page of build errors: one section per code, the same id in every language.
GUIDE_PAGE = "forfattere/fejl/"


def guide_note(code: str | None) -> str:
    """' (guide: forfattere/fejl/#unknown-id)': where an author reads what a message means."""
    return f" (guide: {GUIDE_PAGE}#{code})" if code else ""


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
