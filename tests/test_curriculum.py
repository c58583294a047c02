"""The curriculum generator: clock times, totals, calendar files and bad programmes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from conftest import LANGS, problems_of
from trivsel.curriculum import ics, schedule, split_minutes, totals
from trivsel.model import Module, Programme, ProgrammeDay, ProgrammeItem

T = {"da": "x", "nb": "x", "en": "x"}


def module(mid, teaching, exercise, pre=()):
    return Module(mid, {"da": mid, "nb": mid, "en": mid}, T, T, teaching, exercise, tuple(pre), (), (), (), (), "")


def test_clock_times_and_totals():
    mods = {"a": module("a", 40, 50), "b": module("b", 25, 35)}
    prog = Programme("p", T, T, T, "2027-01-04", (
        ProgrammeDay("08:30", (ProgrammeItem("module", "a"), ProgrammeItem("break", minutes=15, title=T),
                               ProgrammeItem("module", "b", minutes=45),
                               ProgrammeItem("session", minutes=30, title=T))),
        ProgrammeDay("13:05", (ProgrammeItem("module", "b"),)),
    ), "")
    days = schedule(prog, mods)
    first = [(s.start, s.end) for s in days[0].slots]
    assert first == [(510, 600), (600, 615), (615, 660), (660, 690)]  # 08:30-10:00-10:15-11:00-11:30
    assert [(s.teaching, s.exercise) for s in days[0].slots] == [(40, 50), (0, 0), (19, 26), (30, 0)]
    assert (days[1].slots[0].start, days[1].slots[0].end) == (785, 845)
    assert totals(days) == {"teaching": 40 + 19 + 30 + 25, "exercise": 50 + 26 + 35, "break": 15,
                            "total": 180 + 60}


def test_override_keeps_the_module_split():
    assert split_minutes(60, 40, 50) == (27, 33)
    assert split_minutes(45, 0, 30) == (0, 45)
    assert sum(split_minutes(7, 1, 1)) == 7


def test_calendar_file_parses_and_has_every_item():
    mods = {"a": module("a", 30, 30)}
    prog = Programme("p", T, T, T, "2027-01-08", (
        ProgrammeDay("09:00", (ProgrammeItem("module", "a"),)),
        ProgrammeDay("09:00", (ProgrammeItem("break", minutes=15, title={"da": "Pause, kaffe; te", "nb": "", "en": ""}),)),
    ), "")
    text = ics("p", "Første uge", schedule(prog, mods), dt.date(2027, 1, 8), "da", "https://x/", "20261101T000000Z")
    cal = icalendar.Calendar.from_ical(text)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == 2
    assert events[0].decoded("dtstart") == dt.datetime(2027, 1, 8, 9, 0)
    assert events[0].decoded("dtend") == dt.datetime(2027, 1, 8, 10, 0)
    # Day 2 falls on the next weekday: Friday 8 January -> Monday 11 January.
    assert events[1].decoded("dtstart") == dt.datetime(2027, 1, 11, 9, 0)
    assert str(events[1]["summary"]) == "Pause, kaffe; te"
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_built_calendar_files_parse(site):
    import json
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in catalog["programmes"]} == {"forste-uke", "serviceuke", "etter-en-hendelse"}
    for p in catalog["programmes"]:
        for lang in LANGS:
            cal = icalendar.Calendar.from_ical((site / p["ics"][lang]).read_bytes())
            events = [c for c in cal.walk() if c.name == "VEVENT"]
            assert len(events) == sum(len(d["items"]) for d in p["days"])
            total = sum((e.decoded("dtend") - e.decoded("dtstart")).seconds // 60 for e in events)
            assert total == p["total_minutes"]
    forste = next(p for p in catalog["programmes"] if p["id"] == "forste-uke")
    assert len(forste["days"]) == 5


def test_module_anchors_are_the_same_in_every_language(site):
    import json
    import re
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog["modules"]) == 10
    for mod in catalog["modules"]:
        assert any(a.startswith("ovelse-") for a in mod["anchors"]), mod["id"]
        for lang in LANGS:
            html = (site / mod["url"][lang] / "index.html").read_text(encoding="utf-8")
            ids = re.findall(r'<h[23][^>]* id="([^"]+)"', html)
            # The same sections everywhere; the rules come in the reader's country's order.
            assert sorted(ids) == sorted(mod["anchors"]), (mod["id"], lang)
    stemmen = next(m for m in catalog["modules"] if m["id"] == "stemmen")
    assert "ovelse-tempo" in stemmen["anchors"]


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
    edit(content / "programmes" / "forste-uke.yml", "          minutes: 90", "          minutes: 290")
    msgs = problems_of(content)
    assert any("day 1 is 9 h 20 min long; a day may last at most 8 hours" in m for m in msgs), msgs


def test_negative_and_missing_minutes(content):
    edit(content / "programmes" / "etter-en-hendelse.yml", "minutes: 15", "minutes: -5")
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
