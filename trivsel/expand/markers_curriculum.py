"""Markers for modules and programmes (see markers.py for the mechanism)."""

from __future__ import annotations

from ..content.curriculum import clock, schedule, totals
from .generated import PROGRAMME_DIR
from ..content.language import hours as _hours
from .markers import MarkerError, PageContext, _esc, _link_from, cards, checklist_html, copy_link_assets
from ..content.model import ChecklistItem, Module, Programme
from ..content.materials import page_html
from .markers import workfile_tools
from ..content.pages import MATERIALS_SUFFIX, TRAINER_SUFFIX, asset_link, file_link, unit_file_name
from .planner import PLANNER_PAGE, data_block, planner_data


def _need_module(ctx: PageContext) -> Module:
    if isinstance(ctx.unit, Module):
        return ctx.unit
    raise MarkerError("only works on a module page, docs/moduler/<id>.<lang>.md with a content/modules/<id>.yml")


def _programme_arg(ctx: PageContext, arg: str) -> Programme:
    for p in ctx.model.programmes:
        if p.id == arg.strip():
            return p
    raise MarkerError(f"names an unknown programme '{arg.strip()}'; use one of: "
                      f"{', '.join(p.id for p in ctx.model.programmes)}")


def module_downloads(module_id: str, lang: str, has_materials: bool) -> list[tuple[str, str]]:
    """(file name, ui label) of a module's printed editions: participants', trainer's, card sheet."""
    out = [(unit_file_name(module_id, lang, "pdf"), "handout_download"),
           (unit_file_name(f"{module_id}-{TRAINER_SUFFIX}", lang, "pdf"), "trainer_download")]
    if has_materials:
        out.append((unit_file_name(f"{module_id}-{MATERIALS_SUFFIX}", lang, "pdf"), "materials_download"))
    return out


def _minutes(m, lang: str, n: int) -> str:
    return m.ui("agenda_minutes", lang, minutes=n)


def module_header(ctx: PageContext, arg: str) -> str:
    module = _need_module(ctx)
    m, lang = ctx.model, ctx.lang
    pre = ", ".join(f"[{m.module(p).title[lang]}]({_link_from(ctx.page_id, 'moduler/' + p)})"
                    for p in module.prerequisites) or m.ui("module_none", lang)
    themes = ", ".join(f"[{m.theme(t).title[lang]}]({_link_from(ctx.page_id, 'temaer/' + t)})" for t in module.themes)
    duration = m.ui("module_duration_value", lang, total=module.minutes, teaching=module.teaching,
                    exercise=module.exercise)
    handout = "".join(
        f'<a class="md-button" href="{file_link(ctx.page_id, name)}" download>{_esc(m.ui(label, lang))}</a> '
        for name, label in module_downloads(module.id, lang, bool(m.materials.get(module.id))))
    # Trainers paste the objectives and the exercises into their plans: those links stay in view.
    strings = copy_link_assets(m, lang, always=("laeringsmaal", "ovelse-"))
    out = [f"# {module.title[lang]}", "", f'<p class="kc-lead">{_esc(module.summary[lang])}</p>', "",
           '<div class="kc-facts" markdown>', "",
           f"{m.ui('module_duration', lang)}", f":   {duration}", "",
           f"{m.ui('module_audience', lang)}", f":   {module.audience[lang]}", "",
           f"{m.ui('module_prerequisites', lang)}", f":   {pre}", "",
           f"{m.ui('module_themes', lang)}", f":   {themes}", "", "</div>", "",
           f"{handout}{strings}", "{: .kc-no-print }", "",
           f"## {m.ui('objectives_heading', lang)} {{#laeringsmaal}}", "", m.ui("objectives_intro", lang), ""]
    out += [f"- {o[lang]}" for o in module.objectives]
    return "\n".join(out) + "\n"


def materials(ctx: PageContext, arg: str) -> str:
    """The materials an exercise uses (role cards, scripts, decks, samples), folded on the page.

    An id the module's materials file does not have is reported by the build's placement check.
    """
    module = _need_module(ctx)
    m, lang = ctx.model, ctx.lang
    known = {mat.id: mat for mat in m.materials.get(module.id, [])}
    words = lambda key: m.ui(key, lang)  # noqa: E731
    return "\n".join(page_html(known[mid], lang, words) for mid in arg.split() if mid in known) + "\n"


def key_points(ctx: PageContext, arg: str) -> str:
    module = _need_module(ctx)
    m, lang = ctx.model, ctx.lang
    return "\n".join([f"## {m.ui('key_points_heading', lang)} {{#hovedpunkter}}", ""]
                     + [f"- {k[lang]}" for k in module.key_points]) + "\n"


def module_cards(ctx: PageContext, arg: str) -> str:
    if ctx.page_id != "moduler/index":
        raise MarkerError("only works on the module overview, docs/moduler/index.<lang>.md")
    m, lang = ctx.model, ctx.lang
    return cards("kc-module-cards", [(mod.title[lang], f"{mod.id}.md", m.ui("agenda_minutes", lang, minutes=mod.minutes),
                                      mod.summary[lang], "") for mod in m.modules])


def programme_list(ctx: PageContext, arg: str) -> str:
    m, lang = ctx.model, ctx.lang
    out = []
    for p in m.programmes:
        t = totals(schedule(p, {mod.id: mod for mod in m.modules}))
        out.append(f"- **[{p.title[lang]}]({_link_from(ctx.page_id, f'{PROGRAMME_DIR}/{p.id}')})** – "
                   f"{p.summary[lang]} ({_hours(t['total'], lang)})")
    return "\n".join(out) + "\n"


def programme(ctx: PageContext, arg: str) -> str:
    """The agenda page of a programme: clock times, totals, objectives, preparation, trainer notes."""
    p = _programme_arg(ctx, arg)
    m, lang = ctx.model, ctx.lang
    modules = {mod.id: mod for mod in m.modules}
    days = schedule(p, modules)
    t = totals(days)
    out = [f"# {p.title[lang]}", "", f'<p class="kc-lead">{_esc(p.summary[lang])}</p>', "",
           f"**{m.ui('programme_audience', lang)}:** {p.audience[lang]}", "",
           m.ui("programme_total", lang, total=_hours(t["total"], lang), teaching=_hours(t["teaching"], lang),
                exercise=_hours(t["exercise"], lang), calls=_hours(t["live_calls"], lang),
                breaks=_hours(t["break"], lang)), "",
           f'<a class="md-button" href="{file_link(ctx.page_id, unit_file_name(p.id, lang, "ics"))}" download>'
           f'{_esc(m.ui("programme_ics", lang))}</a> '
           f'<a class="md-button" href="{file_link(ctx.page_id, unit_file_name(p.id, lang, "pdf"))}" download>'
           f'{_esc(m.ui("handout_download", lang))}</a>',
           "{: .kc-no-print }", "", m.ui("programme_ics_note", lang, date=p.first_day), "{: .kc-no-print }", "",
           f'<p class="kc-no-print kc-planner-link"><a class="md-button md-button--primary" '
           f'href="kc-page:{PLANNER_PAGE}?programme={p.id}">{_esc(m.ui("planner_open", lang))}</a> '
           f'{_esc(m.ui("planner_open_note", lang))}</p>', ""]
    for day in days:
        n = day.number
        heading = m.ui("programme_day", lang, n=n) if len(days) > 1 else m.ui("programme_agenda", lang)
        after = p.days[n - 1].after
        if after > 1:
            heading += f" ({m.ui('programme_day_after', lang, days=after, previous=n - 1)})"
        out += [f"## {heading} {{#dag-{n}}}", "",
                f"| {m.ui('programme_time', lang)} | {m.ui('programme_item', lang)} | {m.ui('programme_minutes', lang)} |",
                "| --- | --- | ---: |"]
        for slot in day.slots:
            title = slot.title[lang]
            if slot.kind == "module":
                title = f"[{title}]({_link_from(ctx.page_id, 'moduler/' + slot.module_id)})"
                if slot.short:
                    title += f" ({m.ui('programme_short_version', lang)})"
            elif slot.kind == "break":
                title = f"*{title}*"
            elif slot.live_calls:
                title += f' <span class="kc-live-calls">({_esc(m.ui("programme_live_calls", lang))})</span>'
            out.append(f"| {clock(slot.start)}–{clock(slot.end)} | {title} | {slot.minutes} |")
        teaching = sum(s.teaching for s in day.slots)
        exercise = sum(s.exercise for s in day.slots)
        breaks = sum(s.minutes for s in day.slots if s.kind == "break")
        calls = sum(s.minutes for s in day.slots if s.live_calls)
        out += ["", m.ui("programme_day_total", lang, n=n, total=_hours(sum(s.minutes for s in day.slots), lang),
                         teaching=_hours(teaching, lang), exercise=_hours(exercise, lang), calls=_hours(calls, lang),
                         breaks=_hours(breaks, lang)), ""]
    used = list(dict.fromkeys(p.module_ids()))
    out += [f"## {m.ui('programme_objectives', lang)} {{#laeringsmaal}}", "", m.ui("objectives_intro", lang), ""]
    for mid in used:
        out += [f"**{modules[mid].title[lang]}**", ""] + [f"- {o[lang]}" for o in modules[mid].objectives] + [""]
    prep = [ChecklistItem(f"{p.id}-forberedelse-{i:02d}", {lang: text}) for i, text in
            enumerate(_preparation(ctx, used), 1)]
    out += [f"## {m.ui('programme_preparation', lang)} {{#forberedelse}}", "",
            checklist_html(prep, lang, f"{p.id}-forberedelse"), "",
            f"## {m.ui('programme_notes', lang)} {{#noter}}", ""]
    for mid in used:
        notes = ctx.extras.get(("notes", mid, lang), "")
        if notes:
            out += [f"### {modules[mid].title[lang]} {{#noter-{mid}}}", "", notes, ""]
    return "\n".join(out)


def _preparation(ctx: PageContext, used: list[str]) -> list[str]:
    """The trainer's checklist, generated: general steps, then each module and exercise."""
    m, lang = ctx.model, ctx.lang
    items = [m.ui("prep_room", lang), m.ui("prep_calendar", lang), m.ui("prep_handouts", lang)]
    for mid in used:
        items.append(m.ui("prep_read", lang, title=m.module(mid).title[lang]))
        items += [m.ui("prep_exercise", lang, title=title) for _, title in ctx.extras.get(("exercises", mid, lang), [])]
    return items


def planner(ctx: PageContext, arg: str) -> str:
    """The programme planner: its data from the model, the app's place, and its two scripts.

    Without JavaScript the page says so and points to the finished programmes."""
    if ctx.page_id != PLANNER_PAGE:
        raise MarkerError(f"only works on the planner page, docs/{PLANNER_PAGE}.<lang>.md")
    m, lang = ctx.model, ctx.lang
    scripts = "".join(f'<script src="{asset_link(f"assets/javascripts/{name}.js")}" defer></script>'
                      for name in ("planner", "planner-page"))
    return (f'<div class="kc-planner" data-kc-planner>{data_block(planner_data(m, lang))}'
            f'<p class="kc-planner__nojs">{_esc(m.ui("planner_needs_js", lang))} '
            f'<a href="kc-page:{PROGRAMME_DIR}/index">{_esc(m.ui("planner_programmes", lang))}</a></p></div>\n'
            f'{workfile_tools(m, lang)}\n{scripts}\n')


CURRICULUM_MARKERS = {
    "planner": planner,
    "module-header": module_header,
    "key-points": key_points,
    "materials": materials,
    "module-cards": module_cards,
    "programme": programme,
    "programme-list": programme_list,
}
