import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const P = createRequire(import.meta.url)("../../overrides/assets/javascripts/planner.js");

function frozen(value) {
  if (value && typeof value === "object") {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

const T = (text) => ({ da: text, nb: text, en: text });
// Made-up modules for the tests; the real ones come from the build (tests/test_planner_browser.py).
const DATA = frozen({
  lang: "en",
  languages: ["da", "nb", "en"],
  rules: { day_limit: 480, max_block: 90, messages: {
    day_length: "{minutes} of {limit}", block_length: "{minutes} without a break",
    prerequisite: "before {prerequisite}", before_live_calls: "{module} before calls on day {day}",
    past_midnight: "ends {end}" } },
  modules: [
    { id: "basics", title: "Basics", url: "../basics/", teaching: 30, exercise: 30, short: { teaching: 20, exercise: 10 },
      prerequisites: [], before_live_calls: false, objectives: ["know the basics"] },
    { id: "threats", title: "Threats", url: "../threats/", teaching: 45, exercise: 30, short: null,
      prerequisites: ["basics"], before_live_calls: true, objectives: ["handle a threat", "get support"] },
  ],
  programmes: [],
  breaks: [{ break: 15, title: T("Break") }],
  sessions: [],
  new_plan: { title: T("Own"), summary: T("Sum"), audience: T("Aud") },
  timezones: ["Europe/Copenhagen", "Europe/Oslo"],
  hour_units: ["h", "min"],
  ics: { vtimezone: "BEGIN:VTIMEZONE\nTZID:{tz}\nEND:VTIMEZONE", prodid: "-//test//EN" },
  words: {},
});

function plan(days, extra = {}) {
  return frozen({ id: "test", title: T("A week"), summary: T("s"), audience: T("a"), timezone: "Europe/Oslo",
                  first_day: "2027-01-01", days, ...extra });
}
const calls = (minutes) => ({ session: { title: T("Calls"), minutes, live_calls: true } });
const brk = (minutes) => ({ break: minutes, title: T("Break") });

test("schedule gives clock times, short versions and live calls apart from teaching", () => {
  const p = plan([{ start: "08:30", items: [{ module: "basics", version: "short" }, brk(15), calls(60)] }]);
  const [day] = P.schedule(p, DATA);
  assert.deepEqual(day.slots.map((s) => [P.clock(s.start), P.clock(s.end)]), [["08:30", "09:00"], ["09:00", "09:15"], ["09:15", "10:15"]]);
  assert.equal(day.slots[0].short, true);
  assert.deepEqual(P.totals([day]), { total: 105, teaching: 20, exercise: 10, break: 15, live_calls: 60 });
});

test("days fall on working days, `after` working days apart", () => {
  // 2027-01-01 is a Friday: the next working day is Monday the 4th, two after that Wednesday the 6th.
  const p = plan([{ start: "09:00", items: [] }, { start: "09:00", items: [] }, { start: "09:00", after: 2, items: [] }]);
  assert.deepEqual(P.dayDates(p), ["2027-01-01", "2027-01-04", "2027-01-06"]);
});

test("a safe plan has no verdicts", () => {
  const p = plan([{ start: "08:30", items: [{ module: "basics" }, brk(15), { module: "threats" }, brk(15), calls(60)] }]);
  assert.deepEqual(P.verdicts(p, DATA), []);
});

test("verdicts: prerequisite, live calls first, long stretch, long day, past midnight", () => {
  const p = plan([
    { start: "20:00", items: [{ module: "threats" }, calls(90), brk(15), { module: "basics" }, calls(300)] },
    { start: "08:00", items: [calls(60), { module: "threats" }] },
  ]);
  const v = P.verdicts(p, DATA);
  assert.deepEqual(v.map((x) => [x.rule, x.day, x.item]), [
    ["day_length", 0, null], ["past_midnight", 0, null], ["block_length", 0, 1], ["block_length", 0, 4],
    ["block_length", 1, 1], ["before_live_calls", 1, 1],
  ]);
  assert.deepEqual(v[0].values, { minutes: 540, limit: 480 });
  assert.deepEqual(v[1].values, { end: "05:00" });
  assert.deepEqual(v[5].values, { day: 1, calls_item: 1 });
  // A module's last place counts (as in trivsel/content/programme_rules.py): threats on day 2 comes after
  // basics on day 1, so the threats before basics on day 1 is not reported.
  assert.equal(v.filter((x) => x.rule === "prerequisite").length, 0);
});

test("a prerequisite that comes later is reported on the module that needs it", () => {
  const p = plan([{ start: "08:30", items: [{ module: "threats" }, brk(15), { module: "basics" }] }]);
  const [v] = P.verdicts(p, DATA);
  assert.deepEqual([v.rule, v.day, v.item, v.values.prerequisite_at], ["prerequisite", 0, 0, [0, 2]]);
  assert.equal(P.message(v, p, DATA), "before Basics");
});

test("one verdict per stretch without a break", () => {
  const p = plan([{ start: "08:00", items: [calls(60), calls(60), calls(60), brk(10), calls(100)] }]);
  assert.deepEqual(P.verdicts(p, DATA).filter((v) => v.rule === "block_length").map((v) => v.item), [1, 4]);
});

test("moving an item crosses into the next and previous day, and stops at the ends", () => {
  const p = plan([{ start: "08:00", items: [{ module: "basics" }, brk(15)] }, { start: "08:00", items: [calls(30)] }]);
  const down = P.moveItem(p, 0, 1, 1);
  assert.deepEqual([down.day, down.item], [1, 0]);
  assert.deepEqual(down.plan.days.map((d) => d.items.length), [1, 2]);
  const up = P.moveItem(down.plan, 1, 0, -1);
  assert.deepEqual(up.plan, p);
  assert.equal(P.moveItem(p, 0, 0, -1).plan, p);
  assert.equal(P.moveItem(p, 1, 0, 1).plan, p);
  const swapped = P.moveItem(p, 0, 0, 1).plan;
  assert.deepEqual(swapped.days[0].items, [brk(15), { module: "basics" }]);
});

test("editing leaves the plan alone and checks what it sets", () => {
  const p = plan([{ start: "08:00", items: [] }, { start: "08:00", items: [] }]);
  assert.equal(P.setDay(p, 1, { start: "9:00" }).days[1].start, "08:00");
  assert.equal(P.setDay(p, 1, { start: "09:00" }).days[1].start, "09:00");
  assert.equal(P.setDay(p, 1, { after: 3 }).days[1].after, 3);
  assert.equal(P.setDay(p, 0, { after: 3 }).days[0].after, undefined);
  assert.equal(P.setPlan(p, { first_day: "2027-02-30" }).first_day, "2027-01-01");
  assert.deepEqual(P.setPlan(p, { name: " Ours " }).title, T("Ours"));
  assert.equal(P.removeDay(P.removeDay(p, 0), 0).days.length, 1);
  assert.ok(P.isEmpty(p));
});

test("readPlan keeps what it knows, drops unknown modules and refuses a broken plan", () => {
  const raw = { title: { nb: "Uka" }, days: [{ start: "08:00", items: [{ module: "gone" }, { module: "threats", version: "short" },
    { session: { title: { en: "Calls" }, minutes: 30, live_calls: true } }] }], timezone: "Mars/Olympus", first_day: "x" };
  const read = P.readPlan(raw, DATA);
  assert.equal(read.ok, true);
  assert.deepEqual(read.dropped, ["gone"]);
  assert.deepEqual(read.plan.title, T("Uka"));
  assert.deepEqual(read.plan.days[0].items[0], { module: "threats" }); // it has no short version
  assert.equal(read.plan.timezone, "Europe/Copenhagen");
  assert.ok(P.isDate(read.plan.first_day));
  for (const bad of [null, [], { days: [] }, { days: [{ start: "25:00", items: [] }] },
                     { days: [{ start: "08:00", items: [{ break: 0, title: T("x") }] }] },
                     { days: [{ start: "08:00", items: [{ session: { title: T("x"), minutes: "30" } }] }] },
                     { days: [{ start: "08:00", items: [{ other: 1 }] }] }]) {
    assert.equal(P.readPlan(bad, DATA).ok, false, JSON.stringify(bad));
  }
});

test("the share link holds the whole plan, any language's letters included", () => {
  const p = plan([{ start: "08:00", items: [{ session: { title: { da: "Søg “ø” ✓", nb: "å", en: "e" }, minutes: 20 } }] }]);
  const fragment = "#" + P.encodeShare(p);
  assert.match(fragment, /^#plan=[A-Za-z0-9_-]+$/);
  assert.deepEqual(P.readAddress("", fragment).plan, p);
  assert.deepEqual(P.readAddress("?programme=forste-uke", ""), { programme: "forste-uke" });
  assert.deepEqual(P.readAddress("?x=1&programme=serviceuke", "#dag-2"), { programme: "serviceuke" });
  assert.deepEqual(P.readAddress("", "#plan=%%%"), { invalid: true });
  assert.deepEqual(P.readAddress("", "#plan=" + Buffer.from("not json").toString("base64url")), { invalid: true });
  assert.equal(P.readAddress("", "#dag-2"), null);
});

test("the YAML export has the programme file's shape", () => {
  const p = plan([{ start: "08:30", items: [{ module: "basics", version: "short" }, brk(15), calls(60)] },
                  { start: "09:00", after: 2, items: [{ module: "threats" }] }]);
  const yaml = P.toYaml(p, DATA, new Date("2026-12-01T10:00:00Z"));
  assert.match(yaml, /^# Made in the programme planner on 2026-12-01\./);
  assert.ok(yaml.includes('title:\n  da: "A week"\n  nb: "A week"\n  en: "A week"\n'));
  assert.ok(yaml.includes('timezone: Europe/Oslo\nfirst_day: "2027-01-01"\ndays:\n  - start: "08:30"\n    items:\n' +
                          "      - module: basics\n        version: short\n      - break: 15\n" +
                          '        title: {da: "Break", nb: "Break", en: "Break"}\n      - session:\n' +
                          '          title: {da: "Calls", nb: "Calls", en: "Calls"}\n          minutes: 60\n          live_calls: true\n'));
  assert.ok(yaml.includes('  - start: "09:00"\n    after: 2\n    items:\n      - module: threats\n'));
});

test("the calendar: a time zone on every time, breaks folded into the event before, lines folded at 75 octets", () => {
  const long = "Ø".repeat(60);
  const p = plan([{ start: "08:30", items: [{ module: "basics" }, brk(15), { session: { title: T(long), minutes: 30 } }] }]);
  const text = P.ics(p, DATA, { calendar: "Cal, with comma", stamp: "20261201T000000Z", breakLabel: "Breaks",
                                link: (slot, day) => slot.module ? "https://x/" + slot.module : "https://x/#day-" + day.number });
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
  const lines = text.split("\r\n");
  assert.ok(lines.every((l) => new TextEncoder().encode(l).length <= 75));
  assert.ok(lines.includes("X-WR-CALNAME:Cal\\, with comma"));
  assert.ok(lines.includes("TZID:Europe/Oslo"));
  assert.ok(lines.includes("DTSTART;TZID=Europe/Oslo:20270101T083000"));
  assert.ok(lines.includes("DTEND;TZID=Europe/Oslo:20270101T093000"));
  assert.ok(lines.includes("DESCRIPTION:Breaks: Break 09:30–09:45"));
  assert.ok(lines.includes("UID:test-en-d1-0945@kontaktcenter-trivsel"));
  assert.equal(text.split("BEGIN:VEVENT").length - 1, 2);
  const unfolded = text.replace(/\r\n /g, "");
  assert.ok(unfolded.includes("SUMMARY:" + long + "\r\n"));
});

test("objectives: each module once, in the order of the plan", () => {
  const p = plan([{ start: "08:00", items: [{ module: "threats" }, { module: "basics" }, { module: "threats" }] }]);
  assert.deepEqual(P.objectives(p, DATA).map((o) => [o.module, o.objectives.length]), [["threats", 2], ["basics", 1]]);
});

test("hours are written in the page's units", () => {
  assert.equal(P.hours(150, ["t.", "min."]), "2 t. 30 min.");
  assert.equal(P.hours(120, ["h", "min"]), "2 h");
  assert.equal(P.hours(45, ["h", "min"]), "45 min");
});

test("drag and drop puts the item before the one it is dropped on, in any day", () => {
  const p = plan([{ start: "08:00", items: [{ module: "basics" }, brk(15), calls(30)] }, { start: "08:00", items: [calls(20)] }]);
  const later = P.moveTo(p, 0, 0, 0, 2);
  assert.deepEqual(later.plan.days[0].items.map(P.kindOf), ["break", "module", "session"]);
  assert.deepEqual([later.day, later.item], [0, 1]);
  const end = P.moveTo(p, 0, 0, 1, 1);
  assert.deepEqual(end.plan.days[1].items.map(P.kindOf), ["session", "module"]);
  assert.deepEqual(P.moveTo(p, 0, 2, 0, 0).plan.days[0].items.map(P.kindOf), ["session", "module", "break"]);
});
