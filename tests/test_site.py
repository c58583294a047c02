"""The real site, built once: languages, switcher, hreflang, catalogue, search."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import jsonschema

from conftest import DEFAULT_LANG, LANGS, ROOT, SITE_URL
from trivsel.content.pages import page_url


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_strict_build_is_clean(build_result):
    _, result = build_result
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr


def test_every_page_exists_in_every_language_with_its_lang(site, page_ids):
    assert "index" in page_ids and "temaer/index" in page_ids
    for page_id in page_ids:
        for lang in LANGS:
            html = html_of(site, page_url(page_id, lang, DEFAULT_LANG))
            assert f'<html lang="{lang}"' in html, (page_id, lang)


def test_switcher_and_hreflang_lead_to_the_same_page(site, page_ids):
    for page_id in page_ids:
        for lang in LANGS:
            url = page_url(page_id, lang, DEFAULT_LANG)
            html = html_of(site, url)
            switcher = dict((m.group(2), m.group(1)) for m in re.finditer(
                r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">', html))
            alternates = dict((m.group(2), m.group(1)) for m in re.finditer(
                r'<link rel="alternate" href="([^"]*)" hreflang="([a-z]+)">', html))
            assert set(switcher) == set(LANGS), (url, switcher)
            assert set(alternates) == set(LANGS), (url, alternates)
            for other in LANGS:
                expected = page_url(page_id, other, DEFAULT_LANG)
                # The switcher link is relative to the page and must land on the same page.
                landed = urljoin("http://x/" + url, switcher[other])
                assert landed == "http://x/" + expected, (url, other, switcher[other])
                # hreflang links are absolute.
                assert alternates[other] == SITE_URL + expected, (url, other)
                assert (site / expected / "index.html").exists()


def test_catalog_validates_and_lists_every_page(site, page_ids):
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(catalog)
    assert catalog["languages"] == list(LANGS)
    assert catalog["site"] == SITE_URL
    assert [p["id"] for p in catalog["pages"]] == page_ids
    for entry in catalog["pages"] + catalog["themes"]:
        for lang in LANGS:
            assert (site / entry["url"][lang] / "index.html").exists(), entry["url"][lang]
            assert entry["title"][lang]


def test_catalog_titles_are_the_page_titles(site):
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    for entry in catalog["pages"]:
        for lang in LANGS:
            html = html_of(site, entry["url"][lang])
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
            assert re.sub(r"<[^>]+>", "", h1).strip() == entry["title"][lang]


def test_search_stems_danish_norwegian_and_english(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["da", "no", "en"]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"", "nb/", "en/"} <= locations


def test_no_font_or_script_from_a_third_party(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for m in re.finditer(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//([^"/]+)', html):
            tag = m.group(0)
            assert 'rel="alternate"' in tag or 'rel="canonical"' in tag, (path, tag)


def test_every_page_has_its_own_meta_description(site, page_ids):
    for lang in LANGS:
        seen = {}
        for page_id in page_ids:
            html = html_of(site, page_url(page_id, lang, DEFAULT_LANG))
            m = re.search(r'<meta name="description" content="([^"]+)">', html)
            assert m and len(m.group(1)) > 30, (page_id, lang)
            assert m.group(1) not in seen, f"{page_id} ({lang}) has the description of {seen.get(m.group(1))}"
            seen[m.group(1)] = page_id
            assert "---" not in html and "description:" not in html, f"front matter shown on {page_id} ({lang})"


def test_themes_in_catalog_with_checklists_and_item_anchors_in_every_language(site):
    from test_logic import EXPECTED_THEMES
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in catalog["themes"]] == EXPECTED_THEMES
    for theme in catalog["themes"]:
        ids = [item["id"] for item in theme["checklist"]]
        assert 8 <= len(ids) <= 12 and len(set(ids)) == len(ids)
        assert all(i.startswith(theme["id"] + "-") for i in ids)
        for lang in LANGS:
            html = html_of(site, theme["url"][lang])
            # The checklist sits in a box (Markdown in HTML), which may write the attributes in another order.
            page_ids = re.findall(r'<li (?=[^>]*class="kc-checklist__item")[^>]*\bid="([^"]+)"', html)
            assert page_ids == ids, (theme["id"], lang)
            for item in theme["checklist"]:
                assert item["text"][lang] in html.replace("&#x27;", "'").replace("&quot;", '"')


def test_meeting_kit_pages_exist_in_every_language(site):
    from test_logic import EXPECTED_THEMES
    for lang in LANGS:
        for page_id in ["moede/index", "moede/apv", "kilder", *(f"moede/dagsorden/{t}" for t in EXPECTED_THEMES)]:
            html = html_of(site, page_url(page_id, lang, DEFAULT_LANG))
            assert f'<html lang="{lang}"' in html
        apv = html_of(site, page_url("moede/apv", lang, DEFAULT_LANG))
        assert apv.count('class="kc-checklist__item"') == sum(
            len(t["checklist"]) for t in json.loads((site / "catalog.json").read_text())["themes"])


def _own_scripts(html: str) -> list[str]:
    import re
    return re.findall(r'<script src="[^"]*assets/javascripts/([a-z-]+\.js)"', html)


def test_a_page_loads_only_the_scripts_it_uses(site):
    """The committee tools' scripts on pages with committee tools, copy-link where links are copied."""
    def scripts(path):
        return _own_scripts((site / path / "index.html").read_text(encoding="utf-8"))
    work = ["workfile.js", "csv.js", "committee.js"]
    glossary_page = scripts("nb/ordliste")
    assert not set(work + ["copy-link.js", "glossary.js", "pulse.js"]) & set(glossary_page), glossary_page
    theme = scripts("nb/temaer/tidspres")
    assert [s for s in theme if s in work] == work, theme  # in this order: committee.js needs the others
    module = scripts("nb/moduler/stemmen")
    assert "copy-link.js" in module
    assert "pulse.js" in scripts("nb/moede/puls") and "committee.js" in scripts("nb/moede/puls")
    for path in site.rglob("*.html"):
        found = _own_scripts(path.read_text(encoding="utf-8"))
        assert len(found) == len(set(found)), (path, found)
        assert found.count("language-anchor.js") == 1, path
