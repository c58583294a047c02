"""The rules a programme follows, as verdicts: one rule set for the build and the planner.

The limits and the planner's messages live in content/programme-rules.yml. The build
turns each verdict into a stop with a line number (model.py); the planner in the
browser (overrides/assets/javascripts/planner.js) computes the same verdicts from the
same data and shows them beside the item. tests/test_planner_browser.py runs both on
every shipped programme, and on changed ones, and compares.

A verdict is (rule, day, item, values): day and item count from 0; item is None for a
verdict about the whole day.
"""

from __future__ import annotations

from dataclasses import dataclass

RULES = ("day_length", "block_length", "prerequisite", "before_live_calls", "past_midnight")


@dataclass(frozen=True)
class ProgrammeRules:
    day_limit: int  # minutes a day may last
    max_block: int  # minutes of teaching or calls without a break
    messages: dict  # rule -> language -> text with {placeholders}


def rules_from(data: dict) -> ProgrammeRules:
    return ProgrammeRules(data["day_length"]["limit_minutes"], data["block_length"]["limit_minutes"],
                          {rule: data[rule]["message"] for rule in RULES})


@dataclass(frozen=True)
class Verdict:
    rule: str
    day: int
    item: int | None
    values: tuple[tuple[str, object], ...] = ()

    def value(self, name: str):
        return dict(self.values)[name]

    def as_dict(self) -> dict:
        return {"rule": self.rule, "day": self.day, "item": self.item,
                "values": {k: list(v) if isinstance(v, tuple) else v for k, v in self.values}}


def _clock_minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def verdicts(days, modules: dict, rules: ProgrammeRules) -> list[Verdict]:
    """Every rule the programme breaks, in reading order.

    ``days`` are ProgrammeDays (start "HH:MM", items with kind, module_id, minutes,
    live_calls); ``modules`` maps id to Module (prerequisites, before_live_calls).
    """
    out: list[Verdict] = []
    first_live = None
    position: dict[str, tuple[int, int]] = {}  # module -> where it is (its last place)
    for di, day in enumerate(days):
        length = sum(item.minutes or 0 for item in day.items)
        if length > rules.day_limit:
            out.append(Verdict("day_length", di, None, (("minutes", length), ("limit", rules.day_limit))))
        end = _clock_minutes(day.start) + length
        if end > 24 * 60:
            late = end - 24 * 60  # the clock the next day
            out.append(Verdict("past_midnight", di, None, (("end", f"{late // 60:02d}:{late % 60:02d}"),)))
        block, reported = 0, False
        for ii, item in enumerate(day.items):
            if item.kind == "break":
                block, reported = 0, False
                continue
            block += item.minutes or 0
            if block > rules.max_block and not reported:
                out.append(Verdict("block_length", di, ii, (("minutes", block), ("limit", rules.max_block))))
                reported = True  # one verdict per stretch
            if item.kind == "session" and item.live_calls and first_live is None:
                first_live = (di, ii)
            if item.kind == "module":
                position[item.module_id] = (di, ii)
                if modules[item.module_id].before_live_calls and first_live is not None:
                    out.append(Verdict("before_live_calls", di, ii, (("day", first_live[0] + 1),
                                                                     ("calls_item", first_live[1]))))
    # A prerequisite in the same programme comes before the module that needs it;
    # the verdict sits on the module that comes too early.
    for mid, (di, ii) in position.items():
        for pre in modules[mid].prerequisites:
            if pre in position and position[pre] > (di, ii):
                out.append(Verdict("prerequisite", di, ii, (("prerequisite", pre),
                                                            ("prerequisite_at", position[pre]))))
    return sorted(out, key=lambda v: (v.day, -1 if v.item is None else v.item, RULES.index(v.rule)))
