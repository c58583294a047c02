"""The programme planner's data: what the browser needs, written by the build from the model.

A plan has the shape of a programme file (content/programmes/<id>.yml) without the
comments: the planner starts from one, shares it in the address fragment and exports
it as YAML an editor can add unchanged. The rules come from content/programme-rules.yml,
the same data the build checks programmes with (programme_rules.py).

The data goes into the planner page as a JSON data block, not a file to fetch: the
offline bundle opens pages from file://, where a fetch is refused.
"""

from __future__ import annotations

import json

from ..content.curriculum import _VTIMEZONE
from .generated import PROGRAMME_DIR
from ..content.language import HOUR_UNITS
from ..content.model import Model, Programme
from ..content.pages import page_url
from ..content.schema import _raw_schema

PLANNER_PAGE = f"{PROGRAMME_DIR}/planlaegger"

def timezones() -> list[str]:
    """The time zones a programme may name: the programme schema's list, not a copy of it."""
    schema = json.loads(_raw_schema("programme.schema.json"))
    return list(schema["properties"]["timezone"]["enum"])


# Interface words the planner shows (content/ui.yml), besides its own planner_* phrases.
SHARED_WORDS = ("programme_day", "programme_day_total", "programme_total", "programme_live_calls",
                "programme_short_version", "programme_time", "programme_item", "programme_minutes",
                "programme_day_after", "calendar_breaks")


def programme_plan(p: Programme) -> dict:
    """A shipped programme as a plan: the file's shape, ids and texts as written."""
    def item(i) -> dict:
        if i.kind == "module":
            return {"module": i.module_id, **({"version": "short"} if i.short else {})}
        if i.kind == "break":
            return {"break": i.minutes, "title": dict(i.title)}
        return {"session": {"title": dict(i.title), "minutes": i.minutes,
                            **({"live_calls": True} if i.live_calls else {})}}
    return {"id": p.id, "title": dict(p.title), "summary": dict(p.summary), "audience": dict(p.audience),
            "timezone": p.timezone, "first_day": p.first_day,
            "days": [{"start": d.start, **({"after": d.after} if d.after != 1 else {}),
                      "items": [item(i) for i in d.items]} for d in p.days]}


def planner_address(lang: str, default_lang: str, programme_id: str | None = None) -> str:
    """The planner's address relative to the site root; with a programme, it opens that one."""
    return page_url(PLANNER_PAGE, lang, default_lang) + (f"?programme={programme_id}" if programme_id else "")


def _unique(values):
    seen, out = set(), []
    for v in values:
        key = json.dumps(v, sort_keys=True, ensure_ascii=False)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def planner_data(model: Model, lang: str) -> dict:
    """Everything the planner page needs, in the page's language (plans keep every language)."""
    rules = model.programme_rules
    plans = [programme_plan(p) for p in model.programmes]
    items = [i for plan in plans for d in plan["days"] for i in d["items"]]
    words = {k: model.ui(k, lang) for k in sorted(model.ui_text) if k.startswith("planner_")}
    words.update({k: model.ui(k, lang) for k in SHARED_WORDS})
    return {
        "lang": lang,
        "languages": list(model.languages),
        "rules": {"day_limit": rules.day_limit, "max_block": rules.max_block,
                  "messages": {rule: text[lang] for rule, text in rules.messages.items()}},
        "modules": [{
            "id": m.id, "title": m.title[lang], "url": f"kc-page:moduler/{m.id}",
            "teaching": m.teaching, "exercise": m.exercise,
            "short": {"teaching": m.short.teaching, "exercise": m.short.exercise} if m.short else None,
            "prerequisites": list(m.prerequisites), "before_live_calls": m.before_live_calls,
            "objectives": [o[lang] for o in m.objectives],
        } for m in model.modules],
        "programmes": [{"id": p.id, "title": p.title[lang], "url": f"kc-page:{PROGRAMME_DIR}/{p.id}", "plan": plan}
                       for p, plan in zip(model.programmes, plans)],
        # The breaks and sessions the shipped programmes use, with their texts in every language.
        "breaks": _unique({"break": i["break"], "title": i["title"]} for i in items if "break" in i),
        "sessions": _unique(i["session"] for i in items if "session" in i),
        "new_plan": {"title": {l: model.ui("planner_own_programme", l) for l in model.languages},
                     "summary": {l: model.ui("planner_own_summary", l) for l in model.languages},
                     "audience": {l: model.ui("planner_own_audience", l) for l in model.languages}},
        "timezones": timezones(),
        "hour_units": list(HOUR_UNITS.get(lang, HOUR_UNITS["en"])),
        "ics": {"vtimezone": _VTIMEZONE, "prodid": "-//Kontaktcenter-trivsel//curriculum//" + lang.upper()},
        "words": words,
    }


def data_block(data: dict) -> str:
    """The data as a JSON block in the page; "</" is escaped so no text can end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="kc-planner-data">{text}</script>'
