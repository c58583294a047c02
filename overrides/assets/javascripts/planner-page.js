/* The programme planner's page: DOM glue around planner.js (window.kcPlan).
 * The plan is kept in the committee's work (committee.js, window.kcWorkStore), so it is in
 * the work file too; every change is handed over at once. Reordering is by buttons, so it
 * works with the keyboard and a screen reader; the totals line is a live region. */
(function () {
  "use strict";
  var P = window.kcPlan, data, plan, words, box, lastTotals = "", modules = {};

  function say(key, values) { return P.fill(words[key] || key, values || {}); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function button(label, action, extra) {
    return el("button", Object.assign({ type: "button", "class": "md-button kc-planner__button", "data-action": action, text: label }, extra || {}));
  }
  function link(url) { return new URL(url, location.href).href; }
  function hours(n) { return P.hours(n, data.hour_units); }
  function dateWords(iso) {
    try {
      return new Intl.DateTimeFormat(data.lang === "nb" ? "nb-NO" : data.lang === "da" ? "da-DK" : "en-GB",
        { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso + "T00:00:00Z"));
    } catch (e) { return iso; }
  }
  function status(text) { var s = box.querySelector("[data-planner-status]"); if (s) s.textContent = text; }

  /* ---------- keeping the plan ---------- */
  function keep() {
    document.dispatchEvent(new CustomEvent("kc-planner-plan", { detail: plan }));
    var store = window.kcWorkStore;
    box.querySelector("[data-planner-storage]").hidden = !!(store && store.storageOk());
  }
  function change(next, focus) { plan = next; keep(); render(focus); }

  /* ---------- drawing ---------- */
  function totalsText(days) {
    var t = P.totals(days);
    return say("programme_total", { total: hours(t.total), teaching: hours(t.teaching), exercise: hours(t.exercise),
                                    calls: hours(t.live_calls), breaks: hours(t["break"]) });
  }
  function warningsText(found) {
    return found === 0 ? say("planner_no_warnings") : found === 1 ? say("planner_warning_one") : say("planner_warnings", { n: found });
  }
  function warningsAt(all, di, ii) {
    return all.filter(function (v) { return v.day === di && v.item === ii; }).map(function (v) {
      return el("p", { "class": "kc-planner__warning", "data-rule": v.rule },
        [el("strong", { text: say("planner_warning") + ": " }), P.message(v, plan, data)]);
    });
  }
  function itemRow(day, di, slot, ii, all) {
    var item = plan.days[di].items[ii], kind = P.kindOf(item), key = "d" + di + "i" + ii, controls = [];
    var mod = kind === "module" ? modules[item.module] : null;
    var title = mod ? el("a", { href: link(mod.url), text: slot.title }) : el("span", { text: slot.title });
    if (mod && mod.short) {
      var short = el("input", { type: "checkbox", id: key + "-short", "data-field": "short", "data-key": key + "-short", checked: item.version === "short" });
      controls.push(el("label", { "class": "kc-planner__check", "for": key + "-short" },
        [short, " " + say("planner_short", { minutes: mod.short.teaching + mod.short.exercise })]));
    }
    if (kind !== "module") {
      var minutes = kind === "break" ? item["break"] : item.session.minutes;
      controls.push(el("label", { "class": "kc-planner__minutes" }, [say("planner_minutes") + " ",
        el("input", { type: "number", min: 1, max: kind === "break" ? 120 : 480, value: minutes, "data-field": "minutes", "data-key": key + "-minutes" })]));
    }
    if (kind === "session") {
      controls.push(el("label", { "class": "kc-planner__check" }, [el("input", { type: "checkbox", "data-field": "live_calls",
        "data-key": key + "-calls", checked: !!item.session.live_calls }), " " + say("planner_live_calls")]));
    }
    var name = slot.title;
    controls.push(button(say("planner_up"), "up", { "aria-label": say("planner_up") + ": " + name, "data-key": key + "-up" }),
                  button(say("planner_down"), "down", { "aria-label": say("planner_down") + ": " + name, "data-key": key + "-down" }),
                  button(say("planner_remove"), "remove", { "aria-label": say("planner_remove") + ": " + name, "data-key": key + "-remove" }));
    var extra = slot.short ? " (" + say("programme_short_version") + ")" : slot.live_calls ? " (" + say("programme_live_calls") + ")" : "";
    return el("li", { "class": "kc-planner__item kc-planner__item--" + kind, "data-day": di, "data-item": ii, draggable: "true" }, [
      el("span", { "class": "kc-planner__time", "data-time": "" }, [P.clock(slot.start) + "–" + P.clock(slot.end)]),
      el("span", { "class": "kc-planner__title" }, [title, extra + " · " + slot.minutes + " min"]),
      el("span", { "class": "kc-planner__controls" }, controls)
    ].concat(warningsAt(all, di, ii)));
  }
  function addControls(di) {
    var id = "kc-planner-add-" + di, select = el("select", { id: id, "data-add": "" });
    var groups = [["planner_kind_module", data.modules.map(function (m) { return ["module:" + m.id, m.title]; })],
                  ["planner_kind_break", data.breaks.map(function (b, i) { return ["break:" + i, P.text(b.title, data.lang) + " (" + b["break"] + " min)"]; })],
                  ["planner_kind_session", data.sessions.map(function (s, i) { return ["session:" + i, P.text(s.title, data.lang) + " (" + s.minutes + " min)"]; })
                    .concat([["own", say("planner_own_session")]])]];
    groups.forEach(function (g) {
      select.appendChild(el("optgroup", { label: say(g[0]) }, g[1].map(function (o) { return el("option", { value: o[0], text: o[1] }); })));
    });
    var own = el("input", { type: "text", id: id + "-own", "data-own": "", maxlength: 200 });
    var ownLabel = el("label", { "for": id + "-own", "class": "kc-planner__own", hidden: true }, [say("planner_own_title") + " ", own]);
    select.addEventListener("change", function () { ownLabel.hidden = select.value !== "own"; });
    return el("div", { "class": "kc-planner__add" }, [el("label", { "for": id }, [say("planner_add_to_day", { n: di + 1 })]), " ", select, " ",
      ownLabel, button(say("planner_add"), "add", { "data-key": "d" + di + "-add" })]);
  }
  function daySection(day, di, all) {
    var total = day.totals, heading = say("programme_day", { n: di + 1 }) + " – " + dateWords(day.date);
    var fields = [el("label", { "class": "kc-planner__field" }, [say("planner_day_start") + " ",
      el("input", { type: "time", value: plan.days[di].start, "data-day-field": "start", "data-key": "d" + di + "-start", required: true })])];
    if (di > 0) {
      fields.push(el("label", { "class": "kc-planner__field" }, [say("planner_day_after") + " ",
        el("input", { type: "number", min: 1, max: 60, value: plan.days[di].after || 1, "data-day-field": "after", "data-key": "d" + di + "-after" })]));
    }
    fields.push(button(say("planner_remove_day", { n: di + 1 }), "remove-day", { "data-key": "d" + di + "-remove-day" }));
    var list = el("ol", { "class": "kc-planner__items" }, day.slots.map(function (slot, ii) { return itemRow(day, di, slot, ii, all); }));
    return el("section", { "class": "kc-planner__day", "data-day": di, "aria-labelledby": "kc-planner-day-" + di }, [
      el("h2", { id: "kc-planner-day-" + di, text: heading }),
      el("div", { "class": "kc-planner__fields" }, fields)
    ].concat(warningsAt(all, di, null), [
      day.slots.length ? list : el("p", { "class": "kc-planner__empty", text: say("planner_day_empty") }),
      addControls(di),
      el("p", { "class": "kc-planner__day-total", text: say("programme_day_total", { n: di + 1, total: hours(total.total),
        teaching: hours(total.teaching), exercise: hours(total.exercise), calls: hours(total.live_calls), breaks: hours(total["break"]) }) })
    ]));
  }
  function printAgenda(days) {
    var title = P.text(plan.title, data.lang);
    return el("div", { "class": "kc-planner__print" }, [el("p", { "class": "kc-planner__print-title", text: title }),
      el("p", { text: totalsText(days) + "." })].concat(days.map(function (day, di) {
      return el("table", { "class": "kc-planner__table" }, [el("caption", { text: say("programme_day", { n: di + 1 }) + " – " + dateWords(day.date) }),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: say("programme_time") }), el("th", { scope: "col", text: say("programme_item") }),
          el("th", { scope: "col", text: say("programme_minutes") })])]),
        el("tbody", {}, day.slots.map(function (s) {
          var extra = s.short ? " (" + say("programme_short_version") + ")" : s.live_calls ? " (" + say("programme_live_calls") + ")" : "";
          return el("tr", { "class": "kc-planner__print-" + s.kind }, [el("td", { text: P.clock(s.start) + "–" + P.clock(s.end) }),
            el("td", { text: s.title + extra }), el("td", { text: String(s.minutes) })]);
        }))]);
    })));
  }
  function objectivesSection() {
    var found = P.objectives(plan, data);
    return el("section", { "class": "kc-planner__objectives", "aria-labelledby": "kc-planner-objectives" }, [
      el("h2", { id: "kc-planner-objectives", text: say("planner_objectives") })
    ].concat(found.length ? found.map(function (o) {
      return el("div", {}, [el("p", {}, [el("strong", { text: o.title })]), el("ul", {}, o.objectives.map(function (t) { return el("li", { text: t }); }))]);
    }) : [el("p", { text: say("planner_objectives_none") })]));
  }
  function render(focusKey) {
    var days = P.schedule(plan, data), all = P.verdicts(plan, data);
    var area = box.querySelector("[data-planner-days]");
    area.textContent = "";
    days.forEach(function (day, di) { area.appendChild(daySection(day, di, all)); });
    box.querySelector("[data-planner-objectives]").replaceChildren(objectivesSection());
    box.querySelector("[data-planner-print]").replaceChildren(printAgenda(days));
    box.querySelector("[data-plan-field=name]").value = P.text(plan.title, data.lang);
    box.querySelector("[data-plan-field=first_day]").value = plan.first_day;
    box.querySelector("[data-plan-field=timezone]").value = plan.timezone;
    var line = totalsText(days) + ". " + warningsText(all.length), live = box.querySelector("[data-planner-totals]");
    if (line !== lastTotals) { live.textContent = line; lastTotals = line; }
    if (focusKey) {
      var target = box.querySelector('[data-key="' + focusKey + '"]');
      if (target) target.focus();
    }
  }

  /* ---------- what the trainer does ---------- */
  function itemAt(target) {
    var li = target.closest("li[data-item]");
    return li ? [+li.getAttribute("data-day"), +li.getAttribute("data-item")] : null;
  }
  function titleAt(di, ii) { return P.schedule(plan, data)[di].slots[ii].title; }
  function onClick(e) {
    var b = e.target.closest("button[data-action]");
    if (!b || !box.contains(b)) return;
    var action = b.getAttribute("data-action"), at = itemAt(b), section = b.closest("section[data-day]");
    var di = section ? +section.getAttribute("data-day") : null;
    if (action === "up" || action === "down") {
      var title = titleAt(at[0], at[1]), moved = P.moveItem(plan, at[0], at[1], action === "up" ? -1 : 1);
      change(moved.plan, "d" + moved.day + "i" + moved.item + "-" + action);
      status(say("planner_moved", { title: title, day: moved.day + 1, item: moved.item + 1 }));
    } else if (action === "remove") {
      var gone = titleAt(at[0], at[1]), left = plan.days[at[0]].items.length - 1;
      change(P.removeItem(plan, at[0], at[1]), left ? "d" + at[0] + "i" + Math.min(at[1], left - 1) + "-remove" : "d" + at[0] + "-add");
      status(say("planner_removed", { title: gone }));
    } else if (action === "add") {
      var select = section.querySelector("[data-add]"), value = select.value, item = null, parts = value.split(":");
      if (parts[0] === "module") item = { module: parts[1] };
      else if (parts[0] === "break") item = JSON.parse(JSON.stringify(data.breaks[+parts[1]]));
      else if (parts[0] === "session") item = { session: JSON.parse(JSON.stringify(data.sessions[+parts[1]])) };
      else {
        var own = section.querySelector("[data-own]").value.trim();
        if (!own) { section.querySelector("[data-own]").focus(); return; }
        var t = {};
        data.languages.forEach(function (l) { t[l] = own; }); // the trainer's own words, in every language
        item = { session: { title: t, minutes: 30 } };
      }
      change(P.addItem(plan, di, item), "d" + di + "-add");
      var days = P.schedule(plan, data);
      status(say("planner_added", { title: days[di].slots[days[di].slots.length - 1].title, day: di + 1 }));
    } else if (action === "remove-day") {
      if (plan.days[di].items.length && !window.confirm(say("planner_remove_day_confirm", { n: di + 1 }))) return;
      change(P.removeDay(plan, di), "add-day");
    } else if (action === "add-day") {
      change(P.addDay(plan), "d" + plan.days.length + "-start");
    } else if (action === "use") {
      useTemplate(box.querySelector("[data-template]").value);
    } else if (action === "print") {
      window.print();
    } else if (action === "ics") {
      download(fileName("ics"), "text/calendar", P.ics(plan, data, {
        calendar: P.text(plan.title, data.lang) + " – " + siteName(), stamp: new Date().toISOString().slice(0, 19).replace(/[-:]/g, "") + "Z",
        breakLabel: words.calendar_breaks,
        link: function (slot) { return slot.module ? link(modules[slot.module].url) : shareLink(); }
      }));
    } else if (action === "yaml") {
      download(fileName("yml"), "application/yaml", P.toYaml(plan, data));
    } else if (action === "share") {
      var url = shareLink(), out = box.querySelector("[data-share-link]");
      out.value = url; out.hidden = false; out.select();
      copyText(url).then(function () { status(say("planner_share_copied")); }, function () { status(say("planner_share_copied")); });
    }
  }
  function onChange(e) {
    var t = e.target;
    if (t.hasAttribute("data-plan-field")) {
      var f = {}; f[t.getAttribute("data-plan-field")] = t.value;
      change(P.setPlan(plan, f), t.getAttribute("data-key"));
      return;
    }
    var section = t.closest("section[data-day]");
    if (!section) return;
    var di = +section.getAttribute("data-day");
    if (t.hasAttribute("data-day-field")) {
      var field = t.getAttribute("data-day-field"), fields = {};
      fields[field] = field === "after" ? parseInt(t.value, 10) : t.value;
      change(P.setDay(plan, di, fields), t.getAttribute("data-key"));
      return;
    }
    var at = itemAt(t);
    if (!at || !t.hasAttribute("data-field")) return;
    var item = JSON.parse(JSON.stringify(plan.days[at[0]].items[at[1]])), name = t.getAttribute("data-field");
    if (name === "short") { if (t.checked) item.version = "short"; else delete item.version; }
    else if (name === "live_calls") { if (t.checked) item.session.live_calls = true; else delete item.session.live_calls; }
    else if (name === "minutes") {
      var n = parseInt(t.value, 10), max = P.kindOf(item) === "break" ? 120 : 480;
      if (!(n >= 1 && n <= max)) { render(t.getAttribute("data-key")); return; }
      if (P.kindOf(item) === "break") item["break"] = n; else item.session.minutes = n;
    }
    change(P.setItem(plan, at[0], at[1], item), t.getAttribute("data-key") || ("d" + at[0] + "i" + at[1] + "-short"));
  }

  /* ---------- drag and drop (a mouse's shortcut; the buttons do the same) ---------- */
  var dragged = null;
  function dropTarget(e) {
    var li = e.target.closest("li[data-item]"), section = e.target.closest("section[data-day]");
    if (!section) return null;
    var di = +section.getAttribute("data-day");
    if (!li) return [di, plan.days[di].items.length];
    var r = li.getBoundingClientRect(), ii = +li.getAttribute("data-item");
    return [di, e.clientY > r.top + r.height / 2 ? ii + 1 : ii];
  }
  function setupDrag() {
    box.addEventListener("dragstart", function (e) {
      var li = e.target.closest && e.target.closest("li[data-item]");
      if (!li) return;
      dragged = [+li.getAttribute("data-day"), +li.getAttribute("data-item")];
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", "");
    });
    box.addEventListener("dragover", function (e) { if (dragged && dropTarget(e)) e.preventDefault(); });
    box.addEventListener("drop", function (e) {
      var to = dragged && dropTarget(e);
      if (!to) return;
      e.preventDefault();
      var title = titleAt(dragged[0], dragged[1]), moved = P.moveTo(plan, dragged[0], dragged[1], to[0], to[1]);
      dragged = null;
      change(moved.plan, "d" + moved.day + "i" + moved.item + "-up");
      status(say("planner_moved", { title: title, day: moved.day + 1, item: moved.item + 1 }));
    });
    box.addEventListener("dragend", function () { dragged = null; });
  }

  /* ---------- files, links, templates ---------- */
  function siteName() {
    var e = document.querySelector(".md-header__topic .md-ellipsis");
    return e ? e.textContent.trim() : "";
  }
  function fileName(ext) { return (plan.id || "program") + "-" + data.lang + "." + ext; }
  function download(name, type, text) {
    var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" })), download: name });
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function shareLink() { return location.href.split(/[?#]/)[0] + "#" + P.encodeShare(plan); }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return Promise.resolve();
  }
  function useTemplate(id) {
    var next = id ? P.fromProgramme(data, id) : P.emptyPlan(data);
    if (!next) return;
    var title = id ? data.programmes.filter(function (p) { return p.id === id; })[0].title : say("planner_empty");
    if (!P.isEmpty(plan) && !P.samePlan(plan, next) && !window.confirm(say("planner_replace_confirm", { title: title }))) return;
    change(next, "d0-start");
  }
  /** The plan the address asks for (a share link or a programme), if the trainer lets it
   * replace ``current``; null when it asks for none or is refused. Says what went wrong. */
  function asked(current) {
    var wants = P.readAddress(location.search, location.hash), next = null, note = "";
    if (!wants) return null;
    if (wants.invalid) note = say("planner_link_invalid");
    else if (wants.plan) {
      var shared = P.readPlan(wants.plan, data);
      if (!shared.ok) note = say("planner_link_invalid");
      else {
        next = shared.plan;
        if (shared.dropped.length) note = say("planner_unknown_modules", { ids: shared.dropped.join(", ") });
        if (current && !P.isEmpty(current) && !P.samePlan(current, next) && !window.confirm(say("planner_shared_confirm"))) next = null;
      }
    } else if (wants.programme) {
      next = P.fromProgramme(data, wants.programme);
      var chosen = data.programmes.filter(function (p) { return p.id === wants.programme; })[0];
      if (next && current && !P.isEmpty(current) && !P.samePlan(current, next) &&
          !window.confirm(say("planner_replace_confirm", { title: chosen.title }))) next = null;
      if (next) box.querySelector("[data-template]").value = wants.programme;
    }
    // Read once: a reload shows the kept plan, and the address stays short.
    if (history.replaceState) history.replaceState(null, "", location.href.split(/[?#]/)[0]);
    status(note);
    return next;
  }
  /** When the page opens: the address's plan, else the kept one, else an empty one. */
  function opening() {
    var kept = null, store = window.kcWorkStore;
    if (store && store.plan()) {
      var read = P.readPlan(store.plan(), data);
      if (read.ok) kept = read.plan;
    }
    var next = asked(kept);
    plan = next || kept || P.emptyPlan(data);
    if (next || !kept) keep();
  }

  function shell() {
    var tz = el("select", { "data-plan-field": "timezone", "data-key": "timezone" }, data.timezones.map(function (z) { return el("option", { value: z, text: z }); }));
    var templates = el("select", { "data-template": "", id: "kc-planner-template" },
      data.programmes.map(function (p) { return el("option", { value: p.id, text: p.title }); })
        .concat([el("option", { value: "", text: say("planner_empty") })]));
    box.appendChild(el("div", { "class": "kc-planner__app kc-no-print" }, [
      el("div", { "class": "kc-planner__start" }, [el("label", { "for": "kc-planner-template" }, [say("planner_start_from")]), " ", templates, " ",
        button(say("planner_use"), "use")]),
      el("div", { "class": "kc-planner__fields" }, [
        el("label", { "class": "kc-planner__field" }, [say("planner_name") + " ", el("input", { type: "text", maxlength: 200, "data-plan-field": "name", "data-key": "name" })]),
        el("label", { "class": "kc-planner__field" }, [say("planner_first_day") + " ", el("input", { type: "date", "data-plan-field": "first_day", "data-key": "first_day", required: true })]),
        el("label", { "class": "kc-planner__field" }, [say("planner_timezone") + " ", tz])]),
      el("p", { "class": "kc-planner__totals", "data-planner-totals": "", "aria-live": "polite" }),
      el("p", { "class": "kc-planner__storage", "data-planner-storage": "", role: "alert", hidden: true, text: say("planner_storage_failed") }),
      el("div", { "data-planner-days": "" }),
      el("p", {}, [button(say("planner_add_day"), "add-day", { "data-key": "add-day" })]),
      el("div", { "data-planner-objectives": "" }),
      el("div", { "class": "kc-planner__outputs" }, [button(say("planner_print"), "print"), button(say("planner_ics"), "ics"),
        button(say("planner_share"), "share"), button(say("planner_yaml"), "yaml")]),
      el("input", { type: "text", readonly: true, hidden: true, "data-share-link": "", "aria-label": say("planner_share"), "class": "kc-planner__share" }),
      el("p", { "class": "kc-planner__status", "data-planner-status": "", role: "status" })
    ]));
    box.appendChild(el("div", { "data-planner-print": "" }));
  }

  function init() {
    box = document.querySelector("[data-kc-planner]");
    if (!box || !P) return;
    data = JSON.parse(document.getElementById("kc-planner-data").textContent);
    words = data.words;
    data.modules.forEach(function (m) { modules[m.id] = m; });
    var nojs = box.querySelector(".kc-planner__nojs");
    if (nojs) nojs.remove();
    shell();
    opening();
    box.addEventListener("click", onClick);
    box.addEventListener("change", onChange);
    setupDrag();
    // A link to another plan on this same page (the address changes, the page does not reload).
    window.addEventListener("hashchange", function () {
      var next = asked(plan);
      if (next) change(next);
    });
    document.addEventListener("kc-work-replaced", function () {
      var store = window.kcWorkStore, read = store && store.plan() ? P.readPlan(store.plan(), data) : null;
      if (read && read.ok && !P.samePlan(read.plan, plan)) { plan = read.plan; render(); }
    });
    render();
    window.kcPlanner = { plan: function () { return plan; }, data: function () { return data; } };
  }
  // After committee.js, which sets up kcWorkStore on DOMContentLoaded (this script is deferred,
  // so it runs before that event, and committee.js registered its listener first).
  if (document.readyState === "complete") init(); else document.addEventListener("DOMContentLoaded", init);
})();
