"""Expand ``<!-- kc:name -->`` markers in a page's Markdown into generated content.

Prose stays Markdown; structured parts (titles, dialogue questions, checklists,
rules, sources) come from the content model. One function per marker; an
unknown marker or a marker on the wrong kind of page is an error, never left
silently in the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from .errors import Problem
from .model import Model, Theme

MARKER_RE = re.compile(r"^<!--\s*kc:([a-z][a-z0-9-]*)\s*(.*?)\s*-->[ \t]*$", re.M)


@dataclass(frozen=True)
class PageContext:
    page_id: str  # language-neutral, e.g. "temaer/tidspres"
    lang: str
    file: str  # shown in messages, e.g. docs/temaer/tidspres.da.md
    model: Model

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


def theme_header(ctx: PageContext, arg: str) -> str:
    theme = _need_theme(ctx)
    m, lang = ctx.model, ctx.lang
    number = m.ui("theme_number", lang, number=theme.number, total=len(m.themes))
    return (f"# {theme.title[lang]}\n\n"
            f'<p class="kc-theme-number">{_esc(number)}</p>\n\n'
            f'<p class="kc-lead">{_esc(theme.summary[lang])}</p>\n')


def dialogue(ctx: PageContext, arg: str) -> str:
    theme = _need_theme(ctx)
    lines = [f"## {ctx.model.ui('dialogue_heading', ctx.lang)} {{#dialog}}", ""]
    lines += [f"{i}. {q[ctx.lang]}" for i, q in enumerate(theme.dialogue, 1)]
    return "\n".join(lines) + "\n"


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


def checklist(ctx: PageContext, arg: str) -> str:
    theme = _need_theme(ctx)
    m, lang = ctx.model, ctx.lang
    return (f"## {m.ui('checklist_heading', lang)} {{#tjekliste}}\n\n"
            f'<p class="kc-checklist-intro">{_esc(m.ui("checklist_intro", lang))}</p>\n\n'
            f"{checklist_html(theme.checklist, lang, theme.id)}\n")


def rules(ctx: PageContext, arg: str) -> str:
    theme = _need_theme(ctx)
    m, lang = ctx.model, ctx.lang
    out = [f"## {m.ui('rules_heading', lang)} {{#regler}}", ""]
    for country in ("dk", "no"):
        chosen = [m.rules[r] for r in theme.rules if m.rules[r].country == country]
        if not chosen:
            continue
        out.append(f"### {m.ui('country_' + country, lang)} {{#regler-{country}}}\n")
        for rule in chosen:
            out.append(
                f"- **{rule.title[lang]}.** {rule.summary[lang]} "
                f"[{rule.reference}]({rule.url}). "
                f"*{m.ui('last_checked', lang)}: {rule.last_checked}.*")
        out.append("")
    return "\n".join(out)


def sources(ctx: PageContext, arg: str) -> str:
    theme = _need_theme(ctx)
    m, lang = ctx.model, ctx.lang
    out = [f"## {m.ui('sources_heading', lang)} {{#kilder}}", ""]
    out += [source_line(m.sources[s], lang) for s in theme.sources]
    return "\n".join(out) + "\n"


def source_line(src, lang: str) -> str:
    cite = f"[{src.citation}]({src.url})" if src.url else src.citation
    note = f" {src.note[lang]}" if src.note else ""
    return f"- **{src.short}:** {cite}{note}"


def theme_cards(ctx: PageContext, arg: str) -> str:
    """The nine themes as cards, for the overview page docs/temaer/index.<lang>.md."""
    if ctx.page_id != "temaer/index":
        raise MarkerError("only works on the theme overview, docs/temaer/index.<lang>.md")
    m, lang = ctx.model, ctx.lang
    out = ['<div class="grid cards kc-theme-cards" markdown>', ""]
    for theme in m.themes:
        number = m.ui("theme_number", lang, number=theme.number, total=len(m.themes))
        out.append(f"-   **[{theme.title[lang]}]({theme.id}.md)**\n\n"
                   f"    <span class=\"kc-theme-number\">{_esc(number)}</span>\n\n"
                   f"    {theme.summary[lang]}\n")
    out += ["</div>", ""]
    return "\n".join(out)


MARKERS: dict[str, Callable[[PageContext, str], str]] = {
    "theme-header": theme_header,
    "dialogue": dialogue,
    "checklist": checklist,
    "rules": rules,
    "sources": sources,
    "theme-cards": theme_cards,
}


def expand(markdown: str, ctx: PageContext) -> tuple[str, list[Problem]]:
    """Replace every marker; return the new Markdown and the problems found."""
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        func = MARKERS.get(name)
        if func is None:
            problems.append(Problem(ctx.file, f"unknown marker 'kc:{name}'; known markers are "
                                    f"{', '.join('kc:' + k for k in sorted(MARKERS))}", line=line))
            return ""
        try:
            return func(ctx, arg)
        except MarkerError as exc:
            problems.append(Problem(ctx.file, f"marker 'kc:{name}' {exc}", line=line))
            return ""

    return MARKER_RE.sub(replace, markdown), problems
