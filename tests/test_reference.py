"""Issue 8 without a browser: glossary, rules, accessibility statement,
deployment files (404 pages, robots.txt, CSP example), the author guide."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from conftest import LANGS, ROOT, SITE_URL, mkdocs_build, problems_of, write_yaml
from trivsel.content.glossary import Term, TermLinker
from trivsel.content.language import format_date
from trivsel.content.model import Rule, stale_rules

PREFIX = {"da": "", "nb": "nb/", "en": "en/"}


def _term(id_, forms, expansion=None):
    return Term(id_, {"da": id_}, {"da": expansion} if expansion else None, {"da": tuple(forms)},
                {"da": f"forklaring af {id_}"})


def test_linker_links_the_first_use_only_and_skips_headings_links_and_code():
    linker = TermLinker([_term("amo", ["AMO"], "arbejdsmiljøorganisation"), _term("vo", ["verneombud"])], "da")
    html = ("<h2 id='x'>AMO</h2><p>AMO og <a href='y'>AMO</a> og AMO-møde</p><p><code>AMO</code> AMO</p>"
            "<p>Verneombud og verneombud</p>")
    out, linked = linker.link(html, "../ordliste/")
    assert linked == ["amo", "vo"]
    assert out.count('class="kc-term"') == 2
    assert "<h2 id='x'>AMO</h2>" in out and "<code>AMO</code>" in out
    assert '<a href="../ordliste/#amo" aria-describedby="kc-tip-amo">AMO</a>' in out
    assert "<strong>arbejdsmiljøorganisation.</strong>" in out  # the expansion leads the tooltip
    # A capital at the start of a sentence still matches; "AMO-møde" is another word.
    assert '<a href="../ordliste/#vo" aria-describedby="kc-tip-vo">Verneombud</a>' in out


def test_glossary_form_in_two_entries_is_refused(content):
    path = content / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[1]["forms"]["da"] = list(data[1]["forms"]["da"]) + [data[0]["forms"]["da"][0]]
    write_yaml(path, data)
    [msg] = problems_of(content)
    assert msg.startswith("content/glossary.yml:") and "already belongs to" in msg
    assert msg.endswith("(guide: forfattere/fejl/#glossary)")


def test_glossary_explanation_too_long_for_a_tooltip(content):
    path = content / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[0]["explanation"]["nb"] = "ord " * 80
    write_yaml(path, data)
    [msg] = problems_of(content)
    assert "[0].explanation.nb: is 320 characters long; shorten it to at most 220" in msg


def test_every_glossary_entry_has_an_anchor_and_pages_link_to_it(site):
    terms = yaml.safe_load((ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"))
    for lang in LANGS:
        glossary = (site / PREFIX[lang] / "ordliste" / "index.html").read_text(encoding="utf-8")
        for term in terms:
            assert f'<dt id="{term["id"]}">' in glossary, (lang, term["id"])
        theme = (site / PREFIX[lang] / "temaer" / "tidspres" / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<span class="kc-term"><a href="([^"]+)#([a-z0-9-]+)"', theme)
        assert links and all(href == "../../ordliste/" for href, _ in links), (lang, links)
        # The tooltip is in the page's language.
        term = next(t for t in terms if t["id"] == links[0][1])
        assert term["explanation"][lang].split()[0] in theme


# Capitals that are not terms: page furniture and units.
# UTF (UTF-8), AA (WCAG 2.1 AA) and UA (PDF/UA) are parts of names that have entries;
# BOM and ELI appear only in the editors' guide to build errors, next to their explanation.
# SOS is part of the name Kirkens SOS (a helpline); GP (family doctor) is everyday English.
NOT_TERMS = {"PDF", "A4", "OK", "II", "III", "ID", "UTF", "AA", "UA", "PC", "BOM", "ELI", "SOS", "GP"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_abbreviation_on_the_pages_is_in_the_glossary(site, lang):
    """A reader meets no unexplained abbreviation: every 2-6 letter capital word in
    the pages' text is a glossary form in that language."""
    terms = yaml.safe_load((ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"))
    forms = {f for t in terms for f in t["forms"][lang]}
    known = {re.split(r"[-\s]", f)[0] for f in forms} | forms | NOT_TERMS
    missing = {}
    for path in sorted((site / PREFIX[lang]).rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if lang == "da" and rel.startswith(("nb/", "en/")) or "ordliste/" in rel:
            continue  # another language, or the glossary's own headwords
        html = path.read_text(encoding="utf-8")
        body = html.split('<article', 1)[-1].split("</article>", 1)[0]
        body = re.sub(r"<(code|pre|script)\b.*?</\1>", " ", body, flags=re.S)
        body = re.sub(r'<span class="kc-tip".*?</span>', " ", body, flags=re.S)  # explanations
        # Exercise materials are role-play lines: a caller may shout in capitals.
        body = re.sub(r'<details class="kc-material.*?</details>', " ", body, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", body)
        for word in set(re.findall(r"(?<![\w-])[A-ZÆØÅ]{2,6}(?![\w])", text)):
            if word not in known:
                missing.setdefault(word, rel)
    assert not missing, f"abbreviations without a glossary entry ({lang}): {missing}"


def test_rules_page_lists_every_rule_and_panels_link_to_it(site):
    rules = yaml.safe_load((ROOT / "content" / "rules.yml").read_text(encoding="utf-8"))
    for lang in LANGS:
        page = (site / PREFIX[lang] / "regler" / "index.html").read_text(encoding="utf-8")
        for rule in rules:
            assert f'id="{rule["id"]}"' in page and rule["url"] in page
            if "last_checked" in rule:
                assert format_date(str(rule["last_checked"]), lang) in page
        module = (site / PREFIX[lang] / "moduler" / "debrifing" / "index.html").read_text(encoding="utf-8")
        assert 'href="../../regler/#no-forskrift-23a"' in module


def test_stale_rules_are_those_older_than_a_year():
    rule = lambda d: Rule(d, "dk", "ref", "https://x", d, {}, {})  # noqa: E731
    rules = {r.id: r for r in (rule("2025-11-22"), rule("2025-11-23"), rule("2026-06-01"))}
    assert [r.id for r in stale_rules(rules, dt.date(2026, 11, 23))] == ["2025-11-22"]


def test_a_rule_due_for_a_check_warns_but_the_build_goes_on(project):
    result = mkdocs_build(project, project / "site", KC_TODAY="2028-01-15")
    assert result.returncode == 0, result.stderr
    assert "rule(s) in content/rules.yml were last checked more than a year ago" in result.stderr
    assert "dk-apv: last checked 2026-12-01" in result.stderr
    assert "(guide: forfattere/fejl/#stale-rule)" in result.stderr
    quiet = mkdocs_build(project, project / "site2", KC_TODAY="2026-12-01")
    assert "last checked more than a year ago" not in quiet.stderr


def test_accessibility_contact_comes_from_mkdocs_yml_and_is_required(site, project):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    email = re.search(r"^    email: (\S+)$", config, re.M).group(1)
    for lang in LANGS:
        page = (site / PREFIX[lang] / "tilgaengelighed" / "index.html").read_text(encoding="utf-8")
        assert f'href="mailto:{email}"' in page and "WCAG 2.1" in page
    path = project / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"    email: {email}\n", ""), encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/tilgaengelighed.da.md" in result.stderr and "extra.accessibility.email" in result.stderr


def test_every_page_footer_links_the_statement_in_its_own_language(site):
    titles = {"da": "Tilgængelighedserklæring", "nb": "Tilgjengelighetserklæring", "en": "Accessibility statement"}
    pages = [p for p in site.rglob("index.html")]
    assert len(pages) > 100
    for path in pages:
        rel = path.relative_to(site).as_posix()
        lang = rel.split("/", 1)[0] if rel.startswith(("nb/", "en/")) else "da"
        html = path.read_text(encoding="utf-8")
        link = re.search(r'<nav class="kc-footer-links"[^>]*>.*?<a href="([^"]+)">([^<]+)</a>', html, re.S)
        assert link, rel
        assert link.group(2) == titles[lang], rel
        target = (path.parent / link.group(1)).resolve()
        assert target == (site / PREFIX[lang] / "tilgaengelighed").resolve(), rel


def test_404_page_in_each_language_and_robots_txt(site):
    for lang in LANGS:
        html = (site / PREFIX[lang] / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        assert f'href="/{PREFIX[lang]}"' in html  # home of the same language, absolute (any depth)
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n")


@pytest.mark.browser
def test_404_pages_pass_the_browser_gates(server, context):
    from checks.browser import audit, audit_context
    ctx = audit_context(context.browser)
    for lang in LANGS:
        result = audit(ctx, server.base + PREFIX[lang] + "404.html")
        assert result.failures() == [], (lang, result.failures())
    ctx.close()


def test_csp_example_forbids_inline_scripts_and_third_parties():
    from checks.browser import deployed_csp
    csp = dict(part.strip().split(" ", 1) for part in deployed_csp().split(";"))
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'"
    assert "unsafe-inline" not in deployed_csp() and "http" not in deployed_csp()


def test_no_inline_script_or_style_attribute_in_any_page(site):
    """What lets the CSP forbid inline code: no executable inline script, no style attribute."""
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        inline = [s for s in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html) if "application/json" not in s]
        assert not inline, (path, inline)
        assert ' style="' not in html, path


def test_every_guide_code_has_its_section_in_every_language():
    used = set()
    for path in (ROOT / "trivsel").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'guide="([a-z-]+)"', text)) | set(re.findall(r'guide_note\("([a-z-]+)"\)', text))
    used |= {"stale-rule", "missing-text", "schema"}
    assert len(used) > 15
    for lang in LANGS:
        page = (ROOT / "docs" / "forfattere" / f"fejl.{lang}.md").read_text(encoding="utf-8")
        ids = set(re.findall(r"\{#([a-z-]+)\}", page))
        assert used <= ids, (lang, sorted(used - ids))


def test_generated_links_resolve_for_both_url_styles():
    from trivsel.content.pages import resolve_links
    html = ('<a href="kc-file:temaer/tidspres/tidspres-nb.pdf">x</a> "kc-page:temaer/tidspres" '
            '<script src="kc-asset:assets/javascripts/pulse.js"></script> kc-page:index')
    online = {"temaer/tidspres": "nb/temaer/tidspres/", "index": "nb/"}
    offline = {"temaer/tidspres": "nb/temaer/tidspres.html", "index": "nb/index.html"}
    assert resolve_links(html, "nb/moede/puls/", online.get) == (
        '<a href="../../temaer/tidspres/tidspres-nb.pdf">x</a> "../../temaer/tidspres/" '
        '<script src="../../../assets/javascripts/pulse.js"></script> ../../')
    assert resolve_links(html, "nb/moede/puls.html", offline.get) == (
        '<a href="../temaer/tidspres/tidspres-nb.pdf">x</a> "../temaer/tidspres.html" '
        '<script src="../../assets/javascripts/pulse.js"></script> ../index.html')
    # The default language's home page sits at the site root in both styles (the home page's job links).
    root_offline = {"temaer/index": "temaer/index.html", "index": "index.html"}
    assert resolve_links('"kc-page:temaer/index" "kc-page:index"', "index.html", root_offline.get) == (
        '"temaer/index.html" "index.html"')
    assert resolve_links('"kc-page:temaer/index"', "", {"temaer/index": "temaer/"}.get) == '"temaer/"'


def test_links_from_the_home_page_resolve_in_both_url_styles():
    from trivsel.content.pages import resolve_links
    html = '<script src="kc-asset:assets/javascripts/glossary.js"></script> kc-page:ordliste'
    urls = {"": {"ordliste": "ordliste/"}, "index.html": {"ordliste": "ordliste.html"}}
    assert resolve_links(html, "", urls[""].get) == '<script src="assets/javascripts/glossary.js"></script> ordliste/'
    assert resolve_links(html, "index.html", urls["index.html"].get) == (
        '<script src="assets/javascripts/glossary.js"></script> ordliste.html')
