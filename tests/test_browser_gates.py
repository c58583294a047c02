"""Quality gates in a real browser, on every page in every language.

axe-core (pinned through axe-playwright-python) with no rule disabled, no
request leaving 127.0.0.1, no cookie, no console error; keyboard access;
the language switcher.
"""

from __future__ import annotations

import pytest

from conftest import DEFAULT_LANG, LANGS, all_page_ids
from trivsel.content.pages import page_url

pytestmark = pytest.mark.browser

PAGES = all_page_ids()


@pytest.fixture(scope="module")
def audit_page(browser):
    """One context and one tab for all audits (a fresh tab per page costs 0.3 s);
    each audit navigates it to a new page. Cookies are checked after every page."""
    from checks.browser import audit_context
    ctx = audit_context(browser)
    page = ctx.new_page()
    yield ctx, page
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_id", PAGES)
def test_page_is_accessible_private_and_error_free(page_id, lang, server, audit_page):
    from checks.browser import audit
    ctx, page = audit_page
    result = audit(ctx, server.base + page_url(page_id, lang, DEFAULT_LANG), page)
    assert result.failures() == [], "\n".join(result.failures())


@pytest.mark.parametrize("lang", LANGS)
def test_skip_link_works_and_focus_is_visible(lang, server, context):
    page = context.new_page()
    page.goto(server.base + page_url("temaer/tidspres", lang, DEFAULT_LANG))
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement, s = getComputedStyle(el), r = el.getBoundingClientRect();
        return {cls: el.className, href: el.getAttribute('href'), outline: s.outlineStyle,
                width: parseFloat(s.outlineWidth), visible: r.width > 0 && r.height > 0};
    }""")
    assert "md-skip" in focused["cls"], focused
    assert focused["visible"] and focused["outline"] != "none" and focused["width"] >= 2, focused
    page.keyboard.press("Enter")
    target = focused["href"].lstrip("#")
    assert page.evaluate("location.hash") == "#" + target
    top = page.evaluate(f"document.getElementById({target!r}).getBoundingClientRect().top")
    assert abs(top) < 200, top


@pytest.mark.parametrize("start", LANGS)
def test_switcher_from_a_deep_page_lands_on_the_same_page(start, server, context):
    page = context.new_page()
    for other in LANGS:
        page.goto(server.base + page_url("temaer/tidspres", start, DEFAULT_LANG))
        link = page.locator(f'a.md-select__link[hreflang="{other}"]')
        href = link.get_attribute("href")
        page.goto(page.url.rsplit("/", 1)[0] + "/" + href if not href.startswith("/") else server.base + href[1:])
        assert page.url == server.base + page_url("temaer/tidspres", other, DEFAULT_LANG)
        assert page.evaluate("document.documentElement.lang") == other


def test_printing_a_theme_page_gives_clean_a4_pages(server, context, tmp_path):
    import re
    import shutil
    import subprocess
    page = context.new_page()
    page.goto(server.base + page_url("temaer/tidspres", "en", DEFAULT_LANG))
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is missing")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:.*pts \(A4\)", info), info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Time pressure" in text and "Checklist" in text
    # No site chrome: the search box and the footer's copyright do not reach paper.
    assert "Search" not in text and "CC BY 4.0" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_theme_page_prints_on_two_a4_pages_from_chromium(lang, server, context, tmp_path):
    from pypdf import PdfReader
    from test_logic import EXPECTED_THEMES
    page = context.new_page()
    for theme_id in EXPECTED_THEMES:
        page.goto(server.base + page_url(f"temaer/{theme_id}", lang, DEFAULT_LANG))
        pdf = tmp_path / f"{theme_id}.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True)
        assert len(PdfReader(pdf).pages) == 2, (theme_id, lang)


def test_search_index_loads_on_first_search_and_search_works(server, context):
    page = context.new_page()
    requested = []
    page.on("request", lambda r: r.url.endswith("search_index.json") and requested.append(r.url))
    page.goto(server.base + page_url("temaer/tidspres", "nb", DEFAULT_LANG), wait_until="load")
    page.wait_for_timeout(800)
    assert requested == [], "the search index was loaded before anyone searched"
    page.keyboard.press("/")
    page.locator("input[data-md-component=search-query]").fill("sjekkliste")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert len(requested) == 1
    assert page.locator(".md-search-result__item").count() > 0
