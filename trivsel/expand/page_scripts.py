"""Which of the site's own scripts a page loads: only those it uses.

A page gets a script when its HTML has what the script works on; the scripts are added
at the end of the page's content, deferred, in this order (committee.js needs the two
before it). language-anchor.js works on every page (the language switcher), so it stays
in mkdocs.yml `extra_javascript`; pulse.js, copy-link.js and the planner's scripts come
with their markers.
"""

from __future__ import annotations

from ..content.pages import asset_link

# What the committee tools (ticks, meeting sheet, action plans, work file) work on.
_WORK = ('data-item="', 'data-kc-plan', 'data-kc-meeting', 'class="kc-workfile', 'class="kc-checklist-tools')

PAGE_SCRIPTS = (
    ("workfile.js", _WORK),
    ("csv.js", _WORK),
    ("committee.js", _WORK),
    ("glossary.js", ('class="kc-term"',)),
)


def needed_scripts(html: str) -> list[str]:
    return [name for name, needs in PAGE_SCRIPTS if any(n in html for n in needs)]


def script_tags(html: str) -> str:
    """The <script> elements for ``html`` (kc-asset: links, resolved like every other link)."""
    return "".join(f'\n<script src="{asset_link("assets/javascripts/" + name)}" defer></script>'
                   for name in needed_scripts(html))
