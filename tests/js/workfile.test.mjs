import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const kc = createRequire(import.meta.url)("../../overrides/assets/javascripts/workfile.js");

const NOW = "2026-03-02T09:15:00.000Z";
const LATER = "2026-03-09T14:00:00.000Z";

/** A frozen deep copy: a function that mutates its argument throws in strict mode. */
function frozen(value) {
  if (value && typeof value === "object") {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}
const clone = (v) => JSON.parse(JSON.stringify(v));

/** A work with a bit of everything, built through the API. */
function sample() {
  let w = kc.emptyWork();
  w = kc.setTick(w, "tidspres-03", true);
  w = kc.setTick(w, "tidspres-01", true);
  w = kc.setMeeting(w, "tidspres", { date: "2026-03-02", participants: "Anna, Bo", notes: { "check-in": "Travlt", runde: "Pauser" } });
  const first = kc.currentPlan(w);
  w = kc.updateRow(w, first.id, first.rows[0].id, { problem: "Ingen pauser", source: "tidspres-03", action: "Faste pauser",
    priority: "high", who: "Leder", due: "2026-04-01", followup: "2026-05-01", status: "doing", permanent: true });
  w = kc.addRow(w, first.id, { problem: "Støj" }).work;
  w = kc.renamePlan(w, first.id, { name: "Plan 2026", approved_by: "AMU", approved_on: "2026-03-02" });
  w = kc.addPlan(w, "Støj ✓ 😀").work;
  w = kc.setPulse(w, { scores: { b: 2, a: 1 }, answers: [3, 4] }, NOW);
  return kc.touch(w, NOW);
}

test("constants", () => {
  assert.equal(kc.FORMAT, "kontaktcenter-trivsel/work");
  assert.equal(kc.VERSION, 1);
  assert.deepEqual(kc.PRIORITIES, ["high", "medium", "low"]);
  assert.deepEqual(kc.STATUSES, ["open", "doing", "done"]);
  assert.deepEqual(kc.ROW_FIELDS, ["problem", "source", "action", "priority", "who", "due", "followup", "status", "permanent"]);
});

test("emptyWork has one empty plan that is current", () => {
  const w = kc.emptyWork();
  assert.equal(w.format, kc.FORMAT);
  assert.equal(w.version, 1);
  assert.deepEqual(w.checklists, {});
  assert.deepEqual(w.meetings, {});
  assert.equal(w.plans.length, 1);
  assert.equal(w.plans[0].name, "");
  assert.equal(w.plans[0].rows.length, 1);
  assert.ok(kc.rowIsEmpty(w.plans[0].rows[0]));
  assert.equal(w.current_plan, w.plans[0].id);
  assert.equal(w.pulse, null);
  assert.notEqual(kc.emptyWork(), kc.emptyWork());
});

test("newId takes the smallest free number", () => {
  assert.equal(kc.newId("p", []), "p-1");
  assert.equal(kc.newId("p", ["p-1", "p-2", "p-4"]), "p-3");
  assert.equal(kc.newId("r", ["p-1", "r-2"]), "r-1");
  assert.equal(kc.newId("r", new Set(["r-1"])), "r-2");
  assert.equal(kc.newId("r"), "r-1");
});

test("emptyRow has the defaults", () => {
  assert.deepEqual(kc.emptyRow("r-7"), { id: "r-7", problem: "", source: "", action: "", priority: "", who: "",
    due: "", followup: "", status: "open", permanent: false });
});

test("no function changes its argument", () => {
  const w = frozen(sample());
  const plan = w.plans[0], row = plan.rows[0];
  const calls = [
    () => kc.addPlan(w, "x"), () => kc.removePlan(w, plan.id), () => kc.renamePlan(w, plan.id, { name: "y" }),
    () => kc.setCurrentPlan(w, plan.id), () => kc.currentPlan(w),
    () => kc.addRow(w, plan.id, { problem: "z" }), () => kc.updateRow(w, plan.id, row.id, { who: "q" }),
    () => kc.removeRow(w, plan.id, row.id), () => kc.rowIsEmpty(row),
    () => kc.setTick(w, "a", true), () => kc.setTick(w, "tidspres-03", false), () => kc.clearTicks(w, ["tidspres-03"]),
    () => kc.countTicks(w, ["tidspres-03"]), () => kc.setMeeting(w, "tidspres", { notes: { runde: "" } }),
    () => kc.clearMeeting(w, "tidspres"), () => kc.setPulse(w, { a: 1 }, LATER), () => kc.touch(w, LATER),
    () => kc.serialize(w, LATER), () => kc.equalWork(w, w), () => kc.digest(w),
  ];
  const before = JSON.stringify(w);
  for (const call of calls) call();
  assert.equal(JSON.stringify(w), before);
});

test("addPlan adds a plan with one empty row and makes it current", () => {
  const { work, plan } = kc.addPlan(kc.emptyWork(), "Støj");
  assert.equal(work.plans.length, 2);
  assert.equal(plan.name, "Støj");
  assert.equal(plan.id, "p-2");
  assert.equal(plan.rows.length, 1);
  assert.equal(plan.rows[0].id, "r-2");   // row ids are unique across plans
  assert.equal(work.current_plan, plan.id);
  assert.deepEqual(kc.currentPlan(work), plan);
  assert.equal(kc.addPlan(kc.emptyWork()).plan.name, "");
});

test("removePlan keeps a valid current plan, and never leaves none", () => {
  let w = kc.addPlan(kc.addPlan(kc.emptyWork(), "B").work, "C").work;   // p-1, p-2, p-3; current p-3
  w = kc.setCurrentPlan(w, "p-2");
  assert.equal(w.current_plan, "p-2");
  w = kc.removePlan(w, "p-2");
  assert.deepEqual(w.plans.map((p) => p.id), ["p-1", "p-3"]);
  assert.equal(w.current_plan, "p-3");
  w = kc.removePlan(w, "p-1");
  assert.equal(w.current_plan, "p-3");
  w = kc.removePlan(w, "p-3");
  assert.equal(w.plans.length, 1);
  assert.equal(w.plans[0].rows.length, 1);
  assert.equal(w.current_plan, w.plans[0].id);
  assert.deepEqual(kc.removePlan(w, "nope"), w);
  assert.equal(kc.setCurrentPlan(w, "nope").current_plan, w.current_plan);
});

test("renamePlan sets name and approval, and nothing else", () => {
  const w = kc.renamePlan(kc.emptyWork(), "p-1", { name: "APV 2026", approved_by: "AMU", approved_on: "2026-02-30", rows: [], id: "x" });
  assert.equal(w.plans[0].name, "APV 2026");
  assert.equal(w.plans[0].approved_by, "AMU");
  assert.equal(w.plans[0].approved_on, "");   // not a date
  assert.equal(w.plans[0].id, "p-1");
  assert.equal(w.plans[0].rows.length, 1);
  assert.equal(kc.renamePlan(w, "p-1", { approved_on: "2026-02-28" }).plans[0].approved_on, "2026-02-28");
  assert.equal(kc.renamePlan(w, "p-1", { approved_on: "2026-02-28" }).plans[0].name, "APV 2026");
});

test("currentPlan falls back to the first plan", () => {
  const w = kc.addPlan(kc.emptyWork(), "B").work;
  assert.equal(kc.currentPlan(w).id, "p-2");
  assert.equal(kc.currentPlan({ ...w, current_plan: "gone" }).id, "p-1");
  assert.equal(kc.currentPlan({}), null);
});

test("addRow appends a row, prefilled when asked", () => {
  const w0 = kc.emptyWork();
  const { work, row } = kc.addRow(w0, "p-1", { problem: "Støj", source: "tidspres", status: "weird", id: "hack" });
  assert.equal(work.plans[0].rows.length, 2);
  assert.equal(row.id, "r-2");
  assert.equal(row.problem, "Støj");
  assert.equal(row.source, "tidspres");
  assert.equal(row.status, "open");
  assert.deepEqual(work.plans[0].rows[1], row);
  assert.ok(kc.rowIsEmpty(kc.addRow(w0, "p-1").row));
  assert.equal(kc.addRow(w0, "nope").row, null);
});

test("updateRow changes row fields only, coercing the closed ones", () => {
  let w = kc.emptyWork();
  w = kc.updateRow(w, "p-1", "r-1", { action: "Faste pauser", priority: "medium", status: "done", permanent: true, id: "x", extra: 1 });
  let row = w.plans[0].rows[0];
  assert.equal(row.id, "r-1");
  assert.equal(row.action, "Faste pauser");
  assert.equal(row.priority, "medium");
  assert.equal(row.status, "done");
  assert.equal(row.permanent, true);
  assert.equal("extra" in row, false);
  w = kc.updateRow(w, "p-1", "r-1", { priority: "urgent", status: "maybe", permanent: "false", due: "1. april", followup: "2026-05-01", who: 7 });
  row = w.plans[0].rows[0];
  assert.equal(row.priority, "");
  assert.equal(row.status, "open");
  assert.equal(row.permanent, false);
  assert.equal(row.due, "");
  assert.equal(row.followup, "2026-05-01");
  assert.equal(row.who, "7");
  assert.equal(row.action, "Faste pauser");
  assert.deepEqual(kc.updateRow(w, "p-1", "nope", { who: "x" }), w);
});

test("removeRow removes a row; the last one becomes an empty row", () => {
  let w = kc.addRow(kc.updateRow(kc.emptyWork(), "p-1", "r-1", { who: "A" }), "p-1", { who: "B" }).work;
  w = kc.removeRow(w, "p-1", "r-1");
  assert.deepEqual(w.plans[0].rows.map((r) => r.who), ["B"]);
  w = kc.removeRow(w, "p-1", "r-2");
  assert.equal(w.plans[0].rows.length, 1);
  assert.ok(kc.rowIsEmpty(w.plans[0].rows[0]));
});

test("rowIsEmpty: only defaults", () => {
  assert.equal(kc.rowIsEmpty(kc.emptyRow("r-1")), true);
  assert.equal(kc.rowIsEmpty({ ...kc.emptyRow("r-1"), who: "A" }), false);
  assert.equal(kc.rowIsEmpty({ ...kc.emptyRow("r-1"), status: "done" }), false);
  assert.equal(kc.rowIsEmpty({ ...kc.emptyRow("r-1"), permanent: true }), false);
  assert.equal(kc.rowIsEmpty({ ...kc.emptyRow("r-1"), priority: "low" }), false);
});

test("ticks: set, clear some, count", () => {
  let w = kc.setTick(kc.setTick(kc.setTick(kc.emptyWork(), "a-01", true), "a-02", true), "b-01", true);
  assert.deepEqual(w.checklists, { "a-01": true, "a-02": true, "b-01": true });
  assert.equal(kc.countTicks(w, ["a-01", "a-02", "a-03"]), 2);
  assert.equal(kc.countTicks(w), 3);
  w = kc.setTick(w, "a-02", false);
  assert.deepEqual(w.checklists, { "a-01": true, "b-01": true });
  w = kc.clearTicks(w, ["a-01", "a-02"]);
  assert.deepEqual(w.checklists, { "b-01": true });
  assert.equal(kc.countTicks(w, ["a-01"]), 0);
  assert.equal(kc.countTicks(w, ["b-01", "b-01"]), 1);
});

test("meetings: fields set, notes merged key by key, cleared", () => {
  let w = kc.setMeeting(kc.emptyWork(), "stress", { date: "2026-03-02", notes: { a: "one", b: "two" } });
  w = kc.setMeeting(w, "stress", { participants: "Anna", notes: { b: "TWO", c: "three" } });
  assert.deepEqual(w.meetings.stress, { date: "2026-03-02", participants: "Anna", notes: { a: "one", b: "TWO", c: "three" } });
  w = kc.setMeeting(w, "stress", { date: "soon", notes: { a: "" } });
  assert.deepEqual(w.meetings.stress, { date: "", participants: "Anna", notes: { b: "TWO", c: "three" } });
  assert.deepEqual(kc.setMeeting(kc.emptyWork(), "x", {}).meetings.x, { date: "", participants: "", notes: {} });
  w = kc.clearMeeting(w, "stress");
  assert.deepEqual(w.meetings, {});
});

test("setPulse and touch take the time from the caller", () => {
  let w = kc.setPulse(kc.emptyWork(), { mean: 3.5 }, NOW);
  assert.deepEqual(w.pulse, { saved: NOW, results: { mean: 3.5 } });
  assert.equal(kc.setPulse(w, null, NOW).pulse, null);
  w = kc.touch(w, LATER);
  assert.equal(w.changed, LATER);
});

test("serialize: pretty, stable key order, with saved", () => {
  const text = kc.serialize(sample(), LATER);
  assert.ok(text.startsWith('{\n  "format": "kontaktcenter-trivsel/work",\n  "version": 1,\n  "saved": "' + LATER + '"'));
  const data = JSON.parse(text);
  assert.deepEqual(Object.keys(data), ["format", "version", "saved", "changed", "current_plan", "checklists", "meetings", "plans", "pulse", "programme"]);
  assert.deepEqual(Object.keys(data.checklists), ["tidspres-01", "tidspres-03"]);
  assert.deepEqual(Object.keys(data.plans[0]), ["id", "name", "approved_by", "approved_on", "rows"]);
  assert.deepEqual(Object.keys(data.plans[0].rows[0]), ["id", ...kc.ROW_FIELDS]);
  assert.deepEqual(Object.keys(data.pulse.results.scores), ["a", "b"]);
  assert.equal(data.changed, NOW);
  // the same content built in another order writes the same file
  let other = kc.setTick(kc.setTick(sample(), "tidspres-03", false), "tidspres-03", true);
  assert.equal(kc.serialize(other, LATER), text);
});

test("serialize then parseWorkFile gives an equal work", () => {
  const w = sample();
  const r = kc.parseWorkFile(kc.serialize(w, LATER));
  assert.equal(r.ok, true);
  assert.equal(r.saved, LATER);
  assert.ok(kc.equalWork(r.work, w));
  assert.deepEqual(r.work, kc.normalise(w));
  assert.equal(kc.serialize(r.work, LATER), kc.serialize(w, LATER));
  const e = kc.parseWorkFile(kc.serialize(kc.emptyWork(), NOW));
  assert.ok(e.ok && kc.equalWork(e.work, kc.emptyWork()));
});

test("a file that is not JSON is corrupt", () => {
  for (const text of ["", "{", "<html>", "{\"format\": }", null, undefined, 42]) {
    const r = kc.parseWorkFile(text);
    assert.equal(r.ok, false);
    assert.equal(r.error, "corrupt");
    assert.equal(typeof r.detail, "string");
  }
});

test("JSON of another kind is foreign", () => {
  for (const text of ["[]", "null", "3", '"x"', "{}", '{"format":"something/else","version":1}', JSON.stringify({ plans: [] })]) {
    assert.equal(kc.parseWorkFile(text).error, "foreign", text);
  }
});

test("a newer version is reported as newer", () => {
  const r = kc.parseWorkFile(JSON.stringify({ format: kc.FORMAT, version: 2, plans: "a new shape" }));
  assert.equal(r.ok, false);
  assert.equal(r.error, "newer");
  assert.match(r.detail, /2/);
});

test("a field of the wrong type is invalid, and the detail names it", () => {
  const base = JSON.parse(kc.serialize(sample(), NOW));
  const cases = [
    [(d) => { d.version = "1"; }, "version"],
    [(d) => { delete d.version; }, "version"],
    [(d) => { d.version = 0.5; }, "version"],
    [(d) => { d.plans[0].rows[1].due = "1. april"; }, "plans[0].rows[1].due"],
    [(d) => { d.plans[0].rows[0].due = "2026-02-30"; }, "plans[0].rows[0].due"],
    [(d) => { d.plans[0].rows[0].priority = "urgent"; }, "plans[0].rows[0].priority"],
    [(d) => { d.plans[0].rows[0].status = 1; }, "plans[0].rows[0].status"],
    [(d) => { d.plans[0].rows[0].permanent = "yes"; }, "plans[0].rows[0].permanent"],
    [(d) => { d.plans[0].rows[0].who = null; }, "plans[0].rows[0].who"],
    [(d) => { d.plans[0].rows[1] = "row"; }, "plans[0].rows[1]"],
    [(d) => { d.plans[1].rows = {}; }, "plans[1].rows"],
    [(d) => { d.plans[1].id = 3; }, "plans[1].id"],
    [(d) => { d.plans[0].approved_on = "March"; }, "plans[0].approved_on"],
    [(d) => { d.plans = {}; }, "plans"],
    [(d) => { d.plans[1] = null; }, "plans[1]"],
    [(d) => { d.checklists = []; }, "checklists"],
    [(d) => { d.checklists["tidspres-01"] = "1"; }, 'checklists["tidspres-01"]'],
    [(d) => { d.meetings.tidspres.date = "2.3.2026"; }, 'meetings["tidspres"].date'],
    [(d) => { d.meetings.tidspres.notes.runde = 5; }, 'meetings["tidspres"].notes["runde"]'],
    [(d) => { d.meetings.tidspres = "x"; }, 'meetings["tidspres"]'],
    [(d) => { d.pulse = "x"; }, "pulse"],
    [(d) => { d.pulse.saved = 1; }, "pulse.saved"],
    [(d) => { d.current_plan = 1; }, "current_plan"],
    [(d) => { d.changed = false; }, "changed"],
  ];
  for (const [spoil, field] of cases) {
    const d = clone(base);
    spoil(d);
    const r = kc.parseWorkFile(JSON.stringify(d));
    assert.deepEqual(r, { ok: false, error: "invalid", detail: field }, field);
  }
});

test("a valid file is normalised: unknown fields dropped, defaults filled in", () => {
  const r = kc.parseWorkFile("\ufeff" + JSON.stringify({
    format: kc.FORMAT, version: 1, extra: true,
    checklists: { a: true, b: false },
    meetings: { t: { notes: { s: "x", e: "" }, colour: "red" } },
    plans: [{ name: "P", rows: [{ who: "A", colour: "red" }, { id: "r-9" }] }, { id: "p-1", rows: [] }, { id: "p-1" }],
    current_plan: "missing",
  }));
  assert.equal(r.ok, true);
  const w = r.work;
  assert.equal("extra" in w, false);
  assert.deepEqual(w.checklists, { a: true });
  assert.deepEqual(w.meetings, { t: { date: "", participants: "", notes: { s: "x" } } });
  assert.deepEqual(w.plans.map((p) => p.id), ["p-2", "p-1", "p-3"]);   // missing and duplicate ids made unique
  assert.deepEqual(w.plans[0].rows[0], { ...kc.emptyRow("r-1"), who: "A" });
  assert.equal(w.plans[0].rows[1].id, "r-9");
  assert.equal(w.plans[1].rows.length, 1);   // a plan keeps one row
  assert.equal(w.current_plan, "p-2");
  assert.equal(w.pulse, null);
  assert.equal(w.changed, "");
  assert.equal(r.saved, "");
  const bare = kc.parseWorkFile(JSON.stringify({ format: kc.FORMAT, version: 1 }));
  assert.ok(bare.ok && kc.equalWork(bare.work, kc.emptyWork()));
});

test("migrateLegacy reads the old ticks and action plan", () => {
  const w = kc.migrateLegacy([
    ["kc-checklist:tidspres-03", "1"],
    ["kc-checklist:tidspres-04", "0"],
    ["kc-action-plan", JSON.stringify([["Faste pauser", "Leder", "2026-04-01", "2026-05-01"], ["", "", "", ""], ["Skærme", "HR", "", ""], "junk"])],
    ["something-else", "1"],
  ]);
  assert.deepEqual(w.checklists, { "tidspres-03": true });
  assert.equal(w.plans.length, 1);
  assert.equal(w.plans[0].name, "");
  assert.equal(w.current_plan, w.plans[0].id);
  assert.deepEqual(w.plans[0].rows, [
    { ...kc.emptyRow("r-1"), action: "Faste pauser", who: "Leder", due: "2026-04-01", followup: "2026-05-01" },
    { ...kc.emptyRow("r-2"), action: "Skærme", who: "HR" },
  ]);
  assert.ok(kc.parseWorkFile(kc.serialize(w, NOW)).ok);
});

test("migrateLegacy: ticks alone, a plan alone, or nothing", () => {
  const ticks = kc.migrateLegacy([["kc-checklist:a-01", "1"]]);
  assert.deepEqual(ticks.checklists, { "a-01": true });
  assert.ok(kc.rowIsEmpty(ticks.plans[0].rows[0]));
  const plan = kc.migrateLegacy([["kc-action-plan", '[["x","","bad date",""]]']]);
  assert.deepEqual(plan.checklists, {});
  assert.equal(plan.plans[0].rows[0].action, "x");
  assert.equal(plan.plans[0].rows[0].due, "");
  assert.equal(kc.migrateLegacy([]), null);
  assert.equal(kc.migrateLegacy(null), null);
  assert.equal(kc.migrateLegacy([["kc-action-plan", "not json"], ["kc-checklist:a", "0"], ["other", "x"]]), null);
  assert.equal(kc.migrateLegacy([["kc-action-plan", '[["","","",""]]']]), null);
});

test("equalWork ignores changed and saved, nothing else", () => {
  const w = sample();
  assert.ok(kc.equalWork(w, kc.touch(w, LATER)));
  assert.ok(kc.equalWork(w, { ...w, saved: LATER }));
  assert.ok(!kc.equalWork(w, kc.setTick(w, "new", true)));
  assert.ok(!kc.equalWork(w, kc.updateRow(w, "p-1", "r-1", { who: "Other" })));
  assert.ok(!kc.equalWork(w, kc.setPulse(w, { x: 1 }, NOW)));
});

test("digest: 8 hex digits of FNV-1a over the UTF-8 content without time stamps", () => {
  const w = sample();
  const d = kc.digest(w);
  assert.match(d, /^[0-9a-f]{8}$/);
  assert.equal(kc.digest(kc.touch(w, LATER)), d);
  assert.equal(kc.digest(clone(w)), d);
  assert.notEqual(kc.digest(kc.setTick(w, "x", true)), d);
  // the same hash computed independently
  const data = JSON.parse(kc.serialize(w, NOW));
  delete data.saved; delete data.changed;
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(JSON.stringify(data))) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  assert.equal(d, h.toString(16).padStart(8, "0"));
  assert.match(kc.digest(kc.renamePlan(w, "p-1", { name: "lone \ud800 surrogate" })), /^[0-9a-f]{8}$/);
});

test("isDate: empty or a real calendar day", () => {
  for (const ok of ["", "2026-01-31", "2024-02-29", "2000-02-29"]) assert.equal(kc.isDate(ok), true, ok);
  for (const bad of ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-1-1", "26-01-01", null, 20260101]) {
    assert.equal(kc.isDate(bad), false, String(bad));
  }
});

test("the planner's plan goes into the work and the file; when it was saved is not the work", () => {
  const plan = { title: { da: "Uge" }, days: [{ start: "08:30", items: [{ module: "stemmen" }] }] };
  const w = kc.setProgramme(frozen(kc.emptyWork()), plan, NOW);
  assert.deepEqual(w.programme, { saved: NOW, plan });
  const r = kc.parseWorkFile(kc.serialize(w, LATER));
  assert.equal(r.ok, true);
  assert.deepEqual(r.work.programme.plan, plan);
  assert.ok(kc.equalWork(kc.setProgramme(w, plan, LATER), w));
  assert.ok(!kc.equalWork(w, kc.emptyWork()));
  assert.equal(kc.setProgramme(w, null, NOW).programme, null);
  const bad = kc.parseWorkFile(JSON.stringify({ format: kc.FORMAT, version: 1, programme: { plan: [] } }));
  assert.deepEqual([bad.ok, bad.error, bad.detail], [false, "invalid", "programme"]);
});
