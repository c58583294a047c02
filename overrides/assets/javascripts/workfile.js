/* The committee's work in one object: ticked checklist items, meeting sheets, action plans
 * and the last pulse result. Pure logic, no DOM and no storage: every function returns a new
 * object and leaves its arguments alone; the clock is read by the caller (now = ISO string).
 * The same object is what "save to file" writes, described by schemas/workfile.schema.json.
 * A classic script, not a module: the offline bundle opens pages from file://, where
 * browsers refuse module scripts. Browsers get window.kcWork, Node gets module.exports. */
(function (root) {
  "use strict";

  var FORMAT = "kontaktcenter-trivsel/work";
  var VERSION = 1;
  var PRIORITIES = ["high", "medium", "low"];
  var STATUSES = ["open", "doing", "done"];
  var ROW_FIELDS = ["problem", "source", "action", "priority", "who", "due", "followup", "status", "permanent"];
  var ROW_TEXT = ["problem", "source", "action", "who"];
  var ROW_DATES = ["due", "followup"];
  var LEGACY_TICK = "kc-checklist:";
  var LEGACY_PLAN = "kc-action-plan";

  var has = Object.prototype.hasOwnProperty;

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function own(obj, key) { return isObject(obj) && has.call(obj, key); }
  function keyPath(base, key) { return base + "[" + JSON.stringify(key) + "]"; }

  /** "" or a real calendar date written YYYY-MM-DD. */
  function isDate(v) {
    if (v === "") return true;
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    var y = +v.slice(0, 4), m = +v.slice(5, 7), d = +v.slice(8, 10);
    if (m < 1 || m > 12 || d < 1) return false;
    var days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return d <= days[m - 1];
  }

  /* ---------- reading a value of the right kind ----------
   * strict (a file being opened): a wrong type throws {field}, which parseWorkFile turns into
   * "invalid". Lenient (objects the page built): a wrong value is coerced to a valid one. */
  function Invalid(field) { this.field = field; }
  function fail(strict, field, fallback) {
    if (strict) throw new Invalid(field);
    return fallback;
  }
  function readText(v, strict, field) {
    if (v === undefined) return "";
    if (typeof v === "string") return v;
    if (strict) throw new Invalid(field);
    return v === null ? "" : String(v);
  }
  function readDate(v, strict, field) {
    if (v === undefined) return "";
    return isDate(v) ? v : fail(strict, field, "");
  }
  function readEnum(v, allowed, fallback, strict, field) {
    if (v === undefined) return fallback;
    return allowed.indexOf(v) !== -1 ? v : fail(strict, field, fallback);
  }
  function readBool(v, strict, field) {
    if (v === undefined) return false;
    if (typeof v === "boolean") return v;
    if (strict) throw new Invalid(field);
    return !!v && v !== "false" && v !== "0";
  }
  function readMap(v, strict, field) {
    if (v === undefined) return {};
    return isObject(v) ? v : fail(strict, field, {});
  }
  function readList(v, strict, field) {
    if (v === undefined) return [];
    return Array.isArray(v) ? v : fail(strict, field, []);
  }
  function readId(v, strict, field) {
    if (v === undefined) return "";
    return typeof v === "string" ? v : fail(strict, field, "");
  }
  function copyJson(v) {
    if (v === undefined) return null;
    var text = JSON.stringify(v);
    return text === undefined ? null : JSON.parse(text);
  }

  /** prefix + "-" + the smallest n >= 1 not taken (an array or a Set of ids). */
  function newId(prefix, existingIds) {
    var taken = {};
    if (existingIds && typeof existingIds.forEach === "function") {
      existingIds.forEach(function (id) { taken["$" + id] = true; });
    }
    var n = 1;
    while (taken["$" + prefix + "-" + n]) n++;
    return prefix + "-" + n;
  }

  function emptyRow(id) {
    return { id: id, problem: "", source: "", action: "", priority: "", who: "",
             due: "", followup: "", status: "open", permanent: false };
  }
  function emptyPlan(id, rowId, name) {
    return { id: id, name: name || "", approved_by: "", approved_on: "", rows: [emptyRow(rowId)] };
  }
  function emptyWork() {
    return { format: FORMAT, version: VERSION, checklists: {}, meetings: {},
             plans: [emptyPlan("p-1", "r-1", "")], current_plan: "p-1", pulse: null, programme: null, changed: "" };
  }

  function readRow(raw, id, strict, path) {
    if (!isObject(raw)) fail(strict, path, null);
    raw = isObject(raw) ? raw : {};
    var row = { id: id };
    ROW_TEXT.forEach(function (f) { row[f] = readText(raw[f], strict, path + "." + f); });
    row.priority = readEnum(raw.priority, PRIORITIES.concat([""]), "", strict, path + ".priority");
    ROW_DATES.forEach(function (f) { row[f] = readDate(raw[f], strict, path + "." + f); });
    row.status = readEnum(raw.status, STATUSES, "open", strict, path + ".status");
    row.permanent = readBool(raw.permanent, strict, path + ".permanent");
    // the order of ROW_FIELDS, so that a row serialises the same however it was built
    var ordered = { id: id };
    ROW_FIELDS.forEach(function (f) { ordered[f] = row[f]; });
    return ordered;
  }

  function readMeeting(raw, strict, path) {
    if (!isObject(raw)) fail(strict, path, null);
    raw = isObject(raw) ? raw : {};
    var notesIn = readMap(raw.notes, strict, path + ".notes"), notes = {};
    Object.keys(notesIn).sort().forEach(function (step) {
      var text = readText(notesIn[step], strict, keyPath(path + ".notes", step));
      if (text !== "") notes[step] = text;
    });
    return { date: readDate(raw.date, strict, path + ".date"),
             participants: readText(raw.participants, strict, path + ".participants"),
             notes: notes };
  }

  /** The work in its one normal shape: known fields only, defaults filled in, keys in a
   * fixed order, unique ids, at least one plan with at least one row, a current plan that
   * exists. Always a fresh object. */
  function normalise(raw, strict) {
    raw = isObject(raw) ? raw : {};
    var out = { format: FORMAT, version: VERSION };

    var ticksIn = readMap(raw.checklists, strict, "checklists"), ticks = {};
    Object.keys(ticksIn).sort().forEach(function (item) {
      if (readBool(ticksIn[item], strict, keyPath("checklists", item))) ticks[item] = true;
    });
    out.checklists = ticks;

    var meetingsIn = readMap(raw.meetings, strict, "meetings"), meetings = {};
    Object.keys(meetingsIn).sort().forEach(function (theme) {
      meetings[theme] = readMeeting(meetingsIn[theme], strict, keyPath("meetings", theme));
    });
    out.meetings = meetings;

    // Ids: first pass keeps the first holder of each id, second gives the rest fresh ones.
    var plansIn = readList(raw.plans, strict, "plans").map(function (p, i) {
      if (!isObject(p)) fail(strict, "plans[" + i + "]", null);
      return isObject(p) ? p : {};
    });
    var planIds = [], rowIds = [], seenPlan = {}, seenRow = {};
    var rowsIn = plansIn.map(function (p, i) {
      var id = readId(p.id, strict, "plans[" + i + "].id");
      if (id && !seenPlan["$" + id]) { seenPlan["$" + id] = true; planIds.push(id); }
      return readList(p.rows, strict, "plans[" + i + "].rows").map(function (r, j) {
        var rid = isObject(r) ? readId(r.id, strict, "plans[" + i + "].rows[" + j + "].id") : "";
        if (rid && !seenRow["$" + rid]) { seenRow["$" + rid] = true; rowIds.push(rid); }
        return r;
      });
    });
    var givenPlan = {}, givenRow = {};
    function claim(id, given, ids, prefix) {
      if (id && !given["$" + id]) { given["$" + id] = true; return id; }
      var fresh = newId(prefix, ids);
      ids.push(fresh); given["$" + fresh] = true;
      return fresh;
    }
    out.plans = plansIn.map(function (p, i) {
      var path = "plans[" + i + "]";
      var plan = { id: claim(typeof p.id === "string" ? p.id : "", givenPlan, planIds, "p"),
                   name: readText(p.name, strict, path + ".name"),
                   approved_by: readText(p.approved_by, strict, path + ".approved_by"),
                   approved_on: readDate(p.approved_on, strict, path + ".approved_on"),
                   rows: [] };
      plan.rows = rowsIn[i].map(function (r, j) {
        var rid = claim(isObject(r) && typeof r.id === "string" ? r.id : "", givenRow, rowIds, "r");
        return readRow(r, rid, strict, path + ".rows[" + j + "]");
      });
      if (!plan.rows.length) plan.rows.push(emptyRow(claim("", givenRow, rowIds, "r")));
      return plan;
    });
    if (!out.plans.length) out.plans.push(emptyPlan(claim("", givenPlan, planIds, "p"), claim("", givenRow, rowIds, "r")));

    var current = readId(raw.current_plan, strict, "current_plan");
    out.current_plan = out.plans.some(function (p) { return p.id === current; }) ? current : out.plans[0].id;

    var pulse = raw.pulse;
    if (pulse === undefined || pulse === null) out.pulse = null;
    else if (!isObject(pulse)) out.pulse = fail(strict, "pulse", null);
    else out.pulse = { saved: readText(pulse.saved, strict, "pulse.saved"), results: copyJson(pulse.results) };
    // The programme planner's plan; planner.js reads (and checks) the plan itself.
    var programme = raw.programme;
    if (programme === undefined || programme === null) out.programme = null;
    else if (!isObject(programme) || !isObject(programme.plan)) out.programme = fail(strict, "programme", null);
    else out.programme = { saved: readText(programme.saved, strict, "programme.saved"), plan: copyJson(programme.plan) };

    out.changed = readText(raw.changed, strict, "changed");
    return out;
  }

  function copy(work) { return normalise(work, false); }
  function allRowIds(work) {
    var ids = [];
    work.plans.forEach(function (p) { p.rows.forEach(function (r) { ids.push(r.id); }); });
    return ids;
  }
  function planIndex(work, planId) {
    for (var i = 0; i < work.plans.length; i++) if (work.plans[i].id === planId) return i;
    return -1;
  }
  function pick(fields, names) {
    var out = {};
    if (isObject(fields)) names.forEach(function (f) { if (has.call(fields, f)) out[f] = fields[f]; });
    return out;
  }

  /* ---------- plans ---------- */
  function addPlan(work, name) {
    var w = copy(work);
    var plan = emptyPlan(newId("p", w.plans.map(function (p) { return p.id; })), newId("r", allRowIds(w)),
                         readText(name, false, "name"));
    w.plans.push(plan);
    w.current_plan = plan.id;
    return { work: w, plan: copy(w).plans[w.plans.length - 1] };
  }

  function removePlan(work, planId) {
    var w = copy(work), i = planIndex(w, planId);
    if (i === -1) return w;
    w.plans.splice(i, 1);
    if (!w.plans.length) {
      w.plans.push(emptyPlan("p-1", "r-1", ""));
      w.current_plan = "p-1";
    } else if (w.current_plan === planId) {
      w.current_plan = w.plans[Math.min(i, w.plans.length - 1)].id;   // the neighbour
    }
    return w;
  }

  function renamePlan(work, planId, fields) {
    var w = copy(work), i = planIndex(w, planId);
    if (i === -1) return w;
    var f = pick(fields, ["name", "approved_by", "approved_on"]), plan = w.plans[i];
    if (has.call(f, "name")) plan.name = readText(f.name, false);
    if (has.call(f, "approved_by")) plan.approved_by = readText(f.approved_by, false);
    if (has.call(f, "approved_on")) plan.approved_on = readDate(f.approved_on, false);
    return w;
  }

  function setCurrentPlan(work, planId) {
    var w = copy(work);
    if (planIndex(w, planId) !== -1) w.current_plan = planId;
    return w;
  }

  function currentPlan(work) {
    if (!isObject(work) || !Array.isArray(work.plans) || !work.plans.length) return null;
    for (var i = 0; i < work.plans.length; i++) if (work.plans[i] && work.plans[i].id === work.current_plan) return work.plans[i];
    return work.plans[0];
  }

  /* ---------- rows ---------- */
  function applyRow(row, fields) {
    var merged = {};
    ROW_FIELDS.forEach(function (f) { merged[f] = row[f]; });
    var f = pick(fields, ROW_FIELDS);
    Object.keys(f).forEach(function (k) { merged[k] = f[k]; });
    return readRow(merged, row.id, false, "");
  }

  function addRow(work, planId, fields) {
    var w = copy(work), i = planIndex(w, planId);
    if (i === -1) return { work: w, row: null };
    var row = applyRow(emptyRow(newId("r", allRowIds(w))), fields);
    w.plans[i].rows.push(row);
    return { work: w, row: applyRow(row, {}) };
  }

  function updateRow(work, planId, rowId, fields) {
    var w = copy(work), i = planIndex(w, planId);
    if (i === -1) return w;
    w.plans[i].rows = w.plans[i].rows.map(function (r) { return r.id === rowId ? applyRow(r, fields) : r; });
    return w;
  }

  function removeRow(work, planId, rowId) {
    var w = copy(work), i = planIndex(w, planId);
    if (i === -1) return w;
    var rows = w.plans[i].rows.filter(function (r) { return r.id !== rowId; });
    if (!rows.length) rows.push(emptyRow(newId("r", allRowIds(w).filter(function (id) { return id !== rowId; }))));
    w.plans[i].rows = rows;
    return w;
  }

  function rowIsEmpty(row) {
    if (!isObject(row)) return true;
    var blank = emptyRow("");
    return ROW_FIELDS.every(function (f) { return row[f] === undefined || row[f] === blank[f]; });
  }

  /* ---------- checklists ---------- */
  function setTick(work, itemId, checked) {
    var w = copy(work), key = String(itemId);
    if (checked) w.checklists[key] = true; else delete w.checklists[key];
    return copy(w);   // keeps the keys sorted
  }
  function clearTicks(work, itemIds) {
    var w = copy(work);
    (Array.isArray(itemIds) ? itemIds : []).forEach(function (id) { delete w.checklists[String(id)]; });
    return w;
  }
  /** How many of itemIds are ticked; without itemIds, all ticks. */
  function countTicks(work, itemIds) {
    var ticks = isObject(work) && isObject(work.checklists) ? work.checklists : {};
    var ids = Array.isArray(itemIds) ? itemIds : Object.keys(ticks);
    var seen = {};
    return ids.filter(function (id) {
      if (seen["$" + id]) return false;
      seen["$" + id] = true;
      return has.call(ticks, id) && ticks[id] === true;
    }).length;
  }

  /* ---------- meetings ---------- */
  function setMeeting(work, themeId, fields) {
    var w = copy(work), key = String(themeId);
    var m = w.meetings[key] || { date: "", participants: "", notes: {} };
    var f = pick(fields, ["date", "participants", "notes"]);
    if (has.call(f, "date")) m.date = readDate(f.date, false);
    if (has.call(f, "participants")) m.participants = readText(f.participants, false);
    if (isObject(f.notes)) Object.keys(f.notes).forEach(function (step) { m.notes[step] = readText(f.notes[step], false); });
    w.meetings[key] = m;
    return copy(w);   // drops emptied notes, sorts keys
  }
  function clearMeeting(work, themeId) {
    var w = copy(work);
    delete w.meetings[String(themeId)];
    return w;
  }

  /* ---------- pulse and time ---------- */
  function setPulse(work, results, now) {
    var w = copy(work);
    w.pulse = results === null || results === undefined ? null : { saved: readText(now, false), results: copyJson(results) };
    return w;
  }
  function setProgramme(work, plan, now) {
    var w = copy(work);
    w.programme = plan === null || plan === undefined ? null : { saved: readText(now, false), plan: copyJson(plan) };
    return w;
  }
  function touch(work, now) {
    var w = copy(work);
    w.changed = readText(now, false);
    return w;
  }

  /* ---------- files ---------- */
  function sortKeys(v) {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (!isObject(v)) return v;
    var out = {};
    Object.keys(v).sort().forEach(function (k) { out[k] = sortKeys(v[k]); });
    return out;
  }
  /** The file's object in its fixed key order; the pulse results with sorted keys. */
  function fileObject(work, saved) {
    var w = copy(work);
    return { format: w.format, version: w.version, saved: saved, changed: w.changed,
             current_plan: w.current_plan, checklists: w.checklists, meetings: w.meetings,
             plans: w.plans, pulse: w.pulse && { saved: w.pulse.saved, results: sortKeys(w.pulse.results) },
             programme: w.programme && { saved: w.programme.saved, plan: w.programme.plan } };
  }
  function serialize(work, now) {
    return JSON.stringify(fileObject(work, readText(now, false)), null, 2) + "\n";
  }
  /** The work's content without its time stamps (changed, saved). */
  function canonical(work) {
    var o = fileObject(work, "");
    delete o.saved; delete o.changed;
    if (o.programme) o.programme = { plan: o.programme.plan };  // when the plan was saved is not the work
    return JSON.stringify(o);
  }

  function parseWorkFile(text) {
    var data;
    try {
      if (typeof text !== "string") throw new Error("not text");
      data = JSON.parse(text.charAt(0) === "\ufeff" ? text.slice(1) : text);
    } catch (e) {
      return { ok: false, error: "corrupt", detail: "not JSON: " + e.message };
    }
    if (!isObject(data) || data.format !== FORMAT) {
      return { ok: false, error: "foreign", detail: "format is " + (isObject(data) ? JSON.stringify(data.format) : "missing") + ", not " + FORMAT };
    }
    if (typeof data.version !== "number" || Math.floor(data.version) !== data.version || data.version < 1) {
      return { ok: false, error: "invalid", detail: "version" };
    }
    if (data.version > VERSION) {
      return { ok: false, error: "newer", detail: "version " + data.version + " (this page reads " + VERSION + ")" };
    }
    try {
      var work = normalise(data, true);
      return { ok: true, work: work, saved: typeof data.saved === "string" ? data.saved : "" };
    } catch (e) {
      if (e instanceof Invalid) return { ok: false, error: "invalid", detail: e.field };
      return { ok: false, error: "invalid", detail: String(e && e.message || e) };
    }
  }

  /** The work kept by the earlier pages, which stored each tick and the action plan in
   * localStorage: [[key, value], ...]. null when none of it holds anything. */
  function migrateLegacy(entries) {
    if (!Array.isArray(entries)) return null;
    var work = emptyWork(), found = false, rows = [];
    entries.forEach(function (entry) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string") return;
      var key = entry[0], value = entry[1];
      if (key.indexOf(LEGACY_TICK) === 0 && key.length > LEGACY_TICK.length && value === "1") {
        work.checklists[key.slice(LEGACY_TICK.length)] = true;
        found = true;
      } else if (key === LEGACY_PLAN && typeof value === "string") {
        var saved;
        try { saved = JSON.parse(value); } catch (e) { return; }
        if (!Array.isArray(saved)) return;
        saved.forEach(function (cells) {
          if (!Array.isArray(cells)) return;
          var row = { action: cells[0], who: cells[1], due: cells[2], followup: cells[3] };
          Object.keys(row).forEach(function (k) { if (typeof row[k] !== "string") row[k] = ""; });
          row = readRow(row, "r-" + (rows.length + 1), false, "");
          if (!rowIsEmpty(row)) rows.push(row);
        });
      }
    });
    if (rows.length) {
      rows.forEach(function (r, i) { r.id = "r-" + (i + 1); });
      work.plans[0].rows = rows;
      found = true;
    }
    return found ? copy(work) : null;
  }

  function equalWork(a, b) { return canonical(a) === canonical(b); }

  /** 32-bit FNV-1a over the UTF-8 bytes of the work without its time stamps, 8 hex digits. */
  function digest(work) {
    var text = canonical(work), h = 0x811c9dc5;
    function add(byte) { h = Math.imul(h ^ byte, 0x01000193) >>> 0; }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00); i++; }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;   // a lone surrogate, as TextEncoder writes it
      if (c < 0x80) add(c);
      else if (c < 0x800) { add(0xc0 | c >> 6); add(0x80 | c & 63); }
      else if (c < 0x10000) { add(0xe0 | c >> 12); add(0x80 | c >> 6 & 63); add(0x80 | c & 63); }
      else { add(0xf0 | c >> 18); add(0x80 | c >> 12 & 63); add(0x80 | c >> 6 & 63); add(0x80 | c & 63); }
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  var api = {
    FORMAT: FORMAT, VERSION: VERSION, PRIORITIES: PRIORITIES, STATUSES: STATUSES, ROW_FIELDS: ROW_FIELDS,
    emptyWork: emptyWork, newId: newId, emptyRow: emptyRow, isDate: isDate, normalise: copy,
    addPlan: addPlan, removePlan: removePlan, renamePlan: renamePlan, setCurrentPlan: setCurrentPlan,
    currentPlan: currentPlan, addRow: addRow, updateRow: updateRow, removeRow: removeRow, rowIsEmpty: rowIsEmpty,
    setTick: setTick, clearTicks: clearTicks, countTicks: countTicks,
    setMeeting: setMeeting, clearMeeting: clearMeeting, setPulse: setPulse, setProgramme: setProgramme, touch: touch,
    serialize: serialize, parseWorkFile: parseWorkFile, migrateLegacy: migrateLegacy,
    equalWork: equalWork, digest: digest
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api; else root.kcWork = api;
})(this);
