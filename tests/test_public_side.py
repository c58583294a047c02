"""The built site as the public sees it: the task-first home page, the themes' identity, the
editors' pages kept out of the menu and the search, and scripts only where they are used."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import yaml

from conftest import DEFAULT_LANG, LANGS, ROOT
from trivsel.content.pages import page_url

EDITORS = ("forfattere/index", "forfattere/fejl")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def html_of(site: Path, page_id: str, lang: str) -> str:
    return (site / page_url(page_id, lang, DEFAULT_LANG) / "index.html").read_text(encoding="utf-8")


class _Links(HTMLParser):
    """The links inside the elements whose class list has ``css_class`` (e.g. the main menu)."""

    def __init__(self, css_class: str):
        super().__init__()
        self.css_class, self.depth, self.stack, self.hrefs = css_class, 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and (self.depth or self.css_class in (attrs.get("class") or "").split()):
            self.hrefs.append(attrs.get("href") or "")
        if tag in VOID:  # no end tag follows
            return
        inside = self.css_class in (attrs.get("class") or "").split()
        self.stack.append(inside)
        self.depth += inside

    def handle_endtag(self, tag):
        if self.stack:
            self.depth -= self.stack.pop()


def links_in(html: str, css_class: str) -> list[str]:
    parser = _Links(css_class)
    parser.feed(html)
    return parser.hrefs


def test_editors_pages_are_in_no_language_s_search_index(site, page_ids):
    assert set(EDITORS) <= set(page_ids)  # the pages are still built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"", "nb/", "en/", "temaer/tidspres/", "nb/temaer/tidspres/"} <= locations  # the index is whole
    editors = {page_url(p, lang, DEFAULT_LANG) for p in EDITORS for lang in LANGS}
    assert not locations & editors, sorted(locations & editors)
    assert not [loc for loc in locations if "forfattere/" in loc]


def test_editors_pages_are_in_no_menu_but_in_every_footer(site, page_ids):
    for page_id in page_ids:
        for lang in LANGS:
            html = html_of(site, page_id, lang)
            menu = links_in(html, "md-nav--primary")
            assert menu, (page_id, lang)  # the menu was found
            assert not [h for h in menu if "forfattere" in h], (page_id, lang)
            here = "http://x/" + page_url(page_id, lang, DEFAULT_LANG)
            footer = {urljoin(here, h) for h in links_in(html, "kc-footer-links")}
            assert "http://x/" + page_url("forfattere/index", lang, DEFAULT_LANG) in footer, (page_id, lang, footer)


def test_build_errors_point_to_the_error_guide_page_that_exists(site):
    from trivsel.content.errors import GUIDE_PAGE, Problem
    line = str(Problem("content/themes/tidspres.yml", "something is wrong", guide="theme-colour"))
    assert line.endswith(f"(guide: {GUIDE_PAGE}#theme-colour)")
    for lang in LANGS:
        guide = html_of(site, GUIDE_PAGE.rstrip("/"), lang)
        assert 'id="theme-colour"' in guide and 'id="theme-icon"' in guide


def test_copy_link_script_only_on_the_pages_with_copy_links(site, page_ids):
    themes = {p.stem for p in (ROOT / "content" / "themes").glob("*.yml")}
    modules = {p.stem for p in (ROOT / "content" / "modules").glob("*.yml")}
    with_links = {f"temaer/{t}" for t in themes} | {f"moduler/{m}" for m in modules}
    for page_id in page_ids:
        for lang in LANGS:
            html = html_of(site, page_id, lang)
            loads = len(re.findall(r'<script src="[^"]*copy-link\.js"', html))
            assert loads == (1 if page_id in with_links else 0), (page_id, lang, loads)
            assert ('id="kc-strings"' in html) == (page_id in with_links), (page_id, lang)


def test_only_exercises_and_objectives_keep_their_copy_link_in_view(site):
    module = html_of(site, "moduler/stemmen", "nb")
    assert 'data-always="laeringsmaal ovelse-"' in module
    theme = html_of(site, "temaer/tidspres", "nb")
    assert 'data-always=""' in theme


def test_home_page_has_the_three_jobs_and_the_themes_in_every_language(site):
    tasks = yaml.safe_load((ROOT / "content" / "home.yml").read_text(encoding="utf-8"))["tasks"]
    themes = sorted((yaml.safe_load(p.read_text(encoding="utf-8")) | {"id": p.stem}
                     for p in (ROOT / "content" / "themes").glob("*.yml")), key=lambda t: t["number"])
    for lang in LANGS:
        html = html_of(site, "index", lang)
        # The menu does not compete with the three jobs: the side menu is hidden (the phone's drawer keeps it).
        assert '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation" hidden>' in html
        ids = re.findall(r'<section class="kc-task">\s*<h2 id="([^"]+)"', html)
        assert ids == [t["id"] for t in tasks], (lang, ids)
        gives = [unescape(re.sub(r"<span class=\"kc-tip\".*?</span>|<[^>]+>", "", g))
                 for g in re.findall(r'<p class="kc-task__gives">(.*?)</p>', html, re.S)]
        assert gives == [t["gives"][lang] for t in tasks], lang
        for task in tasks:
            assert task["title"][lang] in html
        grid = re.search(r'<ul class="kc-theme-grid">(.*?)</ul>', html, re.S).group(1)
        tiles = re.findall(r'<li><a href="([^"]+)"><svg class="kc-badge"[^>]*>.*?fill="(#[0-9a-f]{6})".*?'
                           r"</svg><span>([^<]+)</span>", grid)
        assert [(h.rstrip("/").rsplit("/", 1)[-1], c) for h, c, _ in tiles] == [(t["id"], t["colour"]) for t in themes]
        assert [title for _, _, title in tiles] == [t["title"][lang] for t in themes]


def test_a_planned_page_is_linked_from_the_home_page_only_once_it_exists(site, page_ids):
    tasks = yaml.safe_load((ROOT / "content" / "home.yml").read_text(encoding="utf-8"))["tasks"]
    planned = [link["page"] for t in tasks for link in t["links"] if link.get("if_page_exists")]
    assert planned  # the planner's place is kept in the data
    for page in planned:
        for lang in LANGS:
            linked = f'href="{page_url(page, lang, lang)}"' in html_of(site, "index", lang)
            assert linked == (page in page_ids), (page, lang)


def test_theme_pages_and_cards_show_the_theme_s_colour_and_icon(site):
    for path in sorted((ROOT / "content" / "themes").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang in LANGS:
            page = html_of(site, f"temaer/{path.stem}", lang)
            h1 = re.search(r'<h1 class="kc-theme-title" id="[^"]+">(.*?)</h1>', page, re.S).group(1)
            assert f'fill="{data["colour"]}"' in h1 and 'aria-hidden="true"' in h1
            assert re.sub(r"<[^>]+>", "", h1) == data["title"][lang]  # the badge adds no words to the title
            cards = html_of(site, "temaer/index", lang)
            card = re.search(rf'<li>\s*<p><svg class="kc-badge".{{0,800}}?href="{path.stem}/"', cards, re.S)
            assert card and f'fill="{data["colour"]}"' in card.group(0), (path.stem, lang)
