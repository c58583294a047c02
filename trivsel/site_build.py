"""One build of the site, as steps any engine can call: the state of a build and its life cycle.

The engine adapter (hooks/site.py for MkDocs and ProperDocs) translates its events into
these calls and knows nothing else; everything here is plain Python on paths, strings
and the content model. Life cycle of one build (each language is one pass):

    prepare(...)                 once per change: model, checks, generated pages
    nav(...)                     the menu with the content's pages in content order
    begin_pass() ... page_markdown(...), page_html(...) per page ... end_pass(...)
    after the last pass: finish() -> sheets that do not fit; write_site_files(...)

``prepare`` reuses its results while nothing changed, so `mkdocs serve` stays fast.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .content.errors import guide_note
from .content.glossary import GLOSSARY_PAGE, TermLinker
from .content.model import Model, build_day, stale_rules
from .content.pages import file_dir, resolve_links
from .expand import generated
from .expand.build import SiteSources, check_sources, load_checked_model
from .expand.navigation import with_section_pages, with_theme_pages
from .expand.page_scripts import script_tags
from .expand.registry import fill_counts
from .output import catalog
from .output import page_outputs as outputs
from .output import pdf

# Pages linked from every page's footer, with their ui.yml label.
FOOTER = (("tilgaengelighed", "footer_accessibility"), (GLOSSARY_PAGE, "footer_glossary"),
          ("regler", "footer_rules"), ("forfattere/index", "footer_editors"))


def fingerprint(*folders: Path) -> tuple:
    """Cheap change detection: names, sizes and mtimes of every source file."""
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                st = path.stat()
                out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


def robots_txt(site_url: str | None) -> str:
    """Everything may be indexed; the sitemap needs the absolute address from site_url."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def rule_notes(model: Model) -> tuple[str | None, str | None]:
    """(note, warning) about the rules: those not yet checked, those checked over a year ago."""
    stale = stale_rules(model.rules, build_day())
    unconfirmed = [r for r in model.rules.values() if r.unconfirmed]
    note = warning = None
    if unconfirmed:
        note = (f"{len(unconfirmed)} rule(s) in content/rules.yml are not yet checked against the official "
                f"text; their pages say so{guide_note('rule-trail')}: " + ", ".join(r.id for r in unconfirmed))
    if stale:
        warning = (f"{len(stale)} rule(s) in content/rules.yml were last checked more than a year ago; "
                   "compare each with the official text and update `last_checked`"
                   f"{guide_note('stale-rule')}:\n"
                   + "\n".join(f"  {r.id}: last checked {r.last_checked} – {r.url}" for r in stale))
    return note, warning


@dataclass
class SiteBuild:
    languages: tuple[str, ...] = ()
    default_lang: str = ""
    serving: bool = False  # `serve`: missing sheets render in the background
    cache_dir: Path = Path(".cache")
    model: Model | None = None
    sources: SiteSources | None = None
    fingerprint: tuple = ()
    content_fingerprint: tuple = ()
    linkers: dict = field(default_factory=dict)  # language -> TermLinker
    renderer: "pdf.SheetRenderer | None" = None
    # One build (all its language passes):
    passes_done: int = 0
    sheet_jobs: list = field(default_factory=list)
    sheet_batches: list = field(default_factory=list)
    sheet_problems: list = field(default_factory=list)
    handouts: dict = field(default_factory=dict)  # (language, module id) -> participant handout HTML
    programme_pages: dict = field(default_factory=dict)  # (language, programme id) -> (folder, SiteInfo, source)

    # --- before the render -------------------------------------------------------------
    def prepare(self, root: Path, docs_dir: Path, settings: dict) -> list[tuple[str, str]]:
        """Load and check everything (again, only if a source changed); write the generated
        pages. Returns [(level, message)] to log. Raises ContentError on a content mistake."""
        content_dir, schema_dir = root / "content", root / "schemas"
        messages = []
        content_print = fingerprint(content_dir, schema_dir)
        if content_print != self.content_fingerprint or self.model is None:
            self.model = None
            self.model = load_checked_model(root, docs_dir, content_dir, self.languages)
            self.content_fingerprint = content_print
            generated.sync(docs_dir, generated.AGENDA_DIR, generated.agenda_pages(self.model))
            generated.sync(docs_dir, generated.PROGRAMME_DIR, generated.programme_pages(self.model))
        full_print = (content_print, fingerprint(docs_dir), repr(settings))
        if full_print != self.fingerprint or self.sources is None:
            self.sources = None
            self.model.settings = settings
            self.sources = check_sources(root, docs_dir, self.model)
            self.fingerprint = full_print
            self.linkers = {lang: TermLinker(self.model.glossary, lang) for lang in self.languages}
            note, warning = rule_notes(self.model)
            messages += [("info", note)] if note else []
            messages += [("advice", warning)] if warning else []
        return messages

    def nav(self, nav: list) -> list:
        """The menu with the themes, modules and programmes added in content order."""
        model = self.sources.model
        nav = with_theme_pages(nav, [t.id for t in model.themes])
        nav = with_section_pages(nav, "moduler/index.md", [f"moduler/{m.id}.md" for m in model.modules])
        return with_section_pages(nav, "program/index.md",
                                  [f"{generated.PROGRAMME_DIR}/{p.id}.md" for p in model.programmes])

    def begin_build(self) -> None:
        self.passes_done, self.sheet_problems, self.sheet_batches = 0, [], []

    # --- each page ---------------------------------------------------------------------
    def page_markdown(self, src_uri: str) -> tuple[str | None, dict, str]:
        """(expanded Markdown or None if the page was not seen, front matter to add, language)."""
        page_id, lang = self.sources.split_src_uri(src_uri)
        return self.sources.expanded.get((page_id, lang)), self.sources.meta.get((page_id, lang), {}), lang

    def description(self, text: str, lang: str) -> str:
        return fill_counts(text, self.sources.model, lang)

    def footer(self, lang: str, page_file) -> dict:
        """Footer links in ``lang``; ``page_file(page_id)`` gives each target's address or None."""
        targets = [(key, page_file(page_id)) for page_id, key in FOOTER]
        return {"label": self.model.ui("footer_label", lang),
                "links": [{"title": self.model.ui(key, lang), "url": url} for key, url in targets if url]}

    def page_html(self, html: str, src_uri: str, page_url: str, url_of, glossary_url: str | None,
                  site_dir: Path, site: "outputs.SiteInfo") -> str:
        """A rendered page: links resolved, its sheets queued and files written, glossary terms
        linked, the scripts it uses added. ``url_of(page_id)`` is that page's URL in this language."""
        page_id, lang = self.sources.split_src_uri(src_uri)
        html = resolve_links(html, page_url, url_of)
        dest = site_dir / file_dir(page_url)  # a page's files live in the folder of its address
        source = f"docs/{src_uri}"
        out = outputs.page_outputs(self.model, page_id, lang, html, dest, site, source)
        self.sheet_jobs.extend(out.sheets)
        if out.handout is not None:
            self.handouts[(lang, page_id.split("/", 1)[1])] = out.handout
        if page_id.startswith(generated.PROGRAMME_DIR + "/"):
            self.programme_pages[(lang, page_id.split("/", 1)[1])] = (dest, site, source)
        for name, text in out.files:
            dest.mkdir(parents=True, exist_ok=True)
            (dest / name).write_text(text, encoding="utf-8", newline="")
        if glossary_url is not None and page_id != GLOSSARY_PAGE:
            html, _ = self.linkers[lang].link(html, glossary_url)
        return html + resolve_links(script_tags(html), page_url, url_of)

    # --- after each pass and the build -------------------------------------------------
    def end_pass(self, lang: str) -> None:
        """Queue the programmes' combined handouts, then start this pass's sheets."""
        handouts = {mid: html for (hl, mid), html in self.handouts.items() if hl == lang}
        for programme in self.model.programmes:
            where = self.programme_pages.get((lang, programme.id))
            job = outputs.programme_handout_job(self.model, programme, lang, handouts, *where) if where else None
            if job is not None:
                self.sheet_jobs.append(job)
        jobs, self.sheet_jobs = self.sheet_jobs, []
        self.passes_done += 1
        if not jobs:
            return
        if self.renderer is None:
            self.renderer = pdf.SheetRenderer(self.cache_dir / "pdf-sheets")
        renderer = self.renderer

        def placeholder(job):
            return pdf.placeholder_path(renderer, job, self.model.ui("pdf_being_made", job.lang))
        self.sheet_batches.append(renderer.start(jobs, render_missing=not self.serving,
                                                 placeholder=placeholder if self.serving else None))

    def finish(self, log) -> list[str]:
        """Wait for every language's sheets (``log(message)`` reports them); the ones that do not fit."""
        for batch in self.sheet_batches:
            start = time.perf_counter()
            results = self.renderer.finish(batch)
            rendered = [r for r in results if r.rendered]
            log(f"PDF sheets: {len(rendered)} rendered, {len(results) - len(rendered)} from cache "
                f"(waited {time.perf_counter() - start:.2f} s)")
            for r in rendered:
                log(f"PDF sheet rendered: {r.job.source} ({r.seconds:.2f} s, {r.size // 1024} KB)")
            if batch.skipped:
                log(f"PDF sheets: {batch.skipped} new or changed sheet(s) render in the background while "
                    "serving (a short note stands in until each is ready); `make build` checks that they fit")
            self.sheet_problems += [p for p in map(pdf.fit_problem, results) if p]
        self.sheet_batches = []
        return sorted(self.sheet_problems)

    def write_site_files(self, site_dir: Path, site_url: str | None) -> None:
        """robots.txt and catalog.json at the site root."""
        (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
        cat = catalog.build_catalog(self.sources.model, site_url or "/", self.sources.titles, self.default_lang,
                                    self.sources.anchors())
        (site_dir / "catalog.json").write_text(catalog.dumps(cat), encoding="utf-8")

    def close(self) -> None:
        if self.renderer is not None:
            self.renderer.close()
