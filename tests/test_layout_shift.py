"""Pages hold still: the layout shift while a page loads, measured in Chromium with a
PerformanceObserver (a layout measure, not a timing). The pages use the reader's own
interface font; should a web font come back, it is held back here so that the page first
paints without it: its arrival must not move the text, nor may the scripts."""

from __future__ import annotations

import time

import pytest

from conftest import DEFAULT_LANG, LANGS
from trivsel.content.pages import page_url

pytestmark = pytest.mark.browser

KINDS = ["index", "temaer/index", "temaer/tidspres", "moduler/stemmen", "program/forste-uke",
         "moede/dagsorden/tidspres", "moede/apv", "moede/puls", "regler", "ordliste", "program/planlaegger"]
BUDGET = 0.05  # the "good" threshold is 0.1; issue 17 asks for 0.05

OBSERVE = """() => {
  window.__shift = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({type: "layout-shift", buffered: true});
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_id", KINDS)
def test_the_page_holds_still_while_the_font_arrives(page_id, lang, server, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()

    def late_font(route):
        time.sleep(0.4)  # the first paint happens in the fallback face
        route.continue_()

    page.route("**/*.woff2", late_font)
    page.add_init_script(f"({OBSERVE})()")
    page.goto(server.base + page_url(page_id, lang, DEFAULT_LANG), wait_until="load")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)
    shift = page.evaluate("window.__shift")
    ctx.close()
    assert shift <= BUDGET, f"{page_id} ({lang}): layout shift {shift:.3f} > {BUDGET}"
