"""Every page exists in every language: check the docs tree before building.

Pages use the suffix layout (``page.da.md``, ``page.nb.md``, ``page.en.md``).
We refuse to build rather than let a reader silently land on another language.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .errors import Problem


def page_translations(docs_dir: Path, languages: tuple[str, ...]) -> tuple[dict[str, dict[str, Path]], list[Problem]]:
    """Map each page (``temaer/tidspres``) to its file per language, and list what is missing."""
    pages: dict[str, dict[str, Path]] = defaultdict(dict)
    problems: list[Problem] = []
    shown = lambda p: (Path(docs_dir.name) / p.relative_to(docs_dir)).as_posix()  # noqa: E731
    for path in sorted(docs_dir.rglob("*.md")):
        stem, dot, lang = path.stem.rpartition(".")
        rel_dir = path.parent.relative_to(docs_dir)
        if not dot or lang not in languages:
            problems.append(Problem(
                shown(path),
                f"has no language suffix; name it {path.stem}.<lang>.md with <lang> one of "
                f"{', '.join(languages)}, one file per language", guide="missing-translation"))
            continue
        pages[(rel_dir / stem).as_posix()][lang] = path
    for page, by_lang in sorted(pages.items()):
        for lang in languages:
            if lang not in by_lang:
                have = next(iter(by_lang.values()))
                missing = have.with_name(f"{Path(page).name}.{lang}.md")
                problems.append(Problem(
                    shown(missing),
                    f"is missing: the page exists as {shown(have)} but every page needs "
                    f"{', '.join(languages)}; translate it into '{lang}' (no page falls back to another language)", guide="missing-translation"))
    return dict(pages), problems
