/* The programme planner's logic: clock times, totals, the programme rules, editing,
 * the share link, the YAML export and the calendar file. Pure functions, no DOM: every
 * function returns new values and leaves its arguments alone.
 *
 * A plan has the shape of a programme file (content/programmes/<id>.yml), so the YAML
 * export builds unchanged. `data` is what the build writes into the planner page
 * (trivsel/expand/planner.py): the modules, the rules of content/programme-rules.yml, words.
 * The build checks programmes with the same rules (trivsel/content/programme_rules.py);
 * tests/test_planner_browser.py runs both on every shipped programme and compares.
 *
 * A classic script, not a module: the offline bundle opens pages from file://, where
 * browsers refuse module scripts. Browsers get window.kcPlan, Node gets module.exports. */
(function (root) {
  "use strict";

  var RULES = ["day_length", "block_length", "prerequisite", "before_live_calls", "past_midnight"];
  var MAX_DAYS = 20, MAX_ITEMS = 40, MAX_TEXT = 200;
  var has = Object.prototype.hasOwnProperty;

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function copy(v) { return JSON.parse(JSON.stringify(v)); }
  function isInt(v, min, max) { return typeof v === "number" && Math.floor(v) === v && v >= min && v <= max; }

  /* ---------- time ---------- */
  function minutesOf(text) {
    var m = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(text);
    return m ? +m[1] * 60 + +m[2] : null;
  }
  function clock(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }
  function isDate(v) {
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    var d = new Date(v + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === v;
  }
  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }
  function weekday(iso) { return new Date(iso + "T00:00:00Z").getUTCDay(); } // 0 Sunday .. 6 Saturday

  /** The date of each day: day 1 on first_day, each next one `after` working days later. */
  function dayDates(plan) {
    var out = [], date = plan.first_day;
    plan.days.forEach(function (day, i) {
      if (i) {
        for (var n = 0; n < (day.after || 1); n++) {
          date = addDays(date, 1);
          while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, 1); // training days are weekdays
        }
      }
      out.push(date);
    });
    return out;
  }

  /* ---------- the plan's items ---------- */
  function moduleMap(data) {
    var map = {};
    data.modules.forEach(function (m) { map[m.id] = m; });
    return map;
  }
  function kindOf(item) { return has.call(item, "module") ? "module" : has.call(item, "break") ? "break" : "session"; }
  function text(value, lang) {
    if (typeof value === "string") return value;
    if (!isObject(value)) return "";
    if (typeof value[lang] === "string") return value[lang];
    var keys = Object.keys(value);
    return keys.length ? String(value[keys[0]]) : "";
  }
  function isShort(item, modules) {
    return item.version === "short" && !!(modules[item.module] && modules[item.module].short);
  }
  /** minutes, teaching and exercise of one item. */
  function measure(item, modules) {
    var kind = kindOf(item);
    if (kind === "module") {
      var m = modules[item.module], part = isShort(item, modules) ? m.short : m;
      return { minutes: part.teaching + part.exercise, teaching: part.teaching, exercise: part.exercise };
    }
    if (kind === "break") return { minutes: item["break"], teaching: 0, exercise: 0 };
    var s = item.session;
    // Live calls are work, not teaching: counted apart.
    return { minutes: s.minutes, teaching: s.live_calls ? 0 : s.minutes, exercise: 0 };
  }

  /** Clock times for every item, day by day (trivsel/content/curriculum.py schedule). */
  function schedule(plan, data) {
    var modules = moduleMap(data), dates = dayDates(plan);
    return plan.days.map(function (day, di) {
      var now = minutesOf(day.start), slots = day.items.map(function (item) {
        var kind = kindOf(item), size = measure(item, modules), start = now;
        now += size.minutes;
        return {
          start: start, end: now, minutes: size.minutes, kind: kind, teaching: size.teaching, exercise: size.exercise,
          module: kind === "module" ? item.module : null, short: kind === "module" && isShort(item, modules),
          live_calls: kind === "session" && !!item.session.live_calls,
          title: kind === "module" ? modules[item.module].title : text(kind === "break" ? item.title : item.session.title, data.lang)
        };
      });
      return { number: di + 1, date: dates[di], start: minutesOf(day.start), end: now, slots: slots, totals: sum([slots]) };
    });
  }
  function sum(slotLists) {
    var t = { total: 0, teaching: 0, exercise: 0, "break": 0, live_calls: 0 };
    slotLists.forEach(function (slots) {
      slots.forEach(function (s) {
        t.total += s.minutes; t.teaching += s.teaching; t.exercise += s.exercise;
        if (s.kind === "break") t["break"] += s.minutes;
        if (s.live_calls) t.live_calls += s.minutes;
      });
    });
    return t;
  }
  function totals(days) { return sum(days.map(function (d) { return d.slots; })); }

  /* ---------- the rules (trivsel/content/programme_rules.py verdicts) ---------- */
  function later(a, b) { return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]); }
  function verdicts(plan, data) {
    var modules = moduleMap(data), rules = data.rules, out = [], firstLive = null, position = {}, order = [];
    plan.days.forEach(function (day, di) {
      var sizes = day.items.map(function (item) { return measure(item, modules).minutes; });
      var length = sizes.reduce(function (a, b) { return a + b; }, 0);
      if (length > rules.day_limit) out.push({ rule: "day_length", day: di, item: null, values: { minutes: length, limit: rules.day_limit } });
      var end = minutesOf(day.start) + length;
      if (end > 24 * 60) out.push({ rule: "past_midnight", day: di, item: null, values: { end: clock(end - 24 * 60) } }); // the clock the next day
      var block = 0, reported = false;
      day.items.forEach(function (item, ii) {
        var kind = kindOf(item);
        if (kind === "break") { block = 0; reported = false; return; }
        block += sizes[ii];
        if (block > rules.max_block && !reported) {
          out.push({ rule: "block_length", day: di, item: ii, values: { minutes: block, limit: rules.max_block } });
          reported = true; // one verdict per stretch
        }
        if (kind === "session" && item.session.live_calls && firstLive === null) firstLive = [di, ii];
        if (kind === "module") {
          if (!has.call(position, item.module)) order.push(item.module);
          position[item.module] = [di, ii];
          if (modules[item.module].before_live_calls && firstLive !== null) {
            out.push({ rule: "before_live_calls", day: di, item: ii, values: { day: firstLive[0] + 1, calls_item: firstLive[1] } });
          }
        }
      });
    });
    order.forEach(function (id) {
      var at = position[id];
      modules[id].prerequisites.forEach(function (pre) {
        if (has.call(position, pre) && later(position[pre], at)) {
          out.push({ rule: "prerequisite", day: at[0], item: at[1], values: { prerequisite: pre, prerequisite_at: position[pre].slice() } });
        }
      });
    });
    function key(v) { return [v.day, v.item === null ? -1 : v.item, RULES.indexOf(v.rule)]; }
    return out.map(function (v, i) { return [key(v), i, v]; }).sort(function (a, b) {
      for (var k = 0; k < 3; k++) if (a[0][k] !== b[0][k]) return a[0][k] - b[0][k];
      return a[1] - b[1];
    }).map(function (x) { return x[2]; });
  }
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) { return has.call(values, name) ? values[name] : all; });
  }
  /** The verdict as the page's words, for the item it sits beside. */
  function message(verdict, plan, data) {
    var modules = moduleMap(data), v = verdict.values, values = {};
    Object.keys(v).forEach(function (k) { values[k] = v[k]; });
    if (verdict.item !== null) {
      var item = plan.days[verdict.day].items[verdict.item];
      if (kindOf(item) === "module") values.module = modules[item.module].title;
    }
    if (v.prerequisite) values.prerequisite = modules[v.prerequisite].title;
    return fill(data.rules.messages[verdict.rule], values);
  }

  /** The learning objectives of the plan's modules, each module once, in plan order. */
  function objectives(plan, data) {
    var modules = moduleMap(data), seen = {}, out = [];
    plan.days.forEach(function (day) {
      day.items.forEach(function (item) {
        if (kindOf(item) === "module" && !seen[item.module]) {
          seen[item.module] = true;
          out.push({ module: item.module, title: modules[item.module].title, objectives: modules[item.module].objectives.slice() });
        }
      });
    });
    return out;
  }

  /* ---------- editing: each returns a new plan ---------- */
  function moveItem(plan, di, ii, delta) {
    var p = copy(plan), days = p.days, item = days[di].items[ii];
    days[di].items.splice(ii, 1);
    var to = { day: di, item: ii + delta };
    if (to.item < 0) {            // above the first item: to the end of the day before
      if (di === 0) { days[di].items.splice(0, 0, item); return { plan: plan, day: di, item: ii }; }
      to = { day: di - 1, item: days[di - 1].items.length };
    } else if (to.item > days[di].items.length) { // below the last: to the start of the next day
      if (di === days.length - 1) { days[di].items.push(item); return { plan: plan, day: di, item: ii }; }
      to = { day: di + 1, item: 0 };
    }
    days[to.day].items.splice(to.item, 0, item);
    return { plan: p, day: to.day, item: to.item };
  }
  /** Drag and drop: the item at (di, ii) goes before item tj of day td (tj may be the day's length). */
  function moveTo(plan, di, ii, td, tj) {
    var p = copy(plan), item = p.days[di].items.splice(ii, 1)[0];
    if (td === di && tj > ii) tj -= 1;
    tj = Math.max(0, Math.min(tj, p.days[td].items.length));
    p.days[td].items.splice(tj, 0, item);
    return { plan: p, day: td, item: tj };
  }
  function removeItem(plan, di, ii) { var p = copy(plan); p.days[di].items.splice(ii, 1); return p; }
  function addItem(plan, di, item) { var p = copy(plan); p.days[di].items.push(copy(item)); return p; }
  function setItem(plan, di, ii, item) { var p = copy(plan); p.days[di].items[ii] = copy(item); return p; }
  function addDay(plan) {
    var p = copy(plan), last = p.days[p.days.length - 1];
    p.days.push({ start: last ? last.start : "08:30", items: [] });
    return p;
  }
  function removeDay(plan, di) {
    var p = copy(plan);
    p.days.splice(di, 1);
    if (!p.days.length) p.days.push({ start: "08:30", items: [] });
    if (p.days[0].after !== undefined) delete p.days[0].after;
    return p;
  }
  function setDay(plan, di, fields) {
    var p = copy(plan), day = p.days[di];
    if (fields.start !== undefined && minutesOf(fields.start) !== null) day.start = fields.start;
    if (fields.after !== undefined && di > 0 && isInt(fields.after, 1, 60)) {
      if (fields.after === 1) delete day.after; else day.after = fields.after;
    }
    return p;
  }
  function setPlan(plan, fields) {
    var p = copy(plan);
    if (typeof fields.name === "string" && fields.name.trim()) {
      var name = fields.name.trim().slice(0, MAX_TEXT);
      Object.keys(p.title).forEach(function (l) { p.title[l] = name; }); // the trainer's own name, in every language
    }
    if (fields.first_day !== undefined && isDate(fields.first_day)) p.first_day = fields.first_day;
    if (fields.timezone !== undefined) p.timezone = fields.timezone;
    return p;
  }
  function isEmpty(plan) { return !plan || plan.days.every(function (d) { return !d.items.length; }); }
  function samePlan(a, b) { return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b)); }
  function canonical(v) {
    if (Array.isArray(v)) return v.map(canonical);
    if (!isObject(v)) return v;
    var out = {};
    Object.keys(v).sort().forEach(function (k) { out[k] = canonical(v[k]); });
    return out;
  }

  function today(now) { return (now || new Date()).toISOString().slice(0, 10); }
  /** An empty plan: one day, the site's default texts, the next Monday as its first day. */
  function emptyPlan(data, now) {
    var date = today(now);
    do { date = addDays(date, 1); } while (weekday(date) !== 1);
    return { title: copy(data.new_plan.title), summary: copy(data.new_plan.summary), audience: copy(data.new_plan.audience),
             timezone: data.timezones[0], first_day: date, days: [{ start: "08:30", items: [] }] };
  }
  function fromProgramme(data, id) {
    for (var i = 0; i < data.programmes.length; i++) if (data.programmes[i].id === id) return copy(data.programmes[i].plan);
    return null;
  }

  /* ---------- reading a plan from outside (link, storage, file) ---------- */
  function readText(v, languages) {
    if (!isObject(v)) return null;
    var out = {}, found = false;
    languages.forEach(function (l) { if (typeof v[l] === "string") { out[l] = v[l].slice(0, MAX_TEXT); found = true; } });
    if (!found) return null;
    var first = out[Object.keys(out)[0]];
    languages.forEach(function (l) { if (!has.call(out, l)) out[l] = first; });
    return out;
  }
  /** {ok, plan, dropped: [module ids not on this site]} or {ok: false}. */
  function readPlan(raw, data) {
    var modules = moduleMap(data), langs = data.languages, dropped = [];
    if (!isObject(raw) || !Array.isArray(raw.days) || !raw.days.length || raw.days.length > MAX_DAYS) return { ok: false };
    var defaults = emptyPlan(data);
    var plan = {
      title: readText(raw.title, langs) || defaults.title, summary: readText(raw.summary, langs) || defaults.summary,
      audience: readText(raw.audience, langs) || defaults.audience,
      timezone: data.timezones.indexOf(raw.timezone) !== -1 ? raw.timezone : defaults.timezone,
      first_day: isDate(raw.first_day) ? raw.first_day : defaults.first_day, days: []
    };
    if (typeof raw.id === "string" && /^[a-z0-9-]{1,60}$/.test(raw.id)) plan.id = raw.id;
    for (var di = 0; di < raw.days.length; di++) {
      var d = raw.days[di];
      if (!isObject(d) || minutesOf(d.start) === null || !Array.isArray(d.items) || d.items.length > MAX_ITEMS) return { ok: false };
      var day = { start: d.start, items: [] };
      if (di > 0 && d.after !== undefined) {
        if (!isInt(d.after, 1, 60)) return { ok: false };
        if (d.after !== 1) day.after = d.after;
      }
      for (var ii = 0; ii < d.items.length; ii++) {
        var item = d.items[ii];
        if (!isObject(item)) return { ok: false };
        if (has.call(item, "module")) {
          if (typeof item.module !== "string") return { ok: false };
          if (!modules[item.module]) { dropped.push(item.module.slice(0, 60)); continue; }
          var m = { module: item.module };
          if (item.version === "short" && modules[item.module].short) m.version = "short";
          day.items.push(m);
        } else if (has.call(item, "break")) {
          var title = readText(item.title, langs);
          if (!isInt(item["break"], 1, 120) || !title) return { ok: false };
          day.items.push({ "break": item["break"], title: title });
        } else if (isObject(item.session)) {
          var s = item.session, st = readText(s.title, langs);
          if (!st || !isInt(s.minutes, 1, 480)) return { ok: false };
          var session = { title: st, minutes: s.minutes };
          if (s.live_calls === true) session.live_calls = true;
          day.items.push({ session: session });
        } else return { ok: false };
      }
      plan.days.push(day);
    }
    return { ok: true, plan: plan, dropped: dropped };
  }

  /* ---------- the share link: the plan in the address fragment ---------- */
  var SHARE = "plan=";
  function toBase64Url(bytes) {
    var bin = "";
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromBase64Url(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  function encodeShare(plan) { return SHARE + toBase64Url(new TextEncoder().encode(JSON.stringify(plan))); }
  /** What the address asks for: {plan: raw object} from a share link's fragment,
   * {programme: id} from ?programme=<id>, {invalid: true}, or null. */
  function readAddress(search, hash) {
    var m = /(?:^\?|&)programme=([a-z0-9-]+)(?:&|$)/.exec(String(search || ""));
    if (m) return { programme: m[1] };
    var h = String(hash || "").replace(/^#/, "");
    if (h.indexOf(SHARE) === 0) {
      try { return { plan: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(h.slice(SHARE.length)))) }; }
      catch (e) { return { invalid: true }; }
    }
    return null;
  }

  /* ---------- YAML for content/programmes/ ---------- */
  // JSON strings are YAML double-quoted scalars: the export needs no YAML library.
  function q(s) { return JSON.stringify(String(s)); }
  function yamlText(value, langs, indent) {
    return langs.map(function (l) { return indent + l + ": " + q(text(value, l)); }).join("\n");
  }
  function inlineText(value, langs) {
    return "{" + langs.map(function (l) { return l + ": " + q(text(value, l)); }).join(", ") + "}";
  }
  function toYaml(plan, data, now) {
    var langs = data.languages, out = [
      "# Made in the programme planner on " + today(now) + ".",
      "# Save it as content/programmes/<id>.yml: the file name is the programme's id.",
      "title:", yamlText(plan.title, langs, "  "), "summary:", yamlText(plan.summary, langs, "  "),
      "audience:", yamlText(plan.audience, langs, "  "),
      "timezone: " + plan.timezone, "first_day: " + q(plan.first_day), "days:"];
    plan.days.forEach(function (day, di) {
      out.push("  - start: " + q(day.start));
      if (di > 0 && day.after && day.after !== 1) out.push("    after: " + day.after);
      out.push("    items:");
      day.items.forEach(function (item) {
        var kind = kindOf(item);
        if (kind === "module") {
          out.push("      - module: " + item.module);
          if (item.version === "short") out.push("        version: short");
        } else if (kind === "break") {
          out.push("      - break: " + item["break"], "        title: " + inlineText(item.title, langs));
        } else {
          out.push("      - session:", "          title: " + inlineText(item.session.title, langs),
                   "          minutes: " + item.session.minutes);
          if (item.session.live_calls) out.push("          live_calls: true");
        }
      });
    });
    return out.join("\n") + "\n";
  }

  /* ---------- the calendar file (trivsel/content/curriculum.py ics) ---------- */
  function icsText(s) {
    return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  }
  function fold(line) {
    // RFC 5545: lines longer than 75 octets are folded, never inside a UTF-8 character.
    var data = new TextEncoder().encode(line), out = [], dec = new TextDecoder();
    while (data.length > 75) {
      var cut = out.length ? 74 : 75;
      while ((data[cut] & 0xc0) === 0x80) cut--;
      out.push(dec.decode(data.slice(0, cut)));
      data = data.slice(cut);
    }
    out.push(dec.decode(data));
    return out.map(function (part, i) { return i ? " " + part : part; });
  }
  function stamp(iso, minutes) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCMinutes(minutes);
    return d.toISOString().slice(0, 19).replace(/[-:]/g, "");
  }
  /** options: {calendar: name, stamp: DTSTAMP, breakLabel, link(slot, day) -> address}. */
  function ics(plan, data, options) {
    var lang = data.lang, tz = plan.timezone, id = plan.id || "plan";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + data.ics.prodid, "CALSCALE:GREGORIAN",
                 "X-WR-CALNAME:" + icsText(options.calendar), "X-WR-TIMEZONE:" + tz]
      .concat(data.ics.vtimezone.split("{tz}").join(tz).split("\n"));
    schedule(plan, data).forEach(function (day) {
      var events = [];
      day.slots.forEach(function (slot) {
        if (slot.kind === "break") { if (events.length) events[events.length - 1].breaks.push(slot); }
        else events.push({ slot: slot, breaks: [] });
      });
      events.forEach(function (e) {
        var slot = e.slot;
        lines.push("BEGIN:VEVENT",
          "UID:" + id + "-" + lang + "-d" + day.number + "-" + clock(slot.start).replace(":", "") + "@kontaktcenter-trivsel",
          "DTSTAMP:" + options.stamp,
          "DTSTART;TZID=" + tz + ":" + stamp(day.date, slot.start),
          "DTEND;TZID=" + tz + ":" + stamp(day.date, slot.end),
          "SUMMARY:" + icsText(slot.title),
          "URL:" + options.link(slot, day));
        if (e.breaks.length) {
          lines.push("DESCRIPTION:" + icsText(options.breakLabel) + ": " + e.breaks.map(function (b) {
            return icsText(b.title) + " " + clock(b.start) + "–" + clock(b.end);
          }).join("; "));
        }
        lines.push("END:VEVENT");
      });
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).reduce(function (a, b) { return a.concat(b); }, []).map(function (l) { return l + "\r\n"; }).join("");
  }

  /** "2 t. 30 min." in the page's units (trivsel/content/language.py hours). */
  function hours(minutes, units) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    if (h && m) return h + " " + units[0] + " " + m + " " + units[1];
    return h ? h + " " + units[0] : m + " " + units[1];
  }

  var api = {
    RULES: RULES, clock: clock, minutesOf: minutesOf, isDate: isDate, dayDates: dayDates, kindOf: kindOf, text: text,
    schedule: schedule, totals: totals, verdicts: verdicts, message: message, objectives: objectives, fill: fill,
    moveItem: moveItem, moveTo: moveTo, removeItem: removeItem, addItem: addItem, setItem: setItem, addDay: addDay,
    removeDay: removeDay, setDay: setDay, setPlan: setPlan, isEmpty: isEmpty, samePlan: samePlan,
    emptyPlan: emptyPlan, fromProgramme: fromProgramme, readPlan: readPlan, encodeShare: encodeShare,
    readAddress: readAddress, toYaml: toYaml, ics: ics, hours: hours
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api; else root.kcPlan = api;
})(this);
