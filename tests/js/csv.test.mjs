import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const csv = createRequire(import.meta.url)("../../overrides/assets/javascripts/csv.js");
const { separatorFor, neutralise, restore, toCsv, parseCsv } = csv;

test("Danish and Norwegian split on a semicolon, English on a comma", () => {
  assert.equal(separatorFor("da"), ";");
  assert.equal(separatorFor("nb"), ";");
  assert.equal(separatorFor("nb-NO"), ";");
  assert.equal(separatorFor("en"), ",");
  assert.equal(separatorFor(undefined), ",");
});

test("cells a spreadsheet would run get a leading apostrophe", () => {
  assert.equal(neutralise('=HYPERLINK("http://x","y")'), `'=HYPERLINK("http://x","y")`);
  assert.equal(neutralise("-5"), "'-5");
  assert.equal(neutralise("@x"), "'@x");
  assert.equal(neutralise("+45 12 34"), "'+45 12 34");
  assert.equal(neutralise("\tx"), "'\tx");
  assert.equal(neutralise("\rx"), "'\rx");
});

test("other cells are left alone; numbers and nothing become text", () => {
  assert.equal(neutralise("Tidspres i kø"), "Tidspres i kø");
  assert.equal(neutralise("a-b"), "a-b");
  assert.equal(neutralise(5), "5");
  assert.equal(neutralise(-5), "'-5");
  assert.equal(neutralise(null), "");
  assert.equal(neutralise(undefined), "");
  assert.equal(neutralise(false), "false");
});

test("restore takes off what neutralise added, and nothing else", () => {
  for (const s of ["=1+1", "-5", "@x", "plain", "'quoted", ""]) assert.equal(restore(neutralise(s)), s);
});

test("a formula cell is neutralised and then quoted", () => {
  assert.equal(toCsv([['=HYPERLINK("http://x","y")']], "en"), `"'=HYPERLINK(""http://x"",""y"")"\r\n`);
  assert.equal(toCsv([['=HYPERLINK("http://x","y")']], "da"), `\ufeff"'=HYPERLINK(""http://x"",""y"")"\r\n`);
});

test("Danish CSV starts with a BOM and uses semicolons; a comma needs no quotes there", () => {
  const out = toCsv([["Hvad", "Hvem"], ["Pauser, faste", "Leder; HR"]], "da");
  assert.ok(out.startsWith("\ufeff"));
  assert.equal(out, '\ufeffHvad;Hvem\r\nPauser, faste;"Leder; HR"\r\n');
});

test("English CSV has no BOM and uses commas", () => {
  const out = toCsv([["What", "Who"], ["Breaks, fixed", "Lead; HR"], ["-5", 3]], "en");
  assert.equal(out, 'What,Who\r\n"Breaks, fixed",Lead; HR\r\n\'-5,3\r\n');
});

test("quotes and line breaks inside a cell are quoted", () => {
  assert.equal(toCsv([['say "hi"', "two\nlines", "cr\rhere"]], "en"), '"say ""hi""","two\nlines","cr\rhere"\r\n');
  assert.equal(toCsv([], "en"), "");
});

test("parseCsv reads semicolons and strips the BOM", () => {
  assert.deepEqual(parseCsv("\ufeffHvad;Hvem\r\nPauser, faste;Leder\r\n"),
    { ok: true, separator: ";", rows: [["Hvad", "Hvem"], ["Pauser, faste", "Leder"]] });
});

test("parseCsv reads commas, quoted separators, escaped quotes and newlines inside quotes", () => {
  const r = parseCsv('What,Who\n"Breaks, fixed","say ""hi""\nthen go"\nlast,\n');
  assert.deepEqual(r, { ok: true, separator: ",", rows: [["What", "Who"], ["Breaks, fixed", 'say "hi"\nthen go'], ["last", ""]] });
});

test("the separator comes from the first line, outside quotes", () => {
  assert.equal(parseCsv('"a;b",c\n').separator, ",");
  assert.equal(parseCsv('"a,b";c\n').separator, ";");
  assert.equal(parseCsv("a;b,c;d\n").separator, ";");
});

test("what toCsv writes, parseCsv reads back", () => {
  const rows = [["Problem", "Handling"], ["Støj\nved vinduet", 'Skærm "A"'], ["", "=SUM(A1)"]];
  for (const lang of ["da", "nb", "en"]) {
    const r = parseCsv(toCsv(rows, lang));
    assert.equal(r.ok, true);
    assert.equal(r.separator, separatorFor(lang));
    assert.deepEqual(r.rows.map((row) => row.map(restore)), rows);
  }
});

test("an unclosed quote is reported", () => {
  assert.deepEqual(parseCsv('a,b\n"open,c\nd,e\n'), { ok: false, error: "quotes" });
});

test("an empty file is reported; a trailing blank line is not a row", () => {
  assert.deepEqual(parseCsv(""), { ok: false, error: "empty" });
  assert.deepEqual(parseCsv("\ufeff\r\n"), { ok: false, error: "empty" });
  assert.deepEqual(parseCsv(null), { ok: false, error: "empty" });
  assert.deepEqual(parseCsv("a,b\r\n\r\n").rows, [["a", "b"]]);
  assert.deepEqual(parseCsv("a,b").rows, [["a", "b"]]);
});

test("no separator on the first line: an error when several columns are expected", () => {
  assert.deepEqual(parseCsv("one\ntwo\n", 4), { ok: false, error: "separator" });
  assert.deepEqual(parseCsv("one\ntwo\n"), { ok: true, separator: ",", rows: [["one"], ["two"]] });
});

test("CR-only line ends and a stray quote inside a cell", () => {
  assert.deepEqual(parseCsv('a;b\rc;5" screen\r').rows, [["a", "b"], ["c", '5" screen']]);
});
