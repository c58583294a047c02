"""Printed sheets as tagged PDF/UA-1, rendered by WeasyPrint: the two-page theme
sheets and the module and programme handouts.

Plain functions: a SheetJob holds everything one PDF depends on, so its hash
is the cache key. Same inputs give byte-identical files; a rebuild renders
only sheets whose inputs changed, in parallel across the machine's cores.
"""

from __future__ import annotations

import atexit
import base64
import functools
import dataclasses
import hashlib
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

from ..content.errors import guide_note

ROOT = Path(__file__).resolve().parents[2]
PDF_DIR = ROOT / "pdf"
FONT_DIR = ROOT / "overrides" / "assets" / "fonts"
TEMPLATE = PDF_DIR / "theme-sheet.html"
STYLESHEET = PDF_DIR / "sheet.css"


@dataclass(frozen=True)
class SheetJob:
    unit_id: str  # the theme, module or programme id
    lang: str
    title: str  # the document title (metadata and window title)
    description: str
    content_html: str  # the theme page's rendered content
    url: str  # the page's permanent absolute address in this language
    out_path: str  # where the PDF goes (absolute)
    strings: tuple[tuple[str, str], ...]  # interface words for the sheet, in its language
    site_name: str
    edition: str
    source: str  # the docs file named in messages
    max_pages: int = 2
    min_fill: float = 1.5  # 0 for handouts, which may be short
    variant: str = ""  # "theme" (the leaflet), "trainer" (answers and notes shown), "cards" (the card sheet); "" for the rest
    accent: str = ""  # the theme's colour (#rrggbb): title band, headings, boxes; "" for the site's teal
    tint: str = ""  # its light tint, behind the boxes

    def key(self) -> str:
        """Hash of everything the PDF depends on (not where it is written)."""
        h = hashlib.sha256()
        h.update(repr(dataclasses.replace(self, out_path="")).encode("utf-8"))
        h.update(_inputs_digest().encode("ascii"))
        return h.hexdigest()


@dataclass(frozen=True)
class SheetResult:
    job: SheetJob
    pages: int
    fill: float  # pages filled, e.g. 1.83
    rendered: bool  # False when taken from the cache
    size: int
    seconds: float


@lru_cache(maxsize=1)
def _inputs_digest() -> str:
    """Hash of the template, stylesheet and fonts: a change re-renders every sheet."""
    h = hashlib.sha256()
    for path in [TEMPLATE, STYLESHEET, *sorted(FONT_DIR.glob("*.woff2"))]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=4096)
def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an SVG data URI; made once per address while serving (the
    theme sheets' agenda codes took ~0.5 s of every rebuild, cached sheets or not)."""
    import segno
    svg = segno.make(url, error="m").svg_inline(scale=1, border=0, omitsize=True)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def sheet_html(job: SheetJob) -> str:
    import jinja2
    from markupsafe import Markup
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(PDF_DIR)), autoescape=True)
    strings = dict(job.strings)
    return env.get_template(TEMPLATE.name).render(
        lang=job.lang, title=job.title, description=job.description, site_name=job.site_name,
        edition=job.edition, edition_label=strings["edition"], url=job.url,
        qr_data_uri=qr_data_uri(job.url), qr_alt=strings["qr_alt"],
        page_label=strings["page"], of_label=strings["of"], variant=job.variant, accent=job.accent, tint=job.tint,
        content=Markup(job.content_html))  # the page's own rendered HTML


def _fill(document) -> float:
    """How many pages the content fills: 1.83 means the last page is 83 % full."""
    last = document.pages[-1]._page_box
    top, height = last.content_box_y(), last.height
    bottom = top
    for child in last.children:
        if type(child).__name__ == "MarginBox":  # the running footer is not content
            continue
        for box in child.descendants():
            if type(box).__name__ in ("LineBox", "InlineReplacedBox", "BlockReplacedBox"):
                bottom = max(bottom, box.position_y + box.margin_height())
    return len(document.pages) - 1 + max(0.0, min(1.0, (bottom - top) / height))


@lru_cache(maxsize=1)
def _stylesheet():
    """The sheet stylesheet and its fonts, parsed once per process, not once per sheet."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    fonts = FontConfiguration()
    return CSS(filename=str(STYLESHEET), font_config=fonts), fonts


# Release the fonts before interpreter teardown: FontConfiguration.__del__ needs
# modules that are gone by then and would print a traceback at exit.
atexit.register(_stylesheet.cache_clear)


def render(job: SheetJob) -> tuple[bytes, int, float]:
    """The PDF bytes, the page count and the fill."""
    from weasyprint import HTML
    css, fonts = _stylesheet()
    document = HTML(string=sheet_html(job), base_url=str(PDF_DIR) + "/").render(
        stylesheets=[css], font_config=fonts)
    data = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return data, len(document.pages), _fill(document)


def _render_to_cache(job: SheetJob, cache_dir: str) -> tuple[int, float, float]:
    import time
    start = time.perf_counter()
    data, pages, fill = render(job)
    key = job.key()
    # The fit record first, the PDF last: a PDF in the cache always has its record.
    (Path(cache_dir) / f"{key}.fit").write_text(f"{pages} {fill:.4f}", encoding="ascii")
    tmp = Path(cache_dir) / f"{key}.{os.getpid()}.tmp"
    tmp.write_bytes(data)
    tmp.replace(Path(cache_dir) / f"{key}.pdf")
    return pages, fill, time.perf_counter() - start


class SheetRenderer:
    """Renders jobs through a cache; one worker process per core, started on first need."""

    def __init__(self, cache_dir: Path, workers: int | None = None):
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: `mkdocs serve` runs threads, which fork does not copy safely.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def start(self, jobs: list[SheetJob], render_missing: bool = True,
              placeholder=None) -> "Batch":
        """Begin rendering what is not cached yet, in the worker processes, and return at once.

        The build goes on with the next language while the sheets render. With
        ``render_missing`` false, sheets not in the cache are rendered in the
        background instead (the edit loop of `mkdocs serve` does not wait): each is
        copied to its place when done, and until then ``placeholder(job)`` (a small
        PDF that says the sheet is being made) stands there instead of a 404.
        """
        keys = [job.key() for job in jobs]
        missing = {k for k in keys if not (self.cache_dir / f"{k}.pdf").exists()}
        if not render_missing:
            kept = [(k, j) for k, j in zip(keys, jobs) if k not in missing]
            for k, j in zip(keys, jobs):
                if k in missing:
                    self._in_background(k, j, placeholder)
            return Batch([k for k, _ in kept], [j for _, j in kept], {}, {}, len(jobs) - len(kept))
        todo = {k: j for k, j in zip(keys, jobs) if k in missing}
        timings: dict[str, float] = {}
        futures = {}
        if len(todo) == 1:  # one edited page: no worker processes to start
            (k, j), = todo.items()
            timings[k] = _render_to_cache(j, str(self.cache_dir))[2]
        elif todo:
            futures = {k: self._executor().submit(_render_to_cache, j, str(self.cache_dir)) for k, j in todo.items()}
        return Batch(keys, jobs, futures, timings, 0)

    def _in_background(self, key: str, job: SheetJob, placeholder) -> None:
        target = Path(job.out_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if placeholder is not None:
            shutil.copyfile(placeholder(job), target)
        future = self._executor().submit(_render_to_cache, job, str(self.cache_dir))

        def copy(done) -> None:
            if done.exception() is None and target.parent.exists():
                shutil.copyfile(self.cache_dir / f"{key}.pdf", target)
        future.add_done_callback(copy)

    def finish(self, batch: "Batch") -> list[SheetResult]:
        """Wait for the batch, then copy every sheet to its place."""
        timings = dict(batch.timings)
        timings.update({k: fut.result()[2] for k, fut in batch.futures.items()})
        results = []
        for key, job in zip(batch.keys, batch.jobs):
            cached = self.cache_dir / f"{key}.pdf"
            pages, fill = (self.cache_dir / f"{key}.fit").read_text(encoding="ascii").split()
            target = Path(job.out_path)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
            results.append(SheetResult(job, int(pages), float(fill), key in timings,
                                       cached.stat().st_size, timings.get(key, 0.0)))
        return results


@dataclass
class Batch:
    keys: list[str]
    jobs: list[SheetJob]
    futures: dict
    timings: dict[str, float]
    skipped: int  # sheets not rendered (not in the cache, rendering off)


def placeholder_path(renderer: SheetRenderer, job: SheetJob, message: str) -> Path:
    """A one-page PDF in the sheet's language saying that the sheet is being made."""
    stand_in = dataclasses.replace(job, unit_id="placeholder", title=message, description=message,
                                   content_html=f"<h1>{message}</h1>", out_path="", source="placeholder",
                                   max_pages=0, min_fill=0.0, variant="", accent="", tint="")
    key = stand_in.key()
    path = renderer.cache_dir / f"{key}.pdf"
    if not path.exists():
        _render_to_cache(stand_in, str(renderer.cache_dir))
    return path


def fit_problem(result: SheetResult) -> str | None:
    """None when the sheet fits its page budget; else what is wrong and by how much."""
    job, fill = result.job, result.fill
    where = job.source
    if job.max_pages and result.pages > job.max_pages:
        return (f"{where}: the printed sheet runs to {result.pages} pages, {fill - job.max_pages:.2f} of a page "
                f"too long for {job.max_pages} A4 pages; shorten the text (do not shrink the type)"
                + guide_note("sheet-fit"))
    if fill < job.min_fill:
        return (f"{where}: the printed sheet fills only {fill:.2f} pages, {job.min_fill - fill:.2f} of a page "
                f"short of the {job.min_fill} minimum; add content (it is meant to be a two-page sheet)"
                + guide_note("sheet-fit"))
    return None


H2_RE = re.compile(r"(?=<h2[ >])")
ID_RE = re.compile(r'<h2[^>]*\bid="([^"]+)"')


def select_sections(html: str, keep) -> str:
    """The page's opening (title, lead, facts) and the level-2 sections ``keep(id)`` accepts.

    Handouts are made from the page's own HTML, so they say exactly what the page says.
    """
    parts = H2_RE.split(html)
    out = [parts[0]]
    for part in parts[1:]:
        m = ID_RE.match(part)
        if m and keep(m.group(1)):
            out.append(part)
    return "".join(out)
