"""Unit tests on the plain functions in trivsel/ (no MkDocs involved)."""

from __future__ import annotations


import pytest

from conftest import LANGS, ROOT, problems_of
from trivsel.expand.markers import PageContext
from trivsel.expand.registry import expand
from trivsel.content.model import load_model
from trivsel.expand.navigation import with_theme_pages
from trivsel.content.pages import check_anchors, headings, page_url

EXPECTED_THEMES = [
    "instruktion-og-oplaering", "variation-og-indflydelse", "udviklingsmuligheder", "tidspres",
    "maalinger-og-performancekrav", "svaere-kald", "kundeservice", "teknologi", "fysiske-rammer",
]


@pytest.fixture(scope="module")
def model():
    return load_model(ROOT / "content", LANGS, ROOT)


def test_the_nine_themes_in_order(model):
    assert [t.id for t in model.themes] == EXPECTED_THEMES
    assert [t.number for t in model.themes] == list(range(1, 10))


def test_every_text_in_every_language(model):
    for theme in model.themes:
        for text in [theme.title, theme.summary, *theme.dialogue, *(i.text for i in theme.checklist)]:
            assert set(text) == set(LANGS) and all(v.strip() for v in text.values())


def test_duplicate_yaml_key_is_refused_with_both_lines(content):
    path = content / "themes" / "tidspres.yml"
    path.write_text(path.read_text(encoding="utf-8") + "number: 3\n", encoding="utf-8")
    [msg] = problems_of(content)
    assert msg.startswith("content/themes/tidspres.yml:") and "duplicate key 'number' (first on line 1)" in msg


def test_checklist_id_of_another_theme(content):
    path = content / "themes" / "tidspres.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: tidspres-03", "id: teknologi-03"), encoding="utf-8")
    msgs = problems_of(content)
    assert any("checklist[2].id: item id 'teknologi-03' does not belong to this theme" in m for m in msgs), msgs
    assert any("published checklist item 'tidspres-03' is gone" in m for m in msgs), msgs


def test_duplicate_checklist_id(content):
    path = content / "themes" / "tidspres.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: tidspres-03", "id: tidspres-02"), encoding="utf-8")
    msgs = problems_of(content)
    assert any("duplicate checklist id 'tidspres-02'" in m for m in msgs), msgs


def test_wrong_type_and_range(content):
    path = content / "themes" / "tidspres.yml"
    text = path.read_text(encoding="utf-8").replace("number: 4", "number: twelve", 1)
    path.write_text(text, encoding="utf-8")
    [msg] = problems_of(content)
    assert msg == ("content/themes/tidspres.yml:1: number: must be a whole number, not text "
                   "(guide: forfattere/fejl/#schema)")


def test_duplicate_rule_id(content):
    path = content / "rules.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: dk-apv", "id: dk-aml-oplaering"), encoding="utf-8")
    msgs = problems_of(content)
    assert any("duplicate rule id 'dk-aml-oplaering' (first on line" in m for m in msgs), msgs


def test_page_url_differs_only_by_prefix():
    assert page_url("index", "da", "da") == ""
    assert page_url("index", "nb", "da") == "nb/"
    assert page_url("temaer/index", "en", "da") == "en/temaer/"
    assert page_url("temaer/tidspres", "nb", "da") == "nb/temaer/tidspres/"


def test_headings_skip_code_and_read_ids():
    text = "# T\n\n## A {#a}\n\n```\n## not a heading\n```\n\n### B\n"
    assert [(lvl, title, a) for _, lvl, title, a in headings(text)] == [(1, "T", None), (2, "A", "a"), (3, "B", None)]


def test_check_anchors_reports_missing_and_differing_ids():
    files = {"da": "x.da.md", "nb": "x.nb.md"}
    raw = {"da": "# T\n## A {#a}\n## B\n", "nb": "# T\n## A {#b}\n"}
    msgs = [str(p) for p in check_anchors(raw, raw, files)]
    assert "x.da.md:3: heading 'B' has no explicit id" in msgs[0]
    assert "x.nb.md: section ids differ between languages: has #b that x.da.md lacks; lacks #a" in msgs[1]


def test_markers_expand_and_unknown_is_an_error(model):
    ctx = PageContext("temaer/tidspres", "nb", "docs/temaer/tidspres.nb.md", model)
    out, problems = expand("<!-- kc:checklist -->\n\n<!-- kc:nope -->\n", ctx)
    assert not out.count("kc:")
    assert 'id="tidspres-01"' in out and "## Sjekkliste {#tjekliste}" in out
    [msg] = [str(p) for p in problems]
    assert msg.startswith("docs/temaer/tidspres.nb.md:3: unknown marker 'kc:nope'; known markers are kc:accessibility-contact, kc:action-plan, ")
    assert "kc:checklist" in msg and msg.endswith("(guide: forfattere/fejl/#marker)")


def test_theme_marker_on_a_non_theme_page(model):
    ctx = PageContext("index", "da", "docs/index.da.md", model)
    _, problems = expand("<!-- kc:checklist -->\n", ctx)
    assert "only works on a theme page" in str(problems[0])


def test_nav_gets_theme_pages_in_content_order():
    nav = [{"Forside": "index.md"}, {"Temaer": ["temaer/index.md"]}]
    out = with_theme_pages(nav, ["b", "a"])
    assert out == [{"Forside": "index.md"}, {"Temaer": ["temaer/index.md", "temaer/b.md", "temaer/a.md"]}]


def test_yes_no_keys_must_be_quoted(content):
    path = content / "ui.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('"yes":', "yes:"), encoding="utf-8")
    [msg] = problems_of(content)
    assert "content/ui.yml:" in msg and "the key 'yes' is read as True; put it in quotes" in msg


def test_toc_label_without_toggle_loses_its_for():
    from trivsel.expand.htmlfix import fix_toc_label
    broken = '<label class="md-nav__title" for="__toc">x</label>'
    assert fix_toc_label(broken) == '<label class="md-nav__title">x</label>'
    fine = '<input id="__toc"><label class="md-nav__title" for="__toc">x</label>'
    assert fix_toc_label(fine) == fine


def test_schemas_are_valid_json_schemas():
    import json
    from jsonschema import Draft202012Validator
    from trivsel.content.schema import SCHEMA_DIR, validator
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
        if path.name != "catalog.schema.json":
            Draft202012Validator.check_schema(validator(path.name, LANGS).schema)


def test_handout_keeps_the_opening_and_chosen_sections():
    from trivsel.output.pdf import select_sections
    html = '<h1>T</h1><p>lead</p><h2 id="hvorfor">W</h2><p>w</p><h2 id="ovelse-a">E</h2><p>e</p><h2 id="x">X</h2>'
    assert select_sections(html, lambda i: i.startswith("ovelse-")) == '<h1>T</h1><p>lead</p><h2 id="ovelse-a">E</h2><p>e</p>'


def test_fit_problem_says_by_how_much():
    from trivsel.output.pdf import SheetJob, SheetResult, fit_problem
    job = SheetJob("tidspres", "nb", "t", "d", "", "u", "/tmp/x.pdf", (), "s", "e", source="docs/temaer/tidspres.nb.md")
    assert fit_problem(SheetResult(job, 2, 1.8, True, 1, 0.1)) is None
    assert fit_problem(SheetResult(job, 3, 2.25, True, 1, 0.1)) == (
        "docs/temaer/tidspres.nb.md: the printed sheet runs to 3 pages, 0.25 of a page too long for 2 A4 pages; "
        "shorten the text (do not shrink the type) (guide: forfattere/fejl/#sheet-fit)")
    assert "fills only 1.20 pages, 0.30 of a page short" in fit_problem(SheetResult(job, 2, 1.2, True, 1, 0.1))
