"""Each theme's visual identity: a colour and a line icon, shared by the web pages and the sheets.

The colour carries white text (the sheet's title band) and is itself text on white and on
its own light tint (the sheet's headings and boxes), so it must pass WCAG AA (4.5:1) in
all three pairs. The check uses relative luminance, so it also holds on a black-and-white
printer. Icons are SVG files drawn for this site in content/icons/: strokes on a 24 x 24
grid, no colour of their own (the badge gives them theirs).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .errors import Problem

ICON_DIR = "icons"  # under content/
SVG_NS = "{http://www.w3.org/2000/svg}"
ICON_VIEWBOX = "0 0 24 24"
# Shapes only: no text, images, links, scripts or styles that could reach a page.
ICON_ELEMENTS = {"path", "line", "polyline", "polygon", "circle", "ellipse", "rect", "g"}
ICON_ATTRIBUTES = {"d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
                   "points", "transform"}

WHITE = "#ffffff"
SITE_COLOUR = "#0b5563"  # the site's teal (the header, overrides/assets/stylesheets/site.css): badges that are no theme
BODY_TEXT = "#111111"  # the sheet's text colour (pdf/sheet.css)
TINT = 0.1  # the share of the theme colour in the light tint behind the sheet's boxes
AA_TEXT = 4.5


def _channels(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour written #rrggbb."""
    def linear(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(v) for v in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio, from 1 (none) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def tint(colour: str, share: float = TINT) -> str:
    """``colour`` mixed into white: share 0.1 is a pale wash of it."""
    mixed = (round(255 + (v - 255) * share) for v in _channels(colour))
    return "#" + "".join(f"{v:02x}" for v in mixed)


def text_pairs(colour: str) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every way the theme colour meets text."""
    wash = tint(colour)
    return [("white text on the colour (and the colour as text on white)", WHITE, colour),
            ("the colour as text on its tint", colour, wash),
            ("body text on the tint", BODY_TEXT, wash)]


def colour_problem(colour: str) -> str | None:
    """None when every pair passes AA; else which pair fails, by how much, and the fix."""
    for what, fg, bg in text_pairs(colour):
        ratio = contrast_ratio(fg, bg)
        if ratio < AA_TEXT:
            return (f"colour {colour} gives {ratio:.2f}:1 for {what}, below the {AA_TEXT}:1 that WCAG AA asks "
                    "for text; choose a darker colour")
    return None


def _clean_icon(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """The icon's drawing (the SVG's children, on one line), or the problem with the file."""
    def problem(message: str) -> tuple[None, Problem]:
        return None, Problem(shown, message + "; icons are strokes on a 24 x 24 grid, see the other files "
                             f"in content/{ICON_DIR}/", guide="theme-icon")
    try:
        root = ET.fromstring(path.read_text(encoding="utf-8"))
    except (ET.ParseError, UnicodeDecodeError) as exc:
        return problem(f"is not a readable SVG file ({exc})")
    if root.tag != SVG_NS + "svg":
        return problem("is not an SVG drawing (its root element must be <svg xmlns=\"http://www.w3.org/2000/svg\">)")
    if root.get("viewBox") != ICON_VIEWBOX:
        return problem(f"has viewBox '{root.get('viewBox')}'; use viewBox=\"{ICON_VIEWBOX}\"")
    for el in root.iter():
        if el is root:
            continue
        name = el.tag.removeprefix(SVG_NS)
        if name not in ICON_ELEMENTS:
            return problem(f"has a <{name}> element; use only {', '.join(sorted(ICON_ELEMENTS))}")
        extra = sorted(set(el.attrib) - ICON_ATTRIBUTES)
        if extra:
            return problem(f"has the attribute '{extra[0]}' on <{name}>; the badge sets colour and stroke, "
                           "so give shapes their geometry only")
    # Serialised without the namespace, which the badge's <svg> declares once.
    drawing = "".join(ET.tostring(child, encoding="unicode").replace(f' xmlns="{SVG_NS[1:-1]}"', "")
                      for child in root)
    drawing = re.sub(r">\s+<", "><", re.sub(r"\s+", " ", drawing)).strip()
    if not drawing:
        return problem("draws nothing")
    return drawing, None


def load_icons(content_dir: Path, root: Path, problems: list[Problem]) -> dict[str, str]:
    """Icon name (the file name) -> its drawing, for every content/icons/*.svg."""
    ET.register_namespace("", SVG_NS[1:-1])
    icons = {}
    folder = content_dir / ICON_DIR
    for path in sorted(folder.glob("*.svg")) if folder.is_dir() else []:
        try:
            shown = path.relative_to(root).as_posix()
        except ValueError:
            shown = path.as_posix()
        drawing, problem = _clean_icon(path, shown)
        if problem:
            problems.append(problem)
        else:
            icons[path.stem] = drawing
    return icons


def badge_svg(colour: str, drawing: str, css_class: str = "kc-badge", title: str | None = None) -> str:
    """The icon in white on a rounded square of the colour, as one line of inline SVG.

    Colours are SVG presentation attributes, not style attributes, so the page's
    Content-Security-Policy allows them. On a page the badge is decoration
    (aria-hidden); on a sheet ``title`` gives the PDF figure its alternative text.
    """
    label = f"<title>{_esc(title)}</title>" if title else ""
    hidden = "" if title else ' aria-hidden="true" focusable="false"'
    return (f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"{hidden}>{label}'
            f'<rect width="32" height="32" rx="7" fill="{colour}"/>'
            f'<g transform="translate(4 4)" fill="none" stroke="#ffffff" stroke-width="1.9" '
            f'stroke-linecap="round" stroke-linejoin="round">{drawing}</g></svg>')


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
