"""One registry of every <!-- kc:name --> marker, and the expansion of a page's Markdown.

The marker modules (markers.py for themes and the meeting kit, markers_curriculum.py,
markers_reference.py, markers_pulse.py, markers_home.py) each export a dict of marker
functions and know nothing of each other or of this registry: imports point one way,
from here to them.
"""

from __future__ import annotations

import re
from typing import Callable

from ..content.errors import Problem
from ..content.language import number_word
from .markers import THEME_MARKERS, MarkerError, PageContext
from .markers_curriculum import CURRICULUM_MARKERS
from .markers_home import HOME_MARKERS
from .markers_pulse import PULSE_MARKERS
from .markers_reference import REFERENCE_MARKERS
from ..content.model import Model

MARKER_RE = re.compile(r"^<!--\s*kc:([a-z][a-z0-9-]*)\s*(.*?)\s*-->[ \t]*$", re.M)

MARKERS: dict[str, Callable[[PageContext, str], str]] = {
    **THEME_MARKERS, **CURRICULUM_MARKERS, **REFERENCE_MARKERS, **PULSE_MARKERS, **HOME_MARKERS}


# Counts inside a sentence ("<!-- kc:count themes --> temaer"), so the prose never
# says "nine" after a tenth theme is added; "kc:Count" starts a sentence.
COUNT_RE = re.compile(r"<!--\s*kc:([Cc])ount\s+([a-z]+)\s*-->")
COUNTABLE = {"themes": lambda m: len(m.themes), "modules": lambda m: len(m.modules),
             "programmes": lambda m: len(m.programmes)}


def fill_counts(text: str, model: Model, lang: str, problems: list[Problem] | None = None,
                file: str = "") -> str:
    """Replace each count token with the number, in words, in ``lang``."""
    def replace(match: re.Match) -> str:
        count = COUNTABLE.get(match.group(2))
        if count is None:
            if problems is not None:
                problems.append(Problem(file, f"'kc:count {match.group(2)}' counts nothing known; use one of "
                                        f"{', '.join(sorted(COUNTABLE))}", line=text.count("\n", 0, match.start()) + 1,
                                        guide="marker"))
            return match.group(0)
        return number_word(count(model), lang, capital=match.group(1) == "C")
    return COUNT_RE.sub(replace, text)


def expand(markdown: str, ctx: PageContext) -> tuple[str, list[Problem]]:
    """Replace every marker; return the new Markdown and the problems found."""
    problems: list[Problem] = []
    markdown = fill_counts(markdown, ctx.model, ctx.lang, problems, ctx.file)

    def replace(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        func = MARKERS.get(name)
        if func is None:
            problems.append(Problem(ctx.file, f"unknown marker 'kc:{name}'; known markers are "
                                    f"{', '.join('kc:' + k for k in sorted(MARKERS))}", line=line, guide="marker"))
            return ""
        try:
            return func(ctx, arg)
        except MarkerError as exc:
            problems.append(Problem(ctx.file, f"marker 'kc:{name}' {exc}", line=line, guide="marker"))
            return ""

    return MARKER_RE.sub(replace, markdown), problems
