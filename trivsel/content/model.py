"""The content model: load ``content/``, validate it, and hand out plain objects.

Everything downstream (pages, checklists, catalogue, PDFs) reads this model,
never the YAML. It is loaded once per build and reused for every language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, Problem
from .glossary import Term, terms_from
from .home import tasks_from
from .identity import ICON_DIR, colour_problem, load_icons
from .materials import Material, materials_from
from .programme_rules import ProgrammeRules, Verdict, rules_from, verdicts
from .pulse import Pulse, pulse_from
from .rules import front_page_problem, record_problems
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
    colour: str  # #rrggbb, passes WCAG AA with white text (identity.colour_problem)
    icon: str  # a name in Model.icons
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
    last_checked: str | None  # None: not yet confirmed against the official text
    title: Text
    summary: Text
    checked_against: str | None = None
    in_force_from: str | None = None
    unconfirmed: str | None = None


def stale_rules(rules: dict[str, Rule], today: dt.date, max_age_days: int = 365) -> list[Rule]:
    """Rules whose summary was last compared with the official text more than a year ago."""
    return [r for r in rules.values()
            if r.last_checked and (today - dt.date.fromisoformat(r.last_checked)).days > max_age_days]


def build_day() -> dt.date:
    """Today, for date checks; KC_TODAY lets a test (or an editor planning ahead) set it."""
    import os
    return dt.date.fromisoformat(os.environ.get("KC_TODAY") or dt.date.today().isoformat())


@dataclass(frozen=True)
class Helpline:
    """An emergency number or helpline, with the service's own page and when it was checked."""
    id: str
    country: str
    number: str
    name: Text
    when: Text
    acute: bool
    url: str
    checked_against: str
    last_checked: str | None
    hours: Text | None = None
    unconfirmed: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    short: str
    citation: str
    url: str | None
    note: Text | None


@dataclass(frozen=True)
class Module:
    id: str
    title: Text
    summary: Text
    audience: Text
    teaching: int
    exercise: int
    prerequisites: tuple[str, ...]
    objectives: tuple[Text, ...]
    key_points: tuple[Text, ...]
    themes: tuple[str, ...]
    sources: tuple[str, ...]
    file: str
    rules: tuple[str, ...] = ()
    objective_exercises: tuple[tuple[str, ...], ...] = ()  # per objective, the exercises that practise it
    before_live_calls: bool = False  # a programme must run it before any live-call session
    short: "ShortVersion | None" = None
    number: int = 0  # its place in the order (content/modules/<id>.yml `number`)

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercise


@dataclass(frozen=True)
class ShortVersion:
    """A module's own short version: its length and which sections stay and go."""
    teaching: int
    exercise: int
    keep: tuple[str, ...]
    skip: tuple[str, ...]

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercise


@dataclass(frozen=True)
class ProgrammeItem:
    kind: str  # "module", "break" or "session"
    module_id: str | None = None
    minutes: int | None = None  # a break's or session's length; a module's comes from the module
    title: Text | None = None
    short: bool = False  # a module in its own short version
    live_calls: bool = False  # a session in which participants take real calls


@dataclass(frozen=True)
class ProgrammeDay:
    start: str  # HH:MM
    items: tuple[ProgrammeItem, ...]
    after: int = 1  # working days after the previous day


@dataclass(frozen=True)
class Programme:
    id: str
    title: Text
    summary: Text
    audience: Text
    first_day: str
    days: tuple[ProgrammeDay, ...]
    file: str
    timezone: str = "Europe/Copenhagen"

    def module_ids(self) -> list[str]:
        return [i.module_id for d in self.days for i in d.items if i.kind == "module"]


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
    modules: list[Module] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # every file the model was read from
    glossary: list[Term] = field(default_factory=list)
    pulse: Pulse | None = None
    materials: dict = field(default_factory=dict)  # module id -> [Material]
    helplines: list = field(default_factory=list)  # [Helpline], in file order
    programme_rules: ProgrammeRules | None = None  # content/programme-rules.yml
    icons: dict = field(default_factory=dict)  # icon name -> its drawing (identity.load_icons)
    tasks: list = field(default_factory=list)  # [home.Task]: the home page's jobs, in order
    # Site settings from mkdocs.yml `extra` (e.g. the accessibility contact); set by the build.
    settings: dict = field(default_factory=dict)

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def modules_for_theme(self, theme_id: str) -> list[Module]:
        """The modules that name this theme: one mapping, read in both directions."""
        return [m for m in self.modules if theme_id in m.themes]

    def ui(self, key: str, lang: str, **values) -> str:
        """An interface phrase from content/ui.yml, with {placeholders} filled in."""
        try:
            text = self.ui_text[key][lang]
        except KeyError:
            raise ContentError([Problem(
                "content/ui.yml", f"missing the phrase '{key}' in '{lang}'; add it with a text per language",
                field=key, guide="ui-phrase")]) from None
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
        problems.append(Problem(shown, "is empty; see the other files in the folder for the shape", guide="missing-file"))
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
                                    line=line, field=f"[{i}].id", guide="duplicate-id"))
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
            problems.append(Problem(_rel(path, root), "is missing; the site's pages need it", guide="missing-file"))
            return None
        return _load(path, root, schema, languages, problems)

    ui_doc = load_required("ui.yml", "ui.schema.json")
    rules_doc = load_required("rules.yml", "rules.schema.json")
    sources_doc = load_required("sources.yml", "sources.schema.json")
    meeting_doc = load_required("meeting.yml", "meeting.schema.json")
    glossary_doc = load_required("glossary.yml", "glossary.schema.json")
    pulse_doc = load_required("pulse.yml", "pulse.schema.json")
    home_doc = load_required("home.yml", "home.schema.json")
    # Optional: a site without the threats module needs no helplines; the marker that shows them requires them.
    helplines_path = content_dir / "helplines.yml"
    helplines_doc = (load_required("helplines.yml", "helplines.schema.json") if helplines_path.exists() else None)

    rules: dict[str, Rule] = {}
    if rules_doc:
        _check_list_ids(rules_doc, "rule", problems)
        for i, r in enumerate(rules_doc.data):
            if not r["id"].startswith(r["country"] + "-"):
                problems.append(Problem(rules_doc.path, f"rule '{r['id']}' has country '{r['country']}' "
                                        f"but its id must start with '{r['country']}-'",
                                        line=rules_doc.line_of((i, "country")), field=f"[{i}].country", guide="id-format"))
            trail = record_problems(r, build_day())
            for name, message in trail:
                problems.append(Problem(rules_doc.path, f"rule '{r['id']}': {message}",
                                        line=rules_doc.line_of((i, name)), field=f"[{i}].{name}", guide="rule-trail"))
            rules.setdefault(r["id"], Rule(r["id"], r["country"], r["reference"], r["url"],
                                           r.get("last_checked"), r["title"], r["summary"],
                                           r.get("checked_against"), r.get("in_force_from"), r.get("unconfirmed")))
    helplines: list[Helpline] = []
    if helplines_doc:
        _check_list_ids(helplines_doc, "helpline", problems)
        for i, h in enumerate(helplines_doc.data):
            for name, message in record_problems(h, build_day()):
                problems.append(Problem(helplines_doc.path, f"helpline '{h['id']}': {message}",
                                        line=helplines_doc.line_of((i, name)), field=f"[{i}].{name}", guide="rule-trail"))
            helplines.append(Helpline(h["id"], h["country"], h["number"], h["name"], h["when"], h["acute"], h["url"],
                                      h["checked_against"], h.get("last_checked"), h.get("hours"), h.get("unconfirmed")))
    sources: dict[str, Source] = {}
    if sources_doc:
        _check_list_ids(sources_doc, "source", problems)
        for i, s in enumerate(sources_doc.data):
            if s.get("url") and (problem := front_page_problem(s["url"])):
                problems.append(Problem(sources_doc.path, f"source '{s['id']}': {problem}; or leave `url` out",
                                        line=sources_doc.line_of((i, "url")), field=f"[{i}].url", guide="rule-trail"))
            sources.setdefault(s["id"], Source(s["id"], s["short"], s["citation"], s.get("url"), s.get("note")))

    meeting = None
    if meeting_doc:
        d = meeting_doc.data
        steps = tuple(MeetingStep(st["minutes"], st["title"], st["text"], st.get("show")) for st in d["steps"])
        total = sum(st.minutes for st in steps)
        if total != d["minutes"]:
            problems.append(Problem(meeting_doc.path, f"the steps add up to {total} minutes but the meeting "
                                    f"is {d['minutes']}; change a step's minutes or `minutes`",
                                    line=meeting_doc.line_of(("minutes",)), field="minutes", guide="meeting-time"))
        meeting = Meeting(d["minutes"], steps)

    icons = load_icons(content_dir, root, problems)
    files += sorted((content_dir / ICON_DIR).glob("*.svg"))
    themes = _load_themes(content_dir / "themes", root, languages, rules, sources,
                          bool(rules_doc), bool(sources_doc), problems, files, icons)
    published_path = content_dir / "published.yml"
    if published_path.exists():
        published_doc = load_required("published.yml", "published.schema.json")
        if published_doc:
            problems += published_problems(published_doc, themes)

    # A reference to a file that exists but did not load is not reported again:
    # the file's own problem says what to fix.
    theme_ids = {p.stem for p in (content_dir / "themes").glob("*.yml")}
    modules = _load_modules(content_dir / "modules", root, languages, theme_ids, sources,
                            bool(sources_doc), problems, files, rules if rules_doc else None)
    glossary = terms_from(glossary_doc, languages, problems) if glossary_doc else []
    tasks = tasks_from(home_doc, icons, problems) if home_doc else []
    pulse = pulse_from(pulse_doc, theme_ids, sources if sources_doc else None, problems) if pulse_doc else None
    programme_rules_doc = load_required("programme-rules.yml", "programme-rules.schema.json")
    programme_rules = rules_from(programme_rules_doc.data) if programme_rules_doc else None
    programmes = _load_programmes(content_dir / "programmes", root, languages, modules, problems, files,
                                  programme_rules)
    materials = _load_materials(content_dir / "materials", root, languages, {m.id for m in modules},
                                theme_ids, problems, files)

    if problems:
        raise ContentError(problems)
    return Model(languages, themes, rules, sources, ui_doc.data if ui_doc else {}, meeting, modules,
                 programmes, files, glossary, pulse, materials=materials, helplines=helplines, icons=icons,
                 tasks=tasks, programme_rules=programme_rules)




def _load_materials(folder: Path, root: Path, languages, module_ids: set[str], theme_ids,
                    problems: list[Problem], files: list[Path]) -> dict[str, list[Material]]:
    """content/materials/<module>.yml: the materials of each module's exercises."""
    out: dict[str, list[Material]] = {}
    for path in _id_files(folder, root, problems, "materials"):
        files.append(path)
        if path.stem not in module_ids and not (folder.parent / "modules" / f"{path.stem}.yml").exists():
            problems.append(Problem(_rel(path, root), f"is named after no module; name it <module id>.yml "
                                    f"(modules: {', '.join(sorted(module_ids))})", guide="materials"))
            continue
        doc = _load(path, root, "materials.schema.json", languages, problems)
        if doc is not None and doc.data:
            out[path.stem] = materials_from(doc, path.stem, problems)
    return out


def _id_files(folder: Path, root: Path, problems: list[Problem], kind: str) -> list[Path]:
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        problems.append(Problem(_rel(path, root), f"rename to {path.stem}.yml; {kind} files end in .yml", guide="file-name"))
    good = []
    for path in paths:
        if ID_RE.match(path.stem):
            good.append(path)
        else:
            problems.append(Problem(_rel(path, root), f"the file name '{path.stem}' is not a valid {kind} id; "
                                    "use lower-case letters, digits and hyphens (the id becomes the address)", guide="file-name"))
    return good


def _load_modules(folder, root, languages, theme_ids, sources, check_sources, problems, files,
                  rules=None) -> list[Module]:
    modules: dict[str, Module] = {}
    docs: dict[str, YamlDoc] = {}
    for path in _id_files(folder, root, problems, "module"):
        files.append(path)
        doc = _load(path, root, "module.schema.json", languages, problems)
        if doc is None:
            continue
        d = doc.data
        docs[path.stem] = doc
        short = d.get("short_version")
        modules[path.stem] = Module(path.stem, d["title"], d["summary"], d["audience"], d["minutes"]["teaching"],
                                    d["minutes"]["exercise"], tuple(d["prerequisites"]),
                                    tuple(o["text"] for o in d["objectives"]),
                                    tuple(d["key_points"]), tuple(d["themes"]), tuple(d["sources"]), doc.path,
                                    tuple(d.get("rules", ())),
                                    tuple(tuple(o["exercises"]) for o in d["objectives"]),
                                    bool(d.get("before_live_calls")),
                                    ShortVersion(short["minutes"]["teaching"], short["minutes"]["exercise"],
                                                 tuple(short["keep"]), tuple(short["skip"])) if short else None,
                                    d["number"])
        if d["minutes"]["teaching"] + d["minutes"]["exercise"] == 0:
            problems.append(Problem(doc.path, "teaching and exercise are both 0; a module takes time",
                                    line=doc.line_of(("minutes",)), field="minutes", guide="module-rules"))
    for mid, module in modules.items():
        doc = docs[mid]
        for i, pre in enumerate(module.prerequisites):
            where = dict(line=doc.line_of(("prerequisites", i)), field=f"prerequisites[{i}]")
            if pre == mid:
                problems.append(Problem(doc.path, "a module cannot be its own prerequisite", **where, guide="module-rules"))
            elif pre not in modules and not (folder / f"{pre}.yml").exists():
                problems.append(Problem(doc.path, f"unknown module '{pre}'; prerequisites are module ids "
                                        f"(known: {', '.join(sorted(modules))})", **where, guide="unknown-id"))
        for i, theme in enumerate(module.themes):
            if theme not in theme_ids:
                problems.append(Problem(doc.path, f"unknown theme '{theme}'; use a theme id "
                                        f"(known: {', '.join(sorted(theme_ids))})",
                                        line=doc.line_of(("themes", i)), field=f"themes[{i}]", guide="unknown-id"))
        for i, ref in enumerate(module.sources):
            if check_sources and ref not in sources:
                problems.append(Problem(doc.path, f"unknown id '{ref}'; it must be an id in content/sources.yml",
                                        line=doc.line_of(("sources", i)), field=f"sources[{i}]", guide="unknown-id"))
        for i, ref in enumerate(module.rules):
            if rules is not None and ref not in rules:
                problems.append(Problem(doc.path, f"unknown id '{ref}'; it must be an id in content/rules.yml "
                                        f"(known: {', '.join(sorted(rules))})",
                                        line=doc.line_of(("rules", i)), field=f"rules[{i}]", guide="unknown-id"))
        if rules is not None:
            _both_countries(module.rules, rules, doc.path, doc.line_of(("rules",)), problems)
    # Prerequisites must not go round in a circle.
    for mid in modules:
        seen, stack = set(), [(mid, (mid,))]
        while stack:
            current, trail = stack.pop()
            for pre in modules[current].prerequisites if current in modules else ():
                if pre == mid:
                    problems.append(Problem(docs[mid].path, "prerequisites go round in a circle: "
                                            + " -> ".join(trail + (mid,)), field="prerequisites", guide="module-rules"))
                    stack = []
                    break
                if pre not in seen:
                    seen.add(pre)
                    stack.append((pre, trail + (pre,)))
    # The order modules are listed in (nav, overview, catalogue) is their `number`.
    numbers: dict[int, str] = {}
    for mid, module in sorted(modules.items()):
        if module.number in numbers:
            problems.append(Problem(docs[mid].path, f"number {module.number} is already used by module "
                                    f"'{numbers[module.number]}'; each module needs its own place in the order",
                                    line=docs[mid].line_of(("number",)), field="number", guide="theme-number"))
        numbers.setdefault(module.number, mid)
    loaded_all = len(modules) == len(list(folder.glob("*.yml")))
    if modules and loaded_all and sorted(numbers) != list(range(1, len(modules) + 1)) and len(numbers) == len(modules):
        problems.append(Problem(_rel(folder, root), f"module numbers are {sorted(numbers)}; they must run "
                                f"1 to {len(modules)} without gaps", guide="theme-number"))
    return sorted(modules.values(), key=lambda m: (m.number, m.id))


def programme_days(days_data, by_id: dict) -> list[ProgrammeDay]:
    """The days of a programme in its file's shape (also the planner's plan and its YAML export)."""
    days = []
    for day in days_data:
        items = []
        for item in day["items"]:
            if "module" in item:
                module = by_id[item["module"]]
                short = item.get("version") == "short" and module.short is not None
                items.append(ProgrammeItem("module", module.id, module.short.minutes if short else module.minutes,
                                           module.title, short=short))
            elif "break" in item:
                items.append(ProgrammeItem("break", None, item["break"], item.get("title")))
            else:
                session = item["session"]
                items.append(ProgrammeItem("session", None, session["minutes"], session["title"],
                                           live_calls=bool(session.get("live_calls"))))
        days.append(ProgrammeDay(day["start"], tuple(items), day.get("after", 1)))
    return days


def _load_programmes(folder, root, languages, modules, problems, files, rules: ProgrammeRules | None) -> list[Programme]:
    by_id = {m.id: m for m in modules}
    broken = {p.stem for p in (folder.parent / "modules").glob("*.yml")} - set(by_id)
    programmes = []
    for path in _id_files(folder, root, problems, "programme"):
        files.append(path)
        doc = _load(path, root, "programme.schema.json", languages, problems)
        if doc is None:
            continue
        d = doc.data
        kept = []  # the days without items whose module did not load (its own file says why)
        for di, day in enumerate(d["days"]):
            items = []
            for ii, item in enumerate(day["items"]):
                where = dict(line=doc.line_of(("days", di, "items", ii)), field=f"days[{di}].items[{ii}]")
                if "module" in item:
                    mid = item["module"]
                    if mid in broken:
                        continue
                    if mid not in by_id:
                        problems.append(Problem(doc.path, f"unknown module '{mid}'; use a module id "
                                                f"(known: {', '.join(m.id for m in modules)})", **where, guide="unknown-id"))
                        continue
                    if item.get("version") == "short" and by_id[mid].short is None:
                        problems.append(Problem(doc.path, f"'{mid}' has no short version; define `short_version` "
                                                f"(minutes, keep, skip) in content/modules/{mid}.yml or use the whole "
                                                f"module", **where, guide="programme-rules"))
                if "break" in item and "title" not in item:
                    problems.append(Problem(doc.path, "a break needs a title in every language, e.g. "
                                            "title: {da: Pause, nb: Pause, en: Break}", **where, guide="programme-rules"))
                items.append(item)
            kept.append({**day, "items": items})
        days = programme_days(kept, by_id)
        if rules is not None:
            problems += [_verdict_problem(v, doc, by_id, days) for v in verdicts(days, by_id, rules)]
        programmes.append(Programme(path.stem, d["title"], d["summary"], d["audience"], d["first_day"],
                                    tuple(days), doc.path, d["timezone"]))
    return programmes


def _verdict_problem(v: Verdict, doc, by_id: dict, days) -> Problem:
    """A broken programme rule as the editor's stop: the line, the field and the fix."""
    from .curriculum import clock
    at = lambda di, ii: dict(line=doc.line_of(("days", di, "items", ii)), field=f"days[{di}].items[{ii}]",  # noqa: E731
                             guide="programme-rules")
    if v.rule == "day_length":
        n = v.value("minutes")
        return Problem(doc.path, f"day {v.day + 1} is {n // 60} h {n % 60} min long; a day may last at most "
                       f"{v.value('limit') // 60} hours: move items to another day",
                       line=doc.line_of(("days", v.day)), field=f"days[{v.day}]", guide="programme-rules")
    if v.rule == "past_midnight":
        length = sum(i.minutes or 0 for i in days[v.day].items)
        return Problem(doc.path, f"day {v.day + 1} would end after midnight (starts {days[v.day].start}, "
                       f"lasts {clock(length)})", line=doc.line_of(("days", v.day, "start")),
                       field=f"days[{v.day}].start", guide="programme-rules")
    if v.rule == "block_length":
        return Problem(doc.path, f"day {v.day + 1} runs {v.value('minutes')} minutes without a break (item "
                       f"{v.item + 1}); put a break in at least every {v.value('limit')} minutes, or split the "
                       f"session", **at(v.day, v.item))
    if v.rule == "before_live_calls":
        mid = days[v.day].items[v.item].module_id
        return Problem(doc.path, f"'{mid}' must come before any session with live calls, but day "
                       f"{v.value('day')}, item {v.value('calls_item') + 1} has live calls; move the module earlier "
                       f"or the calls later", **at(v.day, v.item))
    mid = days[v.day].items[v.item].module_id
    pdi, pii = v.value("prerequisite_at")
    return Problem(doc.path, f"'{v.value('prerequisite')}' is a prerequisite of '{mid}' but comes after it "
                   f"(day {pdi + 1}, item {pii + 1}); move it before day {v.day + 1}, item {v.item + 1}",
                   **at(pdi, pii))


def published_problems(doc: YamlDoc, themes: list[Theme]) -> list[Problem]:
    """A published checklist id stays (ticks, work files and links use it); a new one is listed."""
    problems = []
    listed = doc.data["checklist_items"]
    current = {item.id: theme for theme in themes for item in theme.checklist}
    for i, item_id in enumerate(listed):
        if item_id not in current and any(item_id.startswith(t.id + "-") for t in themes):
            problems.append(Problem(doc.path, f"published checklist item '{item_id}' is gone from its theme; saved "
                                    "ticks and links use it: put it back (you may reword its text) or keep its number",
                                    line=doc.line_of(("checklist_items", i)), field=f"checklist_items[{i}]",
                                    guide="published-ids"))
    for item_id, theme in current.items():
        if item_id not in listed:
            problems.append(Problem(theme.file, f"checklist item '{item_id}' is new; add it to content/published.yml "
                                    "(published ids never change afterwards)", field="checklist", guide="published-ids"))
    return problems


COUNTRIES = ("dk", "no")


def _both_countries(refs, rules, doc_path: str, line, problems: list[Problem]) -> None:
    """A unit citing rules cites each country's: every reader sees the rule of their own country."""
    if not refs or not rules:
        return
    have = {rules[r].country for r in refs if r in rules}
    if not have:
        return
    for country in COUNTRIES:
        if country not in have:
            other = next(iter(have))
            problems.append(Problem(doc_path, f"cites only {other} rules; add the matching rule from "
                                    f"'{country}' (an id starting '{country}-' in content/rules.yml), so that "
                                    f"readers in each country see their own rule first",
                                    line=line, field="rules", guide="rule-trail"))


def _load_themes(folder: Path, root: Path, languages, rules, sources, check_rules: bool,
                 check_sources: bool, problems: list[Problem], files: list[Path], icons: dict) -> list[Theme]:
    themes: list[Theme] = []
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        problems.append(Problem(_rel(path, root), f"rename to {path.stem}.yml; theme files end in .yml", guide="file-name"))
    failed = False  # a theme that did not load leaves a gap in the numbers: not a problem of its own
    numbers: dict[int, str] = {}
    item_ids: dict[str, str] = {}
    for path in paths:
        files.append(path)
        theme_id = path.stem
        shown = _rel(path, root)
        if not ID_RE.match(theme_id):
            problems.append(Problem(shown, f"the file name '{theme_id}' is not a valid theme id; use lower-case "
                                    "letters, digits and hyphens (the id becomes the page address)", guide="file-name"))
            continue
        doc = _load(path, root, "theme.schema.json", languages, problems)
        if doc is None:
            failed = True
            continue
        d = doc.data
        if d["number"] in numbers:
            problems.append(Problem(shown, f"number {d['number']} is already used by theme "
                                    f"'{numbers[d['number']]}'; each theme needs its own place in the order",
                                    line=doc.line_of(("number",)), field="number", guide="theme-number"))
        numbers.setdefault(d["number"], theme_id)
        items = []
        for i, item in enumerate(d["checklist"]):
            where = dict(line=doc.line_of(("checklist", i, "id")), field=f"checklist[{i}].id")
            if not item["id"].startswith(theme_id + "-"):
                problems.append(Problem(shown, f"item id '{item['id']}' does not belong to this theme; "
                                        f"ids here are '{theme_id}-' and two digits, e.g. '{theme_id}-{i + 1:02d}'", **where, guide="id-format"))
            elif item["id"] in item_ids:
                problems.append(Problem(shown, f"duplicate checklist id '{item['id']}'; give each item its "
                                        "own number (published ids never change, so add new items at the end)",
                                        **where, guide="duplicate-id"))
            item_ids.setdefault(item["id"], shown)
            items.append(ChecklistItem(item["id"], item["text"]))
        for field_name, known, check, kind in (("rules", rules, check_rules, "content/rules.yml"),
                                               ("sources", sources, check_sources, "content/sources.yml")):
            for i, ref in enumerate(d[field_name]):
                if check and ref not in known:
                    problems.append(Problem(shown, f"unknown id '{ref}'; it must be an id in {kind} "
                                            f"(known: {', '.join(sorted(known))})",
                                            line=doc.line_of((field_name, i)), field=f"{field_name}[{i}]", guide="unknown-id"))
        if check_rules:
            _both_countries(d["rules"], rules, shown, doc.line_of(("rules",)), problems)
        problems += identity_problems(doc, icons)
        themes.append(Theme(theme_id, d["number"], d["colour"], d["icon"], d["title"], d["summary"], tuple(d["dialogue"]),
                            tuple(items), tuple(d["rules"]), tuple(d["sources"]), shown))
    themes.sort(key=lambda t: t.number)
    expected_numbers = list(range(1, len(themes) + 1))
    if themes and not failed and sorted(numbers) != expected_numbers:
        problems.append(Problem(_rel(folder, root), f"theme numbers are {sorted(numbers)}; they must run "
                                f"1 to {len(themes)} without gaps", guide="theme-number"))
    return themes


def identity_problems(doc: YamlDoc, icons: dict) -> list[Problem]:
    """A theme's colour passes WCAG AA with its text, and its icon is one of content/icons/."""
    problems = []
    d = doc.data
    failing = colour_problem(d["colour"])
    if failing:
        problems.append(Problem(doc.path, failing, line=doc.line_of(("colour",)), field="colour", guide="theme-colour"))
    if d["icon"] not in icons:
        problems.append(Problem(doc.path, f"no icon '{d['icon']}' in content/{ICON_DIR}/; use one of "
                                f"{', '.join(sorted(icons))} or draw content/{ICON_DIR}/{d['icon']}.svg",
                                line=doc.line_of(("icon",)), field="icon", guide="theme-icon"))
    return problems
