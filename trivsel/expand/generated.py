"""Pages generated from the model, written as real files before the build.

mkdocs-static-i18n handles real ``page.<lang>.md`` files best (pages added
in memory lose their language switcher), so generated pages are written into
``docs/`` (git-ignored folders) and only when their text changed, so
``mkdocs serve`` does not loop.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content.model import Model

AGENDA_DIR = "moede/dagsorden"
GENERATED_MARK = "# Generated from "  # first front-matter line of every generated page
PROGRAMME_DIR = "program"  # shared with the hand-written overview, program/index.<lang>.md


def _page(sources: str, description: str, marker: str) -> str:
    """A generated page: front matter and one marker that the build expands.

    Generated pages repeat what their sources' own pages say (a theme's questions
    and checklist, a module's objectives), so they stay out of the search index.
    """
    return ("---\n" + GENERATED_MARK + sources + "; do not edit.\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n"
            "search:\n  exclude: true\n---\n\n"
            f"<!-- kc:{marker} -->\n")


def agenda_pages(model: Model) -> dict[str, str]:
    """One agenda page per theme and language."""
    minutes = model.meeting.minutes if model.meeting else 0
    return {f"{AGENDA_DIR}/{theme.id}.{lang}.md": _page(
                f"content/themes/{theme.id}.yml and content/meeting.yml",
                model.ui("agenda_description", lang, minutes=minutes, title=theme.title[lang]),
                f"agenda {theme.id}")
            for theme in model.themes for lang in model.languages}


def sync(docs_dir: Path, folder: str, pages: dict[str, str]) -> list[str]:
    """Write changed pages, remove stale generated ones in ``folder``; return what changed."""
    changed = []
    for rel, text in pages.items():
        path = docs_dir / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(rel)
    target = docs_dir / folder
    if target.is_dir():
        for path in target.glob("*.md"):
            rel = path.relative_to(docs_dir).as_posix()
            # Only pages we generated are removed, never a hand-written one.
            if rel not in pages and path.read_text(encoding="utf-8").startswith("---\n" + GENERATED_MARK):
                path.unlink()
                changed.append(rel)
    return changed


def programme_pages(model: Model) -> dict[str, str]:
    """One agenda page per programme and language."""
    return {f"{PROGRAMME_DIR}/{p.id}.{lang}.md": _page(f"content/programmes/{p.id}.yml", p.summary[lang],
                                                       f"programme {p.id}")
            for p in model.programmes for lang in model.languages}
