"""Programmes: from items to a timed agenda, totals and a calendar file.

Plain functions on the model; the pages, the handout and the .ics all read
the same Schedule, so clock times and totals are computed in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DAY_LIMIT = 8 * 60  # minutes


@dataclass(frozen=True)
class Slot:
    start: int  # minutes after midnight
    end: int
    kind: str  # "module", "break" or "session"
    module_id: str | None
    title: dict  # language -> title
    teaching: int
    exercise: int

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


def split_minutes(total: int, teaching: int, exercise: int) -> tuple[int, int]:
    """Share an overridden length between teaching and exercise as the module does."""
    own = teaching + exercise
    if own == 0:
        return total, 0
    t = round(total * teaching / own)
    return t, total - t


def schedule(programme, modules: dict) -> list[Day]:
    """Clock times for every item, day by day."""
    days = []
    for number, day in enumerate(programme.days, 1):
        now, slots = parse_clock(day.start), []
        for item in day.items:
            if item.kind == "module":
                module = modules[item.module_id]
                own = module.teaching + module.exercise
                length = item.minutes or own
                teaching, exercise = split_minutes(length, module.teaching, module.exercise) \
                    if item.minutes else (module.teaching, module.exercise)
                slots.append(Slot(now, now + length, "module", module.id, module.title, teaching, exercise))
            elif item.kind == "break":
                length = item.minutes
                slots.append(Slot(now, now + length, "break", None, item.title, 0, 0))
            else:
                length = item.minutes
                slots.append(Slot(now, now + length, "session", None, item.title, length, 0))
            now += length
        days.append(Day(number, tuple(slots)))
    return days


def totals(days: list[Day]) -> dict[str, int]:
    t = {"teaching": 0, "exercise": 0, "break": 0}
    for day in days:
        for slot in day.slots:
            t["teaching"] += slot.teaching
            t["exercise"] += slot.exercise
            if slot.kind == "break":
                t["break"] += slot.minutes
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


def ics(programme_id: str, title: str, days: list[Day], first_day: dt.date, lang: str, url: str,
        stamp: str) -> str:
    """A calendar of the agenda: one event per item, floating local time, day N = first day + N-1 weekdays."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kontaktcenter-trivsel//curriculum//" + lang.upper(),
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(title)}"]
    date = first_day
    for day in days:
        if day.number > 1:
            date += dt.timedelta(days=1)
            while date.weekday() >= 5:  # training days are weekdays
                date += dt.timedelta(days=1)
        for n, slot in enumerate(day.slots, 1):
            start = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=slot.start)
            end = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=slot.end)
            lines += ["BEGIN:VEVENT",
                      f"UID:{programme_id}-{lang}-d{day.number}-{n}@kontaktcenter-trivsel",
                      f"DTSTAMP:{stamp}",
                      f"DTSTART:{start:%Y%m%dT%H%M%S}",
                      f"DTEND:{end:%Y%m%dT%H%M%S}",
                      f"SUMMARY:{_ics_text(slot.title[lang])}",
                      f"URL:{url}",
                      "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
