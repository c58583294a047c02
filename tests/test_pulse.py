"""Issue 9: the staff pulse questionnaire, its template, form and calculator."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import LANGS, ROOT, problems_of, write_yaml

PREFIX = {"da": "", "nb": "nb/", "en": "en/"}
PULSE = yaml.safe_load((ROOT / "content" / "pulse.yml").read_text(encoding="utf-8"))
IDS = [q["id"] for q in PULSE["questions"]]


# --- the questionnaire and what the build makes from it -----------------------

def test_benchmark_questions_carry_the_published_index():
    scores = {q["id"]: q["benchmark"] for q in PULSE["questions"] if "benchmark" in q}
    assert scores == {"vigtig": 5.3, "attraktiv": 4.2, "anbefale": 4.3}
    themes = {p.stem for p in (ROOT / "content" / "themes").glob("*.yml")}
    asked = {q.get("theme") for q in PULSE["questions"]} - {None}
    assert asked == themes


def test_unknown_theme_and_a_theme_without_question_are_refused(content):
    path = content / "pulse.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for q in data["questions"]:
        if q.get("theme") == "teknologi":
            q["theme"] = "teknologie"
    write_yaml(path, data)
    msgs = problems_of(content)
    assert any("unknown theme 'teknologie'" in m and "(guide: forfattere/fejl/#unknown-id)" in m for m in msgs), msgs
    assert any("theme 'teknologi' has no question" in m and "#pulse)" in m for m in msgs), msgs


def test_benchmark_outside_the_scale_is_refused(content):
    path = content / "pulse.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"][0]["benchmark"] = 53
    write_yaml(path, data)
    [msg] = problems_of(content)
    assert "questions[0].benchmark: 53 is out of range; allowed 1 to 6" in msg


def test_template_has_one_column_per_question_with_its_text(site):
    import csv
    import io
    for lang in LANGS:
        text = (site / PREFIX[lang] / "moede" / "puls" / "puls-skabelon.csv").read_bytes().decode("utf-8")
        sep = ";" if lang in ("da", "nb") else ","
        assert text.startswith("\ufeff") == (sep == ";") and text.endswith("\r\n")
        [header] = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sep))
        assert [cell.split(":")[0] for cell in header] == IDS
        assert all(len(cell.split(":", 1)[1].strip()) > 10 for cell in header)  # the question itself


def test_catalog_describes_the_questionnaire(site):
    cat = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    pulse = cat["pulse"]
    assert [q["id"] for q in pulse["questions"]] == IDS
    first = pulse["questions"][0]
    assert first["benchmark"] == 5.3 and first["theme"] is None and set(first["text"]) == set(LANGS)
    assert pulse["template"]["nb"] == "nb/moede/puls/puls-skabelon.csv"
    assert pulse["minimum_group"] == 5


# --- the calculator in the browser ---------------------------------------------

def _csv(rows, sep=","):
    return "\n".join(sep.join(str(v) for v in row) for row in rows) + "\n"


SAMPLE = [["vigtig", "attraktiv", "anbefale", "tidspres-1", "tidspres-2", "teknologi-1", "kundeservice-1"]] + [
    [6, 3, 4, 2, 3, 5, 4],
    [5, 4, 4, 2, 2, 5, 5],
    [5, 4, 5, 3, 3, 6, 4],
    [6, 3, 4, 2, 2, 5, 5],
    [5, 5, 4, 1, 3, 4, ""],
    [6, 4, 5, 3, 2, 5, 4],
]


@pytest.fixture
def pulse_page(context, server):
    page = context.new_page()
    page.goto(server.base + "en/moede/puls/")
    yield page
    page.close()


@pytest.mark.browser
def test_loading_a_csv_shows_averages_and_the_three_lowest_themes(pulse_page, tmp_path):
    page = pulse_page
    path = tmp_path / "answers.csv"
    path.write_text(_csv(SAMPLE), encoding="utf-8")
    page.set_input_files("#kc-pulse-file", str(path))
    page.wait_for_selector(".kc-pulse-results:not([hidden])")
    assert "6 answers loaded from answers.csv" in page.inner_text(".kc-pulse-results")

    def cells(qid):
        return page.eval_on_selector(f'tr[data-question="{qid}"]',
                                     "row => [...row.querySelectorAll('td')].map(c => c.textContent)")
    # vigtig: 6 5 5 6 5 6 -> 5.5; sd 0.548; range 5-6; index 5.3; +0.2
    assert cells("vigtig") == ["", "6", "5.5", "0.5", "5–6", "5.3", "+0.2"]
    assert cells("attraktiv")[:3] == ["", "6", "3.8"]
    # kundeservice-1 has five answers: just enough to be shown.
    assert cells("kundeservice-1")[1:3] == ["5", "4.4"]
    # Questions nobody answered are not shown.
    assert "fewer than 5 answers" in cells("fysiske-rammer-1")[2]
    lowest = page.eval_on_selector_all(".kc-pulse-lowest li", "items => items.map(i => i.dataset.theme)")
    # tidspres (2.17, 2.5 -> 2.33), kundeservice (4.4), teknologi (5.0)
    assert lowest == ["tidspres", "kundeservice", "teknologi"]
    first = page.locator(".kc-pulse-lowest li").first
    assert first.locator("a").first.get_attribute("href") == "../../temaer/tidspres/"
    assert first.locator("a").nth(1).get_attribute("href") == "../../temaer/tidspres/tidspres-en.pdf"
    # The chart has a text alternative: the table; the chart itself is hidden from screen readers.
    assert page.get_attribute(".kc-pulse-chart", "aria-hidden") == "true"


@pytest.mark.browser
def test_fewer_than_five_answers_show_nothing(pulse_page, tmp_path):
    page = pulse_page
    path = tmp_path / "few.csv"
    path.write_text(_csv(SAMPLE[:5]), encoding="utf-8")
    page.set_input_files("#kc-pulse-file", str(path))
    page.wait_for_function("document.querySelector('.kc-pulse-messages').textContent.length > 0")
    assert "There are only 4 answers" in page.inner_text(".kc-pulse-messages")
    assert page.is_hidden(".kc-pulse-results")


@pytest.mark.browser
def test_typed_averages(pulse_page):
    page = pulse_page
    page.click(".kc-pulse-typed summary")
    page.fill("#kc-pulse-count", "12")
    page.fill('input[name="vigtig"]', "5,1")
    page.fill('input[name="tidspres-1"]', "2.5")
    page.fill('input[name="teknologi-1"]', "7")
    page.click("[data-action=compute]")
    assert '"7" is not a number from 1 to 6' in page.inner_text(".kc-pulse-messages")
    page.fill('input[name="teknologi-1"]', "3.5")
    page.click("[data-action=compute]")
    page.wait_for_selector(".kc-pulse-results:not([hidden])")
    assert page.eval_on_selector_all(".kc-pulse-lowest li", "i => i.map(x => x.dataset.theme)") == [
        "tidspres", "teknologi"]


BAD = {
    "unknown column": ("vigtig,alder,tidspres-1\n5,34,2\n", "notes", "Column B (alder) is not a question"),
    "out of range": ("vigtig,attraktiv\n5,4\n7,3\n5,0\n", "problems",
                     'Row 3, column A (vigtig): "7" is not a whole number from 1 to 6.'),
    "half points": ("vigtig,attraktiv\n5,4.5\n", "problems", 'Row 2, column B (attraktiv): "4.5" is not a whole number'),
    "repeated column": ("vigtig,attraktiv,vigtig\n5,4,5\n", "problems", "Column C (vigtig) appears twice"),
    "too many rows": ("vigtig,attraktiv\n" + "5,4\n" * 5001, "problems", "more than 5000"),
    "wrong separator": ("vigtig;attraktiv\n5,4\n", "problems", "Row 2, column A (vigtig)"),
    "not a number": ("vigtig,attraktiv\n5,fire\n", "problems", 'Row 2, column B (attraktiv): "fire"'),
    "empty rows": ("vigtig,attraktiv\n5,4\n\n,\n6,3\n", "notes", "2 empty rows were skipped."),
    "extra cells": ("vigtig,attraktiv\n5,4,3\n", "problems", "Row 2 has 3 cells but the first row has 2."),
    "no header": ("5,4,3\n5,4,3\n", "problems", "The first row must hold the question ids"),
    "empty file": ("\n", "problems", "The file is empty."),
}


@pytest.mark.browser
@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_csv_is_refused_or_handled_with_row_and_column(pulse_page, case):
    text, kind, expected = BAD[case]
    data = json.loads(pulse_page.text_content("#kc-pulse-data"))
    result = pulse_page.evaluate("([t, d]) => window.kcPulse.parse(t, d)", [text, data])
    assert any(expected in m for m in result[kind]), result


@pytest.mark.browser
def test_semicolons_question_texts_and_a_bom_are_read(pulse_page):
    data = json.loads(pulse_page.text_content("#kc-pulse-data"))
    text = "\ufeffVigtig: Kundeservice er vigtig;Attraktiv: Mit job er attraktivt\r\n5;4\r\n\"6\";3\r\n"
    result = pulse_page.evaluate("([t, d]) => window.kcPulse.parse(t, d)", [text, data])
    assert result["problems"] == []
    assert result["rows"] == [{"vigtig": 5, "attraktiv": 4}, {"vigtig": 6, "attraktiv": 3}]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_paper_form_prints_on_one_a4_page(context, server, lang, tmp_path):
    from pypdf import PdfReader
    page = context.new_page()
    page.goto(server.base + PREFIX[lang] + "moede/puls-skema/")
    rows = page.locator(".kc-pulse-form tbody tr").count()
    assert rows == len(IDS)
    pdf = tmp_path / "form.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    assert len(PdfReader(pdf).pages) == 1
