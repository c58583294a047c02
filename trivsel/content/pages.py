"""Page-level facts from the Markdown sources: addresses, titles, anchors.

Read from the source files, so they hold for every language even when the
author builds only one (``make serve LANG=nb``).
"""

from __future__ import annotations

import posixpath
import re

from .language import date_as_list
from .errors import Problem

HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
ATTR_ID_RE = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
ATTR_LIST_RE = re.compile(r"\{:?[^}]*\}\s*$")  # any attribute list, e.g. {: .kc-theme-title }
TAG_RE = re.compile(r"<[^>]+>")
FENCE_RE = re.compile(r"^(```|~~~)")
FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.S)


def page_url(page_id: str, lang: str, default_lang: str) -> str:
    """Address relative to the site root: the language prefix is the only difference."""
    prefix = "" if lang == default_lang else f"{lang}/"
    if page_id == "index":
        return prefix
    if page_id.endswith("/index"):
        return f"{prefix}{page_id[: -len('index')]}"
    return f"{prefix}{page_id}/"


# Printed editions besides the page's own PDF: <id>-underviser-<lang>.pdf (trainer's edition),
# <id>-materialer-<lang>.pdf (card sheet), <programme>-deltagere-<lang>.pdf (all handouts).
TRAINER_SUFFIX, MATERIALS_SUFFIX, HANDOUTS_SUFFIX = "underviser", "materialer", "deltagere"


def unit_file_name(unit_id: str, lang: str, ext: str) -> str:
    """A page's downloads sit next to it, named by id and language: tidspres-da.pdf, forste-uke-nb.ics."""
    return f"{unit_id}-{lang}.{ext}"


def file_link(page_id: str, name: str) -> str:
    """A link to a file the build writes next to a page (a PDF, a calendar, a CSV).

    Raw HTML and page data cannot use Markdown's .md links, and the relative
    address depends on the linking page and on the URL style (the offline
    bundle uses .html addresses), so the hook resolves it per page:
    ``resolve_links``.
    """
    return f"kc-file:{page_id}/{name}"


def page_link(page_id: str) -> str:
    """A link to a page from raw HTML or page data; resolved like ``file_link``."""
    return f"kc-page:{page_id}"


def asset_link(path: str) -> str:
    """A link to a file under the site root (e.g. a script only one page needs)."""
    return f"kc-asset:{path}"


LINK_RE = re.compile(r"kc-file:([a-z0-9/-]+)/([\w-]+\.[a-z]+)|kc-page:([a-z0-9/-]+)|kc-asset:([\w./-]+)")


def file_dir(url: str) -> str:
    """The folder a page's files go in: 'temaer/tidspres/' for 'temaer/tidspres/' and
    for 'temaer/tidspres.html' (the offline bundle's URL style); '' for the home page."""
    if url.endswith("index.html"):
        return url[: -len("index.html")]
    if url.endswith(".html"):
        return url[: -len(".html")] + "/"
    return url


def resolve_links(html: str, from_url: str, url_of) -> str:
    """Turn kc-file:, kc-page: and kc-asset: links into addresses relative to the page at ``from_url``.

    ``url_of(page_id)`` is the URL of that page in the same language.
    """
    if from_url.endswith("/") or not from_url:
        here = from_url
    else:  # 'nb/moede/puls.html' -> 'nb/moede/'; the home page 'index.html' -> '' (the site root)
        folder = posixpath.dirname(from_url)
        here = folder + "/" if folder else ""

    def relative(target: str) -> str:
        rel = posixpath.relpath(target or ".", here or ".")
        return rel + "/" if (not target or target.endswith("/")) and not rel.endswith("/") else rel

    def one(m: re.Match) -> str:
        if m.group(4):
            return relative(m.group(4))
        if m.group(3):
            return relative(url_of(m.group(3)))
        return relative(file_dir(url_of(m.group(1))) + m.group(2))

    return LINK_RE.sub(one, html)


def unit_file_url(page_id: str, lang: str, default_lang: str, ext: str, suffix: str = "") -> str:
    """A page's download: its id (and ``suffix``, e.g. underviser) and the language."""
    stem = page_id.rsplit("/", 1)[-1] + (f"-{suffix}" if suffix else "")
    return page_url(page_id, lang, default_lang) + unit_file_name(stem, lang, ext)


def without_front_matter(text: str) -> str:
    """The Markdown body: MkDocs reads the front matter itself, before the page events.

    Blank lines stand in for it so that line numbers in messages stay right.
    """
    return FRONT_MATTER_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _lines_outside_code(text: str):
    text = without_front_matter(text)
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE_RE.match(line.strip()):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line





def dates_read_as_lists(text: str, lang: str) -> list[tuple[int, str]]:
    """(line, '20. september') for each line that Markdown would turn from a date into a list."""
    found = []
    for number, line in _lines_outside_code(text):
        date = date_as_list(line, lang)
        if date:
            found.append((number, date))
    return found


def headings(text: str) -> list[tuple[int, int, str, str | None]]:
    """(line, level, text, explicit id or None) for each ATX heading outside code."""
    found = []
    for number, line in _lines_outside_code(text):
        m = HEADING_RE.match(line)
        if not m:
            continue
        title = m.group(2)
        id_match = ATTR_ID_RE.search(title)
        anchor = id_match.group(1) if id_match else None
        # The words only: a badge (inline SVG) and attribute lists are not part of the title.
        title = TAG_RE.sub("", ATTR_LIST_RE.sub("", title)).strip()
        found.append((number, len(m.group(1)), title, anchor))
    return found


def page_title(expanded: str) -> str | None:
    """The first level-1 heading, which is what MkDocs uses as the page title."""
    for _, level, title, _ in headings(expanded):
        if level == 1:
            return title
    return None


def check_anchors(raw: dict[str, str], expanded: dict[str, str], files: dict[str, str]) -> list[Problem]:
    """Every section heading has an explicit id, and the ids are the same in every language.

    ``raw`` and ``expanded`` map language -> Markdown before and after markers
    are expanded; ``files`` maps language -> path shown. Readers and trainers
    link to sections; a slug of translated heading text would give each
    language a different address.
    """
    problems: list[Problem] = []
    for lang, text in raw.items():
        for line, level, title, anchor in headings(text):
            if level > 1 and anchor is None:
                problems.append(Problem(files[lang], f"heading '{title}' has no explicit id; add "
                                        "{#some-id} after it, with the same id in every language", line=line, guide="section-ids"))
    ids = {lang: [a for _, level, _, a in headings(text) if level > 1 and a] for lang, text in expanded.items()}
    langs = list(expanded)
    reference = langs[0]
    for lang in langs[1:]:
        only_ref = [a for a in ids[reference] if a not in ids[lang]]
        only_here = [a for a in ids[lang] if a not in ids[reference]]
        if only_ref or only_here:
            detail = []
            if only_here:
                detail.append(f"has {', '.join('#' + a for a in only_here)} that {files[reference]} lacks")
            if only_ref:
                detail.append(f"lacks {', '.join('#' + a for a in only_ref)} that {files[reference]} has")
            problems.append(Problem(files[lang], "section ids differ between languages: " + "; ".join(detail)
                                    + ". Use the same {#id} in every language", guide="section-ids"))
    return problems


TRAINER_RE = re.compile(r'^(\?\?\?\+?|!!!) trainer(?: "[^"]*")?[ \t]*\n((?:[ \t]*\n|(?: {4}|\t).*\n?)*)', re.M)


def trainer_notes(text: str) -> str:
    """The body of the page's ``??? trainer`` block, dedented (Markdown)."""
    m = TRAINER_RE.search(text)
    if not m:
        return ""
    lines = [line[4:] if line.startswith("    ") else line.lstrip("\t") for line in m.group(2).splitlines()]
    return "\n".join(lines).strip() + "\n"


def exercises(text: str) -> list[tuple[str, str]]:
    """(id, title) of each exercise heading: the ids start with 'ovelse-'."""
    return [(anchor, title) for _, level, title, anchor in headings(text)
            if level >= 2 and anchor and anchor.startswith("ovelse-")]
