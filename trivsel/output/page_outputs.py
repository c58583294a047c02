"""What a page produces besides its HTML: a printed sheet (PDF), a programme's
calendar file, the pulse page's CSV template. Plain functions; the hook only
writes the files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..content import curriculum
from ..content import identity
from . import pdf
from ..content import pulse
from ..expand.generated import AGENDA_DIR, PROGRAMME_DIR
from ..content.materials import card_sheet_html
from ..content.model import Model
from ..content.pages import HANDOUTS_SUFFIX, MATERIALS_SUFFIX, TRAINER_SUFFIX, page_url, unit_file_name

# Which sections of a page go on its handout (the theme sheet takes the whole page).
def module_handout(section_id: str) -> bool:
    return section_id in ("laeringsmaal", "hovedpunkter", "numre") or section_id.startswith("ovelse-")


def programme_handout(section_id: str) -> bool:
    return section_id.startswith("dag-") or section_id == "laeringsmaal"


@dataclass(frozen=True)
class SiteInfo:
    site_url: str  # absolute, ends with /
    site_name: str  # in the page's language
    edition: str
    default_lang: str

    def absolute(self, page_id: str, lang: str) -> str:
        return self.site_url + page_url(page_id, lang, self.default_lang)

    def calendar_stamp(self) -> str:
        """DTSTAMP for calendar files: from the edition, not the clock, so builds are reproducible."""
        return (self.edition.replace("-", "")[:6] or "202601") + "01T000000Z"


@dataclass(frozen=True)
class PageOutputs:
    sheets: tuple[pdf.SheetJob, ...] = ()
    files: tuple[tuple[str, str], ...] = ()  # (file name, text), written next to the page
    handout: str | None = None  # a module's participant handout HTML, for its programmes' combined handout


def page_outputs(model: Model, page_id: str, lang: str, html: str, dest_dir: Path, site: SiteInfo,
                 source: str) -> PageOutputs:
    section, _, name = page_id.partition("/")
    themes = {t.id: t for t in model.themes}
    modules = {m.id: m for m in model.modules}
    programmes = {p.id: p for p in model.programmes}
    calendar = None
    if page_id == pulse.PULSE_PAGE and model.pulse is not None:
        return PageOutputs(files=((pulse.TEMPLATE_NAME, pulse.csv_template(model.pulse, lang)),))
    if section == "temaer" and name in themes:
        unit = themes[name]
        agenda_url = site.absolute(f"{AGENDA_DIR}/{name}", lang)
        content = theme_sheet_html(model, unit, lang, html, agenda_url)
        limits = dict(variant="theme", accent=unit.colour, tint=identity.tint(unit.colour))
    elif section == "moduler" and name in modules:
        # The participants' handout: objectives, exercises and key points (no trainer notes).
        unit, limits = modules[name], dict(min_fill=0.0)
        content = pdf.select_sections(html, module_handout)
    elif section == PROGRAMME_DIR and name in programmes:
        unit, limits = programmes[name], dict(min_fill=0.0, max_pages=0)  # as long as the programme
        content = pdf.select_sections(html, programme_handout)
        days = curriculum.schedule(unit, modules)
        dates = curriculum.day_dates(days, dt.date.fromisoformat(unit.first_day), [d.after for d in unit.days])

        def link(slot, day) -> str:
            if slot.kind == "module":
                return site.absolute(f"moduler/{slot.module_id}", lang)
            return site.absolute(page_id, lang) + f"#dag-{day.number}"

        calendar = (unit_file_name(name, lang, "ics"), curriculum.ics(
            name, f"{unit.title[lang]} – {site.site_name}", days, dates, lang, link, unit.timezone,
            site.calendar_stamp(), model.ui("calendar_breaks", lang)))
    else:
        return PageOutputs()
    url = site.absolute(page_id, lang)
    job = sheet_job(model, unit, lang, content, url, str(dest_dir / unit_file_name(name, lang, "pdf")), site, source,
                    **limits)
    if section != "moduler":
        return PageOutputs((job,), (calendar,) if calendar else ())
    trainer = sheet_job(model, unit, lang, trainer_html(model, unit, lang, html),
                        url, str(dest_dir / unit_file_name(f"{name}-{TRAINER_SUFFIX}", lang, "pdf")), site, source,
                        min_fill=0.0, max_pages=0, variant="trainer")
    sheets = [job, trainer]
    materials = model.materials.get(name, [])
    if materials:
        titles = dict(pages_exercises(html))
        cards = card_sheet_html(materials, lang, lambda key: model.ui(key, lang), titles, unit.title[lang])
        sheets.append(sheet_job(model, unit, lang, cards, url,
                                str(dest_dir / unit_file_name(f"{name}-{MATERIALS_SUFFIX}", lang, "pdf")), site,
                                source, min_fill=0.0, max_pages=0, variant="cards"))
    return PageOutputs(tuple(sheets), (), handout=content)


BADGE_RE = re.compile(r'(<svg class="kc-badge"[^>]*?) aria-hidden="true" focusable="false">')
RULES_RE = re.compile(r'(?=<h2 id="regler")')


def theme_sheet_html(model: Model, theme, lang: str, html: str, agenda_url: str) -> str:
    """The theme page as a leaflet: the page itself, its badge described for the tagged PDF,
    and, after the checklist, the meeting agenda's address and QR code.

    The agenda box goes before the rules and sources (the small print, set as one block).
    """
    m = model
    # A long address may wrap, but only after a slash, never inside a word.
    wrap_url = _esc(agenda_url).replace("/", "/<wbr>").replace("/<wbr>/<wbr>", "//", 1)
    html = BADGE_RE.sub(lambda b: f'{b.group(1)}><title>{_esc(m.ui("pdf_badge_alt", lang))}</title>', html, count=1)
    box = (f'<section class="kc-sheet-agenda">'
           f'<img class="kc-sheet-agenda__qr" src="{pdf.qr_data_uri(agenda_url)}" '
           f'alt="{_esc(m.ui("pdf_agenda_qr_alt", lang, url=agenda_url))}">'
           f'<div class="kc-sheet-agenda__text"><p class="kc-sheet-agenda__title">'
           f'{_esc(m.ui("pdf_agenda_title", lang, minutes=m.meeting.minutes))}</p>'
           f'<p>{_esc(m.ui("pdf_agenda_text", lang))} <span class="kc-sheet-agenda__url">{wrap_url}</span></p>'
           f'</div></section>')
    parts = RULES_RE.split(html, maxsplit=1)
    # Rules and sources are the small print: one two-column block, balanced as a whole.
    small = f'<section class="kc-sheet-smallprint">{parts[1]}</section>' if len(parts) > 1 else ""
    return parts[0] + box + small


def _esc(text: str) -> str:
    import html as html_mod
    return html_mod.escape(text, quote=True)


def sheet_job(model: Model, unit, lang: str, content: str, url: str, out_path: str, site: SiteInfo, source: str,
              **limits) -> pdf.SheetJob:
    return pdf.SheetJob(
        unit_id=unit.id, lang=lang, title=f"{unit.title[lang]} – {site.site_name}",
        description=unit.summary[lang], content_html=content, url=url, out_path=out_path,
        strings=(("page", model.ui("pdf_page", lang)), ("of", model.ui("pdf_of", lang)),
                 ("edition", model.ui("pdf_edition", lang)), ("qr_alt", model.ui("pdf_qr_alt", lang, url=url))),
        site_name=site.site_name, edition=site.edition, source=source, **limits)


def pages_exercises(html: str) -> list[tuple[str, str]]:
    """(id, title) of each exercise section in a page's HTML."""
    import re
    return [(m.group(1), re.sub(r"<[^>]+>", "", m.group(2)).strip())
            for m in re.finditer(r'<h2 id="(ovelse-[^"]+)">(.*?)</h2>', html, re.S)]


def trainer_html(model: Model, module, lang: str, html: str) -> str:
    """The trainer's edition: the whole page (timings, model answers, trainer notes) and the
    list of materials to bring."""
    materials = model.materials.get(module.id, [])
    if not materials:
        return html
    titles = dict(pages_exercises(html))
    items = "".join(f"<li>{model.ui('material_kind_' + mat.kind, lang)}: {mat.title[lang]} "
                    f"({titles.get(mat.exercise, mat.exercise)})</li>" for mat in materials)
    return (html + f'<section class="kc-materials-list"><h2>{model.ui("materials_sheet_title", lang)}</h2>'
            f"<ul>{items}</ul></section>")


def programme_handout_job(model: Model, programme, lang: str, handouts: dict[str, str], dest_dir: Path,
                          site: SiteInfo, source: str) -> pdf.SheetJob | None:
    """All participant handouts of a programme's modules in one PDF, in programme order."""
    order = list(dict.fromkeys(programme.module_ids()))
    if not order or any(mid not in handouts for mid in order):
        return None
    content = "".join(f'<section class="kc-handout">{handouts[mid]}</section>' for mid in order)
    page_id = f"{PROGRAMME_DIR}/{programme.id}"
    return sheet_job(model, programme, lang, content, site.absolute(page_id, lang),
                     str(dest_dir / unit_file_name(f"{programme.id}-{HANDOUTS_SUFFIX}", lang, "pdf")), site, source,
                     min_fill=0.0, max_pages=0)
