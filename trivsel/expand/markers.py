"""Expand ``<!-- kc:name -->`` markers in a page's Markdown into generated content.

Prose stays Markdown; structured parts (titles, dialogue questions, checklists,
rules, sources) come from the content model. One function per marker; an
unknown marker or a marker on the wrong kind of page is an error, never left
silently in the page.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Callable

from .generated import AGENDA_DIR
from ..content.language import HOME_COUNTRY, format_date
from ..content.model import COUNTRIES, Model, Theme
from ..content.identity import badge_svg
from ..content.pages import asset_link, file_link, unit_file_name



@dataclass(frozen=True)
class PageContext:
    page_id: str  # language-neutral, e.g. "temaer/tidspres"
    lang: str
    file: str  # shown in messages, e.g. docs/temaer/tidspres.da.md
    model: Model
    # Facts read from other pages: ("notes", module, lang) -> trainer notes,
    # ("exercises", module, lang) -> [(id, title)].
    extras: dict = field(default_factory=dict)

    @property
    def unit(self):
        """The theme or module this page is about, or None."""
        if self.theme is not None:
            return self.theme
        section, _, name = self.page_id.partition("/")
        if section == "moduler" and name != "index":
            try:
                return self.model.module(name)
            except KeyError:
                return None
        return None

    @property
    def theme(self) -> Theme | None:
        section, _, name = self.page_id.partition("/")
        if section == "temaer" and name and name != "index":
            try:
                return self.model.theme(name)
            except KeyError:
                return None
        return None


class MarkerError(Exception):
    """A marker that cannot be expanded on this page."""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _need_theme(ctx: PageContext) -> Theme:
    if ctx.theme is None:
        raise MarkerError("only works on a theme page, docs/temaer/<id>.<lang>.md with a content/themes/<id>.yml")
    return ctx.theme


def copy_link_assets(m: Model, lang: str, always: tuple[str, ...] = ()) -> str:
    """The words and the script of the copy-link buttons, for the pages that have them (themes, modules).

    Buttons show on hover and keyboard focus; those of sections whose id starts with one of
    ``always`` stay in view.
    """
    return (f'<span hidden id="kc-strings" data-copy-link="{_esc(m.ui("copy_link", lang))}" '
            f'data-link-copied="{_esc(m.ui("link_copied", lang))}" data-always="{_esc(" ".join(always))}"></span>'
            f'<script src="{asset_link("assets/javascripts/copy-link.js")}" defer></script>')


def theme_badge(m: Model, theme: Theme) -> str:
    return badge_svg(theme.colour, m.icons[theme.icon])


def theme_header(ctx: PageContext, arg: str) -> str:
    """The title with the theme's badge (its colour and icon), its place, the lead and the downloads."""
    theme = _need_theme(ctx)
    m, lang = ctx.model, ctx.lang
    number = m.ui("theme_number", lang, number=theme.number, total=len(m.themes))
    agenda = m.ui("agenda_link", lang, minutes=m.meeting.minutes)
    # Raw HTML for the PDF: it is written by the build next to the page, not a docs/ file.
    pdf = (f'<a class="md-button" href="{file_link(ctx.page_id, unit_file_name(theme.id, lang, "pdf"))}" download>'
           f'{_esc(m.ui("pdf_download", lang))}</a>')
    related = ", ".join(f"[{mod.title[lang]}](../moduler/{mod.id}.md)" for mod in m.modules_for_theme(theme.id))
    related = f"\n\n{m.ui('related_modules', lang)}: {related}\n{{: .kc-no-print }}" if related else ""
    # The badge sits inside the title, with no space before the words: the title's text stays the title.
    return (f"# {theme_badge(m, theme)}{theme.title[lang]} {{: .kc-theme-title }}\n\n"
            f'<p class="kc-theme-number">{_esc(number)}</p>\n\n'
            f'<p class="kc-lead">{_esc(theme.summary[lang])}</p>\n\n'
            f'{pdf} [{agenda}](../{AGENDA_DIR}/{theme.id}.md){{ .md-button }}{copy_link_assets(m, lang)}\n'
            f'{{: .kc-no-print .kc-theme-actions }}{related}\n')


def dialogue(ctx: PageContext, arg: str) -> str:
    """The questions for the meeting, set apart in a box (on the page and on the sheet)."""
    theme = _need_theme(ctx)
    lines = ['<div class="kc-panel kc-panel--dialogue" markdown>', "",
             f"## {ctx.model.ui('dialogue_heading', ctx.lang)} {{#dialog}}", ""]
    lines += [f"{i}. {q[ctx.lang]}" for i, q in enumerate(theme.dialogue, 1)]
    return "\n".join(lines + ["", "</div>"]) + "\n"


def checklist_html(items, lang: str, list_id: str) -> str:
    """A list of real checkboxes; each item's element carries the item id as its anchor.

    Without JavaScript it is a plain list with boxes that prints; the page's
    script adds saving in localStorage and the buttons.
    """
    out = [f'<ul class="kc-checklist" data-checklist="{_esc(list_id)}">']
    for item in items:
        out.append(
            f'<li id="{_esc(item.id)}" class="kc-checklist__item">'
            f'<input type="checkbox" id="{_esc(item.id)}-box" data-item="{_esc(item.id)}">'
            f'<label for="{_esc(item.id)}-box">{_esc(item.text[lang])}</label></li>')
    out.append("</ul>")
    return "\n".join(out)


def checklist_tools(m: Model, lang: str, selector: str, filename: str) -> str:
    """Buttons for clear, print and CSV; hidden until the page's script switches them on."""
    head = json.dumps([m.ui("csv_item", lang), m.ui("csv_text", lang), m.ui("csv_checked", lang)],
                      ensure_ascii=False)
    values = json.dumps([m.ui("yes", lang), m.ui("no", lang)], ensure_ascii=False)
    buttons = "".join(f'<button type="button" class="md-button" data-action="{action}">'
                      f'{_esc(m.ui("checklist_" + action, lang))}</button>' for action in ("clear", "print", "csv"))
    return (f'<div class="kc-checklist-tools" hidden data-for="{_esc(selector)}" data-filename="{_esc(filename)}" '
            f'data-csv-head="{_esc(head)}" data-csv-values="{_esc(values)}">{buttons}'
            f'<span class="kc-checklist-status" role="status" '
            f'data-template="{_esc(m.ui("checklist_status", lang))}"></span></div>')


def checklist(ctx: PageContext, arg: str) -> str:
    theme = _need_theme(ctx)
    m, lang = ctx.model, ctx.lang
    selector = f'ul.kc-checklist[data-checklist="{theme.id}"]'
    # In a box like the questions: the two parts the meeting works through.
    return ('<div class="kc-panel kc-panel--checklist" markdown>\n\n'
            f"## {m.ui('checklist_heading', lang)} {{#tjekliste}}\n\n"
            f'<p class="kc-checklist-intro">{_esc(m.ui("checklist_intro", lang))}</p>\n\n'
            f"{checklist_tools(m, lang, selector, theme.id + '.csv')}\n\n"
            f"{checklist_html(theme.checklist, lang, theme.id)}\n\n</div>\n\n{workfile_tools(m, lang)}\n")


def rule_trail(m: Model, rule, lang: str) -> str:
    """'Last checked 1 December 2026' or, for a rule (or helpline) nobody could confirm, say so."""
    if rule.last_checked:
        return f"{m.ui('last_checked', lang)}: {format_date(rule.last_checked, lang)}"
    return m.ui("rule_unconfirmed", lang)


def countries_for(lang: str) -> tuple[tuple[str, bool], ...]:
    """(country, folded) in reading order: the reader's own country first and open,
    the other folded away; a language with no country of its own shows both open."""
    home = HOME_COUNTRY.get(lang)
    if home is None:
        return tuple((c, False) for c in COUNTRIES)
    return ((home, False),) + tuple((c, True) for c in COUNTRIES if c != home)


def country_section(m: Model, lang: str, country: str, folded: bool, anchor: str, lines: list[str]) -> list[str]:
    """One country's part of a rules or helplines section: a heading with its id, then the
    lines, or for the other country the lines in a closed box that paper leaves out."""
    heading = (f"### {m.ui('country_' + country, lang)} "
               f"{{#{anchor}-{country}{' .kc-rules-abroad' if folded else ''}}}")
    if not folded:
        return [heading, "", *lines, ""]
    return [heading, "", f'??? kc-abroad "{m.ui("abroad_" + country, lang)}"', "",
            *("    " + line for line in lines), ""]


def rules(ctx: PageContext, arg: str) -> str:
    """The rules a theme or module refers to, each linked to its entry on the rules page.

    The reader's own country comes first; the other country's rules sit in a
    closed box, which the printed sheet leaves out.
    """
    unit = ctx.unit
    if unit is None:
        raise MarkerError("only works on a theme or module page")
    if not unit.rules:
        return ""
    m, lang = ctx.model, ctx.lang
    out = [f"## {m.ui('rules_heading', lang)} {{#regler}}", "", '<div class="kc-rules" markdown>', ""]
    rules_page = _link_from(ctx.page_id, "regler")
    for country, folded in countries_for(lang):
        chosen = [m.rules[r] for r in unit.rules if m.rules[r].country == country]
        if not chosen:
            continue
        # The summary explains the rule on screen; the two-page sheet names the rule and its trail.
        items = [f"- **[{rule.title[lang]}]({rules_page}#{rule.id}).** "
                 f'<span class="kc-rule-summary">{_esc(rule.summary[lang])}</span> '
                 f"[{rule.reference}]({rule.url}). *{rule_trail(m, rule, lang)}.*" for rule in chosen]
        out += country_section(m, lang, country, folded, "regler", items)
    out += ["</div>", ""]
    return "\n".join(out)


def sources(ctx: PageContext, arg: str) -> str:
    """The sources of a theme or module page."""
    unit = ctx.unit
    if unit is None:
        raise MarkerError("only works on a theme or module page")
    m, lang = ctx.model, ctx.lang
    out = [f"## {m.ui('sources_heading', lang)} {{#kilder}}", "", '<div class="kc-sources" markdown>', ""]
    out += [source_line(m.sources[s], lang) for s in unit.sources]
    return "\n".join(out + ["", "</div>"]) + "\n"


def source_line(src, lang: str) -> str:
    cite = f"[{src.citation}]({src.url})" if src.url else src.citation
    # The note explains the source on screen; the printed sheet leaves it out.
    note = f' <span class="kc-source-note">{_esc(src.note[lang])}</span>' if src.note else ""
    return f"- **{src.short}:** {cite}{note}"


def cards(css_class: str, entries: list[tuple[str, str, str, str, str]], badges: list[str] | None = None) -> str:
    """Material grid cards: (title, link, small line, summary, extra HTML) per entry, each
    with its badge (inline SVG) before the title when ``badges`` are given."""
    out = [f'<div class="grid cards {css_class}" markdown>', ""]
    for n, (title, link, small, summary, extra) in enumerate(entries):
        badge = badges[n] if badges else ""
        out.append(f"-   {badge}**[{title}]({link})**\n\n"
                   f"    <span class=\"kc-theme-number\">{_esc(small)}</span>\n\n"
                   f"    {summary}\n" + (f"\n    {extra}\n" if extra else ""))
    return "\n".join(out + ["</div>", ""])


def theme_cards(ctx: PageContext, arg: str) -> str:
    """The nine themes as cards, for the overview page docs/temaer/index.<lang>.md."""
    if ctx.page_id != "temaer/index":
        raise MarkerError("only works on the theme overview, docs/temaer/index.<lang>.md")
    m, lang = ctx.model, ctx.lang
    entries = []
    for theme in m.themes:
        number = m.ui("theme_number", lang, number=theme.number, total=len(m.themes))
        pdf = (f'<a href="{file_link("temaer/" + theme.id, unit_file_name(theme.id, lang, "pdf"))}" download>'
               f'{_esc(m.ui("pdf_short", lang))}<span class="kc-visually-hidden"> – {_esc(theme.title[lang])}</span></a>')
        entries.append((theme.title[lang], f"{theme.id}.md", number, theme.summary[lang], pdf))
    return cards("kc-theme-cards", entries, [theme_badge(m, t) for t in m.themes])


def _theme_arg(ctx: PageContext, arg: str) -> Theme:
    try:
        return ctx.model.theme(arg.strip())
    except KeyError:
        known = ", ".join(t.id for t in ctx.model.themes)
        raise MarkerError(f"names an unknown theme '{arg.strip()}'; use one of: {known}") from None


def _link_from(page_id: str, target_page: str) -> str:
    """A relative link from one page's Markdown file to another's, for MkDocs to resolve."""
    depth = page_id.count("/")
    return "../" * depth + target_page + ".md"


def agenda(ctx: PageContext, arg: str) -> str:
    """The meeting sheet of one theme: the agenda from content/meeting.yml with a date, the
    participants, a note per item, the checklist and the agreed actions, saved in the browser."""
    theme = _theme_arg(ctx, arg)
    m, lang, meeting = ctx.model, ctx.lang, ctx.model.meeting
    number = m.ui("theme_number", lang, number=theme.number, total=len(m.themes))
    theme_link = _link_from(ctx.page_id, f"temaer/{theme.id}")
    field = lambda key, html: f'<label class="kc-meeting__field">{_esc(m.ui(key, lang))} {html}</label>'  # noqa: E731
    out = [f"# {m.ui('agenda_title', lang, title=theme.title[lang])}", "",
           f'<p class="kc-theme-number">{_esc(number)}</p>', "",
           f"{m.ui('agenda_intro', lang, minutes=meeting.minutes)} [{theme.title[lang]}]({theme_link}).", "",
           f'<div class="kc-meeting" data-kc-meeting="{_esc(theme.id)}" data-title="{_esc(theme.title[lang])}">'
           + field("meeting_date", '<input type="date" data-meeting-field="date">')
           + field("meeting_participants", '<textarea rows="2" data-meeting-field="participants"></textarea>')
           + "</div>", "",
           f"| {m.ui('agenda_time', lang)} | {m.ui('agenda_step', lang)} |", "| --- | --- |"]
    schedule = meeting.schedule()
    for i, (start, end, step) in enumerate(schedule, 1):
        out.append(f"| {start}–{m.ui('agenda_minutes', lang, minutes=end)} | [{step.title[lang]}](#punkt-{i}) |")
    out.append("")
    for i, (start, end, step) in enumerate(schedule, 1):
        out += [f"## {start}–{m.ui('agenda_minutes', lang, minutes=end)}: {step.title[lang]} {{#punkt-{i}}}", "",
                step.text[lang], ""]
        if step.show == "dialogue":
            out += [f"{n}. {q[lang]}" for n, q in enumerate(theme.dialogue, 1)] + [""]
        elif step.show == "checklist":
            out += [checklist_html(theme.checklist, lang, theme.id), ""]
        elif step.show == "actions":
            new_row = "".join(
                f'<label class="kc-meeting__field">{_esc(m.ui("plan_" + key, lang))} {html}</label>'
                for key, html in (("problem", '<textarea rows="2" data-new="problem"></textarea>'),
                                  ("action", '<textarea rows="2" data-new="action"></textarea>'),
                                  ("who", '<input type="text" data-new="who">'),
                                  ("due", '<input type="date" data-new="due">')))
            out += [f'<div class="kc-meeting-actions" data-kc-meeting-actions="{_esc(theme.id)}">{new_row}'
                    f'<button type="button" class="md-button kc-no-print" data-action="add">'
                    f'{_esc(m.ui("meeting_add_action", lang))}</button>'
                    f'<p class="kc-meeting-actions__heading">{_esc(m.ui("meeting_actions", lang))}</p>'
                    f'<ul class="kc-meeting-actions__rows" data-meeting-rows></ul></div>', ""]
        out += [f'<label class="kc-meeting__note">{_esc(m.ui("meeting_note", lang))} '
                f'<textarea rows="3" data-meeting-note="punkt-{i}"></textarea></label>', ""]
    buttons = "".join(f'<button type="button" class="md-button" data-action="{action}">{_esc(m.ui(key, lang))}</button>'
                      for action, key in (("print", "checklist_print"), ("clear", "meeting_clear")))
    out += [f'<div class="kc-meeting-tools kc-no-print" hidden data-for-meeting="{_esc(theme.id)}">{buttons}</div>', "",
            workfile_tools(m, lang), ""]
    return "\n".join(out)


def agenda_list(ctx: PageContext, arg: str) -> str:
    """Links to every theme's agenda."""
    m, lang = ctx.model, ctx.lang
    return "\n".join(f"{t.number}. [{t.title[lang]}]({_link_from(ctx.page_id, f'{AGENDA_DIR}/{t.id}')})"
                     for t in m.themes) + "\n"


def all_checklists(ctx: PageContext, arg: str) -> str:
    """All nine checklists on one page, for the APV and the annual discussion."""
    m, lang = ctx.model, ctx.lang
    out = [checklist_tools(m, lang, "ul.kc-checklist", "tjeklister.csv"), ""]
    for theme in m.themes:
        link = _link_from(ctx.page_id, f"temaer/{theme.id}")
        out += [f"### {theme.number}. {theme.title[lang]} {{#tjekliste-{theme.id}}}", "",
                f"[{m.ui('open_theme', lang)}: {theme.title[lang]}]({link}#tjekliste){{ .kc-no-print }}", "",
                checklist_html(theme.checklist, lang, theme.id), ""]
    return "\n".join(out)


# Interface words the committee tools (committee.js) need, handed over with the page.
COMMITTEE_WORDS = (
    "plan_problem", "plan_source", "plan_action", "plan_priority", "priority_high", "priority_medium", "priority_low",
    "plan_who", "plan_due", "plan_followup", "plan_status", "status_open", "status_doing", "status_done",
    "plan_permanent", "plan_name", "plan_approved_by", "plan_approved_on", "plan_untitled", "plan_remove_confirm",
    "row_remove", "row_remove_confirm", "plan_clear_confirm", "ticks_clear_confirm", "file_open_confirm",
    "file_opened", "file_saved", "file_error_corrupt", "file_error_foreign", "file_error_newer", "file_error_invalid",
    "file_unsaved", "storage_failed", "other_tab", "meeting_clear_confirm", "action_row", "yes", "no",
    "csv_item", "csv_text", "csv_checked",
)


def committee_words(m: Model, lang: str) -> str:
    return json.dumps({key: m.ui(key, lang) for key in COMMITTEE_WORDS}, ensure_ascii=False, sort_keys=True)


def workfile_tools(m: Model, lang: str) -> str:
    """Save to and open from a file, the storage note and the status line (hidden until the script runs)."""
    buttons = "".join(f'<button type="button" class="md-button" data-action="{action}">{_esc(m.ui(key, lang))}</button>'
                      for action, key in (("save-file", "file_save"), ("open-file", "file_open")))
    return (f'<div class="kc-workfile kc-no-print" hidden data-lang="{lang}" data-kc-words="{_esc(committee_words(m, lang))}">'
            f'<p class="kc-workfile__note">{_esc(m.ui("storage_note", lang))}</p>{buttons}'
            '<input type="file" accept=".json,application/json" hidden data-workfile-input>'
            '<p class="kc-workfile__status" role="status" aria-live="polite"></p></div>')


def action_plan(ctx: PageContext, arg: str) -> str:
    """Named action plans, filled in in the browser (rows become cards on a phone); without
    JavaScript, a blank table prints for pen and paper."""
    m, lang = ctx.model, ctx.lang
    columns = [("problem", "text"), ("action", "text"), ("priority", "text"), ("who", "text"), ("due", "date"),
               ("followup", "date"), ("status", "text")]
    head = "".join(f'<th scope="col">{_esc(m.ui("plan_" + c, lang))}</th>' for c, _ in columns)
    blank = "".join("<tr>" + '<td>&nbsp;</td>' * len(columns) + "</tr>" for _ in range(6))
    meta = "".join(
        f'<label class="kc-plan__field">{_esc(m.ui("plan_" + key, lang))} '
        f'<input type="{kind}" data-plan-field="{key}"></label>'
        for key, kind in (("name", "text"), ("approved_by", "text"), ("approved_on", "date")))
    buttons = "".join(f'<button type="button" class="md-button" data-action="{action}">{_esc(m.ui(key, lang))}</button>'
                      for action, key in (("add", "action_add"), ("csv", "checklist_csv"), ("print", "checklist_print"),
                                          ("clear", "plan_clear")))
    return (f'<div class="kc-plan" data-kc-plan hidden data-filename="handlingsplan.csv">'
            f'<div class="kc-plan__choose kc-no-print"><label>{_esc(m.ui("plan_select", lang))} <select data-plan-select></select></label> '
            f'<button type="button" class="md-button" data-action="add-plan">{_esc(m.ui("plan_new", lang))}</button> '
            f'<button type="button" class="md-button" data-action="remove-plan">{_esc(m.ui("plan_remove", lang))}</button></div>'
            f'<div class="kc-plan__meta">{meta}</div>'
            f'<ol class="kc-plan__rows" data-plan-rows></ol>'
            f'<div class="kc-plan__tools kc-no-print">{buttons}</div></div>\n\n'
            f'<table class="kc-action-plan kc-plan-paper"><thead><tr>{head}</tr></thead><tbody>{blank}</tbody></table>\n\n'
            f'{workfile_tools(m, lang)}\n')


def all_sources(ctx: PageContext, arg: str) -> str:
    """Every source, with the themes that cite it."""
    m, lang = ctx.model, ctx.lang
    out = []
    for src in m.sources.values():
        users = [t for t in m.themes if src.id in t.sources]
        line = source_line(src, lang)
        if users:
            links = ", ".join(f"[{t.title[lang]}]({_link_from(ctx.page_id, 'temaer/' + t.id)}#kilder)" for t in users)
            line += f" *{m.ui('cited_by', lang)}:* {links}."
        out.append(line)
    return "\n".join(out) + "\n"


THEME_MARKERS: dict[str, Callable[[PageContext, str], str]] = {
    "theme-header": theme_header,
    "dialogue": dialogue,
    "checklist": checklist,
    "rules": rules,
    "sources": sources,
    "theme-cards": theme_cards,
    "agenda": agenda,
    "agenda-list": agenda_list,
    "all-checklists": all_checklists,
    "action-plan": action_plan,
    "all-sources": all_sources,
}

