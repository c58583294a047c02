import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const { withAnchor } = createRequire(import.meta.url)("../../overrides/assets/javascripts/language-anchor.js");

test("the other language's page gets this page's anchor", () => {
  assert.equal(withAnchor("../../en/moduler/stemmen/", "#ovelse-tempo"), "../../en/moduler/stemmen/#ovelse-tempo");
});

test("no anchor, or an empty one, leaves the address alone", () => {
  assert.equal(withAnchor("/nb/", ""), "/nb/");
  assert.equal(withAnchor("/nb/", "#"), "/nb/");
});

test("an address that names its own section keeps it", () => {
  assert.equal(withAnchor("/nb/regler/#no-aml-4-3", "#dk-apv"), "/nb/regler/#no-aml-4-3");
});
