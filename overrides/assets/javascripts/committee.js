/* The committee tools on the page: checklist ticks, the meeting sheet, the action plans
 * and the work file. DOM glue only: the work's format, plans and CSV are pure functions
 * in workfile.js (window.kcWork) and csv.js (window.kcCsv), unit-tested with Node.
 *
 * Everything lives in one "work" object in this browser's localStorage. It never leaves
 * the browser except in a file the user saves. Nothing is cleared without asking, a
 * storage failure is said at once, and a change in another tab is loaded, not overwritten.
 */
(function () {
  "use strict";
  var W = window.kcWork, C = window.kcCsv;
  if (!W || !C) return;
  var KEY = "kc-work", SAVED_KEY = "kc-work-file-digest";
  var words = {}, lang = document.documentElement.lang || "da";
  var work, storageOk = true, fileDigest = null;

  function say(key, values) {
    var text = words[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function now() { return new Date().toISOString(); }
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  // --- storage -------------------------------------------------------------------
  function readStored() {
    var text = null;
    try { text = localStorage.getItem(KEY); } catch (e) { storageOk = false; }
    if (text) {
      var parsed = W.parseWorkFile(text);
      if (parsed.ok) return parsed.work;
    }
    var entries = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        entries.push([k, localStorage.getItem(k)]);
      }
    } catch (e) { storageOk = false; }
    return W.migrateLegacy(entries) || W.emptyWork();
  }
  function persist() {
    try {
      localStorage.setItem(KEY, W.serialize(work, now()));
      storageOk = true;
    } catch (e) {
      storageOk = false;
    }
    showStatus();
  }
  function change(next) {
    work = W.touch(next, now());
    persist();
  }
  function probeStorage() {
    try { localStorage.setItem("kc-probe", "1"); localStorage.removeItem("kc-probe"); } catch (e) { storageOk = false; }
    try { fileDigest = localStorage.getItem(SAVED_KEY); } catch (e) { fileDigest = null; }
    // Ask the browser to keep our data instead of evicting it (Safari after seven days, a full disk).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
  }

  // --- status lines of the work-file boxes -----------------------------------------
  var lastMessage = "";
  function showStatus(message) {
    if (message !== undefined) lastMessage = message;
    var lines = [];
    if (!storageOk) lines.push(say("storage_failed"));
    if (lastMessage) lines.push(lastMessage);
    else if (hasContent() && W.digest(work) !== fileDigest) lines.push(say("file_unsaved"));
    all(".kc-workfile__status").forEach(function (p) { p.textContent = lines.join(" "); });
    all(".kc-workfile").forEach(function (box) { box.classList.toggle("kc-workfile--alert", !storageOk); });
  }
  function hasContent() { return !W.equalWork(work, W.emptyWork()); }

  // --- printing: every field has a mirror that prints in full ------------------------
  var dateFormat = (window.Intl && Intl.DateTimeFormat) ? new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" }) : null;
  function printable(field) {
    var value = field.type === "checkbox" ? (field.checked ? say("yes") : "") :
      field.tagName === "SELECT" ? (field.value ? field.options[field.selectedIndex].text : "") : field.value;
    if (field.type === "date" && value && dateFormat) value = dateFormat.format(new Date(value + "T12:00:00"));
    var mirror = field.nextElementSibling;
    if (!mirror || !mirror.classList.contains("kc-print-value")) {
      mirror = document.createElement("span");
      mirror.className = "kc-print-value";
      mirror.setAttribute("aria-hidden", "true");
      field.insertAdjacentElement("afterend", mirror);
    }
    mirror.textContent = value;
  }

  // --- checklist ticks ----------------------------------------------------------------
  function boxes() { return all("input[type=checkbox][data-item]"); }
  function renderTicks() {
    boxes().forEach(function (b) { b.checked = !!work.checklists[b.getAttribute("data-item")]; });
    updateCounts();
  }
  function updateCounts() {
    all(".kc-checklist-tools[data-for]").forEach(function (tools) {
      var own = toolBoxes(tools), status = tools.querySelector(".kc-checklist-status");
      if (status) {
        status.textContent = status.getAttribute("data-template")
          .replace("{done}", own.filter(function (b) { return b.checked; }).length).replace("{total}", own.length);
      }
    });
  }
  function toolBoxes(tools) {
    var out = [];
    all(tools.getAttribute("data-for")).forEach(function (list) {
      all("input[type=checkbox][data-item]", list).forEach(function (b) { out.push(b); });
    });
    return out;
  }
  function setupTicks() {
    boxes().forEach(function (box) {
      box.addEventListener("change", function () {
        change(W.setTick(work, box.getAttribute("data-item"), box.checked));
        updateCounts();
      });
    });
    all(".kc-checklist-tools[data-for]").forEach(function (tools) {
      on(tools, "clear", function () {
        var own = toolBoxes(tools), ids = own.map(function (b) { return b.getAttribute("data-item"); });
        var n = W.countTicks(work, ids);
        if (n === 0 || !window.confirm(say("ticks_clear_confirm", { n: n }))) return;
        change(W.clearTicks(work, ids));
        renderTicks();
      });
      on(tools, "print", function () { window.print(); });
      on(tools, "csv", function () {
        var rows = [[say("csv_item"), say("csv_text"), say("csv_checked")]].concat(toolBoxes(tools).map(function (b) {
          var label = document.querySelector('label[for="' + b.id + '"]');
          return [b.getAttribute("data-item"), label ? label.textContent.trim() : "", b.checked ? say("yes") : say("no")];
        }));
        download(tools.getAttribute("data-filename"), C.toCsv(rows, lang), "text/csv;charset=utf-8");
      });
      tools.hidden = false;
    });
  }

  // --- action plans -------------------------------------------------------------------
  var ROW_INPUTS = [
    ["problem", "textarea"], ["source", "text"], ["action", "textarea"], ["priority", "select"], ["who", "text"],
    ["due", "date"], ["followup", "date"], ["status", "select"], ["permanent", "checkbox"]];
  var OPTIONS = { priority: [""].concat(W.PRIORITIES), status: W.STATUSES };

  function field(kind, name, value, label) {
    var wrap = document.createElement("label");
    wrap.className = "kc-plan-row__field kc-plan-row__field--" + name;
    var caption = document.createElement("span");
    caption.className = "kc-plan-row__label";
    caption.textContent = label;
    var input;
    if (kind === "textarea") { input = document.createElement("textarea"); input.rows = 2; input.value = value || ""; }
    else if (kind === "select") {
      input = document.createElement("select");
      OPTIONS[name].forEach(function (v) {
        var o = document.createElement("option");
        o.value = v; o.textContent = v ? say((name === "priority" ? "priority_" : "status_") + v) : "–";
        input.appendChild(o);
      });
      input.value = value || OPTIONS[name][0];
    } else {
      input = document.createElement("input");
      input.type = kind;
      if (kind === "checkbox") input.checked = !!value; else input.value = value || "";
    }
    input.setAttribute("data-row-field", name);
    if (kind === "checkbox") { wrap.appendChild(input); wrap.appendChild(caption); } else { wrap.appendChild(caption); wrap.appendChild(input); }
    return wrap;
  }
  function rowLabel(name) { return say("plan_" + name); }

  function renderPlans() {
    all("[data-kc-plan]").forEach(function (box) {
      var plan = W.currentPlan(work);
      var select = box.querySelector("[data-plan-select]");
      select.innerHTML = "";
      work.plans.forEach(function (p) {
        var o = document.createElement("option");
        o.value = p.id; o.textContent = p.name || say("plan_untitled");
        select.appendChild(o);
      });
      select.value = plan.id;
      all("[data-plan-field]", box).forEach(function (input) {
        input.value = plan[input.getAttribute("data-plan-field")] || "";
        printable(input);
      });
      var list = box.querySelector("[data-plan-rows]");
      list.innerHTML = "";
      plan.rows.forEach(function (row, n) {
        var li = document.createElement("li");
        li.className = "kc-plan-row" + (row.permanent ? " kc-plan-row--permanent" : "");
        li.setAttribute("data-row", row.id);
        li.setAttribute("aria-label", say("action_row", { n: n + 1 }));
        ROW_INPUTS.forEach(function (spec) {
          var f = field(spec[1], spec[0], row[spec[0]], rowLabel(spec[0]));
          li.appendChild(f);
          printable(f.querySelector("[data-row-field]"));
        });
        var remove = document.createElement("button");
        remove.type = "button"; remove.className = "md-button kc-no-print"; remove.setAttribute("data-action", "remove-row");
        remove.textContent = say("row_remove");
        li.appendChild(remove);
        list.appendChild(li);
      });
    });
    renderMeetingRows();
  }

  function setupPlans() {
    all("[data-kc-plan]").forEach(function (box) {
      box.hidden = false;
      all(".kc-plan-paper").forEach(function (t) { t.classList.add("kc-plan-paper--js"); });
      box.querySelector("[data-plan-select]").addEventListener("change", function (e) {
        change(W.setCurrentPlan(work, e.target.value));
        renderPlans();
      });
      all("[data-plan-field]", box).forEach(function (input) {
        input.addEventListener("input", function () {
          var fields = {}; fields[input.getAttribute("data-plan-field")] = input.value;
          change(W.renamePlan(work, W.currentPlan(work).id, fields));
          printable(input);
          if (input.getAttribute("data-plan-field") === "name") {
            var o = box.querySelector("[data-plan-select] option:checked");
            if (o) o.textContent = input.value || say("plan_untitled");
          }
        });
      });
      var list = box.querySelector("[data-plan-rows]");
      function rowEdit(e) {
        var input = e.target, li = input.closest("[data-row]");
        if (!li || !input.hasAttribute("data-row-field")) return;
        var fields = {}, name = input.getAttribute("data-row-field");
        fields[name] = input.type === "checkbox" ? input.checked : input.value;
        change(W.updateRow(work, W.currentPlan(work).id, li.getAttribute("data-row"), fields));
        printable(input);
        if (name === "permanent") li.classList.toggle("kc-plan-row--permanent", input.checked);
      }
      list.addEventListener("input", rowEdit);
      list.addEventListener("change", rowEdit);
      list.addEventListener("click", function (e) {
        var button = e.target.closest("[data-action=remove-row]");
        if (!button) return;
        var li = button.closest("[data-row]"), plan = W.currentPlan(work);
        var row = plan.rows.filter(function (r) { return r.id === li.getAttribute("data-row"); })[0];
        if (row && !W.rowIsEmpty(row) && !window.confirm(say("row_remove_confirm", { text: row.action || row.problem || row.who }))) return;
        change(W.removeRow(work, plan.id, li.getAttribute("data-row")));
        renderPlans();
      });
      on(box, "add", function () {
        var result = W.addRow(work, W.currentPlan(work).id);
        change(result.work);
        renderPlans();
        var first = box.querySelector('[data-row="' + result.row.id + '"] textarea');
        if (first) first.focus();
      });
      on(box, "add-plan", function () {
        change(W.addPlan(work, "").work);
        renderPlans();
        box.querySelector('[data-plan-field="name"]').focus();
      });
      on(box, "remove-plan", function () {
        var plan = W.currentPlan(work);
        var filled = plan.rows.filter(function (r) { return !W.rowIsEmpty(r); }).length;
        if ((filled || plan.name) && !window.confirm(say("plan_remove_confirm", { name: plan.name || say("plan_untitled"), n: filled }))) return;
        change(W.removePlan(work, plan.id));
        renderPlans();
      });
      on(box, "clear", function () {
        var plan = W.currentPlan(work);
        var filled = plan.rows.filter(function (r) { return !W.rowIsEmpty(r); }).length;
        if (filled === 0 || !window.confirm(say("plan_clear_confirm", { name: plan.name || say("plan_untitled"), n: filled }))) return;
        var next = work;
        plan.rows.forEach(function (r) { next = W.removeRow(next, plan.id, r.id); });
        change(next);
        renderPlans();
      });
      on(box, "print", function () { window.print(); });
      on(box, "csv", function () {
        var plan = W.currentPlan(work);
        var head = ROW_INPUTS.map(function (s) { return rowLabel(s[0]); });
        var rows = plan.rows.filter(function (r) { return !W.rowIsEmpty(r); }).map(function (r) {
          return ROW_INPUTS.map(function (s) {
            var v = r[s[0]];
            if (s[0] === "priority" && v) return say("priority_" + v);
            if (s[0] === "status") return say("status_" + v);
            if (s[0] === "permanent") return v ? say("yes") : say("no");
            return v || "";
          });
        });
        download(box.getAttribute("data-filename"), C.toCsv([head].concat(rows), lang), "text/csv;charset=utf-8");
      });
    });
  }

  // --- the meeting sheet ----------------------------------------------------------------
  function meetingOf(themeId) { return work.meetings[themeId] || { date: "", participants: "", notes: {} }; }
  function renderMeetings() {
    all("[data-kc-meeting]").forEach(function (box) {
      var id = box.getAttribute("data-kc-meeting"), m = meetingOf(id);
      all("[data-meeting-field]", box).forEach(function (input) {
        input.value = m[input.getAttribute("data-meeting-field")] || "";
        printable(input);
      });
      all("[data-meeting-note]").forEach(function (input) {
        input.value = (m.notes || {})[input.getAttribute("data-meeting-note")] || "";
        printable(input);
      });
    });
    renderMeetingRows();
  }
  function renderMeetingRows() {
    all("[data-kc-meeting-actions]").forEach(function (box) {
      var id = box.getAttribute("data-kc-meeting-actions"), list = box.querySelector("[data-meeting-rows]");
      list.innerHTML = "";
      W.currentPlan(work).rows.filter(function (r) { return r.source === id; }).forEach(function (r) {
        var li = document.createElement("li");
        li.textContent = [r.problem, r.action, r.who, r.due].filter(Boolean).join(" – ");
        list.appendChild(li);
      });
    });
  }
  function setupMeetings() {
    all("[data-kc-meeting]").forEach(function (box) {
      var id = box.getAttribute("data-kc-meeting");
      function edit(input, fields) {
        change(W.setMeeting(work, id, fields));
        printable(input);
      }
      all("[data-meeting-field]", box).forEach(function (input) {
        input.addEventListener("input", function () {
          var f = {}; f[input.getAttribute("data-meeting-field")] = input.value; edit(input, f);
        });
      });
      all("[data-meeting-note]").forEach(function (input) {
        input.addEventListener("input", function () {
          var notes = {}; notes[input.getAttribute("data-meeting-note")] = input.value; edit(input, { notes: notes });
        });
      });
      all("[data-kc-meeting-actions]").forEach(function (actions) {
        on(actions, "add", function () {
          var fields = { source: id };
          all("[data-new]", actions).forEach(function (input) { fields[input.getAttribute("data-new")] = input.value.trim(); });
          if (!fields.problem && !fields.action) return;
          var plan = W.currentPlan(work);
          // A fresh plan has one empty row: the first agreement goes there.
          if (plan.rows.length === 1 && W.rowIsEmpty(plan.rows[0])) change(W.updateRow(work, plan.id, plan.rows[0].id, fields));
          else change(W.addRow(work, plan.id, fields).work);
          all("[data-new]", actions).forEach(function (input) { input.value = ""; });
          renderPlans();
        });
      });
      all("[data-for-meeting]").forEach(function (tools) {
        tools.hidden = false;
        on(tools, "print", function () { window.print(); });
        on(tools, "clear", function () {
          if (!window.confirm(say("meeting_clear_confirm", { theme: box.getAttribute("data-title") }))) return;
          change(W.clearMeeting(work, id));
          renderMeetings();
        });
      });
    });
  }

  // --- the work file -----------------------------------------------------------------------
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function setupWorkFile() {
    all(".kc-workfile").forEach(function (box) {
      box.hidden = false;
      var input = box.querySelector("[data-workfile-input]");
      on(box, "save-file", function () {
        var stamp = now(), name = "kontaktcenter-trivsel-" + stamp.slice(0, 10) + ".json";
        download(name, W.serialize(work, stamp), "application/json");
        fileDigest = W.digest(work);
        try { localStorage.setItem(SAVED_KEY, fileDigest); } catch (e) { /* said by the status line */ }
        showStatus(say("file_saved", { name: name }));
      });
      on(box, "open-file", function () { input.value = ""; input.click(); });
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) return;
        var reader = new FileReader();
        reader.onload = function () {
          var result = W.parseWorkFile(String(reader.result));
          if (!result.ok) { showStatus(say("file_error_" + result.error, { detail: result.detail || "" })); return; }
          if (hasContent() && !window.confirm(say("file_open_confirm", { name: file.name }))) return;
          work = result.work;
          persist();
          fileDigest = W.digest(work);
          try { localStorage.setItem(SAVED_KEY, fileDigest); } catch (e) { /* said by the status line */ }
          renderAll();
          announceReplaced();
          showStatus(say("file_opened", { plans: work.plans.length, ticks: Object.keys(work.checklists).length }));
        };
        reader.onerror = function () { showStatus(say("file_error_corrupt")); };
        reader.readAsText(file);
      });
    });
  }

  // Another tab changed the work: load it (this tab writes every change at once, so nothing is lost).
  function setupOtherTabs() {
    window.addEventListener("storage", function (e) {
      if (e.key !== KEY || !e.newValue) return;
      var parsed = W.parseWorkFile(e.newValue);
      if (!parsed.ok) return;
      work = parsed.work;
      renderAll();
      announceReplaced();
      showStatus(say("other_tab"));
    });
  }

  // The pulse page computed results (never the answers): they go into the work file.
  function setupPulse() {
    document.addEventListener("kc-pulse-results", function (e) { change(W.setPulse(work, e.detail, now())); });
  }

  // The programme planner (planner-page.js) keeps its plan in the same work, so it goes into the file.
  // It reads the plan through kcWorkStore and hears "kc-work-replaced" when a file or another tab replaces it.
  function setupPlanner() {
    document.addEventListener("kc-planner-plan", function (e) { change(W.setProgramme(work, e.detail, now())); });
    window.kcWorkStore = {
      plan: function () { return work.programme ? work.programme.plan : null; },
      storageOk: function () { return storageOk; }
    };
  }
  function announceReplaced() {
    document.dispatchEvent(new CustomEvent("kc-work-replaced"));
  }

  function on(root, action, handler) {
    all('[data-action="' + action + '"]', root).forEach(function (b) {
      if (b.closest("[data-kc-plan], .kc-checklist-tools, .kc-workfile, [data-kc-meeting-actions], [data-for-meeting]") === root) {
        b.addEventListener("click", handler);
      }
    });
  }
  function renderAll() { renderTicks(); renderPlans(); renderMeetings(); }

  function init() {
    var source = document.querySelector("[data-kc-words]");
    if (source) { try { words = JSON.parse(source.getAttribute("data-kc-words")); } catch (e) { words = {}; } }
    probeStorage();
    work = readStored();
    setupTicks(); setupPlans(); setupMeetings(); setupWorkFile(); setupOtherTabs(); setupPulse(); setupPlanner();
    renderAll();
    showStatus();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
