"""The home page's first screen, and the calmer copy-link buttons, in Chromium."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_LANG, LANGS
from trivsel.content.pages import page_url

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


def _state(page, selector: str) -> dict:
    return page.evaluate("""(sel) => { const el = document.querySelector(sel), r = el.getBoundingClientRect();
        return {opacity: getComputedStyle(el).opacity, width: r.width, focused: document.activeElement === el}; }""",
                         selector)


def test_copy_link_shows_on_hover_and_keyboard_focus_and_stays_on_exercises(server, browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    theme = server.base + page_url("temaer/tidspres", "da", DEFAULT_LANG)
    page.goto(theme, wait_until="load")
    heading = 'h2#hvorfor > .kc-copy-link'
    hidden = _state(page, heading)
    assert hidden["opacity"] == "0" and hidden["width"] == 0, hidden  # calm: no room, no outline
    page.hover("h2#hvorfor")
    page.wait_for_timeout(250)
    shown = _state(page, heading)
    assert shown["opacity"] == "1" and shown["width"] > 20, shown

    # The keyboard reaches the heading's button (Shift+Tab from the checklist tools) and sees it.
    page.mouse.move(0, 0)
    page.focus('.kc-checklist-tools [data-action="clear"]')
    page.keyboard.press("Shift+Tab")
    focused = _state(page, 'h2#tjekliste > .kc-copy-link')
    assert focused["focused"] and focused["opacity"] == "1" and focused["width"] > 20, focused

    # A checklist item has its own link: Tab from its box to its button, Enter copies the address.
    page.focus("#tidspres-03-box")
    page.keyboard.press("Tab")
    item = _state(page, 'li#tidspres-03 > .kc-copy-link')
    assert item["focused"] and item["opacity"] == "1" and item["width"] > 20, item
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.evaluate("navigator.clipboard.readText()") == theme + "#tidspres-03"

    # On a module page the objectives and the exercises keep their button in view; other sections do not.
    page.goto(server.base + page_url("moduler/stemmen", "nb", DEFAULT_LANG), wait_until="load")
    page.mouse.move(0, 0)
    for always in ("h2#laeringsmaal", "h2#ovelse-tempo"):
        state = _state(page, always + " > .kc-copy-link")
        assert state["opacity"] == "1" and state["width"] > 20, (always, state)
    assert _state(page, "h2#hvorfor > .kc-copy-link")["opacity"] == "0"
    ctx.close()
