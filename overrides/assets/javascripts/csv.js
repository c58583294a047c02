/* CSV for spreadsheets, written and read without a library. Pure logic, no DOM.
 * Danish and Norwegian Excel splits on ";" and needs a BOM to read UTF-8; English uses ",".
 * Cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP, CSV injection).
 * A classic script, not a module: the offline bundle opens pages from file://, where
 * browsers refuse module scripts. Browsers get window.kcCsv, Node gets module.exports. */
(function (root) {
  "use strict";

  var BOM = "\ufeff";
  var SEMICOLON_LANGS = ["da", "nb", "nn", "no"];

  /** ";" for Danish and Norwegian (also "da-DK", "nb-NO", "nn", "no"), "," otherwise. */
  function separatorFor(lang) {
    var primary = String(lang || "").toLowerCase().split(/[-_]/)[0];
    return SEMICOLON_LANGS.indexOf(primary) !== -1 ? ";" : ",";
  }

  /** The cell as text; one a spreadsheet would take for a formula starts with "'". */
  function neutralise(cell) {
    var text = cell === null || cell === undefined ? "" : String(cell);
    return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  }

  /** What neutralise added, taken off again (for a CSV this site wrote, read back in). */
  function restore(cell) {
    var text = cell === null || cell === undefined ? "" : String(cell);
    return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
  }

  function quote(text, sep) {
    return text.indexOf(sep) !== -1 || /["\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** rows: an array of arrays of cells. CRLF after every row, BOM for da and nb. */
  function toCsv(rows, lang) {
    var sep = separatorFor(lang);
    var body = (rows || []).map(function (row) {
      return (row || []).map(function (cell) { return quote(neutralise(cell), sep); }).join(sep) + "\r\n";
    }).join("");
    return (sep === ";" ? BOM : "") + body;
  }

  /** The separator of the first line: ";" or ",", whichever occurs outside quotes (the more
   * frequent if both; ";" on a tie, as a Danish text cell may hold a bare comma); null if neither. */
  function detectSeparator(text) {
    var semi = 0, comma = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === "\n" || c === "\r")) break;
      else if (!quoted && c === ";") semi++;
      else if (!quoted && c === ",") comma++;
    }
    if (!semi && !comma) return null;
    return semi >= comma ? ";" : ",";
  }

  /** { ok: true, separator, rows } or { ok: false, error: "empty" | "separator" | "quotes" }.
   * expectedColumns (optional): when more than 1, a first line without ";" or "," is an error
   * "separator"; otherwise such a file is read as one column (separator ","). */
  function parseCsv(text, expectedColumns) {
    text = text === null || text === undefined ? "" : String(text);
    if (text.charAt(0) === BOM) text = text.slice(1);
    if (!/[^\r\n]/.test(text)) return { ok: false, error: "empty" };
    var sep = detectSeparator(text);
    if (sep === null) {
      if (expectedColumns > 1) return { ok: false, error: "separator" };
      sep = ",";
    }
    var rows = [], row = [], cell = "", i = 0, n = text.length;
    var quoted = false, atStart = true;   // atStart: nothing read yet in this cell
    while (i < n) {
      var c = text.charAt(i);
      if (quoted) {
        if (c === '"') {
          if (text.charAt(i + 1) === '"') { cell += '"'; i += 2; continue; }
          quoted = false;
        } else {
          cell += c;
        }
        i++;
      } else if (c === '"' && atStart) {
        quoted = true; atStart = false; i++;
      } else if (c === sep) {
        row.push(cell); cell = ""; atStart = true; i++;
      } else if (c === "\r" || c === "\n") {
        row.push(cell); rows.push(row);
        row = []; cell = ""; atStart = true;
        i += c === "\r" && text.charAt(i + 1) === "\n" ? 2 : 1;
      } else {
        cell += c; atStart = false; i++;   // a quote inside an unquoted cell is kept as it is
      }
    }
    if (quoted) return { ok: false, error: "quotes" };
    if (!atStart || row.length) { row.push(cell); rows.push(row); }
    // The line break after the last row ends it; blank lines after that are not rows.
    while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
    return { ok: true, separator: sep, rows: rows };
  }

  var api = { separatorFor: separatorFor, neutralise: neutralise, restore: restore, toCsv: toCsv, parseCsv: parseCsv };
  if (typeof module !== "undefined" && module.exports) module.exports = api; else root.kcCsv = api;
})(this);
