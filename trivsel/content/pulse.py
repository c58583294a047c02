"""The staff pulse questionnaire: questions tied to themes, three benchmark questions.

The answers are never seen by the build: the calculator page computes them in
the reader's browser (pulse.js). The build checks the questionnaire, makes the
CSV template and hands the page script the questions it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Problem
from .yamlfile import YamlDoc

SCALE = (1, 6)  # the published index's scale; 6 is best
PULSE_PAGE = "moede/puls"  # the calculator; its CSV template is written next to it
FORM_PAGE = "moede/puls-skema"
TEMPLATE_NAME = "puls-skabelon.csv"


@dataclass(frozen=True)
class Question:
    id: str
    text: dict
    theme: str | None = None
    benchmark: float | None = None


@dataclass(frozen=True)
class Pulse:
    source: str
    minimum_group: int
    low: dict
    high: dict
    questions: tuple[Question, ...]
    file: str


def pulse_from(doc: YamlDoc, theme_ids: set[str], sources: dict | None, problems: list[Problem]) -> Pulse:
    """The questionnaire of a schema-valid content/pulse.yml; cross-checks become problems."""
    d = doc.data
    if sources is not None and d["source"] not in sources:
        problems.append(Problem(doc.path, f"unknown id '{d['source']}'; it must be an id in content/sources.yml",
                                line=doc.line_of(("source",)), field="source", guide="unknown-id"))
    seen: dict[str, int] = {}
    questions = []
    for i, q in enumerate(d["questions"]):
        if q["id"] in seen:
            problems.append(Problem(doc.path, f"duplicate question id '{q['id']}' (first on line "
                                    f"{doc.line_of(('questions', seen[q['id']], 'id'))}); each question is a CSV "
                                    "column and needs its own id", line=doc.line_of(("questions", i, "id")),
                                    field=f"questions[{i}].id", guide="duplicate-id"))
        seen.setdefault(q["id"], i)
        if "theme" in q and q["theme"] not in theme_ids:
            problems.append(Problem(doc.path, f"unknown theme '{q['theme']}'; use a theme id "
                                    f"(known: {', '.join(sorted(theme_ids))})",
                                    line=doc.line_of(("questions", i, "theme")), field=f"questions[{i}].theme",
                                    guide="unknown-id"))
        questions.append(Question(q["id"], q["text"], q.get("theme"), q.get("benchmark")))
    asked = {q.theme for q in questions}
    for theme in sorted(theme_ids - asked):
        problems.append(Problem(doc.path, f"theme '{theme}' has no question; add one with `theme: {theme}` "
                                "(the calculator ranks every theme)", field="questions", guide="pulse"))
    if not any(q.benchmark is not None for q in questions):
        problems.append(Problem(doc.path, "no question has a `benchmark` score; the page compares with the "
                                "published index", field="questions", guide="pulse"))
    return Pulse(d["source"], d["minimum_group"], d["scale"]["low"], d["scale"]["high"], tuple(questions), doc.path)


def csv_template(pulse: Pulse, lang: str) -> str:
    """One column per question, one row per respondent: the header and nothing else.

    Each header cell is "id: question" in the page's language, so whoever types the
    paper forms in sees the question; the calculator reads the id before the colon.
    Semicolons and a byte-order mark for Danish and Norwegian spreadsheets, commas for
    English (the calculator reads both).
    """
    sep = ";" if lang in ("da", "nb") else ","

    def cell(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in (sep, '"', "\n")) else text

    header = sep.join(cell(f"{q.id}: {q.text[lang]}") for q in pulse.questions)
    return ("\ufeff" if sep == ";" else "") + header + "\r\n"


def page_data(pulse: Pulse, lang: str, theme_links: dict[str, tuple[str, str, str]]) -> dict:
    """What the calculator script needs, in the page's language.

    ``theme_links``: theme id -> (title, page link, PDF link), relative to the page.
    """
    return {
        "scale": list(SCALE),
        "minimumGroup": pulse.minimum_group,
        "questions": [{"id": q.id, "text": q.text[lang], "theme": q.theme, "benchmark": q.benchmark}
                      for q in pulse.questions],
        "themes": {tid: {"title": t, "href": h, "pdf": p} for tid, (t, h, p) in theme_links.items()},
    }
