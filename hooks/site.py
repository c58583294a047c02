"""MkDocs adapter for Kontaktcenter-trivsel.

Thin on purpose: each handler reads what it needs from the MkDocs event,
calls plain functions in the ``trivsel`` package, and turns a ContentError
into a clean stop (one line per problem, no traceback). With
mkdocs-static-i18n every event below runs once per language, so the checks
and the content model are computed once per change and reused.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import sys

from trivsel.output import catalog as catalog_mod
from trivsel.expand import generated
from trivsel.output import page_outputs as outputs
from trivsel.output import pdf
from trivsel.content.glossary import GLOSSARY_PAGE, TermLinker
from trivsel.content.model import build_day, stale_rules
from trivsel.expand.page_scripts import script_tags
from trivsel.content.pages import file_dir, resolve_links
from trivsel.expand.build import SiteSources, check_sources, load_checked_model
from trivsel.content.errors import ContentError, guide_note
from trivsel.expand.registry import fill_counts
from trivsel.expand.htmlfix import align_classes, fix_toc_label
from trivsel.content.model import Model
from trivsel.expand.navigation import with_section_pages, with_theme_pages

log = logging.getLogger("mkdocs.hooks.trivsel")
# Warnings that must not stop a strict build (rules due for a re-check) go to a
# logger outside "mkdocs", which counts every warning as a failure under strict.
advice = logging.getLogger("trivsel.advice")
if not advice.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    advice.addHandler(_handler)
    advice.propagate = False

# Pages linked from every page's footer, with their ui.yml label.
FOOTER = (("tilgaengelighed", "footer_accessibility"), (GLOSSARY_PAGE, "footer_glossary"),
          ("regler", "footer_rules"), ("forfattere/index", "footer_editors"))


@dataclass
class _State:
    fingerprint: tuple = ()
    content_fingerprint: tuple = ()
    model: Model | None = None
    sources: SiteSources | None = None
    languages: tuple[str, ...] = ()
    default_lang: str = ""
    watched: set = field(default_factory=set)
    sheet_jobs: list = field(default_factory=list)
    sheet_problems: list = field(default_factory=list)
    sheet_batches: list = field(default_factory=list)
    passes_done: int = 0
    serving: bool = False
    renderer: "pdf.SheetRenderer | None" = None
    cache_dir: Path = Path(".cache")
    linkers: dict = field(default_factory=dict)  # language -> TermLinker
    handouts: dict = field(default_factory=dict)  # (language, module id) -> participant handout HTML
    programme_pages: dict = field(default_factory=dict)  # (language, programme id) -> (folder, SiteInfo, source)
    files: dict = field(default_factory=dict)  # language -> MkDocs Files of that language's pass


STATE = _State()


def _i18n(config):
    return config.plugins.get("i18n")


def _current_lang(config) -> str:
    plugin = _i18n(config)
    # On the very first on_config the plugin has not chosen yet: that is the default.
    return (plugin.current_language if plugin else None) or STATE.default_lang


def _fingerprint(*folders: Path) -> tuple:
    """Cheap change detection: names, sizes and mtimes of every source file."""
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                st = path.stat()
                out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


@event_priority(10)  # before i18n (-100), which translates the nav we set here
def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    docs_dir, content_dir, schema_dir = Path(config.docs_dir), root / "content", root / "schemas"
    # Rendered PDFs are cached between builds; tests point many fixture sites at one cache.
    STATE.cache_dir = Path(os.environ.get("KC_CACHE_DIR") or root / ".cache")
    plugin = _i18n(config)
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin is missing; the site is built in da, nb and en")
    langs = [lang for lang in plugin.config.languages if lang.locale != "null"]
    STATE.languages = tuple(lang.locale for lang in langs)
    # `link == "/"` marks the site's default language even when build_only_locale
    # makes another one the default for a fast single-language build.
    STATE.default_lang = next(lang.locale for lang in langs if lang.link == "/")

    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        # Material's offline plugin would add a Web Worker shim from unpkg.com (a third
        # party, and unreachable offline); it skips that when a shim is already listed.
        config.extra["polyfills"] = ["assets/javascripts/vendor/iframe-worker-shim.js"]

    for folder in (content_dir, schema_dir):
        if str(folder) not in STATE.watched and folder.exists():
            config.watch.append(str(folder))
            STATE.watched.add(str(folder))

    try:
        content_print = _fingerprint(content_dir, schema_dir)
        if content_print != STATE.content_fingerprint or STATE.model is None:
            STATE.model = None
            STATE.model = load_checked_model(root, docs_dir, content_dir, STATE.languages)
            STATE.content_fingerprint = content_print
            generated.sync(docs_dir, generated.AGENDA_DIR, generated.agenda_pages(STATE.model))
            generated.sync(docs_dir, generated.PROGRAMME_DIR, generated.programme_pages(STATE.model))
        settings = {"accessibility": config.extra.get("accessibility")}
        fingerprint = (content_print, _fingerprint(docs_dir), repr(settings))
        if fingerprint != STATE.fingerprint or STATE.sources is None:
            STATE.sources = None
            STATE.model.settings = settings
            STATE.sources = check_sources(root, docs_dir, STATE.model)
            STATE.fingerprint = fingerprint
            STATE.linkers = {lang: TermLinker(STATE.model.glossary, lang) for lang in STATE.languages}
            _warn_stale_rules(STATE.model)
    except ContentError as exc:
        raise PluginError(exc.report()) from None
    model = STATE.sources.model
    nav = with_theme_pages(config.nav, [t.id for t in model.themes])
    nav = with_section_pages(nav, "moduler/index.md", [f"moduler/{m.id}.md" for m in model.modules])
    config.nav = with_section_pages(nav, "program/index.md",
                                    [f"{generated.PROGRAMME_DIR}/{p.id}.md" for p in model.programmes])
    return config


def _warn_stale_rules(model: Model) -> None:
    stale = stale_rules(model.rules, build_day())
    unconfirmed = [r for r in model.rules.values() if r.unconfirmed]
    if unconfirmed:
        # A note, not a warning: the pages say so, and the build is right as it is.
        log.info(f"{len(unconfirmed)} rule(s) in content/rules.yml are not yet checked against the official "
                 f"text; their pages say so{guide_note('rule-trail')}: " + ", ".join(r.id for r in unconfirmed))
    if stale:
        advice.warning(f"{len(stale)} rule(s) in content/rules.yml were last checked more than a year ago; "
                       "compare each with the official text and update `last_checked`"
                       f"{guide_note('stale-rule')}:\n"
                       + "\n".join(f"  {r.id}: last checked {r.last_checked} – {r.url}" for r in stale))


@event_priority(-200)  # after i18n, which gives each language its own Files
def on_files(files, config):
    STATE.files[_current_lang(config)] = files
    return files


def _footer(config, lang: str, address) -> dict:
    """Footer links (accessibility statement, glossary, rules, editors) in ``lang``;
    ``address(file)`` turns each target page's File into the link's URL."""
    files = STATE.files.get(_current_lang(config))
    targets = [(key, files.get_file_from_path(f"{page_id}.{lang}.md") if files else None) for page_id, key in FOOTER]
    return {"label": STATE.model.ui("footer_label", lang),
            "links": [{"title": STATE.model.ui(key, lang), "url": address(target)} for key, target in targets if target]}


def on_page_context(context, page, config, nav):
    lang = STATE.sources.split_src_uri(page.file.src_uri)[1]
    context["kc_footer"] = _footer(config, lang, lambda target: target.url_relative_to(page.file))
    return context


def on_page_markdown(markdown, page, config, files):
    src = STATE.sources
    page_id, lang = src.split_src_uri(page.file.src_uri)
    expanded = src.expanded.get((page_id, lang))
    if expanded is None:  # a page we did not see in the docs tree check
        raise PluginError(f"docs/{page.file.src_uri}: not found by the translation check; rebuild")
    meta = src.meta.get((page_id, lang), {})
    for key, value in meta.items():
        page.meta.setdefault(key, value)
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = fill_counts(page.meta["description"], src.model, lang)
    return expanded


def on_page_content(html, page, config, files):
    """Resolve links to generated files, queue the page's printed sheet, write its
    other files, and link the glossary terms."""
    page_id, lang = STATE.sources.split_src_uri(page.file.src_uri)

    def url_of(target_id: str) -> str:
        target = files.get_file_from_path(f"{target_id}.{lang}.md")
        if target is None:
            raise PluginError(f"docs/{page.file.src_uri}: links to '{target_id}', which has no page in '{lang}'")
        return target.url

    html = resolve_links(html, page.url, url_of)
    # A page's files live in the folder of its address, in both URL styles.
    dest = Path(config.site_dir) / file_dir(page.url)
    site = outputs.SiteInfo((config.site_url or "/").rstrip("/") + "/", config.site_name,
                            str(config.extra.get("edition", "")), STATE.default_lang)
    out = outputs.page_outputs(STATE.model, page_id, lang, html, dest, site, f"docs/{page.file.src_uri}")
    STATE.sheet_jobs.extend(out.sheets)
    if out.handout is not None:
        STATE.handouts[(lang, page_id.split("/", 1)[1])] = out.handout
    if page_id.startswith(generated.PROGRAMME_DIR + "/"):
        STATE.programme_pages[(lang, page_id.split("/", 1)[1])] = (dest, site, f"docs/{page.file.src_uri}")
    for name, text in out.files:
        dest.mkdir(parents=True, exist_ok=True)
        (dest / name).write_text(text, encoding="utf-8", newline="")
    glossary = files.get_file_from_path(f"{GLOSSARY_PAGE}.{lang}.md")
    if glossary is not None and page_id != GLOSSARY_PAGE:
        html, _ = STATE.linkers[lang].link(html, glossary.url_relative_to(page.file))
    return html + resolve_links(script_tags(html), page.url, url_of)


def _start_sheets():
    jobs, STATE.sheet_jobs = STATE.sheet_jobs, []
    if not jobs:
        return
    if STATE.renderer is None:
        STATE.renderer = pdf.SheetRenderer(STATE.cache_dir / "pdf-sheets")
    renderer = STATE.renderer

    def placeholder(job):
        return pdf.placeholder_path(renderer, job, STATE.model.ui("pdf_being_made", job.lang))
    STATE.sheet_batches.append(renderer.start(jobs, render_missing=not STATE.serving,
                                              placeholder=placeholder if STATE.serving else None))


def _finish_sheets():
    """Wait for every language's sheets, log, and collect the ones that do not fit."""
    for batch in STATE.sheet_batches:
        start = time.perf_counter()
        results = STATE.renderer.finish(batch)
        rendered = [r for r in results if r.rendered]
        log.info(f"PDF sheets: {len(rendered)} rendered, {len(results) - len(rendered)} from cache "
                 f"(waited {time.perf_counter() - start:.2f} s)")
        for r in rendered:
            log.info(f"PDF sheet rendered: {r.job.source} ({r.seconds:.2f} s, {r.size // 1024} KB)")
        if batch.skipped:
            log.info(f"PDF sheets: {batch.skipped} new or changed sheet(s) render in the background while "
                     "serving (a short note stands in until each is ready); `make build` checks that they fit")
        STATE.sheet_problems += [p for p in map(pdf.fit_problem, results) if p]
    STATE.sheet_batches = []


def on_pre_build(config):
    if _current_lang(config) == STATE.default_lang:  # the first language pass of a build
        STATE.passes_done, STATE.sheet_problems, STATE.sheet_batches = 0, [], []


def on_startup(command, dirty):
    # While an author edits (`make serve`), new sheets are not rendered: the edit
    # loop stays fast, and `make build` / `make test` render and check them.
    STATE.serving = command == "serve"


def on_shutdown():
    if STATE.renderer is not None:
        STATE.renderer.close()


def on_template_context(context, template_name, config):
    """The 404 page's words and home link in the language being built."""
    if template_name == "404.html" and STATE.model is not None:
        lang_code = _current_lang(config)
        lang = next(x for x in _i18n(config).config.languages if x.locale == lang_code)
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        context["kc_404"] = {"title": STATE.model.ui("not_found_title", lang_code),
                             "text": STATE.model.ui("not_found_text", lang_code),
                             "home": root + lang.link.strip("/") + ("/" if lang.link.strip("/") else ""),
                             "home_label": STATE.model.ui("not_found_home", lang_code)}
        # The footer links, absolute like the rest of the 404 page (it is served at any depth).
        context["kc_footer"] = _footer(config, lang_code, lambda target: root + target.url)
    return context


def on_post_template(output, template_name, config):
    """One 404 page per language: /404.html in the default language, /nb/404.html, /en/404.html.

    i18n renders the theme's 404 page in every language pass, each time to the
    site root; a non-default pass writes its own into its folder instead (and
    returns nothing, so MkDocs leaves the root one alone).
    """
    if template_name != "404.html" or _current_lang(config) == STATE.default_lang:
        return output
    lang = next(x for x in _i18n(config).config.languages if x.locale == _current_lang(config))
    folder = lang.link.strip("/")
    if not folder:  # a one-language build with this language at the root
        return output
    target = Path(config.site_dir) / folder / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


def on_post_page(output, page, config):
    return align_classes(fix_toc_label(output))


def robots_txt(site_url: str | None) -> str:
    """Everything may be indexed; the sitemap needs the absolute address from site_url."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def _programme_handouts(lang: str) -> None:
    """Queue each programme's combined handout, once its modules' handouts are known."""
    handouts = {mid: html for (hl, mid), html in STATE.handouts.items() if hl == lang}
    for programme in STATE.model.programmes:
        where = STATE.programme_pages.get((lang, programme.id))
        if where is None:
            continue
        job = outputs.programme_handout_job(STATE.model, programme, lang, handouts, *where)
        if job is not None:
            STATE.sheet_jobs.append(job)


def on_post_build(config):
    _programme_handouts(_current_lang(config))
    _start_sheets()
    STATE.passes_done += 1
    # After the last language: wait for the sheets (they rendered while the other
    # languages built) and report every one that does not fit, all languages at once.
    built = [lang for lang in _i18n(config).config.languages if lang.build]
    if STATE.passes_done >= len(built):
        _finish_sheets()
    if STATE.passes_done >= len(built) and STATE.sheet_problems:
        problems = sorted(STATE.sheet_problems)
        raise PluginError("\n".join([f"{len(problems)} printed sheet(s) do not fit their pages:", *problems]))
    # The default language's pass writes to the site root; other passes to /nb/, /en/.
    if _current_lang(config) != STATE.default_lang and _i18n(config).config.build_only_locale is None:
        return
    site_dir = Path(config.site_dir)
    (site_dir / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
    cat = catalog_mod.build_catalog(STATE.sources.model, config.site_url or "/", STATE.sources.titles,
                                    STATE.default_lang, STATE.sources.anchors())
    (site_dir / "catalog.json").write_text(catalog_mod.dumps(cat), encoding="utf-8")
