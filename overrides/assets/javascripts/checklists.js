/* Checklists and action plans: state kept in this browser only.
 *
 * A checklist is <ul class="kc-checklist"> of real checkboxes, printable
 * without JavaScript. Here we remember ticks in localStorage, keyed by item id
 * (the same in every language, so a tick made in Danish shows in English),
 * and switch on the tool buttons the build wrote (hidden without JS).
 * Nothing is sent anywhere.
 */
(function () {
  "use strict";
  var PREFIX = "kc-checklist:";

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* storage off (private mode): ticks live until the page closes */ }
  }
  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function csvCell(text) {
    text = String(text);
    return /[",;\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function download(filename, rows) {
    // A BOM so that spreadsheet programs read Danish and Norwegian letters right.
    var csv = "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    var url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url; a.download = filename;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function setupChecklist(tools) {
    var lists = document.querySelectorAll(tools.getAttribute("data-for"));
    var boxes = [];
    lists.forEach(function (list) {
      list.querySelectorAll("input[type=checkbox][data-item]").forEach(function (b) { boxes.push(b); });
    });
    var status = tools.querySelector(".kc-checklist-status");
    function update() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      if (status) {
        status.textContent = status.getAttribute("data-template")
          .replace("{done}", done).replace("{total}", boxes.length);
      }
    }
    boxes.forEach(function (box) {
      box.checked = load(PREFIX + box.getAttribute("data-item")) === "1";
      box.addEventListener("change", function () {
        store(PREFIX + box.getAttribute("data-item"), box.checked ? "1" : null);
        update();
      });
    });
    tools.querySelector("[data-action=clear]").addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; store(PREFIX + b.getAttribute("data-item"), null); });
      update();
    });
    tools.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
    tools.querySelector("[data-action=csv]").addEventListener("click", function () {
      var head = JSON.parse(tools.getAttribute("data-csv-head"));
      var yesNo = JSON.parse(tools.getAttribute("data-csv-values"));
      var rows = [head].concat(boxes.map(function (b) {
        var label = document.querySelector('label[for="' + b.id + '"]');
        return [b.getAttribute("data-item"), label ? label.textContent.trim() : "", b.checked ? yesNo[0] : yesNo[1]];
      }));
      download(tools.getAttribute("data-filename"), rows);
    });
    tools.hidden = false;
    update();
  }

  function init() {
    document.querySelectorAll(".kc-checklist-tools[data-for]").forEach(function (tools) {
      if (!tools.hasAttribute("data-ready")) { tools.setAttribute("data-ready", ""); setupChecklist(tools); }
    });
  }
  window.kcDownloadCsv = download;
  window.kcStore = { load: load, store: store };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

/* The action plan on the APV page: rows of inputs, saved in this browser. */
window.kcActionPlan = (function () {
  "use strict";
  var KEY = "kc-action-plan";

  function rowsOf(table) {
    return Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
      return Array.prototype.map.call(tr.querySelectorAll("input"), function (i) { return i.value; });
    });
  }
  function addRow(table, tools) {
    var body = table.tBodies[0], last = body.rows[body.rows.length - 1];
    var row = last.cloneNode(true), n = body.rows.length + 1;
    row.querySelectorAll("input").forEach(function (input, i) {
      input.value = "";
      var head = table.tHead.rows[0].cells[i].textContent;
      input.setAttribute("aria-label", head + " (" + tools.getAttribute("data-row-label").replace("{n}", n) + ")");
    });
    body.appendChild(row);
    return row;
  }
  function init() {
    var tools = document.querySelector(".kc-action-tools");
    var table = document.querySelector("table.kc-action-plan");
    if (!tools || !table || tools.hasAttribute("data-ready")) return;
    tools.setAttribute("data-ready", "");
    var saved = [];
    try { saved = JSON.parse(window.kcStore.load(KEY) || "[]"); } catch (e) { saved = []; }
    while (table.tBodies[0].rows.length < saved.length) addRow(table, tools);
    saved.forEach(function (values, r) {
      table.tBodies[0].rows[r].querySelectorAll("input").forEach(function (input, c) { input.value = values[c] || ""; });
    });
    function save() {
      var rows = rowsOf(table);
      var filled = rows.some(function (r) { return r.some(Boolean); });
      window.kcStore.store(KEY, filled ? JSON.stringify(rows) : null);
    }
    table.addEventListener("input", save);
    tools.querySelector("[data-action=add]").addEventListener("click", function () {
      addRow(table, tools).querySelector("input").focus();
    });
    tools.querySelector("[data-action=clear]").addEventListener("click", function () {
      table.querySelectorAll("input").forEach(function (i) { i.value = ""; });
      save();
    });
    tools.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
    tools.querySelector("[data-action=csv]").addEventListener("click", function () {
      var rows = rowsOf(table).filter(function (r) { return r.some(Boolean); });
      window.kcDownloadCsv(tools.getAttribute("data-filename"), [JSON.parse(tools.getAttribute("data-csv-head"))].concat(rows));
    });
    tools.hidden = false;
  }
  return { init: init };
})();

if (document.readyState !== "loading") window.kcActionPlan.init();
else document.addEventListener("DOMContentLoaded", window.kcActionPlan.init);
