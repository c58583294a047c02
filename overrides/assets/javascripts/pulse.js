/* Staff pulse calculator (docs/moede/puls.*.md, trivsel/expand/markers_pulse.py).
 *
 * Everything happens in this page: the CSV is read with FileReader, nothing is
 * uploaded and nothing is stored. Results for fewer than `minimumGroup` answers
 * are never shown, so nobody can be recognised by their answers.
 *
 * The parsing and arithmetic are plain functions on window.kcPulse, so the
 * browser tests can feed them every kind of bad file.
 */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  /* Spreadsheet column letters: 1 -> A, 27 -> AA. */
  function columnName(index) {
    var name = "";
    for (var n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
  }

  /* One CSV line into cells: RFC 4180 quotes, the given separator. */
  function splitLine(line, sep) {
    var cells = [], cell = "", quoted = false;
    for (var i = 0; i < line.length; i++) {
      var c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === sep) { cells.push(cell); cell = ""; }
      else cell += c;
    }
    cells.push(cell);
    return cells;
  }

  /* Danish and Norwegian spreadsheets write ";" (the comma is their decimal mark). */
  function detectSeparator(header) {
    var counts = { ";": 0, ",": 0, "\t": 0 };
    for (var i = 0; i < header.length; i++) if (counts.hasOwnProperty(header[i])) counts[header[i]]++;
    if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
    if (counts["\t"] > counts[","]) return "\t";
    return ",";
  }

  /* One person's answer is a whole point on the scale: "4" is a score; "4.5" and words are not. */
  function parseScore(text) {
    var t = String(text).trim();
    if (!/^\d+$/.test(t)) return NaN;
    return parseInt(t, 10);
  }

  /* A typed average may have decimals: "4.5" and "4,5" are numbers. */
  function parseAverage(text) {
    var t = String(text).trim().replace(",", ".");
    if (!/^\d+(\.\d+)?$/.test(t)) return NaN;
    return parseFloat(t);
  }

  /* A template's header cell is "id: question text" (the text helps whoever types the
   * answers in); older templates have the id alone. */
  function headerId(cell) {
    return cell.split(":")[0].trim().toLowerCase();
  }

  // More rows than any contact centre has staff: a wrong file (a log, an export).
  var MAX_ROWS = 5000;

  /* Parse a filled template. Returns {rows, problems, notes}: `problems` refuse
   * the file (each names row and column), `notes` say what was skipped. */
  function parse(text, data) {
    var T = data.text, lo = data.scale[0], hi = data.scale[1];
    var known = {}, problems = [], notes = [], rows = [];
    data.questions.forEach(function (q) { known[q.id] = q; });
    text = String(text).replace(/^\uFEFF/, "");  // Excel's UTF-8 byte-order mark
    var lines = text.split(/\r\n|\n|\r/);
    while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
    if (!lines.length || !lines[0].trim()) {
      return { rows: rows, problems: [T.msg_empty_file], notes: notes };
    }
    var sep = detectSeparator(lines[0]);
    var header = splitLine(lines[0], sep).map(headerId);
    var columns = [];  // index -> question id or null
    header.forEach(function (name, i) {
      if (known[name] && columns.indexOf(name) >= 0) {
        problems.push(format(T.msg_repeated_column, { col: columnName(i + 1), name: name }));
        columns.push(null);
      } else if (known[name]) columns.push(name);
      else {
        columns.push(null);
        if (name) notes.push(format(T.msg_unknown_column, { col: columnName(i + 1), name: name }));
      }
    });
    if (!columns.some(Boolean)) {
      return { rows: [], notes: [], problems: [format(T.msg_no_header, { example: data.questions.slice(0, 3).map(function (q) { return q.id; }).join(sep) })] };
    }
    var missing = data.questions.filter(function (q) { return columns.indexOf(q.id) < 0; }).map(function (q) { return q.id; });
    if (missing.length) notes.push(format(T.msg_missing_columns, { names: missing.join(", ") }));
    if (lines.length - 1 > MAX_ROWS) {
      return { rows: [], notes: [], problems: [format(T.msg_too_many_rows, { n: lines.length - 1, max: MAX_ROWS })] };
    }
    var empty = 0;
    for (var r = 1; r < lines.length; r++) {
      var rowNumber = r + 1;  // as the spreadsheet numbers it: the header is row 1
      var cells = splitLine(lines[r], sep);
      if (cells.every(function (c) { return c.trim() === ""; })) { empty++; continue; }
      if (cells.length > header.length && cells.slice(header.length).some(function (c) { return c.trim() !== ""; })) {
        problems.push(format(T.msg_cells, { row: rowNumber, n: cells.length, m: header.length }));
        continue;
      }
      var answer = {};
      columns.forEach(function (id, i) {
        if (!id) return;
        var raw = (cells[i] || "").trim();
        if (raw === "") return;  // a skipped question
        var value = parseScore(raw);
        if (isNaN(value) || value < lo || value > hi) {
          problems.push(format(T.msg_bad_value, { row: rowNumber, col: columnName(i + 1), name: id, value: raw }));
        } else answer[id] = value;
      });
      rows.push(answer);
    }
    if (empty) notes.push(format(T.msg_empty_rows, { n: empty }));
    return { rows: rows, problems: problems, notes: notes };
  }

  /* Per question: count, mean, sample standard deviation, lowest and highest. */
  function summarise(rows, data) {
    return data.questions.map(function (q) {
      var values = rows.map(function (r) { return r[q.id]; }).filter(function (v) { return v !== undefined; });
      var n = values.length;
      var mean = n ? values.reduce(function (a, b) { return a + b; }, 0) / n : null;
      var sd = n > 1 ? Math.sqrt(values.reduce(function (a, v) { return a + (v - mean) * (v - mean); }, 0) / (n - 1)) : null;
      return { id: q.id, n: n, mean: mean, sd: sd,
               min: n ? Math.min.apply(null, values) : null, max: n ? Math.max.apply(null, values) : null,
               shown: n >= data.minimumGroup };
    });
  }

  /* The themes with the lowest average of their shown questions, lowest first. */
  function lowestThemes(summary, data, count) {
    var byTheme = {};
    data.questions.forEach(function (q, i) {
      var s = summary[i];
      if (!q.theme || !s.shown || s.mean === null) return;
      (byTheme[q.theme] = byTheme[q.theme] || []).push(s.mean);
    });
    return Object.keys(byTheme).map(function (id) {
      var v = byTheme[id];
      return { id: id, mean: v.reduce(function (a, b) { return a + b; }, 0) / v.length };
    }).sort(function (a, b) { return a.mean - b.mean || (a.id < b.id ? -1 : 1); }).slice(0, count || 3);
  }

  /* Typed averages: one count for all, one average per question (blank = not asked). */
  function fromTyped(countText, values, data) {
    var T = data.text, problems = [];
    var n = String(countText).trim();
    if (!/^\d+$/.test(n)) return { problems: [T.msg_count_bad] };
    n = parseInt(n, 10);
    var summary = data.questions.map(function (q) {
      var raw = String(values[q.id] || "").trim();
      if (raw === "") return { id: q.id, n: 0, mean: null, sd: null, min: null, max: null, shown: false };
      var v = parseAverage(raw);
      if (isNaN(v) || v < data.scale[0] || v > data.scale[1]) {
        problems.push(format(T.msg_typed_bad, { name: q.text, value: raw }));
        v = null;
      }
      return { id: q.id, n: n, mean: v, sd: null, min: null, max: null, shown: v !== null && n >= data.minimumGroup };
    });
    if (!problems.length && summary.every(function (s) { return s.mean === null; })) problems.push(T.msg_nothing_typed);
    return { n: n, summary: summary, problems: problems };
  }

  window.kcPulse = { parse: parse, summarise: summarise, lowestThemes: lowestThemes, fromTyped: fromTyped,
                     columnName: columnName, detectSeparator: detectSeparator };

  /* --- the page ------------------------------------------------------------ */

  var root = document.querySelector("[data-pulse]");
  var dataEl = document.getElementById("kc-pulse-data");
  if (!root || !dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var T = data.text;
  var messages = root.querySelector(".kc-pulse-messages");
  var results = root.querySelector(".kc-pulse-results");
  root.querySelector(".kc-pulse-input").hidden = false;
  root.querySelector(".kc-pulse-nojs").hidden = true;
  var decimal = data.lang === "en" ? "." : ",";

  function num(v, digits) {
    return v === null || v === undefined ? "–" : v.toFixed(digits === undefined ? 1 : digits).replace(".", decimal);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  function say(head, lines) {
    messages.replaceChildren();
    if (head) messages.append(el("p", {}, [head]));
    if (lines && lines.length) {
      var shown = lines.slice(0, 12);
      var list = el("ul", {}, shown.map(function (l) { return el("li", {}, [l]); }));
      if (lines.length > shown.length) list.append(el("li", {}, [format(T.msg_more, { n: lines.length - shown.length })]));
      messages.append(list);
    }
  }

  /* The results (never the answers) go into the work file, through the committee tools. */
  function keep(n, summary) {
    if (n < data.minimumGroup) return;
    document.dispatchEvent(new CustomEvent("kc-pulse-results", { detail: { respondents: n, questions: summary.map(function (s, i) {
      return { id: data.questions[i].id, n: s.shown ? s.n : null, mean: s.shown ? s.mean : null };
    }) } }));
  }

  function show(n, summary, origin) {
    results.replaceChildren();
    if (n < data.minimumGroup) {
      results.hidden = true;
      say(format(T.msg_too_few, { n: n, min: data.minimumGroup }));
      return;
    }
    results.append(el("h3", { id: "kc-pulse-resultat", tabindex: "-1" }, [T.results]), el("p", {}, [origin]));

    // The chart repeats the table below for sighted readers; assistive technology reads the table.
    var chart = el("div", { class: "kc-pulse-chart", "aria-hidden": "true" });
    data.questions.forEach(function (q, i) {
      var s = summary[i];
      var bar = el("div", { class: "kc-pulse-chart__track" });
      if (s.shown) {
        var fill = el("div", { class: "kc-pulse-chart__bar" });
        fill.style.width = ((s.mean - data.scale[0]) / (data.scale[1] - data.scale[0]) * 100) + "%";
        bar.append(fill);
      }
      if (q.benchmark !== null) {
        var mark = el("div", { class: "kc-pulse-chart__mark" });
        mark.style.left = ((q.benchmark - data.scale[0]) / (data.scale[1] - data.scale[0]) * 100) + "%";
        bar.append(mark);
      }
      chart.append(el("div", { class: "kc-pulse-chart__row" }, [
        el("span", { class: "kc-pulse-chart__label" }, [q.text]), bar,
        el("span", { class: "kc-pulse-chart__value" }, [s.shown ? num(s.mean) : "–"])]));
    });
    results.append(el("figure", {}, [chart, el("figcaption", {}, [T.chart_caption])]));

    var head = [T.question, T.theme, T.col_count, T.col_average, T.col_spread, T.col_range, T.benchmark, T.col_difference];
    var table = el("table", { class: "kc-pulse-table" }, [el("caption", {}, [T.table_caption]),
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col" }, [h]); }))])]);
    var body = el("tbody");
    data.questions.forEach(function (q, i) {
      var s = summary[i];
      var theme = q.theme ? data.themes[q.theme].title : "";
      var cells = s.shown
        ? [String(s.n), num(s.mean), num(s.sd), s.min === null ? "–" : num(s.min, 0) + "–" + num(s.max, 0),
           q.benchmark === null ? "" : num(q.benchmark), q.benchmark === null ? "" : (s.mean - q.benchmark >= 0 ? "+" : "") + num(s.mean - q.benchmark)]
        : [String(s.n), format(T.msg_hidden, { min: data.minimumGroup }), "", "", q.benchmark === null ? "" : num(q.benchmark), ""];
      var row = el("tr", { "data-question": q.id }, [el("th", { scope: "row" }, [q.text]), el("td", {}, [theme])]);
      cells.forEach(function (c) { row.append(el("td", {}, [c])); });
      body.append(row);
    });
    table.append(body);
    results.append(el("div", { class: "md-typeset__scrollwrap" }, [el("div", { class: "md-typeset__table" }, [table])]));

    var lowest = lowestThemes(summary, data, 3);
    if (lowest.length) {
      results.append(el("h4", {}, [T.lowest]));
      var list = el("ol", { class: "kc-pulse-lowest" });
      lowest.forEach(function (t) {
        var theme = data.themes[t.id];
        list.append(el("li", { "data-theme": t.id }, [
          el("a", { href: theme.href }, [theme.title]), " (" + format(T.lowest_item, { average: num(t.mean) }) + ") – ",
          el("a", { href: theme.pdf, download: "" }, [T.theme_pdf + " "]) ]));
        list.lastChild.lastChild.append(el("span", { class: "kc-visually-hidden" }, ["– " + theme.title]));
      });
      results.append(list);
    }

    var save = el("button", { type: "button", class: "md-button" }, [T.save]);
    save.addEventListener("click", function () { download(summary); });
    var print = el("button", { type: "button", class: "md-button" }, [T.print]);
    print.addEventListener("click", function () { window.print(); });
    results.append(el("p", { class: "kc-no-print" }, [save, " ", print]));
    results.hidden = false;
    results.querySelector("h3").focus();
  }

  /* The results (never the answers) as a CSV on the reader's own computer. */
  function download(summary) {
    var sep = decimal === "," ? ";" : ",";
    var quote = function (v) { v = String(v); return /[";,\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    var lines = [["id", T.question, T.col_count, T.col_average, T.col_spread, T.benchmark].map(quote).join(sep)];
    data.questions.forEach(function (q, i) {
      var s = summary[i];
      lines.push([q.id, q.text, s.n, s.shown ? num(s.mean, 2) : "", s.shown ? num(s.sd, 2) : "",
                  q.benchmark === null ? "" : num(q.benchmark)].map(function (v) { return quote(v === "–" ? "" : v); }).join(sep));
    });
    var blob = new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "pulsmaaling-resultat.csv" });
    document.body.append(a);
    a.click();
    a.remove();
  }

  root.querySelector("#kc-pulse-file").addEventListener("change", function (event) {
    var file = event.target.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onerror = function () { say(T.msg_read_error); };
    reader.onload = function () {
      var parsed = parse(reader.result, data);
      if (parsed.problems.length) {
        results.hidden = true;
        say(T.msg_refused, parsed.problems.concat(parsed.notes));
        return;
      }
      say(parsed.notes.length ? T.msg_notes : "", parsed.notes);
      var summary = summarise(parsed.rows, data);
      show(parsed.rows.length, summary, format(T.msg_loaded, { n: parsed.rows.length, file: file.name }));
      keep(parsed.rows.length, summary);
    };
    reader.readAsText(file, "utf-8");
  });

  root.querySelector("[data-action=compute]").addEventListener("click", function () {
    var values = {};
    root.querySelectorAll(".kc-pulse-typed input[name]").forEach(function (input) { values[input.name] = input.value; });
    var typed = fromTyped(root.querySelector("#kc-pulse-count").value, values, data);
    if (typed.problems.length) {
      results.hidden = true;
      say(T.msg_fix, typed.problems);
      return;
    }
    say("");
    show(typed.n, typed.summary, format(T.msg_typed, { n: typed.n }));
    keep(typed.n, typed.summary);
  });
})();
