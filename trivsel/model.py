"""The content model: load ``content/``, validate it, and hand out plain objects.

Everything downstream (pages, checklists, catalogue, PDFs) reads this model,
never the YAML. It is loaded once per build and reused for every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, Problem
from .schema import plain, validate
from .yamlfile import YamlDoc, load_yaml

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

Text = dict  # language code -> text


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: Text


@dataclass(frozen=True)
class Theme:
    id: str
    number: int
    title: Text
    summary: Text
    dialogue: tuple[Text, ...]
    checklist: tuple[ChecklistItem, ...]
    rules: tuple[str, ...]
    sources: tuple[str, ...]
    file: str


@dataclass(frozen=True)
class Rule:
    id: str
    country: str
    reference: str
    url: str
    last_checked: str
    title: Text
    summary: Text


@dataclass(frozen=True)
class Source:
    id: str
    short: str
    citation: str
    url: str | None
    note: Text | None


@dataclass(frozen=True)
class MeetingStep:
    minutes: int
    title: Text
    text: Text
    show: str | None  # "dialogue", "checklist" or None


@dataclass(frozen=True)
class Meeting:
    minutes: int
    steps: tuple[MeetingStep, ...]

    def schedule(self) -> list[tuple[int, int, MeetingStep]]:
        """(start, end, step) in minutes from the start of the meeting."""
        out, start = [], 0
        for step in self.steps:
            out.append((start, start + step.minutes, step))
            start += step.minutes
        return out


@dataclass
class Model:
    languages: tuple[str, ...]
    themes: list[Theme]
    rules: dict[str, Rule]
    sources: dict[str, Source]
    ui_text: dict[str, Text]
    meeting: Meeting | None = None
    files: list[Path] = field(default_factory=list)  # every file the model was read from

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def ui(self, key: str, lang: str, **values) -> str:
        """An interface phrase from content/ui.yml, with {placeholders} filled in."""
        try:
            text = self.ui_text[key][lang]
        except KeyError:
            raise ContentError([Problem(
                "content/ui.yml", f"missing the phrase '{key}' in '{lang}'; add it with a text per language",
                field=key)]) from None
        return text.format(**values) if values else text


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _load(path: Path, root: Path, schema: str, languages, problems: list[Problem]) -> YamlDoc | None:
    """Parse and schema-check one file; collect problems instead of stopping at the first."""
    shown = _rel(path, root)
    try:
        doc = load_yaml(path, shown)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    if doc.data is None:
        problems.append(Problem(shown, "is empty; see the other files in the folder for the shape"))
        return None
    found = validate(doc, schema, languages)
    problems.extend(found)
    doc.data = plain(doc.data)
    return None if found else doc


def _check_list_ids(doc: YamlDoc, kind: str, problems: list[Problem]) -> dict[str, int]:
    """Index a list of records by id, reporting duplicates with both lines."""
    seen: dict[str, int] = {}
    for i, item in enumerate(doc.data):
        line = doc.line_of((i, "id"))
        if item["id"] in seen:
            problems.append(Problem(doc.path, f"duplicate {kind} id '{item['id']}' (first on line "
                                    f"{doc.line_of((seen[item['id']], 'id'))}); ids must be unique",
                                    line=line, field=f"[{i}].id"))
        else:
            seen[item["id"]] = i
    return seen


def load_model(content_dir: Path, languages: tuple[str, ...], root: Path | None = None) -> Model:
    """Load and validate everything in ``content_dir``; raise ContentError listing all problems."""
    root = root or content_dir.parent
    problems: list[Problem] = []
    files: list[Path] = []

    def load_required(name: str, schema: str) -> YamlDoc | None:
        path = content_dir / name
        files.append(path)
        if not path.exists():
            problems.append(Problem(_rel(path, root), "is missing; the site's pages need it"))
            return None
        return _load(path, root, schema, languages, problems)

    ui_doc = load_required("ui.yml", "ui.schema.json")
    rules_doc = load_required("rules.yml", "rules.schema.json")
    sources_doc = load_required("sources.yml", "sources.schema.json")
    meeting_doc = load_required("meeting.yml", "meeting.schema.json")

    rules: dict[str, Rule] = {}
    if rules_doc:
        _check_list_ids(rules_doc, "rule", problems)
        for i, r in enumerate(rules_doc.data):
            if not r["id"].startswith(r["country"] + "-"):
                problems.append(Problem(rules_doc.path, f"rule '{r['id']}' has country '{r['country']}' "
                                        f"but its id must start with '{r['country']}-'",
                                        line=rules_doc.line_of((i, "country")), field=f"[{i}].country"))
            rules.setdefault(r["id"], Rule(r["id"], r["country"], r["reference"], r["url"],
                                           r["last_checked"], r["title"], r["summary"]))
    sources: dict[str, Source] = {}
    if sources_doc:
        _check_list_ids(sources_doc, "source", problems)
        for s in sources_doc.data:
            sources.setdefault(s["id"], Source(s["id"], s["short"], s["citation"], s.get("url"), s.get("note")))

    meeting = None
    if meeting_doc:
        d = meeting_doc.data
        steps = tuple(MeetingStep(st["minutes"], st["title"], st["text"], st.get("show")) for st in d["steps"])
        total = sum(st.minutes for st in steps)
        if total != d["minutes"]:
            problems.append(Problem(meeting_doc.path, f"the steps add up to {total} minutes but the meeting "
                                    f"is {d['minutes']}; change a step's minutes or `minutes`",
                                    line=meeting_doc.line_of(("minutes",)), field="minutes"))
        meeting = Meeting(d["minutes"], steps)

    themes = _load_themes(content_dir / "themes", root, languages, rules, sources,
                          bool(rules_doc), bool(sources_doc), problems, files)

    if problems:
        raise ContentError(problems)
    return Model(languages, themes, rules, sources, ui_doc.data if ui_doc else {}, meeting, files)


def _load_themes(folder: Path, root: Path, languages, rules, sources, check_rules: bool,
                 check_sources: bool, problems: list[Problem], files: list[Path]) -> list[Theme]:
    themes: list[Theme] = []
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        problems.append(Problem(_rel(path, root), f"rename to {path.stem}.yml; theme files end in .yml"))
    failed = False  # a theme that did not load leaves a gap in the numbers: not a problem of its own
    numbers: dict[int, str] = {}
    item_ids: dict[str, str] = {}
    for path in paths:
        files.append(path)
        theme_id = path.stem
        shown = _rel(path, root)
        if not ID_RE.match(theme_id):
            problems.append(Problem(shown, f"the file name '{theme_id}' is not a valid theme id; use lower-case "
                                    "letters, digits and hyphens (the id becomes the page address)"))
            continue
        doc = _load(path, root, "theme.schema.json", languages, problems)
        if doc is None:
            failed = True
            continue
        d = doc.data
        if d["number"] in numbers:
            problems.append(Problem(shown, f"number {d['number']} is already used by theme "
                                    f"'{numbers[d['number']]}'; each theme needs its own place in the order",
                                    line=doc.line_of(("number",)), field="number"))
        numbers.setdefault(d["number"], theme_id)
        items = []
        for i, item in enumerate(d["checklist"]):
            where = dict(line=doc.line_of(("checklist", i, "id")), field=f"checklist[{i}].id")
            if not item["id"].startswith(theme_id + "-"):
                problems.append(Problem(shown, f"item id '{item['id']}' does not belong to this theme; "
                                        f"ids here are '{theme_id}-' and two digits, e.g. '{theme_id}-{i + 1:02d}'", **where))
            elif item["id"] in item_ids:
                problems.append(Problem(shown, f"duplicate checklist id '{item['id']}'; give each item its "
                                        "own number (published ids never change, so add new items at the end)",
                                        **where))
            item_ids.setdefault(item["id"], shown)
            items.append(ChecklistItem(item["id"], item["text"]))
        for field_name, known, check, kind in (("rules", rules, check_rules, "content/rules.yml"),
                                               ("sources", sources, check_sources, "content/sources.yml")):
            for i, ref in enumerate(d[field_name]):
                if check and ref not in known:
                    problems.append(Problem(shown, f"unknown id '{ref}'; it must be an id in {kind} "
                                            f"(known: {', '.join(sorted(known))})",
                                            line=doc.line_of((field_name, i)), field=f"{field_name}[{i}]"))
        themes.append(Theme(theme_id, d["number"], d["title"], d["summary"], tuple(d["dialogue"]),
                            tuple(items), tuple(d["rules"]), tuple(d["sources"]), shown))
    themes.sort(key=lambda t: t.number)
    expected_numbers = list(range(1, len(themes) + 1))
    if themes and not failed and sorted(numbers) != expected_numbers:
        problems.append(Problem(_rel(folder, root), f"theme numbers are {sorted(numbers)}; they must run "
                                f"1 to {len(themes)} without gaps"))
    return themes
