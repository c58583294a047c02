"""The site navigation: mkdocs.yml holds the fixed part, the model adds the rest."""

from __future__ import annotations


def with_theme_pages(nav: list, theme_ids: list[str], section_index: str = "temaer/index.md") -> list:
    """Add the theme pages, in content order, to the nav section that holds ``section_index``.

    The order of themes lives in content/themes/*.yml (``number``), so it is not
    written a second time in mkdocs.yml.
    """
    return with_section_pages(nav, section_index, [f"temaer/{theme_id}.md" for theme_id in theme_ids])


def with_section_pages(nav: list, section_index: str, pages: list[str]) -> list:
    """Append ``pages`` to the nav section whose list holds ``section_index``."""

    def visit(items: list) -> list:
        out = []
        for item in items:
            if isinstance(item, dict):
                (title, value), = item.items()
                if isinstance(value, list):
                    value = visit(value)
                    if section_index in value:
                        value = value + [p for p in pages if p not in value]
                out.append({title: value})
            else:
                out.append(item)
        return out

    return visit(nav)
