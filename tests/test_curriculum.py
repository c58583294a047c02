"""The curriculum generator: clock times, totals, calendar files and bad programmes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar

from conftest import LANGS, problems_of
from trivsel.content.curriculum import day_dates, ics, schedule, totals
from trivsel.content.model import Module, Programme, ProgrammeDay, ProgrammeItem, ShortVersion

T = {"da": "x", "nb": "x", "en": "x"}


def module(mid, teaching, exercise, pre=(), short=None):
    return Module(mid, {"da": mid, "nb": mid, "en": mid}, T, T, teaching, exercise, tuple(pre), (), (), (), (), "",
                  short=short)


def test_clock_times_and_totals():
    short = ShortVersion(20, 25, ("a",), ("b",))
    mods = {"a": module("a", 40, 50), "b": module("b", 25, 35, short=short)}
    prog = Programme("p", T, T, T, "2027-01-04", (
        ProgrammeDay("08:30", (ProgrammeItem("module", "a"), ProgrammeItem("break", minutes=15, title=T),
                               ProgrammeItem("module", "b", short=True),
                               ProgrammeItem("session", minutes=30, title=T, live_calls=True))),
        ProgrammeDay("13:05", (ProgrammeItem("module", "b"),)),
    ), "")
    days = schedule(prog, mods)
    first = [(s.start, s.end) for s in days[0].slots]
    assert first == [(510, 600), (600, 615), (615, 660), (660, 690)]  # 08:30-10:00-10:15-11:00-11:30
    # The short version's own split; live calls are not teaching.
    assert [(s.teaching, s.exercise) for s in days[0].slots] == [(40, 50), (0, 0), (20, 25), (0, 0)]
    assert (days[1].slots[0].start, days[1].slots[0].end) == (785, 845)
    assert totals(days) == {"teaching": 40 + 20 + 25, "exercise": 50 + 25 + 35, "break": 15, "live_calls": 30,
                            "total": 180 + 60}


def test_calendar_file_has_a_time_zone_links_and_folds_breaks():
    mods = {"a": module("a", 30, 30)}
    prog = Programme("p", T, T, T, "2027-01-08", (
        ProgrammeDay("09:00", (ProgrammeItem("module", "a"),
                               ProgrammeItem("break", minutes=15, title={"da": "Pause, kaffe; te", "nb": "", "en": ""}),
                               ProgrammeItem("session", minutes=30, title=T))),
        ProgrammeDay("09:00", (ProgrammeItem("session", minutes=60, title=T),), after=3),
    ), "", "Europe/Oslo")
    days = schedule(prog, mods)
    dates = day_dates(days, dt.date(2027, 1, 8), [d.after for d in prog.days])
    link = lambda slot, day: f"https://x/{slot.module_id or 'p'}/#dag-{day.number}"  # noqa: E731
    text = ics("p", "Første uge", days, dates, "da", link, "Europe/Oslo", "20261101T000000Z", "Pauser")
    cal = icalendar.Calendar.from_ical(text)
    [tz] = [c for c in cal.walk() if c.name == "VTIMEZONE"]
    assert str(tz["tzid"]) == "Europe/Oslo"
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == 3  # the break is folded into the module before it
    start = events[0].decoded("dtstart")
    assert start.replace(tzinfo=None) == dt.datetime(2027, 1, 8, 9, 0)
    assert start.utcoffset() == dt.timedelta(hours=1)  # CET in January
    assert events[0]["dtstart"].params["TZID"] == "Europe/Oslo"
    assert "Pause, kaffe; te 10:00–10:15" in str(events[0]["description"])
    assert str(events[0]["url"]) == "https://x/a/#dag-1"
    # Day 2 is three working days after Friday 8 January: Wednesday 13 January.
    assert events[2].decoded("dtstart").replace(tzinfo=None) == dt.datetime(2027, 1, 13, 9, 0)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_shipped_calendars_parse_with_their_time_zone(site):
    import json
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    for prog in catalog["programmes"]:
        for lang in LANGS:
            cal = icalendar.Calendar.from_ical((site / prog["ics"][lang]).read_text(encoding="utf-8"))
            events = [c for c in cal.walk() if c.name == "VEVENT"]
            assert events and all(e["dtstart"].params["TZID"] == prog["timezone"] for e in events)
            assert all(str(e["url"]).startswith("https://") for e in events)
            assert not any(str(e["summary"]) in ("Pause", "Frokost", "Lunsj", "Lunch", "Break") for e in events)


# --- bad programmes and modules -------------------------------------------------

def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_module_in_a_programme(content):
    edit(content / "programmes" / "serviceuke.yml", "module: klart-sprak", "module: klart-sprog")
    [msg] = problems_of(content)
    assert "content/programmes/serviceuke.yml:" in msg and "unknown module 'klart-sprog'" in msg


def test_prerequisite_scheduled_after_its_dependant(content):
    path = content / "programmes" / "forste-uke.yml"
    # Swap day 2's empatisk-kommunikasjon with day 3's klart-sprak: stemmen (day 2) now comes first.
    edit(path, "- module: klart-sprak", "- module: PLACEHOLDER")
    edit(path, "- module: empatisk-kommunikasjon", "- module: klart-sprak")
    edit(path, "- module: PLACEHOLDER", "- module: empatisk-kommunikasjon")
    msgs = problems_of(content)
    assert any("'empatisk-kommunikasjon' is a prerequisite of 'stemmen' but comes after it" in m for m in msgs), msgs


def test_day_longer_than_eight_hours(content):
    edit(content / "programmes" / "forste-uke.yml", "          minutes: 60", "          minutes: 260")
    msgs = problems_of(content)
    assert any("day 1 is 8 h 50 min long; a day may last at most 8 hours" in m for m in msgs), msgs


def test_negative_and_missing_minutes(content):
    edit(content / "programmes" / "etter-en-hendelse.yml", "minutes: 20", "minutes: -5")
    edit(content / "modules" / "stemmen.yml", "  exercise:", "  exercice:")
    msgs = problems_of(content)
    assert any("etter-en-hendelse.yml" in m and "-5 is out of range" in m for m in msgs), msgs
    assert any("stemmen.yml" in m and "unknown field 'exercice'" in m for m in msgs), msgs


def test_missing_translation_in_a_programme(content):
    edit(content / "programmes" / "serviceuke.yml", "  en: The annual service week", "  fr: The annual service week")
    msgs = problems_of(content)
    assert any("serviceuke.yml" in m and "unknown language 'fr'" in m for m in msgs), msgs
    assert any("serviceuke.yml" in m and "missing the 'en' translation" in m for m in msgs), msgs


def test_prerequisites_in_a_circle(content):
    edit(content / "modules" / "empatisk-kommunikasjon.yml", "prerequisites: []", "prerequisites: [stemmen]")
    msgs = problems_of(content)
    assert any("prerequisites go round in a circle" in m for m in msgs), msgs


# --- programmes safe by construction -------------------------------------------

def test_live_calls_before_the_threats_module_stop_the_build(content):
    path = content / "programmes" / "forste-uke.yml"
    # Day 1's listening-in becomes live calls: the threats and set-response modules come on day 2.
    edit(path, 'minutes: 60\n  - start: "08:30"', 'minutes: 60\n          live_calls: true\n  - start: "08:30"')
    msgs = problems_of(content)
    line = next(m for m in msgs if "'svarberedskap' must come before any session with live calls" in m)
    assert line.startswith("content/programmes/forste-uke.yml:") and "day 1, item 7 has live calls" in line
    assert any("'trusler-og-selvskading' must come before" in m for m in msgs)


def test_a_block_of_100_minutes_without_a_break_stops_the_build(content):
    edit(content / "programmes" / "forste-uke.yml", "          minutes: 60", "          minutes: 100")
    msgs = problems_of(content)
    [line] = [m for m in msgs if "without a break" in m]
    assert line.startswith("content/programmes/forste-uke.yml:") and "day 1 runs 100 minutes without a break" in line


def test_a_shortened_module_needs_its_own_short_version(content):
    edit(content / "programmes" / "serviceuke.yml", "      - module: klart-sprak",
         "      - module: klart-sprak\n        version: short")
    [line] = problems_of(content)
    assert line.startswith("content/programmes/serviceuke.yml:") and "'klart-sprak' has no short version" in line
    assert "(guide: forfattere/fejl/#programme-rules)" in line


def test_minutes_cut_by_hand_are_refused(content):
    edit(content / "programmes" / "serviceuke.yml", "      - module: klart-sprak",
         "      - module: klart-sprak\n        minutes: 45")
    msgs = problems_of(content)
    assert any("serviceuke.yml" in m and "minutes" in m for m in msgs), msgs


def test_shipped_programmes_run_threat_training_before_live_calls(site):
    import json
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    first = next(p for p in catalog["programmes"] if p["id"] == "forste-uke")
    order = [i for d in first["days"] for i in d["items"]]
    live = next(n for n, i in enumerate(order) if i.get("live_calls"))
    for mid in ("svarberedskap", "trusler-og-selvskading"):
        assert next(n for n, i in enumerate(order) if i.get("module") == mid) < live
    assert first["live_call_minutes"] > 0
    after = next(p for p in catalog["programmes"] if p["id"] == "etter-en-hendelse")
    assert after["days"][1]["after"] >= 2  # follow-up days later
    assert {m["id"]: m["before_live_calls"] for m in catalog["modules"]}["trusler-og-selvskading"] is True


def test_module_order_comes_from_their_numbers(content):
    from conftest import problems_of
    path = content / "modules" / "stemmen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("number: 2 ", "number: 1 ", 1), encoding="utf-8")
    [line] = [l for l in problems_of(content) if "already used" in l]
    assert re.match(r"content/modules/stemmen\.yml:1: number: number 1 is already used by module "
                    r"'empatisk-kommunikasjon'", line), line
    path.write_text(path.read_text(encoding="utf-8").replace("number: 1 ", "number: 12 ", 1), encoding="utf-8")
    assert any("module numbers are [1, 3, 4, 5, 6, 7, 8, 9, 10, 12]" in l for l in problems_of(content))
