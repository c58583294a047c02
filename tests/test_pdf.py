"""Theme sheets: 27 tagged PDF/UA files of exactly two A4 pages, cached and deterministic."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader

from conftest import LANGS, ROOT, SITE_URL, THEME, mkdocs_build

MAX_BYTES = 200 * 1024


@pytest.fixture(scope="module")
def catalog(site):
    return json.loads((site / "catalog.json").read_text(encoding="utf-8"))


def sheets(catalog):
    for theme in catalog["themes"]:
        for lang in LANGS:
            yield theme, lang


def test_every_theme_has_a_two_page_tagged_a4_sheet_per_language(site, catalog):
    count = 0
    for theme, lang in sheets(catalog):
        path = site / theme["pdf"][lang]
        assert path.stat().st_size <= MAX_BYTES, (path, path.stat().st_size)
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert len(reader.pages) == 2, path
        for page in reader.pages:
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert root["/Lang"] == lang
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]
        assert reader.metadata.title.startswith(theme["title"][lang] + " – ")
        fonts = {f for p in reader.pages for f in _embedded_fonts(p)}
        assert fonts and all("Source-Sans-3" in f for f in fonts), fonts
        count += 1
    assert count == 27


def _embedded_fonts(page):
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        for desc in font.get("/DescendantFonts", []):
            descriptor = desc.get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, "font not embedded"
            yield str(font["/BaseFont"])


def test_footer_shows_the_page_address_and_theme_number(site, catalog):
    for theme, lang in sheets(catalog):
        reader = PdfReader(site / theme["pdf"][lang])
        text = "\n".join(p.extract_text() for p in reader.pages)
        url = SITE_URL + theme["url"][lang]
        assert re.sub(r"\s", "", url) in re.sub(r"\s", "", text), (theme["id"], lang)
        number = {"da": f"Tema {theme['number']} af 9", "nb": f"Tema {theme['number']} av 9",
                  "en": f"Theme {theme['number']} of 9"}[lang]
        assert number in text
        for item in theme["checklist"][:3]:  # the checklist is on the sheet
            assert re.sub(r"\W", "", item["text"][lang])[:30] in re.sub(r"\W", "", text)


def test_theme_page_and_cards_link_to_the_pdf(site, catalog):
    from trivsel.content.pages import page_url
    for theme, lang in sheets(catalog):
        page = (site / theme["url"][lang] / "index.html").read_text(encoding="utf-8")
        name = theme["pdf"][lang].rsplit("/", 1)[1]
        assert f'href="{name}" download' in page
        overview = (site / page_url("temaer/index", lang, "da") / "index.html").read_text(encoding="utf-8")
        assert f'href="{theme["id"]}/{name}" download' in overview


def test_a_rebuild_renders_no_pdf(site, tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "again")
    assert result.returncode == 0, result.stderr[-2000:]
    counts = re.findall(r"PDF sheets: (\d+) rendered, (\d+) from cache", result.stderr)
    # Per language: 9 themes; per module the handout, the trainer's edition and the card sheet;
    # per programme the agenda and the combined handouts. None is rendered again.
    import yaml
    with_materials = len(list((ROOT / "content" / "materials").glob("*.yml")))
    expected = 9 + 10 * 2 + with_materials + 3 * 2
    assert counts == [("0", str(expected))] * 3, counts


def test_same_content_gives_byte_identical_pdfs(project, tmp_path):
    built = []
    for run in ("a", "b"):
        result = mkdocs_build(project, tmp_path / run, KC_CACHE_DIR=str(tmp_path / f"cache-{run}"))
        assert result.returncode == 0, result.stderr[-2000:]
        assert "PDF sheets: 1 rendered" in result.stderr
        built.append((tmp_path / run / "nb" / "temaer" / THEME / f"{THEME}-nb.pdf").read_bytes())
    assert built[0] == built[1]


def test_a_theme_too_long_for_two_pages_stops_the_build(project):
    page = project / "docs" / "temaer" / f"{THEME}.nb.md"
    extra = "\n\n## Mer {#mer}\n\n" + ("Dette er en lang setning som fyller siden med tekst. " * 120) + "\n"
    page.write_text(page.read_text(encoding="utf-8") + extra, encoding="utf-8")
    for lang in ("da", "en"):
        other = project / "docs" / "temaer" / f"{THEME}.{lang}.md"
        other.write_text(other.read_text(encoding="utf-8") + "\n\n## More {#mer}\n\nShort.\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert re.search(rf"docs/temaer/{THEME}\.nb\.md: the printed sheet runs to 3 pages, 0\.\d\d of a page too long",
                     result.stderr), result.stderr[-2000:]


def test_a_theme_too_short_stops_the_build(project):
    page = project / "docs" / "temaer" / f"{THEME}.en.md"
    text = page.read_text(encoding="utf-8")
    keep = [line for line in text.splitlines() if line.startswith(("<!--", "#"))]
    page.write_text("\n\n".join(keep) + "\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert re.search(rf"docs/temaer/{THEME}\.en\.md: the printed sheet fills only 1\.\d\d pages", result.stderr), \
        result.stderr[-2000:]


def test_sheet_text_is_never_below_9_5_pt():
    css = (ROOT / "pdf" / "sheet.css").read_text(encoding="utf-8")
    body = re.sub(r"@page\s*\{.*?\n\}", "", css, flags=re.S)  # the running footer may be smaller
    body = re.sub(r"\.sheet-footer[^}]*\}", "", body)
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", body)]
    assert sizes and min(sizes) >= 9.5, sizes


def _pdf_number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def test_each_sheet_is_a_leaflet_in_its_theme_colour_with_the_agenda_address(site, catalog):
    import yaml
    from trivsel.content.pages import page_url
    for theme, lang in sheets(catalog):
        reader = PdfReader(site / theme["pdf"][lang])
        colour = yaml.safe_load((ROOT / "content" / "themes" / f"{theme['id']}.yml").read_text(encoding="utf-8"))["colour"]
        fill = " ".join(_pdf_number(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5)) + " rg"
        first_page = reader.pages[0].get_contents().get_data().decode("latin-1")
        assert fill in first_page, (theme["id"], lang, fill)  # the title band is in the theme's colour
        text = re.sub(r"\s", "", "".join(p.extract_text() for p in reader.pages))
        agenda = SITE_URL + page_url(f"moede/dagsorden/{theme['id']}", lang, "da")
        assert agenda in text, (theme["id"], lang)  # the agenda's address, beside its QR code
        data = yaml.safe_load((ROOT / "content" / "themes" / f"{theme['id']}.yml").read_text(encoding="utf-8"))
        for question in data["dialogue"][:2]:  # the questions are on the sheet, in their box
            assert re.sub(r"\W", "", question[lang])[:30] in re.sub(r"\W", "", text)
