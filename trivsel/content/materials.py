"""Exercise materials: role cards, call scripts, card decks and sample texts,
one file per module (content/materials/<module>.yml), shown on the module page
and printed as a card sheet."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Problem

# The fields each kind needs; the schema says what each field is.
NEEDS = {"role-card": ("who", "knows", "wants", "reacts"), "script": ("lines",), "cards": ("cards",),
         "text": ("text",)}
ROLE_FIELDS = ("who", "knows", "wants", "reacts")


@dataclass(frozen=True)
class Material:
    id: str
    module: str
    exercise: str  # the exercise heading id on the module page
    kind: str
    title: dict
    fields: dict  # who/knows/wants/reacts, lines, cards or text, as in the file


def materials_from(doc, module_id: str, problems: list[Problem]) -> list[Material]:
    """The records of one materials file; a kind without its fields, or a duplicate id, is a problem."""
    out, seen = [], set()
    for i, record in enumerate(doc.data):
        where = dict(line=doc.line_of((i,)), guide="materials")
        if record["id"] in seen:
            problems.append(Problem(doc.path, f"duplicate material id '{record['id']}'; give each its own",
                                    field=f"[{i}].id", **where))
        seen.add(record["id"])
        missing = [f for f in NEEDS[record["kind"]] if f not in record]
        extra = [f for kind, fields in NEEDS.items() if kind != record["kind"] for f in fields
                 if f in record and f not in NEEDS[record["kind"]]]
        if missing:
            problems.append(Problem(doc.path, f"a {record['kind']} needs {', '.join(missing)}",
                                    field=f"[{i}].{missing[0]}", **where))
        if extra:
            problems.append(Problem(doc.path, f"{', '.join(extra)} does not belong on a {record['kind']}; "
                                    f"a {record['kind']} has {', '.join(NEEDS[record['kind']])}",
                                    field=f"[{i}].{extra[0]}", **where))
        fields = {k: record[k] for k in NEEDS[record["kind"]] if k in record}
        out.append(Material(record["id"], module_id, record["exercise"], record["kind"], record["title"], fields))
    return out


def _esc(text: str) -> str:
    import html
    return html.escape(text, quote=True)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_esc(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def body_html(material: Material, lang: str, words) -> str:
    """The material itself, in ``lang``; ``words(key)`` gives interface words from ui.yml."""
    f = material.fields
    if material.kind == "role-card":
        return "<dl>" + "".join(f"<dt>{_esc(words('material_' + k))}</dt><dd>{_esc(f[k][lang])}</dd>"
                                for k in ROLE_FIELDS) + "</dl>"
    if material.kind == "script":
        # A list, not a <dl>: the same speaker comes back on many lines.
        return '<ol class="kc-script">' + "".join(
            f'<li><span class="kc-script__speaker">{_esc(line["speaker"][lang])}:</span> {_esc(line["says"][lang])}</li>'
            for line in f["lines"]) + "</ol>"
    if material.kind == "cards":
        return '<ol class="kc-deck">' + "".join(f"<li>{_esc(card[lang])}</li>" for card in f["cards"]) + "</ol>"
    return _paragraphs(f["text"][lang])


def page_html(material: Material, lang: str, words) -> str:
    """A material on the module page: folded, so the page stays short; its id is its anchor."""
    return (f'<details class="kc-material kc-material--{material.kind}" id="materiale-{material.id}">'
            f"<summary>{_esc(words('material_kind_' + material.kind))}: {_esc(material.title[lang])}</summary>"
            f"{body_html(material, lang, words)}</details>")


def card_sheet_html(materials: list[Material], lang: str, words, exercise_titles: dict[str, str],
                    module_title: str) -> str:
    """The card sheet: every material as cards in a grid with cut lines, each card naming
    its exercise and its address (#anchor). A deck gives one card per line of the deck."""
    cards = []  # (wide, html)
    for mat in materials:
        head = (f'<p class="kc-card__exercise">{_esc(exercise_titles.get(mat.exercise, mat.exercise))} '
                f'<span class="kc-card__anchor">#{_esc(mat.exercise)}</span></p>')
        kind = _esc(words("material_kind_" + mat.kind))
        if mat.kind == "cards":
            for n, card in enumerate(mat.fields["cards"], 1):
                cards.append((False, f'{head}<p class="kc-card__title">{kind}: {_esc(mat.title[lang])} '
                                     f'({n}/{len(mat.fields["cards"])})</p><p class="kc-card__text">{_esc(card[lang])}</p>'))
        else:
            cards.append((mat.kind in ("script", "text"),
                          f'{head}<p class="kc-card__title">{kind}: {_esc(mat.title[lang])}</p>'
                          f"{body_html(mat, lang, words)}"))
    # Rows of two cards (a script or sample text takes a whole row): table rows page-break cleanly.
    rows, pending = [], []
    for wide, card in cards:
        if wide:
            if pending:
                rows.append(pending)
                pending = []
            rows.append([(2, card)])
        else:
            pending.append((1, card))
            if len(pending) == 2:
                rows.append(pending)
                pending = []
    if pending:
        rows.append(pending)
    cell = {1: '<td class="kc-card">', 2: '<td class="kc-card" colspan="2">'}
    body = "".join("<tr>" + "".join(f"{cell[span]}{card}</td>" for span, card in row) + "</tr>" for row in rows)
    return (f'<h1>{_esc(words("materials_sheet_title"))}: {_esc(module_title)}</h1>'
            f'<p class="kc-card-intro">{_esc(words("materials_sheet_intro"))}</p>'
            f'<table class="kc-card-grid" role="presentation">{body}</table>')


def placement_problems(markdown: str, module_id: str, materials: list[Material], exercise_ids: set[str],
                       shown: str, marker_re) -> list[Problem]:
    """Each material sits in its own exercise, each exercise's marker names only materials that
    exist, and no material is left off the page."""
    from .pages import headings
    problems, placed = [], set()
    known = {m.id: m for m in materials}
    heads = [(line, anchor) for line, level, _, anchor in headings(markdown) if level == 2]
    for match in marker_re.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        section = next((a for l, a in reversed(heads) if l < line), None)
        for mid in match.group(1).split():
            mat = known.get(mid)
            if mat is None:
                problems.append(Problem(shown, f"the exercise refers to material '{mid}', which "
                                        f"content/materials/{module_id}.yml does not have; add it there or fix the id "
                                        f"(known: {', '.join(sorted(known)) or 'none'})", line=line, guide="materials"))
            elif mat.exercise != section:
                problems.append(Problem(shown, f"material '{mid}' belongs to #{mat.exercise} but is shown under "
                                        f"#{section}; move the marker or change its `exercise`", line=line,
                                        guide="materials"))
            placed.add(mid)
    for mat in materials:
        if mat.exercise not in exercise_ids:
            problems.append(Problem(f"content/materials/{module_id}.yml", f"material '{mat.id}' names exercise "
                                    f"'{mat.exercise}', which {shown} does not have (exercises: "
                                    f"{', '.join(sorted(exercise_ids))})", guide="materials"))
        elif mat.id not in placed:
            problems.append(Problem(shown, f"material '{mat.id}' is not shown; add "
                                    f"'<!-- kc:materials {mat.id} -->' in its exercise #{mat.exercise}",
                                    guide="materials"))
    return problems
