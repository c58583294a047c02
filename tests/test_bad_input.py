"""Content mistakes stop the build with one clear line each and no traceback.

Each case builds a small fixture site: a copy of the project with one theme.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import THEME, edit_theme, mkdocs_build, theme_file

def failed_build(project: Path) -> str:
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have stopped"
    assert "Traceback" not in output, output
    return output


def test_the_fixture_site_builds(project):
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "nb" / "temaer" / THEME / "index.html").exists()


def test_malformed_yaml_names_file_and_line(project):
    text = theme_file(project).read_text(encoding="utf-8").splitlines()
    text[3] = "  da: [unclosed"
    theme_file(project).write_text("\n".join(text) + "\n", encoding="utf-8")
    out = failed_build(project)
    assert re.search(rf"content/themes/{THEME}\.yml:\d+: malformed YAML", out), out


def test_unknown_field_names_the_field_and_what_is_allowed(project):
    edit_theme(project, lambda d: d.update(color="#b3261e"))  # the field is spelt `colour`
    out = failed_build(project)
    line = next(l for l in out.splitlines() if "'color'" in l)
    assert re.search(rf"content/themes/{THEME}\.yml:\d+: color: unknown field 'color'; allowed fields are", line)
    assert "checklist" in line and "summary" in line


def test_missing_translation_file_names_the_file(project):
    (project / "docs" / "temaer" / f"{THEME}.nb.md").unlink()
    out = failed_build(project)
    assert f"docs/temaer/{THEME}.nb.md: is missing" in out, out
    assert "translate it into 'nb'" in out


def test_page_without_language_suffix(project):
    (project / "docs" / "om.md").write_text("# Om\n", encoding="utf-8")
    out = failed_build(project)
    assert "docs/om.md: has no language suffix" in out, out


def test_missing_translation_of_a_text(project):
    edit_theme(project, lambda d: d["checklist"][2]["text"].pop("en"))
    out = failed_build(project)
    assert re.search(rf"{THEME}\.yml:\d+: checklist\[2\]\.text\.en: missing the 'en' translation", out), out


def test_unknown_rule_id(project):
    edit_theme(project, lambda d: d["rules"].append("dk-no-such-rule"))
    out = failed_build(project)
    assert re.search(r"rules\[\d+\]: unknown id 'dk-no-such-rule'; it must be an id in content/rules.yml", out), out


def test_unknown_marker_names_page_and_line(project):
    page = project / "docs" / "temaer" / f"{THEME}.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- kc:chekclist -->\n", encoding="utf-8")
    out = failed_build(project)
    assert re.search(rf"docs/temaer/{THEME}\.en\.md:\d+: unknown marker 'kc:chekclist'", out), out


def test_section_ids_must_match_across_languages(project):
    page = project / "docs" / "temaer" / f"{THEME}.nb.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{#tegn}", "{#tegn-a-se-etter}"), encoding="utf-8")
    out = failed_build(project)
    assert f"docs/temaer/{THEME}.nb.md: section ids differ between languages" in out, out
    assert "#tegn-a-se-etter" in out


def test_every_problem_is_reported_at_once(project):
    edit_theme(project, lambda d: (d.update(color="red"), d["summary"].pop("nb")))
    (project / "docs" / "index.en.md").unlink()
    out = failed_build(project)
    assert "3 content problems stop the build" in out, out


def test_a_pale_theme_colour_or_a_missing_icon_stops_the_build_with_one_line_each(project):
    edit_theme(project, lambda d: d.update(colour="#8a6d00", icon="clock"))
    out = failed_build(project)
    colour = [line for line in out.splitlines() if ": colour: " in line]
    icon = [line for line in out.splitlines() if ": icon: " in line]
    assert len(colour) == 1 and len(icon) == 1, out
    assert re.search(rf"content/themes/{THEME}\.yml:\d+: colour: colour #8a6d00 gives 4\.32:1 for the colour as "
                     r"text on its tint, below the 4\.5:1 that WCAG AA asks for text; choose a darker colour "
                     r"\(guide: forfattere/fejl/#theme-colour\)", colour[0]), colour[0]
    assert re.search(rf"content/themes/{THEME}\.yml:\d+: icon: no icon 'clock' in content/icons/; use one of "
                     r"book, .*stopwatch.* or draw content/icons/clock\.svg \(guide: forfattere/fejl/#theme-icon\)",
                     icon[0]), icon[0]
