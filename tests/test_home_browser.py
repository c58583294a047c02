"""The home page's first screen, and the calmer copy-link buttons, in Chromium."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_LANG, LANGS
from trivsel.pages import page_url

pytestmark = pytest.mark.browser

# What every reader must reach from the first screen: the themes, the meeting kit, the modules,
# the programmes and the staff pulse.
FIRST_SCREEN = ("temaer/index", "moede/index", "moduler/index", "program/index", "moede/puls")

VISIBLE_LINKS = """(targets) => {
  const seen = {};
  for (const a of document.querySelectorAll('.md-content a[href]')) {
    const r = a.getBoundingClientRect(), s = getComputedStyle(a);
    const shown = r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight
      && s.visibility !== 'hidden' && s.opacity !== '0';
    const url = new URL(a.getAttribute('href'), location.href).pathname;
    for (const t of targets) if (url === t && shown) seen[t] = true;
  }
  return targets.filter(t => !seen[t]);
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_first_screen_links_to_themes_meeting_kit_modules_programmes_and_pulse(lang, width, height, server, browser):
    ctx = browser.new_context(viewport={"width": width, "height": height})
    page = ctx.new_page()
    page.goto(server.base + page_url("index", lang, DEFAULT_LANG), wait_until="load")
    page.evaluate("document.fonts.ready")
    targets = ["/" + page_url(p, lang, DEFAULT_LANG) for p in FIRST_SCREEN]
    missing = page.evaluate(VISIBLE_LINKS, targets)
    # The side menu does not compete: on the desktop it is not there; on the phone it is in the drawer.
    menu_shown = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary')]
        .some(el => el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden'
                    && el.getBoundingClientRect().left >= 0)""")
    ctx.close()
    assert missing == [], f"{lang} at {width}x{height}: not on the first screen: {missing}"
    assert not menu_shown, f"{lang} at {width}x{height}: the side menu shows beside the jobs"

