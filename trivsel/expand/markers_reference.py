"""Markers for the reference pages: glossary, rules, accessibility contact (see markers.py)."""

from __future__ import annotations

from ..content.language import format_date
from .markers import MarkerError, PageContext, _esc, _link_from, countries_for, country_section, rule_trail
from ..content.glossary import GLOSSARY_PAGE
from ..content.model import Model

RULES_PAGE = "regler"


def glossary(ctx: PageContext, arg: str) -> str:
    """Every term, alphabetical in the page's language; each entry's id is its anchor."""
    if ctx.page_id != GLOSSARY_PAGE:
        raise MarkerError(f"only works on the glossary page, docs/{GLOSSARY_PAGE}.<lang>.md")
    lang = ctx.lang
    out = ['<dl class="kc-glossary">']
    for term in sorted(ctx.model.glossary, key=lambda t: t.term[lang].casefold()):
        expansion = (f' <span class="kc-glossary__expansion">({_esc(term.expansion[lang])})</span>'
                     if term.expansion else "")
        out.append(f'<dt id="{_esc(term.id)}">{_esc(term.term[lang])}{expansion}</dt>')
        out.append(f"<dd>{_esc(term.explanation[lang])}</dd>")
    out.append("</dl>")
    return "\n".join(out) + "\n"


def rule_users(m: Model, rule_id: str) -> list[tuple[str, dict]]:
    """(page id, title) of every theme and module that refers to the rule."""
    return ([(f"temaer/{t.id}", t.title) for t in m.themes if rule_id in t.rules]
            + [(f"moduler/{mod.id}", mod.title) for mod in m.modules if rule_id in mod.rules])


def all_rules(ctx: PageContext, arg: str) -> str:
    """Every rule, the reader's country first, with its trail and who uses it; each rule's id is its anchor."""
    m, lang = ctx.model, ctx.lang
    out = []
    for country, _ in countries_for(lang):
        chosen = [r for r in m.rules.values() if r.country == country]
        if not chosen:
            continue
        out += [f"### {m.ui('country_' + country, lang)} {{#regler-{country}}}", ""]
        for rule in chosen:
            users = ", ".join(f"[{title[lang]}]({_link_from(ctx.page_id, pid)}#regler)"
                              for pid, title in rule_users(m, rule.id))
            trail = [f"[{rule.reference}]({rule.url})"]
            if rule.in_force_from:
                trail.append(f"{m.ui('in_force_from', lang)}: {format_date(rule.in_force_from, lang)}")
            trail.append(f"*{rule_trail(m, rule, lang)}*"
                         + (f" {m.ui('checked_against', lang)} [{_esc(_short_address(rule.checked_against))}]"
                            f"({rule.checked_against})" if rule.last_checked and rule.checked_against else ""))
            if users:
                trail.append(f"{m.ui('rule_used_by', lang)}: {users}")
            out += [f"#### {rule.title[lang]} {{#{rule.id}}}", "", rule.summary[lang], "", " · ".join(trail), ""]
    return "\n".join(out)


def _short_address(url: str) -> str:
    """'https://lovdata.no/lov/2005-06-17-62/§4-3' -> 'lovdata.no/lov/2005-06-17-62/§4-3'."""
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def helplines(ctx: PageContext, arg: str) -> str:
    """Emergency numbers and helplines from content/helplines.yml: the reader's country first,
    the other folded (and so left off the printed handout). Every page shows the same numbers."""
    m, lang = ctx.model, ctx.lang
    if not m.helplines:
        raise MarkerError("needs numbers: add them to content/helplines.yml (see schemas/helplines.schema.json)")
    out = [f"## {m.ui('helplines_heading', lang)} {{#numre}}", "", m.ui("helplines_intro", lang), ""]
    for country, folded in countries_for(lang):
        chosen = [h for h in m.helplines if h.country == country]
        if not chosen:
            continue
        rows = [f"| {m.ui('helplines_number', lang)} | {m.ui('helplines_service', lang)} | "
                f"{m.ui('helplines_when', lang)} |", "| --- | --- | --- |"]
        for h in chosen:
            hours = f" ({h.hours[lang]})" if h.hours else ""
            number = f"**{h.number}**" if h.acute else h.number
            rows.append(f"| {number} | [{h.name[lang]}]({h.url}){hours} | {h.when[lang]} "
                        f'<span class="kc-trail">{_esc(rule_trail(m, h, lang))}</span> |')
        out += country_section(m, lang, country, folded, "numre", rows)
    return "\n".join(out)


def accessibility_contact(ctx: PageContext, arg: str) -> str:
    """Where to report an accessibility problem: `extra.accessibility` in mkdocs.yml."""
    m, lang = ctx.model, ctx.lang
    contact = m.settings.get("accessibility") or {}
    if not contact.get("email"):
        raise MarkerError("needs a contact: set extra.accessibility.email (and optionally name and url) "
                          "in mkdocs.yml")
    name = contact.get("name")
    name = name.get(lang) if isinstance(name, dict) else name
    email = contact["email"]
    lines = [f"- {m.ui('a11y_email', lang)}: [{email}](mailto:{email})"]
    if contact.get("url"):
        lines.append(f"- {m.ui('a11y_form', lang)}: [{contact['url']}]({contact['url']})")
    head = f"**{name}**\n\n" if name else ""
    return head + "\n".join(lines) + "\n"


REFERENCE_MARKERS = {
    "glossary": glossary,
    "all-rules": all_rules,
    "helplines": helplines,
    "accessibility-contact": accessibility_contact,
}
