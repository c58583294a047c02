"""MkDocs (and ProperDocs) adapter for Kontaktcenter-trivsel.

Only a translator: each handler reads what it needs from the engine's event and calls
one step of ``trivsel.site_build.SiteBuild``, which holds the build's state and does
the work; a ContentError becomes a clean stop (one line per problem, no traceback).
What stays here is what is the engine's or its plugins' own: the i18n plugin's current
language, Files, the 404 template, and the logger. With mkdocs-static-i18n every event
runs once per language; the build object reuses its model and checks across them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import sys

from trivsel.content.errors import ContentError
from trivsel.content.glossary import GLOSSARY_PAGE
from trivsel.expand.htmlfix import align_classes, fix_toc_label
from trivsel.output.page_outputs import SiteInfo
from trivsel.site_build import SiteBuild

log = logging.getLogger("mkdocs.hooks.trivsel")
# Warnings that must not stop a strict build (rules due for a re-check) go to a
# logger outside "mkdocs", which counts every warning as a failure under strict.
advice = logging.getLogger("trivsel.advice")
if not advice.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    advice.addHandler(_handler)
    advice.propagate = False

BUILD = SiteBuild()
FILES: dict = {}  # language -> the engine's Files of that language's pass


def _i18n(config):
    return config.plugins.get("i18n")


def _current_lang(config) -> str:
    plugin = _i18n(config)
    # On the very first on_config the plugin has not chosen yet: that is the default.
    return (plugin.current_language if plugin else None) or BUILD.default_lang


@event_priority(10)  # before i18n (-100), which translates the nav we set here
def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    # Rendered PDFs are cached between builds; tests point many fixture sites at one cache.
    BUILD.cache_dir = Path(os.environ.get("KC_CACHE_DIR") or root / ".cache")
    plugin = _i18n(config)
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin is missing; the site is built in da, nb and en")
    langs = [lang for lang in plugin.config.languages if lang.locale != "null"]
    BUILD.languages = tuple(lang.locale for lang in langs)
    # `link == "/"` marks the site's default language even when build_only_locale
    # makes another one the default for a fast single-language build.
    BUILD.default_lang = next(lang.locale for lang in langs if lang.link == "/")
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        # Material's offline plugin would add a Web Worker shim from unpkg.com (a third
        # party, and unreachable offline); it skips that when a shim is already listed.
        config.extra["polyfills"] = ["assets/javascripts/vendor/iframe-worker-shim.js"]
    for folder in (root / "content", root / "schemas"):
        if folder.exists() and str(folder) not in config.watch:
            config.watch.append(str(folder))
    try:
        messages = BUILD.prepare(root, Path(config.docs_dir), {"accessibility": config.extra.get("accessibility")})
    except ContentError as exc:
        raise PluginError(exc.report()) from None
    for level, message in messages:
        (advice.warning if level == "advice" else log.info)(message)
    config.nav = BUILD.nav(config.nav)
    return config


@event_priority(-200)  # after i18n, which gives each language its own Files
def on_files(files, config):
    FILES[_current_lang(config)] = files
    return files


def _footer(config, lang: str, address) -> dict:
    files = FILES.get(_current_lang(config))

    def page_file(page_id: str):
        target = files.get_file_from_path(f"{page_id}.{lang}.md") if files else None
        return address(target) if target else None
    return BUILD.footer(lang, page_file)


def on_page_context(context, page, config, nav):
    lang = BUILD.sources.split_src_uri(page.file.src_uri)[1]
    context["kc_footer"] = _footer(config, lang, lambda target: target.url_relative_to(page.file))
    return context


def on_page_markdown(markdown, page, config, files):
    expanded, meta, lang = BUILD.page_markdown(page.file.src_uri)
    if expanded is None:  # a page we did not see in the docs tree check
        raise PluginError(f"docs/{page.file.src_uri}: not found by the translation check; rebuild")
    for key, value in meta.items():
        page.meta.setdefault(key, value)
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = BUILD.description(page.meta["description"], lang)
    return expanded


def on_page_content(html, page, config, files):
    lang = BUILD.sources.split_src_uri(page.file.src_uri)[1]

    def url_of(target_id: str) -> str:
        target = files.get_file_from_path(f"{target_id}.{lang}.md")
        if target is None:
            raise PluginError(f"docs/{page.file.src_uri}: links to '{target_id}', which has no page in '{lang}'")
        return target.url

    glossary = files.get_file_from_path(f"{GLOSSARY_PAGE}.{lang}.md")
    site = SiteInfo((config.site_url or "/").rstrip("/") + "/", config.site_name,
                    str(config.extra.get("edition", "")), BUILD.default_lang)
    return BUILD.page_html(html, page.file.src_uri, page.url, url_of,
                           glossary.url_relative_to(page.file) if glossary else None, Path(config.site_dir), site)


def on_pre_build(config):
    if _current_lang(config) == BUILD.default_lang:  # the first language pass of a build
        BUILD.begin_build()


def on_startup(command, dirty):
    # While an author edits (`make serve`), new sheets render in the background: the
    # edit loop stays fast, and `make build` / `make test` render and check them.
    BUILD.serving = command == "serve"


def on_shutdown():
    BUILD.close()


def on_template_context(context, template_name, config):
    """The 404 page's words and home link in the language being built."""
    if template_name == "404.html" and BUILD.model is not None:
        lang_code = _current_lang(config)
        lang = next(x for x in _i18n(config).config.languages if x.locale == lang_code)
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        context["kc_404"] = {"title": BUILD.model.ui("not_found_title", lang_code),
                             "text": BUILD.model.ui("not_found_text", lang_code),
                             "home": root + lang.link.strip("/") + ("/" if lang.link.strip("/") else ""),
                             "home_label": BUILD.model.ui("not_found_home", lang_code)}
        # The footer links, absolute like the rest of the 404 page (it is served at any depth).
        context["kc_footer"] = _footer(config, lang_code, lambda target: root + target.url)
    return context


def on_post_template(output, template_name, config):
    """One 404 page per language: /404.html in the default language, /nb/404.html, /en/404.html.

    i18n renders the theme's 404 page in every language pass, each time to the
    site root; a non-default pass writes its own into its folder instead (and
    returns nothing, so MkDocs leaves the root one alone).
    """
    if template_name != "404.html" or _current_lang(config) == BUILD.default_lang:
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


def on_post_build(config):
    BUILD.end_pass(_current_lang(config))
    # After the last language: wait for the sheets (they rendered while the other
    # languages built) and report every one that does not fit, all languages at once.
    built = [lang for lang in _i18n(config).config.languages if lang.build]
    if BUILD.passes_done >= len(built):
        problems = BUILD.finish(log.info)
        if problems:
            raise PluginError("\n".join([f"{len(problems)} printed sheet(s) do not fit their pages:", *problems]))
    # The default language's pass writes to the site root; other passes to /nb/, /en/.
    if _current_lang(config) != BUILD.default_lang and _i18n(config).config.build_only_locale is None:
        return
    BUILD.write_site_files(Path(config.site_dir), config.site_url)
