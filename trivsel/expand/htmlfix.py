"""Small corrections to Material's HTML that templates alone cannot make."""

from __future__ import annotations

import re

TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def fix_toc_label(html: str) -> str:
    """Drop the TOC title's ``for="__toc"`` where the page has no ``__toc`` toggle.

    Material writes the toggle only for a page listed in the nav as a plain
    page; section index pages and pages outside the nav get a label pointing
    at nothing, which the HTML checker reports.
    """
    if TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


ALIGN_RE = re.compile(r'<(td|th) style="text-align: (left|right|center);">')


def align_classes(html: str) -> str:
    """Markdown tables align columns with style attributes; the Content-Security-Policy
    (style-src 'self') forbids those, so they become classes (site.css)."""
    return ALIGN_RE.sub(r'<\1 class="kc-align-\2">', html)
