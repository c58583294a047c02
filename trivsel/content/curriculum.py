"""Programmes: from items to a timed agenda, totals and a calendar file.

Plain functions on the model; the pages, the handout and the .ics all read
the same Schedule, so clock times and totals are computed in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    start: int  # minutes after midnight
    end: int
    kind: str  # "module", "break" or "session"
    module_id: str | None
    title: dict  # language -> title
    teaching: int
    exercise: int
    live_calls: bool = False
    short: bool = False

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Day:
    number: int
    slots: tuple[Slot, ...]

    def total(self, kind: str) -> int:
        return sum(getattr(s, kind) if kind in ("teaching", "exercise") else s.minutes
                   for s in self.slots if kind in ("teaching", "exercise") or s.kind == kind)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def schedule(programme, modules: dict) -> list[Day]:
    """Clock times for every item, day by day."""
    days = []
    for number, day in enumerate(programme.days, 1):
        now, slots = parse_clock(day.start), []
        for item in day.items:
            if item.kind == "module":
                module = modules[item.module_id]
                short = module.short if item.short else None
                teaching, exercise = (short.teaching, short.exercise) if short else (module.teaching, module.exercise)
                length = teaching + exercise
                slots.append(Slot(now, now + length, "module", module.id, module.title, teaching, exercise,
                                  short=short is not None))
            elif item.kind == "break":
                length = item.minutes
                slots.append(Slot(now, now + length, "break", None, item.title, 0, 0))
            else:
                length = item.minutes
                # Live calls are work, not teaching: counted apart.
                slots.append(Slot(now, now + length, "session", None, item.title, 0 if item.live_calls else length, 0,
                                  live_calls=item.live_calls))
            now += length
        days.append(Day(number, tuple(slots)))
    return days


def totals(days: list[Day]) -> dict[str, int]:
    t = {"teaching": 0, "exercise": 0, "break": 0, "live_calls": 0}
    for day in days:
        for slot in day.slots:
            t["teaching"] += slot.teaching
            t["exercise"] += slot.exercise
            if slot.kind == "break":
                t["break"] += slot.minutes
            if slot.live_calls:
                t["live_calls"] += slot.minutes
    t["total"] = sum(slot.minutes for day in days for slot in day.slots)
    return t


def _ics_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545: lines longer than 75 octets are folded."""
    out, data = [], line.encode("utf-8")
    while len(data) > 75:
        cut = 75 if not out else 74
        while (data[cut] & 0xC0) == 0x80:  # do not split a UTF-8 character
            cut -= 1
        out.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    out.append(data.decode("utf-8"))
    return [out[0]] + [" " + part for part in out[1:]]


# Denmark and Norway share the EU's summer-time rules (last Sunday of March and October).
_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:{tz}
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


def day_dates(days: list[Day], first_day: dt.date, after: list[int]) -> list[dt.date]:
    """The date of each day: day 1 on ``first_day``, each next one ``after`` working days later."""
    out, date = [], first_day
    for i, _ in enumerate(days):
        if i:
            for _ in range(after[i]):
                date += dt.timedelta(days=1)
                while date.weekday() >= 5:  # training days are weekdays
                    date += dt.timedelta(days=1)
        out.append(date)
    return out


def calendar_events(days: list[Day], dates: list[dt.date], with_breaks: bool = False):
    """(date, slot, break slots folded in) per event; breaks become their own events only if asked."""
    for day, date in zip(days, dates):
        events = []
        for slot in day.slots:
            if slot.kind == "break" and not with_breaks and events:
                events[-1][2].append(slot)
            elif slot.kind != "break" or with_breaks:
                events.append([date, slot, []])
        yield from ((d, s, tuple(b)) for d, s, b in events)


def ics(programme_id: str, title: str, days: list[Day], dates: list[dt.date], lang: str, link, timezone: str,
        stamp: str, break_label: str, with_breaks: bool = False) -> str:
    """A calendar of the agenda in the programme's time zone (VTIMEZONE, TZID on every time).

    ``link(slot, day)`` gives each event's address: a module's page, a session's day on the
    programme page. A break is folded into the event before it (named in its description)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kontaktcenter-trivsel//curriculum//" + lang.upper(),
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(title)}", f"X-WR-TIMEZONE:{timezone}",
             *_VTIMEZONE.format(tz=timezone).splitlines()]
    day_of = {id(slot): day for day in days for slot in day.slots}
    for n, (date, slot, breaks) in enumerate(calendar_events(days, dates, with_breaks), 1):
        start = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=slot.start)
        end = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=slot.end)
        day = day_of[id(slot)]
        note = "; ".join(f"{_ics_text(b.title[lang])} {clock(b.start)}–{clock(b.end)}" for b in breaks)
        lines += ["BEGIN:VEVENT",
                  f"UID:{programme_id}-{lang}-d{day.number}-{clock(slot.start).replace(':', '')}@kontaktcenter-trivsel",
                  f"DTSTAMP:{stamp}",
                  f"DTSTART;TZID={timezone}:{start:%Y%m%dT%H%M%S}",
                  f"DTEND;TZID={timezone}:{end:%Y%m%dT%H%M%S}",
                  f"SUMMARY:{_ics_text(slot.title[lang])}",
                  f"URL:{link(slot, day)}"]
        if note:
            lines.append(f"DESCRIPTION:{_ics_text(break_label)}: {note}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
