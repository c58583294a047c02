"""catalog.json: the public, machine-readable index that intranets and learning
platforms use to link to us. Its shape is kept stable and checked against
``schemas/catalog.schema.json``; URLs are relative to the site root.
"""

from __future__ import annotations

import json

from ..content.model import Model
from ..content.curriculum import clock, schedule, totals
from ..expand.generated import PROGRAMME_DIR
from ..content.pages import HANDOUTS_SUFFIX, MATERIALS_SUFFIX, TRAINER_SUFFIX, page_url, unit_file_url
from ..expand.planner import planner_address
from ..content.pulse import FORM_PAGE, PULSE_PAGE, SCALE, TEMPLATE_NAME


def build_catalog(model: Model, site_url: str, pages: dict[str, dict[str, str]], default_lang: str,
                  anchors: dict[str, list[str]] | None = None) -> dict:
    """``pages`` maps page id -> language -> title; ``anchors`` page id -> section ids."""
    langs = list(model.languages)
    anchors = anchors or {}
    modules = {m.id: m for m in model.modules}

    def urls(page_id: str) -> dict[str, str]:
        return {lang: page_url(page_id, lang, default_lang) for lang in langs}

    def files(page_id: str, ext: str, suffix: str = "") -> dict[str, str]:
        return {lang: unit_file_url(page_id, lang, default_lang, ext, suffix) for lang in langs}

    def item_entry(s) -> dict:
        if s.kind == "module":
            return {"module": s.module_id, "minutes": s.minutes, **({"version": "short"} if s.short else {})}
        if s.kind == "break":
            return {"break": True, "minutes": s.minutes}
        return {"session": s.title, "minutes": s.minutes, "live_calls": s.live_calls}

    def programme_entry(p) -> dict:
        page_id = f"{PROGRAMME_DIR}/{p.id}"
        days = schedule(p, modules)
        return {
            "id": p.id, "title": p.title, "url": urls(page_id),
            "pdf": files(page_id, "pdf"), "ics": files(page_id, "ics"),
            "handouts": files(page_id, "pdf", HANDOUTS_SUFFIX),
            "timezone": p.timezone,
            "days": [{"start": clock(d.slots[0].start) if d.slots else p.days[d.number - 1].start,
                      "after": p.days[d.number - 1].after,
                      "items": [item_entry(s) for s in d.slots]}
                     for d in days],
            "total_minutes": totals(days)["total"],
            "live_call_minutes": totals(days)["live_calls"],
            "planner": {lang: planner_address(lang, default_lang, p.id) for lang in langs},
        }

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
            "pdf": files(f"temaer/{t.id}", "pdf"),
            "checklist": [{"id": item.id, "text": item.text} for item in t.checklist],
        } for t in model.themes],
        "modules": [{
            "id": m.id, "title": m.title, "url": urls(f"moduler/{m.id}"),
            "pdf": files(f"moduler/{m.id}", "pdf"),
            "trainer_pdf": files(f"moduler/{m.id}", "pdf", TRAINER_SUFFIX),
            "materials": files(f"moduler/{m.id}", "pdf", MATERIALS_SUFFIX) if model.materials.get(m.id) else None,
            "minutes": {"teaching": m.teaching, "exercise": m.exercise},
            "before_live_calls": m.before_live_calls,
            "objectives": {lang: [o[lang] for o in m.objectives] for lang in langs},
            "objective_exercises": [list(e) for e in m.objective_exercises],
            "anchors": anchors.get(f"moduler/{m.id}", []),
            "themes": list(m.themes),
        } for m in model.modules],
        "programmes": [programme_entry(p) for p in model.programmes],
        "pulse": pulse_entry(model, urls),
    }


def pulse_entry(model: Model, urls) -> dict | None:
    """The questionnaire: ids (the CSV columns), texts, themes and the published scores."""
    pulse = model.pulse
    if pulse is None:
        return None
    return {
        "url": urls(PULSE_PAGE), "form": urls(FORM_PAGE),
        "template": {lang: url + TEMPLATE_NAME for lang, url in urls(PULSE_PAGE).items()},
        "scale": {"min": SCALE[0], "max": SCALE[1], "low": pulse.low, "high": pulse.high},
        "minimum_group": pulse.minimum_group,
        "benchmark_source": pulse.source,
        "questions": [{"id": q.id, "text": q.text, "theme": q.theme, "benchmark": q.benchmark}
                      for q in pulse.questions],
    }


def dumps(catalog: dict) -> str:
    # Stable key order and no timestamps: the same content gives the same file.
    return json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
