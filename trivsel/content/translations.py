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


BOM = "\ufeff"


def read_page(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """A page's text, or the one-line reason it cannot be read (not UTF-8, a byte-order mark)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(shown, f"is not UTF-8 (byte 0x{data[exc.start]:02x} cannot be read); "
                             "save the file as UTF-8", line=line, guide="encoding")
    if text.startswith(BOM):
        return None, Problem(shown, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
                             line=1, guide="encoding")
    return text, None
