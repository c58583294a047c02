"""The editors' guide's recipes, followed on a copy of the whole site: add a theme and add
a module by writing content and pages only, no Python. The new pages build and appear in
the navigation, the overviews, catalog.json and the PDFs (docs/forfattere/index.*.md,
#nyt-tema and #nyt-modul)."""

from __future__ import annotations

import json
import re
import shutil

from conftest import ROOT, mkdocs_build

THEME, MODULE = "pauser", "pausevaner"  # made up for the test


def _copy_site(target):
    skip = shutil.ignore_patterns(".venv", "node_modules", "site", ".cache", ".git", "build", "reports", "__pycache__",
                                  "*.egg-info")
    shutil.copytree(ROOT, target, ignore=skip)
    return target


def _add_theme(p):
    """#nyt-tema: a copy of tidspres with its own id, the next number and new checklist ids."""
    import yaml
    themes = p / "content" / "themes"
    data = yaml.safe_load((themes / "tidspres.yml").read_text(encoding="utf-8"))
    data["number"] = len(list(themes.glob("*.yml"))) + 1
    data["title"] = {"da": "Pauser", "nb": "Pauser", "en": "Breaks"}
    for n, item in enumerate(data["checklist"], 1):
        item["id"] = f"{THEME}-{n:02d}"
    (themes / f"{THEME}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    published = p / "content" / "published.yml"
    text = published.read_text(encoding="utf-8").rstrip("\n") + "\n"
    text += "".join(f"  - {item['id']}\n" for item in data["checklist"])
    published.write_text(text, encoding="utf-8")
    pulse = yaml.safe_load((p / "content" / "pulse.yml").read_text(encoding="utf-8"))
    pulse["questions"].append({"id": f"{THEME}-1", "theme": THEME, "text": {
        "da": "Jeg får holdt mine pauser", "nb": "Jeg får tatt pausene mine", "en": "I get my breaks"}})
    (p / "content" / "pulse.yml").write_text(yaml.safe_dump(pulse, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for lang in ("da", "nb", "en"):
        page = (p / "docs" / "temaer" / f"tidspres.{lang}.md").read_text(encoding="utf-8")
        (p / "docs" / "temaer" / f"{THEME}.{lang}.md").write_text(page.replace("tidspres-", f"{THEME}-"),
                                                                  encoding="utf-8")


def _add_module(p):
    """#nyt-modul: a copy of stemmen with its own id, its materials and the next number."""
    import yaml
    modules = p / "content" / "modules"
    data = yaml.safe_load((modules / "stemmen.yml").read_text(encoding="utf-8"))
    data["number"] = len(list(modules.glob("*.yml"))) + 1
    data["title"] = {"da": "Pausevaner", "nb": "Pausevaner", "en": "Break habits"}
    (modules / f"{MODULE}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    materials = p / "content" / "materials"
    if (materials / "stemmen.yml").exists():
        shutil.copy(materials / "stemmen.yml", materials / f"{MODULE}.yml")
    for lang in ("da", "nb", "en"):
        shutil.copy(p / "docs" / "moduler" / f"stemmen.{lang}.md", p / "docs" / "moduler" / f"{MODULE}.{lang}.md")


def test_add_a_theme_and_a_module_without_touching_python(tmp_path):
    project = _copy_site(tmp_path / "project")
    _add_theme(project)
    _add_module(project)
    before = {path.relative_to(project).as_posix(): path.read_bytes() for path in project.rglob("*.py")}
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    after = {path.relative_to(project).as_posix(): path.read_bytes() for path in project.rglob("*.py")}
    assert before == after  # no Python was edited (and the build wrote none)
    site = project / "site"
    for prefix in ("", "nb/", "en/"):
        theme_page = site / prefix / "temaer" / THEME / "index.html"
        module_page = site / prefix / "moduler" / MODULE / "index.html"
        assert theme_page.exists() and module_page.exists(), prefix
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', home, re.S).group(0)
        # In the menu, after the last of the others: the number is the place.
        assert f"temaer/{THEME}/" in nav and f"moduler/{MODULE}/" in nav, prefix
        assert nav.index("moduler/service-og-tilbakemelding/") < nav.index(f"moduler/{MODULE}/")
        assert f'{THEME}/' in (site / prefix / "temaer" / "index.html").read_text(encoding="utf-8")
        assert f'{MODULE}/' in (site / prefix / "moduler" / "index.html").read_text(encoding="utf-8")
        lang = prefix.rstrip("/") or "da"
        assert (site / prefix / "temaer" / THEME / f"{THEME}-{lang}.pdf").stat().st_size > 10_000
        assert (site / prefix / "moduler" / MODULE / f"{MODULE}-{lang}.pdf").stat().st_size > 10_000
        assert (site / prefix / "moede" / "dagsorden" / THEME / "index.html").exists()  # its meeting agenda
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["themes"][-1]["id"] == THEME and catalog["themes"][-1]["number"] == 10
    assert catalog["modules"][-1]["id"] == MODULE
    assert [t["number"] for t in catalog["themes"]] == list(range(1, 11))
