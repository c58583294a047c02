"""The build's steps without an engine: what hooks/site.py calls, called directly."""

from __future__ import annotations

from conftest import LANGS, ROOT
from trivsel.site_build import SiteBuild, robots_txt


CONTACT = {"accessibility": {"email": "a@example.org"}}


def test_prepare_checks_once_and_reuses_while_nothing_changed():
    build = SiteBuild(languages=LANGS, default_lang="da")
    messages = build.prepare(ROOT, ROOT / "docs", CONTACT)
    model, sources = build.model, build.sources
    assert sources.model is model and set(build.linkers) == set(LANGS)
    assert any("not yet checked" in text for level, text in messages if level == "info")
    assert build.prepare(ROOT, ROOT / "docs", CONTACT) == []  # nothing changed: nothing redone
    assert build.model is model and build.sources is sources
    build.prepare(ROOT, ROOT / "docs", {"accessibility": {"email": "b@example.org"}})
    assert build.model is model and build.sources is not sources  # settings changed: pages checked again
    nav = build.nav([{"Moduler": ["moduler/index.md"]}, {"Programmer": ["program/index.md"]}])
    assert nav[0]["Moduler"][1:] == [f"moduler/{m.id}.md" for m in model.modules]
    expanded, meta, lang = build.page_markdown("temaer/tidspres.nb.md")
    assert lang == "nb" and expanded.startswith("# ") and "Tidspress" in expanded.splitlines()[0]


def test_robots_txt_names_the_sitemap_only_with_an_address():
    assert robots_txt(None) == "User-agent: *\nAllow: /\n"
    assert robots_txt("https://x.example/").endswith("Sitemap: https://x.example/sitemap.xml\n")
