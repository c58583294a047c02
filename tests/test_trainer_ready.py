"""Modules a trainer can run on Monday: materials, editions, helplines from one place,
objectives practised by exercises, and the language switcher keeping the #anchor."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DEFAULT_LANG, LANGS, ROOT
from trivsel.content.materials import card_sheet_html, materials_from, placement_problems
from trivsel.content.pages import page_url
from trivsel.content.yamlfile import YamlDoc

PREFIX = {"da": "", "nb": "nb/", "en": "en/"}
THREATS = "trusler-og-selvskading"


@pytest.fixture(scope="module")
def catalog(site):
    return json.loads((site / "catalog.json").read_text(encoding="utf-8"))


# --- materials -----------------------------------------------------------------

def _doc(records) -> YamlDoc:
    return YamlDoc("content/materials/m.yml", records, {})


def _role(mid="rolle-a", exercise="ovelse-a", **extra):
    text = {"da": "x", "nb": "x", "en": "x"}
    return {"id": mid, "exercise": exercise, "kind": "role-card", "title": text,
            "who": text, "knows": text, "wants": text, "reacts": text, **extra}


def test_a_role_card_needs_all_four_briefs_and_nothing_else():
    problems = []
    materials_from(_doc([{k: v for k, v in _role().items() if k != "reacts"}]), "m", problems)
    assert "a role-card needs reacts" in str(problems[0])
    problems = []
    materials_from(_doc([_role(text={"da": "x", "nb": "x", "en": "x"})]), "m", problems)
    assert "text does not belong on a role-card" in str(problems[0])


def test_placement_finds_missing_misplaced_and_unshown_materials():
    from trivsel.expand.build import MATERIALS_MARKER_RE
    mats = materials_from(_doc([_role("rolle-a", "ovelse-a"), _role("rolle-b", "ovelse-b")]), "m", [])
    page = ("## Øvelse A {#ovelse-a}\n\n<!-- kc:materials rolle-a rolle-x -->\n\n"
            "## Øvelse B {#ovelse-b}\n\nTekst\n\n## Øvelse C {#ovelse-c}\n\n<!-- kc:materials rolle-b -->\n")
    found = [str(p) for p in placement_problems(page, "m", mats, {"ovelse-a", "ovelse-b", "ovelse-c"},
                                                "docs/moduler/m.da.md", MATERIALS_MARKER_RE)]
    assert any("docs/moduler/m.da.md:3: the exercise refers to material 'rolle-x'" in f for f in found), found
    assert any("material 'rolle-b' belongs to #ovelse-b but is shown under #ovelse-c" in f for f in found), found
    assert all("(guide: forfattere/fejl/#materials)" in f for f in found)


def test_a_reference_to_a_missing_material_stops_the_build(tmp_path):
    """A fixture copy of the site's sources, checked the way the build checks them."""
    from trivsel.expand.build import check_sources, load_checked_model
    from trivsel.content.errors import ContentError
    for folder in ("content", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    page = tmp_path / "docs" / "moduler" / f"{THREATS}.nb.md"
    text = page.read_text(encoding="utf-8")
    marker = re.search(r"^<!-- kc:materials (\S+)", text, re.M)
    assert marker, "the threats module shows its materials"
    page.write_text(text.replace(marker.group(0), "<!-- kc:materials finnes-ikke", 1), encoding="utf-8")
    model = load_checked_model(tmp_path, tmp_path / "docs", tmp_path / "content", LANGS)
    with pytest.raises(ContentError) as err:
        check_sources(tmp_path, tmp_path / "docs", model)
    lines = [str(p) for p in err.value.problems]
    assert any(f"docs/moduler/{THREATS}.nb.md:" in line and "refers to material 'finnes-ikke'" in line
               for line in lines), lines


def test_every_module_with_materials_has_them_in_three_languages_and_on_its_page(site):
    folder = ROOT / "content" / "materials"
    files = sorted(folder.glob("*.yml"))
    assert len(files) >= 8, "most modules ship materials"
    for path in files:
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        for record in records:
            assert set(record["title"]) == set(LANGS), (path.name, record["id"])
        for lang in LANGS:
            html = (site / PREFIX[lang] / "moduler" / path.stem / "index.html").read_text(encoding="utf-8")
            for record in records:
                assert f'id="materiale-{record["id"]}"' in html, (path.stem, lang, record["id"])


def test_card_sheets_are_a4_with_every_card_naming_its_exercise(site, catalog):
    from pypdf import PdfReader
    for module in catalog["modules"]:
        if not module["materials"]:
            continue
        for lang in LANGS:
            reader = PdfReader(site / module["materials"][lang])
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
            text = "".join(p.extract_text() for p in reader.pages)
            anchors = [a for a in module["anchors"] if a.startswith("ovelse-")]
            assert any(f"#{a}" in text.replace("\n", "") for a in anchors), (module["id"], lang)


def test_card_sheet_html_cuts_a_deck_into_cards():
    mats = materials_from(_doc([{"id": "kort", "exercise": "ovelse-a", "kind": "cards",
                                 "title": {"da": "Toner"}, "cards": [{"da": "varm"}, {"da": "kold"}]}]), "m", [])
    html = card_sheet_html(mats, "da", lambda k: k, {"ovelse-a": "Øvelse: Tone"}, "Stemmen")
    assert html.count('class="kc-card"') == 2 and "(2/2)" in html and "#ovelse-a" in html


# --- editions --------------------------------------------------------------------

def test_every_module_has_participant_and_trainer_editions(site, catalog):
    from pypdf import PdfReader
    for module in catalog["modules"]:
        for lang in LANGS:
            participant = "".join(p.extract_text() for p in PdfReader(site / module["pdf"][lang]).pages)
            trainer = "".join(p.extract_text() for p in PdfReader(site / module["trainer_pdf"][lang]).pages)
            assert len(trainer) > len(participant), (module["id"], lang)
    # The trainer's notes are in the trainer's edition only.
    notes = {"da": "Til underviseren", "nb": "Til instruktøren", "en": "Trainer notes"}
    threats = next(m for m in catalog["modules"] if m["id"] == THREATS)
    for lang in LANGS:
        participant = "".join(p.extract_text() for p in PdfReader(site / threats["pdf"][lang]).pages)
        trainer = "".join(p.extract_text() for p in PdfReader(site / threats["trainer_pdf"][lang]).pages)
        assert notes[lang].lower() in trainer.lower() and notes[lang].lower() not in participant.lower()


def test_each_programme_has_one_pdf_of_its_handouts_in_order(site, catalog):
    from pypdf import PdfReader
    titles = {m["id"]: m["title"] for m in catalog["modules"]}
    for prog in catalog["programmes"]:
        modules = list(dict.fromkeys(i["module"] for d in prog["days"] for i in d["items"] if "module" in i))
        for lang in LANGS:
            text = " ".join(p.extract_text() for p in PdfReader(site / prog["handouts"][lang]).pages)
            text = re.sub(r"\s+", " ", text)
            places = [text.find(titles[mid][lang]) for mid in modules]
            assert all(p >= 0 for p in places) and places == sorted(places), (prog["id"], lang)


# --- safety: helplines from one place -------------------------------------------------

def test_helplines_come_from_one_data_place_per_country(site):
    helplines = yaml.safe_load((ROOT / "content" / "helplines.yml").read_text(encoding="utf-8"))
    assert {h["country"] for h in helplines} == {"dk", "no"}
    assert all(h["url"].startswith("https://") and h.get("checked_against") for h in helplines)
    for lang, home in (("da", "dk"), ("nb", "no"), ("en", None)):
        html = (site / PREFIX[lang] / "moduler" / THREATS / "index.html").read_text(encoding="utf-8")
        section = html[html.index('id="numre"'):]
        section = section[:section.index("<h2", 10)] if "<h2" in section[10:] else section
        for h in helplines:
            assert h["number"] in section, (lang, h["id"])
        if home:  # the other country's numbers are folded away
            folded = "".join(re.findall(r'<details class="kc-abroad".*?</details>', section, re.S))
            assert all(h["number"] in folded for h in helplines if h["country"] != home), lang


def test_no_phone_number_is_written_by_hand_in_the_threats_module():
    numbers = [h["number"] for h in yaml.safe_load((ROOT / "content" / "helplines.yml").read_text(encoding="utf-8"))
               if len(h["number"]) > 3]
    for lang in LANGS:
        text = (ROOT / "docs" / "moduler" / f"{THREATS}.{lang}.md").read_text(encoding="utf-8")
        assert not [n for n in numbers if n in text], lang


# --- objectives ---------------------------------------------------------------------------

def test_every_objective_is_practised_by_an_exercise_on_its_page(catalog):
    for module in catalog["modules"]:
        exercises = {a for a in module["anchors"] if a.startswith("ovelse-")}
        assert len(module["objective_exercises"]) == len(module["objectives"]["da"])
        for practised in module["objective_exercises"]:
            assert practised and set(practised) <= exercises, module["id"]


def test_objectives_read_after_their_lead_in(site):
    lead = {"da": "Efter modulet kan du:", "nb": "Etter modulen kan du:", "en": "After this module you can:"}
    for lang in LANGS:
        html = (site / PREFIX[lang] / "moduler" / "stemmen" / "index.html").read_text(encoding="utf-8")
        part = html[html.index('id="laeringsmaal"'):]
        assert lead[lang] in part
        first = re.search(r"<li>(.*?)</li>", part).group(1)
        assert first[0].islower() and not re.match(r"(du kan|you can)", first, re.I), (lang, first)


# --- the language switcher keeps the anchor -----------------------------------------------

@pytest.mark.browser
def test_the_language_switcher_keeps_the_exercise_anchor(server, context):
    page = context.new_page()
    page.goto(server.base + page_url("moduler/stemmen", "nb", DEFAULT_LANG) + "#ovelse-tempo")
    link = page.locator('.md-select a[hreflang="en"]').first
    link.evaluate("a => a.click()")
    page.wait_for_url("**/en/moduler/stemmen/**")
    assert page.url.endswith("/en/moduler/stemmen/#ovelse-tempo"), page.url
