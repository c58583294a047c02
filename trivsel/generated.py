"""Pages generated from the model, written as real files before the build.

mkdocs-static-i18n handles real ``page.<lang>.md`` files best (pages added
in memory lose their language switcher), so generated pages are written into
``docs/`` (git-ignored folders) and only when their text changed, so
``mkdocs serve`` does not loop.
"""

from __future__ import annotations

from pathlib import Path

from .model import Model

AGENDA_DIR = "moede/dagsorden"  # fully generated: every .md file in it is ours


def agenda_pages(model: Model) -> dict[str, str]:
    """One agenda page per theme and language: front matter and one marker."""
    pages = {}
    minutes = model.meeting.minutes if model.meeting else 0
    for theme in model.themes:
        for lang in model.languages:
            description = model.ui("agenda_description", lang, minutes=minutes, title=theme.title[lang])
            pages[f"{AGENDA_DIR}/{theme.id}.{lang}.md"] = (
                "---\n# Generated from content/themes/" + theme.id + ".yml and content/meeting.yml; do not edit.\n"
                f"description: \"{description}\"\n---\n\n<!-- kc:agenda {theme.id} -->\n")
    return pages


def sync(docs_dir: Path, folder: str, pages: dict[str, str]) -> list[str]:
    """Write changed pages, remove stale ones in ``folder``; return what changed."""
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
            if rel not in pages:
                path.unlink()
                changed.append(rel)
    return changed
