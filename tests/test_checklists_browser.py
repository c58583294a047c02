"""Checklists and the action plan in the browser: saved locally, exported as CSV."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import DEFAULT_LANG
from trivsel.pages import page_url

pytestmark = pytest.mark.browser


def read_csv(download) -> list[list[str]]:
    data = open(download.path(), encoding="utf-8-sig").read()
    return list(csv.reader(io.StringIO(data)))


def test_ticks_survive_a_reload_and_the_csv_holds_them(server, context):
    page = context.new_page()
    page.goto(server.base + page_url("temaer/tidspres", "nb", DEFAULT_LANG))
    tools = page.locator(".kc-checklist-tools")
    assert tools.is_visible()
    page.check("#tidspres-03-box")
    page.check("#tidspres-05-box")
    assert "2 av" in page.locator(".kc-checklist-status").inner_text()
    page.reload()
    assert page.is_checked("#tidspres-03-box") and page.is_checked("#tidspres-05-box")
    assert not page.is_checked("#tidspres-01-box")
    with page.expect_download() as info:
        page.click("[data-action=csv]")
    assert info.value.suggested_filename == "tidspres.csv"
    rows = read_csv(info.value)
    assert rows[0] == ["punkt", "tekst", "avkrysset"]
    ticked = {r[0] for r in rows[1:] if r[2] == "ja"}
    assert ticked == {"tidspres-03", "tidspres-05"}
    assert all(r[1] for r in rows[1:])  # the item's text in the page's language
    # The same ids in every language: the tick shows on the English page too.
    page.goto(server.base + page_url("temaer/tidspres", "en", DEFAULT_LANG))
    assert page.is_checked("#tidspres-03-box")
    page.click("[data-action=clear]")
    page.reload()
    assert not page.is_checked("#tidspres-03-box")


def test_item_anchor_leads_to_the_item(server, context):
    page = context.new_page()
    page.goto(server.base + page_url("temaer/tidspres", "en", DEFAULT_LANG) + "#tidspres-03")
    top = page.evaluate("document.getElementById('tidspres-03').getBoundingClientRect().top")
    assert 0 <= top < 300


def test_action_plan_is_saved_and_exported(server, context):
    page = context.new_page()
    page.goto(server.base + page_url("moede/apv", "da", DEFAULT_LANG))
    first = page.locator("table.kc-action-plan tbody tr").first
    first.locator("input[name=what]").fill("Fast tid til efterbehandling")
    first.locator("input[name=who]").fill("Teamleder")
    first.locator("input[name=due]").fill("2027-02-01")
    page.click("[data-action=add]")
    assert page.locator("table.kc-action-plan tbody tr").count() == 7
    page.reload()
    assert page.locator("table.kc-action-plan tbody tr").first.locator("input[name=what]").input_value() \
        == "Fast tid til efterbehandling"
    with page.expect_download() as info:
        page.locator(".kc-action-tools [data-action=csv]").click()
    rows = read_csv(info.value)
    assert rows == [["Hvad gør vi?", "Hvem", "Senest", "Opfølgning"],
                    ["Fast tid til efterbehandling", "Teamleder", "2027-02-01", ""]]
