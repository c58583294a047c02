"""Committee tools in the browser: nothing the user made is lost.

Ticks, meeting sheets and action plans are kept in this browser, saved to and opened
from a work file, exported as spreadsheet-safe CSV, and never cleared without asking.
"""

from __future__ import annotations

import json

import pytest

from conftest import DEFAULT_LANG, LANGS
from trivsel.content.pages import page_url

pytestmark = pytest.mark.browser


def url(server, page_id, lang):
    return server.base + page_url(page_id, lang, DEFAULT_LANG)


def wait_until(condition, seconds: float = 10) -> None:
    """Poll from Python (the site's CSP forbids the page evaluating strings)."""
    import time
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def work_of(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('kc-work')") or "{}")


def test_ticks_survive_a_reload_clear_asks_first_and_the_csv_uses_semicolons(server, context):
    page = context.new_page()
    page.goto(url(server, "temaer/tidspres", "nb"))
    page.check("#tidspres-03-box")
    page.check("#tidspres-05-box")
    assert "2 av" in page.locator(".kc-checklist-status").inner_text()
    page.reload()
    assert page.is_checked("#tidspres-03-box") and page.is_checked("#tidspres-05-box")
    with page.expect_download() as info:
        page.click(".kc-checklist-tools [data-action=csv]")
    data = open(info.value.path(), encoding="utf-8").read()
    assert data.startswith("\ufeff") and data.splitlines()[0].lstrip("\ufeff") == "punkt;tekst;avkrysset"
    # The same ids in every language: the tick shows on the English page too.
    page.goto(url(server, "temaer/tidspres", "en"))
    assert page.is_checked("#tidspres-03-box")
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    page.click(".kc-checklist-tools [data-action=clear]")
    assert messages and "2" in messages[0]
    assert page.is_checked("#tidspres-03-box"), "dismissing keeps the ticks"
    page.once("dialog", lambda d: d.accept())
    page.click(".kc-checklist-tools [data-action=clear]")
    page.reload()
    assert not page.is_checked("#tidspres-03-box")


def fill_meeting_and_plan(page, server, lang):
    page.goto(url(server, "moede/dagsorden/tidspres", lang))
    page.fill("[data-meeting-field=date]", "2027-02-03")
    page.fill("[data-meeting-field=participants]", "Anna, Bo, Cem")
    page.fill("[data-meeting-note=punkt-2]", "Januar er værst.\nBrevene fra økonomi kommer uden varsel.")
    page.check("#tidspres-04-box")
    actions = page.locator("[data-kc-meeting-actions]")
    actions.locator("[data-new=problem]").fill("Lang ventetid, når brevene går ud")
    actions.locator("[data-new=action]").fill("Økonomi viser brevet en måned før")
    actions.locator("[data-new=who]").fill("Teamleder")
    actions.locator("[data-new=due]").fill("2027-03-01")
    actions.locator("[data-action=add]").click()
    assert "Lang ventetid" in actions.locator("[data-meeting-rows]").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_save_to_file_clear_everything_and_open_it_again(lang, server, context, tmp_path):
    page = context.new_page()
    fill_meeting_and_plan(page, server, lang)
    page.goto(url(server, "moede/apv", lang))
    row = page.locator(".kc-plan-row").first
    assert row.locator("[data-row-field=problem]").input_value() == "Lang ventetid, når brevene går ud"
    row.locator("[data-row-field=priority]").select_option("high")
    row.locator("[data-row-field=permanent]").check()
    page.fill("[data-plan-field=name]", "Team Nord 2027")
    before = work_of(page)
    assert "ikke" in page.locator(".kc-workfile__status").first.inner_text().lower() or \
        "not yet" in page.locator(".kc-workfile__status").first.inner_text()
    with page.expect_download() as info:
        page.click(".kc-workfile [data-action=save-file]")
    saved = tmp_path / "work.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["format"] == "kontaktcenter-trivsel/work"
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator(".kc-plan-row [data-row-field=problem]").first.input_value() == ""
    page.set_input_files(".kc-workfile [data-workfile-input]", str(saved))
    wait_until(lambda: page.locator(".kc-plan-row textarea").first.input_value() != "")
    after = work_of(page)
    for key in ("checklists", "meetings", "plans"):
        assert after[key] == before[key], key
    page.goto(url(server, "moede/dagsorden/tidspres", lang))
    assert page.input_value("[data-meeting-field=participants]") == "Anna, Bo, Cem"
    assert page.is_checked("#tidspres-04-box")


def test_a_corrupt_or_foreign_file_changes_nothing(server, context, tmp_path):
    page = context.new_page()
    fill_meeting_and_plan(page, server, "da")
    before = work_of(page)
    for name, text, word in (("broken.json", "{not json", "kan ikke læses"),
                             ("other.json", '{"format": "something-else", "version": 1}', "ikke en arbejdsfil"),
                             ("newer.json", '{"format": "kontaktcenter-trivsel/work", "version": 99}', "nyere")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.set_input_files(".kc-workfile [data-workfile-input]", str(path))
        wait_until(lambda: word in page.locator(".kc-workfile__status").first.inner_text())
        assert "Intet er ændret" in page.locator(".kc-workfile__status").first.inner_text()
        assert work_of(page)["plans"] == before["plans"]


def test_when_storage_fails_the_page_says_so_and_the_file_still_saves(server, browser):
    ctx = browser.new_context()
    ctx.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = ctx.new_page()
    page.goto(url(server, "moede/apv", "en"))
    status = page.locator(".kc-workfile__status").first
    assert "does not save" in status.inner_text()
    page.locator(".kc-plan-row [data-row-field=action]").first.fill("Quiet room")
    with page.expect_download() as info:
        page.click(".kc-workfile [data-action=save-file]")
    assert "Quiet room" in open(info.value.path(), encoding="utf-8").read()
    ctx.close()


def test_the_plan_csv_is_spreadsheet_safe(server, context):
    page = context.new_page()
    page.goto(url(server, "moede/apv", "da"))
    page.locator(".kc-plan-row [data-row-field=action]").first.fill('=HYPERLINK("http://x","y")')
    page.locator(".kc-plan-row [data-row-field=who]").first.fill("Teamleder; MED")
    with page.expect_download() as info:
        page.click("[data-kc-plan] [data-action=csv]")
    lines = open(info.value.path(), encoding="utf-8-sig").read().splitlines()
    assert lines[0].startswith("Problem;Fra;Handling;")
    assert "'=HYPERLINK" in lines[1] and '"Teamleder; MED"' in lines[1]
    page.goto(url(server, "moede/apv", "en"))
    with page.expect_download() as info:
        page.click("[data-kc-plan] [data-action=csv]")
    english = open(info.value.path(), encoding="utf-8").read()
    assert not english.startswith("\ufeff") and english.splitlines()[0].startswith("Problem,From,Action,")


def test_a_cleared_plan_asks_first_and_removing_a_row_too(server, context):
    page = context.new_page()
    page.goto(url(server, "moede/apv", "nb"))
    page.locator(".kc-plan-row [data-row-field=action]").first.fill("Stille rom")
    page.once("dialog", lambda d: d.dismiss())
    page.click("[data-kc-plan] [data-action=clear]")
    assert page.locator(".kc-plan-row [data-row-field=action]").first.input_value() == "Stille rom"
    page.once("dialog", lambda d: d.dismiss())
    page.click(".kc-plan-row [data-action=remove-row]")
    assert page.locator(".kc-plan-row").count() == 1 and work_of(page)["plans"][0]["rows"][0]["action"] == "Stille rom"


@pytest.mark.parametrize("lang", LANGS)
def test_no_sideways_scroll_on_a_phone(lang, server, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    for page_id in ("moede/apv", "moede/dagsorden/tidspres"):
        page.goto(url(server, page_id, lang))
        page.click("[data-kc-plan] [data-action=add]") if page_id == "moede/apv" else None
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, (page_id, lang)
    ctx.close()


def test_the_printed_plan_and_sheet_show_the_full_texts_and_ticks(server, context, tmp_path):
    from pypdf import PdfReader
    page = context.new_page()
    long_text = "Økonomi viser brevet en måned før, og teamet skriver et fælles svarark. " * 4
    page.goto(url(server, "moede/apv", "da"))
    page.locator(".kc-plan-row [data-row-field=action]").first.fill(long_text.strip())
    page.locator(".kc-plan-row [data-row-field=due]").first.fill("2027-03-01")
    page.check("#tidspres-02-box")
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert " ".join(long_text.split()) in text
    assert "1. marts 2027" in text and "mm/dd" not in text
    assert "✓" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_filled_meeting_sheet_prints_on_one_page(lang, server, context, tmp_path):
    from pypdf import PdfReader
    page = context.new_page()
    fill_meeting_and_plan(page, server, lang)
    pdf = tmp_path / "sheet.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) == 1, lang
    assert "Anna, Bo, Cem" in text and "Brevene fra økonomi kommer uden varsel." in text and "✓" in text
    assert "Lang ventetid, når brevene går ud" in text
