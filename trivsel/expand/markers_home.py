"""Markers of the home page: the three jobs and the nine themes (see markers.py for the mechanism)."""

from __future__ import annotations

from ..content.home import shown_links
from ..content.identity import SITE_COLOUR, badge_svg
from .markers import MarkerError, PageContext, _esc, theme_badge
from ..content.pages import page_link

HOME_PAGE = "index"


def _need_home(ctx: PageContext) -> None:
    if ctx.page_id != HOME_PAGE:
        raise MarkerError("only works on the home page, docs/index.<lang>.md")


def home_tasks(ctx: PageContext, arg: str) -> str:
    """One large entry per job (content/home.yml): its title, what the reader gets, and its pages.

    A link to a page still being written (``if_page_exists``) appears once the page exists.
    """
    _need_home(ctx)
    m, lang = ctx.model, ctx.lang
    pages = ctx.extras.get(("pages",), frozenset())
    out = ['<div class="kc-tasks" markdown>', ""]
    for task in m.tasks:
        links = " ".join(
            f'<a class="md-button{" md-button--primary" if n == 0 else ""}" href="{page_link(link.page)}">'
            f"{_esc(link.label[lang])}</a>" for n, link in enumerate(shown_links(task, pages)))
        out += ['<section class="kc-task" markdown>', "",
                f"## {badge_svg(SITE_COLOUR, m.icons[task.icon])}{task.title[lang]} {{#{task.id}}}", "",
                f'<p class="kc-task__gives">{_esc(task.gives[lang])}</p>', "",
                f'<p class="kc-task__links">{links}</p>', "", "</section>", ""]
    return "\n".join(out + ["</div>", ""])


def home_themes(ctx: PageContext, arg: str) -> str:
    """The themes as a grid of tiles, each with its colour and icon, in their order."""
    _need_home(ctx)
    m, lang = ctx.model, ctx.lang
    tiles = "".join(f'<li><a href="{page_link("temaer/" + t.id)}">{theme_badge(m, t)}'
                    f'<span>{_esc(t.title[lang])}</span></a></li>' for t in m.themes)
    return f'<ul class="kc-theme-grid">{tiles}</ul>\n'


HOME_MARKERS = {"home-tasks": home_tasks, "home-themes": home_themes}
