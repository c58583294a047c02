"""The glossary: terms from ``content/glossary.yml``, and links to them on every page.

The first use of each term on a page becomes a link to its glossary entry with
a tooltip holding the explanation in the page's language. The tooltip shows on
hover and keyboard focus (CSS), closes with Escape (glossary.js) and is the
link's accessible description (aria-describedby). Plain functions; the hook
passes in the page HTML and the glossary page's address.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .errors import Problem
from .yamlfile import YamlDoc

Text = dict
GLOSSARY_PAGE = "ordliste"  # docs/ordliste.<lang>.md


@dataclass(frozen=True)
class Term:
    id: str
    term: Text
    expansion: Text | None
    forms: dict[str, tuple[str, ...]]  # language -> word forms used on that language's pages
    explanation: Text


def terms_from(doc: YamlDoc, languages, problems: list[Problem]) -> list[Term]:
    """Records of a schema-valid glossary file; a form claimed by two entries is a problem."""
    terms, ids, owner = [], {}, {}
    for i, d in enumerate(doc.data):
        if d["id"] in ids:
            problems.append(Problem(doc.path, f"duplicate glossary id '{d['id']}' (first on line "
                                    f"{doc.line_of((ids[d['id']], 'id'))}); ids must be unique",
                                    line=doc.line_of((i, "id")), field=f"[{i}].id", guide="duplicate-id"))
            continue
        ids[d["id"]] = i
        for lang in languages:
            for j, form in enumerate(d["forms"][lang]):
                if (lang, form) in owner:
                    problems.append(Problem(
                        doc.path, f"the form '{form}' already belongs to '{owner[(lang, form)]}'; a word can "
                        "link to one entry only: remove it here or there", line=doc.line_of((i, "forms", lang, j)),
                        field=f"[{i}].forms.{lang}[{j}]", guide="glossary"))
                owner.setdefault((lang, form), d["id"])
        terms.append(Term(d["id"], d["term"], d.get("expansion"),
                          {lang: tuple(d["forms"][lang]) for lang in languages}, d["explanation"]))
    return terms


# Text inside these elements is never linked: it is already a link or a control,
# a heading (the table of contents copies it), code, or not shown as prose.
SKIP = {"a", "abbr", "button", "code", "pre", "script", "style", "label", "summary", "textarea", "select",
        "option", "legend", "svg", "title", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "th", "figcaption"}
TAG_RE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
NAME_RE = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _variants(form: str) -> list[str]:
    """'verneombud' also matches 'Verneombud' at the start of a sentence."""
    if form[0].islower():
        return [form, form[0].upper() + form[1:]]
    return [form]


class TermLinker:
    """Links the first use of each glossary term in one language's page HTML."""

    def __init__(self, terms: list[Term], lang: str):
        self.lang = lang
        self.by_form: dict[str, Term] = {}
        for term in terms:
            for form in term.forms.get(lang, ()):
                for variant in _variants(form):
                    self.by_form.setdefault(variant, term)
        forms = sorted(self.by_form, key=len, reverse=True)  # longest first: "MED-udvalg" before "MED"
        self.pattern = (re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
                        if forms else None)

    def tooltip(self, term: Term) -> str:
        text = html.escape(term.explanation[self.lang])
        if term.expansion:
            return f"<strong>{html.escape(term.expansion[self.lang])}.</strong> {text}"
        return text

    def link(self, page_html: str, glossary_href: str) -> tuple[str, list[str]]:
        """The page with its first use of each term linked, and the ids it linked, in order."""
        if self.pattern is None:
            return page_html, []
        done: list[str] = []
        skipping: list[str] = []  # open elements whose text is not linked
        out = []
        for part in TAG_RE.split(page_html):
            if not part:
                continue
            if part.startswith("<"):
                m = NAME_RE.match(part)
                name = m.group(1).lower() if m else ""
                if name in SKIP and not part.startswith("</") and not part.endswith("/>") and name not in VOID:
                    skipping.append(name)
                elif part.startswith("</") and skipping and skipping[-1] == name:
                    skipping.pop()
                out.append(part)
            elif skipping:
                out.append(part)
            else:
                out.append(self.pattern.sub(lambda m: self._one(m, done, glossary_href), part))
        return "".join(out), done

    def _one(self, match: re.Match, done: list[str], href: str) -> str:
        term = self.by_form[match.group(1)]
        if term.id in done:
            return match.group(0)
        done.append(term.id)
        tip = f"kc-tip-{term.id}"
        # The tooltip is outside the link (its text is not part of the link's name)
        # and out of the search index (it would repeat the glossary on every page).
        return (f'<span class="kc-term"><a href="{href}#{term.id}" aria-describedby="{tip}">{match.group(0)}</a>'
                f'<span class="kc-tip" role="tooltip" id="{tip}" data-search-exclude>{self.tooltip(term)}</span>'
                f"</span>")
