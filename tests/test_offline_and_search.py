"""The offline bundle opened from disk, and search in the reader's language."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """`make offline`'s zip, unzipped into a fresh folder."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import offline
    out = tmp_path_factory.mktemp("offline")
    archive = offline.build(out / "build")
    target = out / "unzipped"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(target)
    return target / offline.NAME


def test_offline_bundle_has_no_broken_links(offline_site):
    from checks.links import broken_links
    assert (offline_site / "nb" / "temaer" / "tidspres.html").exists()
    assert broken_links(offline_site) == []


def _search(page, query: str) -> list[str]:
    page.click("input[data-md-component=search-query]")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def test_offline_bundle_works_from_file_urls(offline_site, browser):
    context = browser.new_context()
    page = context.new_page()
    errors, remote = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    page.goto((offline_site / "index.html").as_uri())
    # Danish home -> the themes -> one theme -> the same theme in Norwegian -> the Norwegian glossary.
    for link in (".md-content a[href='temaer/index.html'] >> nth=0", ".md-content a[href='tidspres.html'] >> nth=0"):
        with page.expect_navigation():
            page.click(link)
    assert page.url.endswith("/temaer/tidspres.html")
    page.hover(".md-select")  # the language menu opens on hover and focus
    with page.expect_navigation():
        page.click(".md-select a[hreflang=nb]")
    assert page.url.endswith("/nb/temaer/tidspres.html"), page.url
    assert page.locator("h1").inner_text() == "Tidspress"
    with page.expect_navigation():
        page.click(".kc-term a >> nth=0")
    assert "/nb/ordliste.html#" in page.url
    # Search works from disk, in the reader's language.
    hits = _search(page, "verneombudet")
    assert hits and all("/nb/" in h for h in hits), hits
    # The theme's PDF sits where the page links it.
    page.goto((offline_site / "nb" / "temaer" / "tidspres.html").as_uri())
    pdf = page.get_attribute(".kc-theme-actions a[download]", "href")
    assert (offline_site / "nb" / "temaer" / pdf).is_file(), pdf
    # The programme planner works from disk: its data is in the page, its scripts are classic.
    page.goto((offline_site / "nb" / "program" / "forste-uke.html").as_uri())
    with page.expect_navigation():
        page.get_by_role("link", name="Åpne i planleggeren").click()
    page.wait_for_selector(".kc-planner__day")
    assert page.locator(".kc-planner__day").count() == 5
    assert page.locator("[data-time]").first.inner_text() == "08:30–09:30"
    module = page.locator(".kc-planner__title a").first.get_attribute("href")
    assert module.startswith("file:") and module.endswith("/nb/moduler/smilet-i-stemmen.html"), module
    context.close()
    assert remote == [] and errors == [], (remote, errors)


@pytest.mark.parametrize("prefix,query,word", [("nb/", "verneombudet", "/nb/"), ("en/", "time pressure", "/en/")])
def test_search_shows_the_readers_language_first(server, context, prefix, query, word):
    page = context.new_page()
    page.goto(server.base + prefix)
    hits = _search(page, query)
    page.close()
    assert hits and all(word in h for h in hits), hits


def test_search_on_danish_pages_finds_danish_pages(server, context):
    page = context.new_page()
    page.goto(server.base)
    hits = _search(page, "tidspres")
    page.close()
    assert hits and not any("/nb/" in h or "/en/" in h for h in hits), hits
