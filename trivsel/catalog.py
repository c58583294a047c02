"""catalog.json: the public, machine-readable index that intranets and learning
platforms use to link to us. Its shape is kept stable and checked against
``schemas/catalog.schema.json``; URLs are relative to the site root.
"""

from __future__ import annotations

import json

from .model import Model
from .pages import page_url, theme_pdf_url


def build_catalog(model: Model, site_url: str, pages: dict[str, dict[str, str]], default_lang: str) -> dict:
    """``pages`` maps page id -> language -> title."""
    langs = list(model.languages)

    def urls(page_id: str) -> dict[str, str]:
        return {lang: page_url(page_id, lang, default_lang) for lang in langs}

    return {
        "site": site_url,
        "languages": langs,
        "pages": [{"id": pid, "title": titles, "url": urls(pid)} for pid, titles in sorted(pages.items())],
        "themes": [{
            "id": t.id,
            "number": t.number,
            "title": t.title,
            "summary": t.summary,
            "url": urls(f"temaer/{t.id}"),
            "pdf": {lang: theme_pdf_url(t.id, lang, default_lang) for lang in langs},
            "checklist": [{"id": item.id, "text": item.text} for item in t.checklist],
        } for t in model.themes],
        "modules": [],
        "programmes": [],
    }


def dumps(catalog: dict) -> str:
    # Stable key order and no timestamps: the same content gives the same file.
    return json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
