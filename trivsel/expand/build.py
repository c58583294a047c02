"""Everything the build needs to know about the sources, checked in one pass.

``check_sources`` loads the content model, checks that every page exists in
every language, expands the markers of every page once, and checks section
ids across languages. It collects all problems before it raises, so an author
sees every mistake at once. The result is reused by every language pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content.errors import ContentError, Problem
from ..content.home import link_problems
from .markers import PageContext
from .registry import expand
from ..content.model import Model, load_model
from ..content.pages import check_anchors, dates_read_as_lists, exercises, headings, page_title, trainer_notes, without_front_matter
from ..content.materials import placement_problems
from ..content.translations import page_translations, read_page

MATERIALS_MARKER_RE = re.compile(r"^<!--\s*kc:materials\s+(.*?)\s*-->[ \t]*$", re.M)

THEME_SECTION = "temaer"
MODULE_SECTION = "moduler"


@dataclass
class SiteSources:
    model: Model
    languages: tuple[str, ...]
    expanded: dict[tuple[str, str], str]  # (page id, lang) -> Markdown with markers expanded
    titles: dict[str, dict[str, str]]  # page id -> lang -> title
    meta: dict[tuple[str, str], dict]  # (page id, lang) -> metadata the build adds

    def anchors(self) -> dict[str, list[str]]:
        """Section ids per page (the same in every language, which the build checks)."""
        out = {}
        for (page_id, lang), text in self.expanded.items():
            if lang == self.languages[0]:
                out[page_id] = [a for _, level, _, a in headings(text) if level > 1 and a]
        return out

    def split_src_uri(self, src_uri: str) -> tuple[str, str]:
        """'temaer/tidspres.nb.md' -> ('temaer/tidspres', 'nb')."""
        stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
        page_id, _, lang = stem.rpartition(".")
        return page_id, lang


def _unit_pages(section: str, kind: str, units, pages: dict[str, dict[str, Path]], root: Path) -> list[Problem]:
    """Each theme (or module) has a page, and each page in its section has a theme (or module)."""
    problems = []
    ids = {u.id for u in units}
    for unit in units:
        if f"{section}/{unit.id}" not in pages:
            problems.append(Problem(unit.file, f"{kind} '{unit.id}' has no page; write "
                                    f"docs/{section}/{unit.id}.<lang>.md in every language", guide="unit-page"))
    for page_id, by_lang in pages.items():
        folder, _, name = page_id.partition("/")
        if folder == section and name != "index" and "/" not in name and name not in ids:
            some = next(iter(by_lang.values()))
            problems.append(Problem(some.relative_to(root).as_posix(),
                                    f"is a {kind} page without content/{kind}s/{name}.yml; add that file "
                                    f"or move the page out of docs/{section}/", guide="unit-page"))
    return problems


def _read_all(pages, root: Path, problems: list[Problem]) -> dict[Path, str]:
    """Every page's text, read once; a page that cannot be read is reported and left out."""
    texts = {}
    for by_lang in pages.values():
        for path in by_lang.values():
            text, problem = read_page(path, path.relative_to(root).as_posix())
            if problem:
                problems.append(problem)
            else:
                texts[path] = text
    return texts


def _module_extras(model: Model, pages, texts: dict[Path, str], problems: list[Problem], root: Path) -> dict:
    """Trainer notes and exercises of every module page, for programmes to gather."""
    extras: dict = {}
    for module in model.modules:
        for lang, path in pages.get(f"{MODULE_SECTION}/{module.id}", {}).items():
            if path not in texts:
                continue
            text = without_front_matter(texts[path])
            shown = path.relative_to(root).as_posix()
            notes = trainer_notes(text)
            found = exercises(text)
            if not notes:
                problems.append(Problem(shown, 'has no trainer notes; add a block starting '
                                        '\'??? trainer "..."\' with the notes indented by four spaces', guide="module-rules"))
            if not found:
                problems.append(Problem(shown, "has no exercise; add a heading with an id starting "
                                        "'ovelse-', e.g. '## Øvelse: Tempo {#ovelse-tempo}'", guide="module-rules"))
            extras[("notes", module.id, lang)] = notes
            extras[("exercises", module.id, lang)] = found
            ids = {eid for eid, _ in found}
            for n, (objective, practised) in enumerate(zip(module.objectives, module.objective_exercises)):
                unknown = [e for e in practised if e not in ids]
                if unknown:
                    problems.append(Problem(module.file, f"objective {n + 1} ('{objective[lang][:40]}…') names "
                                            f"{', '.join(unknown)}, which {shown} does not have; list exercises that "
                                            f"practise it (exercises: {', '.join(sorted(ids))})",
                                            field=f"objectives[{n}].exercises", guide="module-rules"))
            if module.short is not None:
                sections = {a for _, level, _, a in headings(text) if level == 2 and a}
                unknown = [s for s in module.short.keep + module.short.skip if s not in sections]
                if unknown:
                    problems.append(Problem(module.file, f"short_version names {', '.join(unknown)}, which {shown} "
                                            f"does not have (sections: {', '.join(sorted(sections))})",
                                            field="short_version", guide="module-rules"))
            problems.extend(placement_problems(text, module.id, model.materials.get(module.id, []),
                                               {eid for eid, _ in found}, shown, MATERIALS_MARKER_RE))
    return extras


def load_checked_model(root: Path, docs_dir: Path, content_dir: Path, languages: tuple[str, ...]) -> Model:
    try:
        return load_model(content_dir, languages, root)
    except ContentError as exc:
        # Without a model the pages cannot be expanded; report the pages' own
        # problems (missing translations) together with the content problems.
        _, page_problems = page_translations(docs_dir, languages)
        raise ContentError(exc.problems + page_problems) from None


def check_sources(root: Path, docs_dir: Path, model: Model) -> SiteSources:
    languages = model.languages
    problems: list[Problem] = []
    pages, page_problems = page_translations(docs_dir, languages)
    problems += page_problems
    problems += _unit_pages(THEME_SECTION, "theme", model.themes, pages, root)
    problems += _unit_pages(MODULE_SECTION, "module", model.modules, pages, root)
    problems += link_problems(model.tasks, set(pages))
    module_ids = {m.id for m in model.modules}

    page_texts = _read_all(pages, root, problems)
    extras = _module_extras(model, pages, page_texts, problems, root)
    extras[("pages",)] = frozenset(pages)  # what the site has: the home page links a planned page once it exists
    expanded: dict[tuple[str, str], str] = {}
    titles: dict[str, dict[str, str]] = {}
    meta: dict[tuple[str, str], dict] = {}
    for page_id, by_lang in sorted(pages.items()):
        if set(by_lang) != set(languages) or any(p not in page_texts for p in by_lang.values()):
            continue  # already reported as missing or unreadable
        shown = {lang: path.relative_to(root).as_posix() for lang, path in by_lang.items()}
        raw, texts = {}, {}
        for lang in languages:
            ctx = PageContext(page_id, lang, shown[lang], model, extras)
            raw[lang] = page_texts[by_lang[lang]]
            for line, date in dates_read_as_lists(raw[lang], lang):
                day, month = date.split(". ", 1)
                problems.append(Problem(shown[lang], f"'{date}' at the start of a line becomes a numbered list "
                                        f"(shown as '1. {month}'); write '{day}\\. {month}' "
                                        "or start the sentence differently", line=line, guide="month-list"))
            text, marker_problems = expand(without_front_matter(raw[lang]), ctx)
            problems += marker_problems
            texts[lang] = expanded[(page_id, lang)] = text
            title = page_title(text)
            if title is None:
                problems.append(Problem(shown[lang], "has no title; start the page with '# Title'", guide="page-title"))
            titles.setdefault(page_id, {})[lang] = title or ""
            if ctx.theme is not None:
                meta[(page_id, lang)] = {"description": ctx.theme.summary[lang]}
            elif page_id.startswith(MODULE_SECTION + "/") and page_id.split("/", 1)[1] in module_ids:
                meta[(page_id, lang)] = {"description": model.module(page_id.split("/", 1)[1]).summary[lang]}
        problems += check_anchors(raw, texts, shown)

    if problems:
        raise ContentError(problems)
    return SiteSources(model, languages, expanded, titles, meta)
