"""What a page produces besides its HTML: a printed sheet (PDF), a programme's
calendar file, the pulse page's CSV template. Plain functions; the hook only
writes the files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import curriculum, pdf, pulse
from .generated import PROGRAMME_DIR
from .model import Model
from .pages import page_url, unit_file_name

# Which sections of a page go on its handout (the theme sheet takes the whole page).
def module_handout(section_id: str) -> bool:
    return section_id in ("laeringsmaal", "hovedpunkter") or section_id.startswith("ovelse-")


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
    sheet: pdf.SheetJob | None = None
    files: tuple[tuple[str, str], ...] = ()  # (file name, text), written next to the page


def page_outputs(model: Model, page_id: str, lang: str, html: str, dest_dir: Path, site: SiteInfo,
                 source: str) -> PageOutputs:
    section, _, name = page_id.partition("/")
    themes = {t.id: t for t in model.themes}
    modules = {m.id: m for m in model.modules}
    programmes = {p.id: p for p in model.programmes}
    calendar = None
    if page_id == pulse.PULSE_PAGE and model.pulse is not None:
        return PageOutputs(files=((pulse.TEMPLATE_NAME, pulse.csv_template(model.pulse)),))
    if section == "temaer" and name in themes:
        unit, content, limits = themes[name], html, {}
    elif section == "moduler" and name in modules:
        # The participants' handout: objectives, exercises and key points (no trainer notes).
        unit, limits = modules[name], dict(min_fill=0.0)
        content = pdf.select_sections(html, module_handout)
    elif section == PROGRAMME_DIR and name in programmes:
        unit, limits = programmes[name], dict(min_fill=0.0, max_pages=0)  # as long as the programme
        content = pdf.select_sections(html, programme_handout)
        calendar = (unit_file_name(name, lang, "ics"), curriculum.ics(
            name, f"{unit.title[lang]} – {site.site_name}", curriculum.schedule(unit, modules),
            dt.date.fromisoformat(unit.first_day), lang, site.absolute(page_id, lang), site.calendar_stamp()))
    else:
        return PageOutputs()
    url = site.absolute(page_id, lang)
    sheet = pdf.SheetJob(
        unit_id=name, lang=lang, title=f"{unit.title[lang]} – {site.site_name}",
        description=unit.summary[lang], content_html=content, url=url,
        out_path=str(dest_dir / unit_file_name(name, lang, "pdf")),
        strings=(("page", model.ui("pdf_page", lang)), ("of", model.ui("pdf_of", lang)),
                 ("edition", model.ui("pdf_edition", lang)), ("qr_alt", model.ui("pdf_qr_alt", lang, url=url))),
        site_name=site.site_name, edition=site.edition, source=source, **limits)
    return PageOutputs(sheet, (calendar,) if calendar else ())
