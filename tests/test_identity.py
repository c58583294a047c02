"""Each theme's colour and icon: WCAG AA contrast computed from the data, icons drawn here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, problems_of
from trivsel.content.identity import badge_svg, colour_problem, contrast_ratio, load_icons, tint

THEMES = sorted((ROOT / "content" / "themes").glob("*.yml"))


def wcag_contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast written out again here, so the test does not trust the code it checks."""
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert tint("#000000", 0.1) == "#e6e6e6" and tint("#b3261e", 0.0) == "#ffffff"


@pytest.mark.parametrize("path", THEMES, ids=lambda p: p.stem)
def test_every_theme_colour_passes_aa_for_its_text(path: Path):
    colour = yaml.safe_load(path.read_text(encoding="utf-8"))["colour"]
    wash = tint(colour)
    # The sheet: white title on the colour; the colour as headings on white and on its tint;
    # body text on the tint. The web: the white icon on the colour.
    for fg, bg in (("#ffffff", colour), (colour, wash), ("#111111", wash)):
        assert wcag_contrast(fg, bg) >= 4.5, (path.stem, fg, bg, round(wcag_contrast(fg, bg), 2))
    assert colour_problem(colour) is None


def test_theme_colours_and_icons_differ():
    data = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in THEMES]
    assert len({d["colour"] for d in data}) == len(data)
    assert len({d["icon"] for d in data}) == len(data)


def test_a_pale_colour_is_refused_with_the_pair_that_fails():
    message = colour_problem("#8a6d00")  # 4.9:1 with white, but 4.3:1 on its own tint
    assert message and "the colour as text on its tint" in message and "choose a darker colour" in message
    assert "white text" in colour_problem("#4a90d9")


def test_icons_are_line_drawings_with_no_style_or_colour(tmp_path):
    problems: list = []
    icons = load_icons(ROOT / "content", ROOT, problems)
    assert problems == [] and len(icons) >= 9
    for name, drawing in icons.items():
        assert "style" not in drawing and "fill=" not in drawing and "<script" not in drawing, name
    folder = tmp_path / "content" / "icons"
    folder.mkdir(parents=True)
    (folder / "bad.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                    '<path d="M1 1h2" style="stroke:red"/></svg>', encoding="utf-8")
    (folder / "text.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                     '<text x="1" y="1">A</text></svg>', encoding="utf-8")
    problems = []
    assert load_icons(tmp_path / "content", tmp_path, problems) == {}
    lines = sorted(str(p) for p in problems)
    assert lines[0].startswith("content/icons/bad.svg: has the attribute 'style' on <path>")
    assert lines[1].startswith("content/icons/text.svg: has a <text> element")
    assert all(line.endswith("(guide: forfattere/fejl/#theme-icon)") for line in lines)


def test_badge_is_decoration_on_the_page_and_described_on_the_sheet():
    page = badge_svg("#b3261e", '<circle cx="12" cy="12" r="7" />')
    assert 'aria-hidden="true"' in page and "<title>" not in page and " style=" not in page
    assert 'fill="#b3261e"' in page and "\n" not in page  # one line: it sits inside a Markdown heading
    sheet = badge_svg("#b3261e", '<circle cx="12" cy="12" r="7" />', title="Temaets symbol")
    assert "<title>Temaets symbol</title>" in sheet and "aria-hidden" not in sheet


def test_unknown_icon_and_pale_colour_in_a_theme(content):
    path = content / "themes" / "tidspres.yml"
    text = path.read_text(encoding="utf-8").replace('colour: "#b3261e"', 'colour: "#8a6d00"')
    path.write_text(text.replace("icon: stopwatch", "icon: clock"), encoding="utf-8")
    msgs = problems_of(content)
    colour = next(m for m in msgs if "colour:" in m)
    icon = next(m for m in msgs if "icon:" in m)
    assert colour.startswith("content/themes/tidspres.yml:3: colour: colour #8a6d00 gives 4.32:1")
    assert colour.endswith("(guide: forfattere/fejl/#theme-colour)")
    assert icon.startswith("content/themes/tidspres.yml:4: icon: no icon 'clock' in content/icons/; use one of book,")
    assert "or draw content/icons/clock.svg" in icon
