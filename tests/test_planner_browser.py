"""The programme planner in Chromium: the same clock times and verdicts as the build's
scheduler, a trainer's week from the Norwegian programme page to the English share link,
and a YAML export that the build reads back as the same agenda."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from conftest import LANGS, ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    from trivsel.content.model import load_model
    return load_model(ROOT / "content", LANGS, ROOT)


def python_view(model, plan: dict, lang: str) -> tuple[list[list[str]], list[dict]]:
    """Clock times per day and the verdicts, from the build's own functions."""
    from trivsel.content.curriculum import clock, schedule
    from trivsel.content.model import programme_days
    from trivsel.content.programme_rules import verdicts
    by_id = {m.id: m for m in model.modules}
    days = programme_days(plan["days"], by_id)
    times = [[f"{clock(s.start)}–{clock(s.end)}" for s in day.slots] for day in schedule(SimpleNamespace(days=days), by_id)]
    return times, [v.as_dict() for v in verdicts(days, by_id, model.programme_rules)]


JS_VIEW = """plan => {
  const data = window.kcPlanner.data();
  return [kcPlan.schedule(plan, data).map(d => d.slots.map(s => kcPlan.clock(s.start) + "–" + kcPlan.clock(s.end))),
          kcPlan.verdicts(plan, data)];
}"""


def changed_plans(plan: dict) -> list[dict]:
    """Plans that break the rules in different ways, made from a shipped one."""
    out = []
    reversed_days = json.loads(json.dumps(plan))
    for day in reversed_days["days"]:
        day["items"].reverse()
    out.append(reversed_days)
    no_breaks = json.loads(json.dumps(plan))
    for day in no_breaks["days"]:
        day["items"] = [i for i in day["items"] if "break" not in i]
    out.append(no_breaks)
    late = json.loads(json.dumps(plan))
    for day in late["days"]:
        day["start"] = "23:00"
    late["days"].reverse()  # later modules first: prerequisites and live calls out of order
    out.append(late)
    return out


def day_times(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        ".kc-planner__day", "days => days.map(d => [...d.querySelectorAll('[data-time]')].map(t => t.textContent))")


def test_every_shipped_programme_gives_the_builds_times_and_verdicts(server, browser, model):
    from trivsel.expand.planner import programme_plan
    page = browser.new_page()
    page.on("dialog", lambda d: d.accept())  # yes, replace the plan with the next programme
    for programme in model.programmes:
        plan = programme_plan(programme)
        page.goto(server.base + f"en/program/planlaegger/?programme={programme.id}")
        page.wait_for_selector(".kc-planner__day")
        times, found = python_view(model, plan, "en")
        assert day_times(page) == times, programme.id
        assert found == [] and page.locator(".kc-planner__warning").count() == 0, programme.id
        assert page.evaluate("window.kcPlanner.plan()") == plan
        broken = set()
        for n, changed in enumerate(changed_plans(plan)):
            times, found = python_view(model, changed, "en")
            js_times, js_found = page.evaluate(JS_VIEW, changed)
            assert (js_times, js_found) == (times, found), f"{programme.id}, change {n}"
            broken |= {v["rule"] for v in found}
        assert len(broken) >= 2, f"{programme.id}: the changes should break rules ({broken})"
    page.close()


def test_a_trainer_plans_the_first_week(server, browser, model, tmp_path):
    from pypdf import PdfReader
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    page = context.new_page()
    page.goto(server.base + "nb/program/forste-uke/")
    page.get_by_role("link", name="Åpne i planleggeren").click()
    page.wait_for_selector(".kc-planner__day")
    assert page.url == server.base + "nb/program/planlaegger/"  # the fragment is read, then dropped
    assert page.locator("[data-template]").input_value() == "forste-uke"
    assert page.locator("[data-planner-totals]").get_attribute("aria-live") == "polite"

    # Day 2 starts at 09:00.
    start = page.locator('[data-key="d1-start"]')
    start.fill("09:00")
    start.dispatch_event("change")
    assert day_times(page)[1][0] == "09:00–10:15"
    # Swap two modules on day 1, with the keyboard: the voice module goes up past the break.
    up = page.get_by_role("button", name="Flytt opp: Empatisk kommunikasjon")
    up.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # focus stays on the moved item's button
    titles = page.eval_on_selector_all('.kc-planner__day[data-day="0"] .kc-planner__title a', "a => a.map(x => x.textContent)")
    assert titles[:2] == ["Empatisk kommunikasjon", "Smilet i stemmen – emosjonelt arbeid"]
    assert "Empatisk kommunikasjon ligger nå på dag 1 som punkt 3" in page.locator("[data-planner-status]").inner_text()
    # The warnings: the build's verdicts for this plan, beside the items, in Norwegian.
    plan = page.evaluate("window.kcPlanner.plan()")
    times, found = python_view(model, plan, "nb")
    assert day_times(page) == times
    assert found and [v["rule"] for v in found] == page.eval_on_selector_all(
        ".kc-planner__warning", "w => w.map(x => x.dataset.rule)")
    assert "uten pause" in page.locator(".kc-planner__warning").first.inner_text()
    assert "1 advarsel" in page.locator("[data-planner-totals]").inner_text()
    # Kept in the browser's work, so it goes into the work file.
    kept = page.evaluate("JSON.parse(localStorage.getItem('kc-work')).programme.plan")
    assert kept == plan

    # Print: the agenda alone, on one A4 page.
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    reader = PdfReader(pdf)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1 and re.search(r"09:00[–-]10:15", text) and "Dag 5" in text
    assert "Flytt opp" not in text and "Planlegg et program" not in text
    assert round(float(reader.pages[0].mediabox.width)) == 595

    # The calendar file: real dates, a time zone, each module linked.
    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned kalenderfil (.ics)").click()
    ics = info.value.path().read_bytes().decode("utf-8").replace("\r\n ", "")  # unfolded
    events = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", ics, re.S)
    assert len(events) == sum(1 for day in plan["days"] for i in day["items"] if "break" not in i)
    assert all("DTSTART;TZID=Europe/Oslo:" in e and "DTEND;TZID=Europe/Oslo:" in e for e in events)
    assert "DTSTART;TZID=Europe/Oslo:20270105T090000" in ics  # day 2, Tuesday 5 January, at 09:00
    modules = [e for e in events if "/moduler/" in e]
    assert modules and all(re.search(r"URL:" + re.escape(server.base) + r"nb/moduler/[a-z-]+/\r\n", e) for e in modules)

    # The share link opens the same plan in English.
    page.get_by_role("button", name="Kopier lenke til planen").click()
    link = page.locator("[data-share-link]").input_value()
    assert link == page.evaluate("navigator.clipboard.readText()") and "#plan=" in link
    english = context.new_page()
    english.goto(link.replace("/nb/", "/en/"))
    english.wait_for_selector(".kc-planner__day")
    assert day_times(english) == times
    assert english.locator(".kc-planner__warning").first.inner_text().startswith("Warning")
    assert english.evaluate("window.kcPlanner.plan()") == plan
    context.close()


def test_a_template_never_replaces_a_plan_without_asking(server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.base + "program/planlaegger/?programme=forste-uke")
    page.wait_for_selector(".kc-planner__day")
    page.get_by_role("button", name="Fjern: Smilet i stemmen – følelsesmæssigt arbejde").click()
    mine = page.evaluate("window.kcPlanner.plan()")
    asked = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.goto(server.base + "program/planlaegger/?programme=serviceuke")
    page.wait_for_selector(".kc-planner__day")
    assert asked and "Erstat din plan" in asked[0]
    assert page.evaluate("window.kcPlanner.plan()") == mine
    page.locator("[data-template]").select_option("")
    page.get_by_role("button", name="Brug", exact=True).click()
    assert len(asked) == 2 and page.evaluate("window.kcPlanner.plan()") == mine
    page.goto(server.base + "program/planlaegger/#plan=bm90IGEgcGxhbg")
    page.wait_for_selector(".kc-planner__day")
    assert "Linket indeholder ikke en plan" in page.locator("[data-planner-status]").inner_text()
    assert page.evaluate("window.kcPlanner.plan()") == mine
    context.close()


def test_the_yaml_export_builds_the_same_agenda(server, browser, model, tmp_path):
    """Export each shipped programme, and a changed one, add it to a copy of the content, load it."""
    import shutil
    from trivsel.content.curriculum import clock, schedule
    from trivsel.content.model import load_model
    page = browser.new_page()
    page.goto(server.base + "nb/program/planlaegger/?programme=serviceuke")
    page.wait_for_selector(".kc-planner__day")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    expected = {}
    for programme in model.programmes:
        plan = page.evaluate("id => kcPlan.fromProgramme(window.kcPlanner.data(), id)", programme.id)
        if programme.id == "serviceuke":
            plan["days"][0]["start"] = "10:15"
            plan["days"].append({"start": "12:00", "after": 3, "items": [
                {"module": "debrifing", "version": "short"},
                {"session": {"title": {"da": "Vores eget", "nb": "Vores eget", "en": "Vores eget"}, "minutes": 45}}]})
        yaml = page.evaluate("plan => kcPlan.toYaml(plan, window.kcPlanner.data())", plan)
        (content / "programmes" / f"eksport-{programme.id}.yml").write_text(yaml, encoding="utf-8")
        expected[f"eksport-{programme.id}"] = page.evaluate(JS_VIEW, plan)[0]
    page.close()
    loaded = load_model(content, LANGS, tmp_path)
    by_id = {m.id: m for m in loaded.modules}
    for p in loaded.programmes:
        if p.id in expected:
            got = [[f"{clock(s.start)}–{clock(s.end)}" for s in d.slots] for d in schedule(p, by_id)]
            assert got == expected.pop(p.id), p.id
    assert not expected


def test_drag_and_drop_moves_an_item_to_another_day(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 2400})  # both items on screen: no scrolling mid-drag
    page.goto(server.base + "en/program/planlaegger/?programme=forste-uke")
    page.wait_for_selector(".kc-planner__day")
    first = page.evaluate("window.kcPlanner.plan().days[0].items[0]")
    source = page.locator('.kc-planner__day[data-day="0"] li[data-item="0"] .kc-planner__time')
    target = page.locator('.kc-planner__day[data-day="1"] li[data-item="0"] .kc-planner__time')
    source.drag_to(target, target_position={"x": 5, "y": 2})  # the upper half: before that item
    plan = page.evaluate("window.kcPlanner.plan()")
    assert plan["days"][1]["items"][0] == first and plan["days"][0]["items"][0] != first
    assert "is now on day 2, item 1" in page.locator("[data-planner-status]").inner_text()
    page.close()
