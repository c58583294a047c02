"""Law and facts that hold today: the rules' trail, the reader's country first,
no outdated reference on any page, and what the build must not let through
(dates read as lists, files that are not UTF-8, wrong term variants)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, ROOT, THEME, mkdocs_build
from test_bad_input import failed_build
from trivsel.content.language import date_as_list, format_date, number_word
from trivsel.expand.markers import countries_for
from trivsel.expand.registry import fill_counts
from trivsel.content.rules import date_problem, link_problem, record_problems
from trivsel.content.translations import read_page

PREFIX = {"da": "", "nb": "nb/", "en": "en/"}
RULES = yaml.safe_load((ROOT / "content" / "rules.yml").read_text(encoding="utf-8"))
TODAY = dt.date.today()

# --- the trail of each rule ---------------------------------------------------


@pytest.mark.parametrize("url", ["https://www.retsinformation.dk/", "https://lovdata.no", "https://at.dk/",
                                 "https://at.dk/regler/at-vejledninger/", "https://lovdata.no/register/lover",
                                 "https://www.retsinformation.dk/documents"])
def test_front_pages_and_listings_are_not_deep_links(url):
    assert link_problem(url)


@pytest.mark.parametrize("url", ["https://www.retsinformation.dk/eli/lta/2025/1108",
                                 "https://lovdata.no/lov/2005-06-17-62/§4-3",
                                 "https://lovdata.no/forskrift/2011-12-06-1357",
                                 "https://at.dk/regler/at-vejledninger/hoeje-foelelsesmaessige-krav-4-2-1"])
def test_links_to_a_text_are_deep(url):
    assert link_problem(url) is None


def test_dates_must_be_real_and_last_checked_not_in_the_future():
    today = dt.date(2026, 12, 1)
    assert "not a day in the calendar" in date_problem("2026-02-30", today, "last_checked")
    assert "not a date" in date_problem("1/12/2026", today, "last_checked")
    assert "in the future" in date_problem("2026-12-02", today, "last_checked")
    assert date_problem("2027-01-01", today, "in_force_from") is None  # a law may take effect later
    assert date_problem("2026-12-01", today, "last_checked") is None


def test_a_rule_is_either_checked_with_its_source_or_says_it_is_unconfirmed():
    base = {"url": "https://lovdata.no/lov/2005-06-17-62/§4-3"}
    today = dt.date(2026, 12, 1)
    assert [f for f, _ in record_problems(base, today)] == ["last_checked"]
    assert [f for f, _ in record_problems({**base, "last_checked": "2026-12-01"}, today)] == ["checked_against"]
    both = {**base, "last_checked": "2026-12-01", "checked_against": base["url"], "unconfirmed": "why"}
    assert [f for f, _ in record_problems(both, today)] == ["unconfirmed"]
    assert record_problems({**base, "unconfirmed": "not in the corpus"}, today) == []


def test_every_rule_in_the_content_has_its_trail():
    for rule in RULES:
        assert link_problem(rule["url"]) is None, rule["id"]
        assert rule.get("checked_against"), rule["id"]
        if "last_checked" in rule:
            assert dt.date.fromisoformat(str(rule["last_checked"])) <= TODAY, rule["id"]
        else:
            assert rule["unconfirmed"].strip(), rule["id"]


def _rules_with(project: Path, change) -> None:
    path = project / "content" / "rules.yml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize("change, expected", [
    (lambda s: s.replace("url: \"https://www.retsinformation.dk/eli/lta/2024/65\"",
                         "url: \"https://www.retsinformation.dk/\"", 1),
     r"content/rules\.yml:\d+: \[\d+\]\.url: rule 'dk-apv': 'https://www\.retsinformation\.dk/' is a site's front page"),
    (lambda s: s.replace("last_checked: 2026-12-01", "last_checked: 2999-01-01", 1),
     r"content/rules\.yml:\d+: \[0\]\.last_checked: rule 'dk-aml-oplaering': 2999-01-01 is in the future"),
    (lambda s: s.replace("last_checked: 2026-12-01", "last_checked: 2026-02-30", 1),
     r"content/rules\.yml:\d+: \[0\]\.last_checked: rule 'dk-aml-oplaering': '2026-02-30' is not a day in the calendar"),
], ids=["front-page", "future", "impossible"])
def test_a_bad_trail_stops_the_build_with_one_line(project, change, expected):
    _rules_with(project, change)
    out = failed_build(project)
    lines = [line for line in out.splitlines() if "rules.yml" in line]
    assert len(lines) == 1 and re.search(expected, lines[0]), out
    assert "(guide: forfattere/fejl/#rule-trail)" in lines[0]


# --- the reader's country first -------------------------------------------------

def test_each_language_shows_its_own_country_first():
    assert countries_for("da") == (("dk", False), ("no", True))
    assert countries_for("nb") == (("no", False), ("dk", True))
    assert countries_for("en") == (("dk", False), ("no", False))


def _rules_section(html: str) -> str:
    start = html.index('id="regler"')
    return html[start:html.index("</div>", html.index('class="kc-rules"', start))]


def _rule_links(fragment: str) -> list[str]:
    return re.findall(r'href="[^"]*regler/#((?:dk|no)-[a-z0-9-]+)"', fragment)


def _unit_pages(site: Path, lang: str):
    for section in ("temaer", "moduler"):
        for page in sorted((site / PREFIX[lang] / section).glob("*/index.html")):
            html = page.read_text(encoding="utf-8")
            if 'id="regler"' in html:
                yield page, html


def test_the_other_countrys_rules_are_folded_away(site):
    for lang, home, other in (("da", "dk", "no"), ("nb", "no", "dk")):
        pages = list(_unit_pages(site, lang))
        assert len(pages) >= 15
        for page, html in pages:
            section = _rules_section(html)
            folded = re.findall(r"<details class=\"kc-abroad\"(?P<attrs>[^>]*)>(?P<body>.*?)</details>", section, re.S)
            outside = re.sub(r"<details.*?</details>", "", section, flags=re.S)
            assert not [r for r in _rule_links(outside) if r.startswith(other)], page
            inside = [r for attrs, body in folded for r in _rule_links(body)]
            assert inside and all(r.startswith(other + "-") for r in inside), page
            assert all("open" not in attrs for attrs, _ in folded), page
            assert [r for r in _rule_links(outside) if r.startswith(home + "-")], page
    for page, html in _unit_pages(site, "en"):
        section = _rules_section(html)
        assert "<details" not in section and {r[:2] for r in _rule_links(section)} == {"dk", "no"}, page


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


# Words that name the other country's acts: Norwegian law on a Danish sheet, Danish on a Norwegian one.
OTHER_ACTS = {
    "da": re.compile(r"arbeidsmiljølov|lovdata|forskrift|språklov|hjemmekontorforskrift|§ ?\d+-\d+", re.I),
    "nb": re.compile(r"arbejdsmiljølov|bekendtgørelse|retsinformation|\bLBK\b|\bBEK\b", re.I),
}


@pytest.mark.skipif(subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
                    reason="pdftotext (poppler-utils) is not installed")
def test_theme_sheets_name_only_their_own_countrys_acts(site):
    from trivsel.content.pages import unit_file_name
    themes = [p.stem for p in (ROOT / "content" / "themes").glob("*.yml")]
    for lang, pattern in OTHER_ACTS.items():
        for theme in themes:
            pdf = site / PREFIX[lang] / "temaer" / theme / unit_file_name(theme, lang, "pdf")
            found = pattern.findall(_pdf_text(pdf))
            assert not found, (pdf.name, found)


# --- nothing outdated on any page --------------------------------------------------

OUTDATED = [
    (re.compile(r"kapit(?:t)?el 23 ?A|chapter 23 ?A|§ ?23A-\d", re.I), "the violence rules left chapter 23A in 2026"),
    (re.compile(r"4-3 ?\(4\)|4-3,? (?:fjerde ledd|stk\. ?4|4\. led)|4-3 fourth paragraph|fourth paragraph of section 4-3",
                re.I), "the rule on violence is § 4-3 sixth paragraph since 2026"),
    (re.compile(r"2062/2021|lta/2021/2062|nr\. 2062"), "arbejdsmiljøloven is LBK 1108/2025"),
]
# "replacing the former chapter 23A" is history, not a citation of current law.
HISTORY = re.compile(r"(tidligere|former|formerly|før|erstatter|afløser|afløste|replacing|replaced|previously)\W+(\w+\W+){0,3}$",
                     re.I)


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_no_page_cites_outdated_law_as_current(site):
    found = []
    for page in site.rglob("*.html"):
        text = _visible_text(page.read_text(encoding="utf-8"))
        for pattern, why in OUTDATED:
            for m in pattern.finditer(text):
                if not HISTORY.search(text[max(0, m.start() - 60):m.start()]):
                    found.append(f"{page.relative_to(site)}: '{m.group(0)}' ({why})")
    assert not found, "\n".join(found[:20])


def test_checked_dates_are_written_out_in_each_language(site):
    checked = next(r for r in RULES if "last_checked" in r)
    for lang in LANGS:
        page = (site / PREFIX[lang] / "regler" / "index.html").read_text(encoding="utf-8")
        assert format_date(str(checked["last_checked"]), lang) in page
    unconfirmed = next((r for r in RULES if "unconfirmed" in r), None)
    if unconfirmed:
        page = (site / "regler" / "index.html").read_text(encoding="utf-8")
        entry = page[page.index(f'id="{unconfirmed["id"]}"'):]
        assert "Endnu ikke tjekket mod den officielle tekst" in entry[:3000]


# --- what the build must not let through -------------------------------------------

MONTH_NAMES = r"januar|februar|marts|mars|april|maj|mai|juni|juli|august|september|oktober|november|december|desember|january|february|march|may|june|july|october"


def test_no_list_in_the_site_starts_with_a_month_name(site):
    found = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r"<ol[^>]*>\s*<li[^>]*>(?:\s*<p>)?\s*(" + MONTH_NAMES + r")\b", html, re.I):
            found.append(f"{page.relative_to(site)}: {m.group(1)}")
    assert not found, found


def test_a_date_at_the_start_of_a_line_is_found_in_each_language():
    assert date_as_list("20. september 2021 ble en ansatt drept.", "nb") == "20. september"
    assert date_as_list("1. december 2026 trådte den i kraft.", "da") == "1. december"
    assert date_as_list("5. May 2026 was the day.", "en") == "5. May"
    assert date_as_list("Den 20. september 2021 ble …", "nb") is None
    assert date_as_list("20\\. september 2021", "nb") is None
    assert date_as_list("2. Skriv hvem der gør hvad.", "da") is None


def test_a_paragraph_starting_with_a_date_stops_the_build(project):
    page = project / "docs" / "temaer" / f"{THEME}.nb.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n20. september 2021 skjedde det.\n", encoding="utf-8")
    out = failed_build(project)
    line = next(l for l in out.splitlines() if "20. september" in l)
    assert re.search(rf"docs/temaer/{THEME}\.nb\.md:\d+: '20\. september' at the start of a line becomes a "
                     r"numbered list", line), out
    assert "(guide: forfattere/fejl/#month-list)" in line


def test_unreadable_pages_are_named_in_one_line(tmp_path):
    bom = tmp_path / "bom.da.md"
    bom.write_bytes("\ufeff# Titel\n".encode("utf-8"))
    text, problem = read_page(bom, "docs/bom.da.md")
    assert text is None and "byte-order mark" in str(problem) and str(problem).startswith("docs/bom.da.md:1:")
    latin = tmp_path / "latin.da.md"
    latin.write_bytes("# Titel\n\nArbejdsmiljø\n".encode("latin-1"))
    text, problem = read_page(latin, "docs/latin.da.md")
    assert text is None and str(problem).startswith("docs/latin.da.md:3: is not UTF-8")


def test_a_page_with_a_byte_order_mark_stops_the_build(project):
    page = project / "docs" / "temaer" / f"{THEME}.en.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    out = failed_build(project)
    assert re.search(rf"docs/temaer/{THEME}\.en\.md:1: starts with a byte-order mark \(BOM\); save it as UTF-8 "
                     r"without BOM \(guide: forfattere/fejl/#encoding\)", out), out


# --- counts and terms ----------------------------------------------------------------

def test_counts_in_prose_come_from_the_model():
    class M:  # the counts read only the lengths
        themes, modules, programmes = [None] * 9, [None] * 10, [None] * 3
    text = "<!-- kc:Count themes --> temaer og <!-- kc:count modules --> moduler"
    assert fill_counts(text, M, "da") == "Ni temaer og ti moduler"
    assert fill_counts(text.replace("temaer", "themes").replace("moduler", "modules"), M, "en") == \
        "Nine themes og ten modules"
    assert number_word(21, "nb") == "21"


WRITTEN_COUNTS = re.compile(r"\b(ni|nine|ti|ten)\s+(temaer|themes|tjeklister|sjekklister|checklists|moduler|modules)\b",
                            re.I)


def test_no_page_writes_a_count_of_themes_or_modules_by_hand():
    found = []
    for path in list((ROOT / "docs").rglob("*.md")) + [ROOT / "mkdocs.yml"]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if WRITTEN_COUNTS.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def _language_values(node, lang: str):
    """Every text of ``lang`` in a YAML tree (values under the language's key)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == lang and isinstance(value, str):
                yield value
            else:
                yield from _language_values(value, lang)
    elif isinstance(node, list):
        for item in node:
            yield from _language_values(item, lang)


def test_settled_terms_have_no_wrong_variants_left():
    terms = yaml.safe_load((ROOT / "content" / "terminology.yml").read_text(encoding="utf-8"))
    assert set(terms) == set(LANGS)
    found = []
    for lang, entries in terms.items():
        pattern = re.compile(r"\b(" + "|".join(re.escape(e["avoid"]) for e in entries) + r")\b", re.I)
        texts = [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8"))
                 for p in (ROOT / "docs").rglob(f"*.{lang}.md") if "forfattere" not in p.parts]
        for path in (ROOT / "content").rglob("*.yml"):
            if path.name != "terminology.yml":
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                texts += [(path.relative_to(ROOT).as_posix(), t) for t in _language_values(data, lang)]
        for where, text in texts:
            for m in pattern.finditer(text):
                found.append(f"{where} ({lang}): '{m.group(0)}'")
    assert not found, "\n".join(found[:30])
