"""Markers for the staff pulse: the question list, the paper form and the calculator."""

from __future__ import annotations

import json

from .markers import MarkerError, PageContext, _esc, _link_from, workfile_tools
from ..content.pages import asset_link, file_link, page_link, unit_file_name
from ..content.pulse import FORM_PAGE, PULSE_PAGE, SCALE, TEMPLATE_NAME, page_data


def _pulse(ctx: PageContext):
    if ctx.model.pulse is None:
        raise MarkerError("needs content/pulse.yml")
    return ctx.model.pulse


def pulse_questions(ctx: PageContext, arg: str) -> str:
    """Every question with its id (the CSV column), its theme and the published score."""
    pulse, m, lang = _pulse(ctx), ctx.model, ctx.lang
    rows = []
    for q in pulse.questions:
        theme = (m.ui("pulse_benchmark_all", lang) if q.theme is None
                 else f"[{m.theme(q.theme).title[lang]}]({_link_from(ctx.page_id, 'temaer/' + q.theme)})")
        score = _number(q.benchmark, lang) if q.benchmark is not None else ""
        rows.append(f"| `{q.id}` | {q.text[lang]} | {theme} | {score} |")
    head = (f"| {m.ui('pulse_id', lang)} | {m.ui('pulse_question', lang)} | {m.ui('pulse_theme', lang)} "
            f"| {m.ui('pulse_benchmark', lang)} |\n| --- | --- | --- | --- |")
    source = m.sources.get(pulse.source)
    note = f"\n\n{m.ui('pulse_benchmark', lang)}: {source.short}." if source else ""
    return head + "\n" + "\n".join(rows) + note + "\n"


def _number(value: float, lang: str) -> str:
    """5.3 in English, 5,3 in Danish and Norwegian."""
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def pulse_form(ctx: PageContext, arg: str) -> str:
    """The paper form: one line per question, six boxes; it prints on one A4 page."""
    pulse, m, lang = _pulse(ctx), ctx.model, ctx.lang
    lo, hi = SCALE
    scale = m.ui("pulse_form_scale", lang, low=pulse.low[lang], high=pulse.high[lang])
    head = (f'<th scope="col">{_esc(m.ui("pulse_form_number", lang))}</th>'
            f'<th scope="col">{_esc(m.ui("pulse_question", lang))}</th>'
            + "".join(f'<th scope="col" class="kc-pulse-form__box">{n}</th>' for n in range(lo, hi + 1)))
    boxes = '<td class="kc-pulse-form__box"><span class="kc-box"></span></td>' * (hi - lo + 1)
    rows = []
    for i, q in enumerate(pulse.questions, 1):
        rows.append(f'<tr><td>{i}</td><th scope="row">{_esc(q.text[lang])}</th>{boxes}</tr>')
    return (f'<table class="kc-pulse-form"><caption>{_esc(m.ui("pulse_form_caption", lang))} {_esc(scale)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>\n")


def pulse_calculator(ctx: PageContext, arg: str) -> str:
    """The calculator's controls and data; pulse.js does the work in the reader's browser."""
    if ctx.page_id != PULSE_PAGE:
        raise MarkerError(f"only works on the pulse page, docs/{PULSE_PAGE}.<lang>.md")
    pulse, m, lang = _pulse(ctx), ctx.model, ctx.lang
    links = {}
    for theme in m.themes:
        page = f"temaer/{theme.id}"
        links[theme.id] = (theme.title[lang], page_link(page),
                           file_link(page, unit_file_name(theme.id, lang, "pdf")))
    data = page_data(pulse, lang, links)
    data["text"] = {key[len("pulse_"):]: m.ui(key, lang) for key in sorted(m.ui_text)
                    if key.startswith(("pulse_msg_", "pulse_col_", "pulse_chart", "pulse_table", "pulse_lowest",
                                       "pulse_save", "pulse_print", "pulse_results", "pulse_theme", "pulse_question",
                                       "pulse_benchmark"))}
    data["lang"] = lang
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    typed = "".join(
        f'<tr><th scope="row">{_esc(q.text[lang])}</th><td><input type="text" inputmode="decimal" '
        f'name="{_esc(q.id)}" size="4" aria-label="{_esc(m.ui("pulse_average_of", lang, question=q.text[lang]))}">'
        f"</td></tr>" for q in pulse.questions)
    template = file_link(PULSE_PAGE, TEMPLATE_NAME)
    form_link = page_link(FORM_PAGE)
    return f"""<div class="kc-pulse" data-pulse>
<script type="application/json" id="kc-pulse-data">{payload}</script>
<p class="kc-pulse-downloads"><a class="md-button" href="{template}" download>{_esc(m.ui("pulse_template", lang))}</a> <a class="md-button" href="{form_link}">{_esc(m.ui("pulse_print_form", lang))}</a></p>
<p class="kc-pulse-nojs">{_esc(m.ui("pulse_needs_js", lang))}</p>
<div class="kc-pulse-input" hidden>
<fieldset><legend>{_esc(m.ui("pulse_file_legend", lang))}</legend>
<label for="kc-pulse-file">{_esc(m.ui("pulse_file_label", lang))}</label>
<input type="file" id="kc-pulse-file" accept=".csv,text/csv">
</fieldset>
<details class="kc-pulse-typed"><summary>{_esc(m.ui("pulse_typed_legend", lang))}</summary>
<p><label for="kc-pulse-count">{_esc(m.ui("pulse_typed_count", lang))}</label>
<input type="text" inputmode="numeric" id="kc-pulse-count" size="4"></p>
<table><tbody>{typed}</tbody></table>
<p><button type="button" class="md-button" data-action="compute">{_esc(m.ui("pulse_compute", lang))}</button></p>
</details>
</div>
<div class="kc-pulse-messages" role="status"></div>
<div class="kc-pulse-results" hidden></div>
</div>
{workfile_tools(m, lang)}
<script src="{asset_link("assets/javascripts/pulse.js")}" defer></script>
"""


PULSE_MARKERS = {
    "pulse-questions": pulse_questions,
    "pulse-form": pulse_form,
    "pulse-calculator": pulse_calculator,
}
