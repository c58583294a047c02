"""The trail behind each legal rule: a deep link to the official text, what the
summary was compared with, and when. A rule that cannot show this does not
reach a page with a date on it."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from .language import parse_date

# Legal databases give each text an address of its own; a link must reach the
# text, not the site's front page or its list of all texts.
_TEXT_PATHS = {
    "retsinformation.dk": re.compile(r"^/(eli/(lta|accn|ft|mt)/\d{4}/\d+|forms/r0710\.aspx)"),
    "lovdata.no": re.compile(r"^/(lov|forskrift|dokument|pro)/[^/]+"),
}
# Listings on the authorities' sites: one level above the texts.
_LISTINGS = {"/regler", "/regler/at-vejledninger", "/regler/bekendtgoerelser", "/regelverk",
             "/regelverk/lover", "/regelverk/forskrifter", "/register/lover", "/register/forskrifter"}


def front_page_problem(url: str) -> str | None:
    """Why ``url`` is only a site's front page, or None."""
    parts = urlsplit(url)
    if not parts.path.rstrip("/") and not parts.query:
        return (f"'{url}' is a site's front page; link to the text itself, e.g. "
                "https://www.retsinformation.dk/eli/lta/2025/1108 or https://lovdata.no/lov/2005-06-17-62/§4-3")
    return None


def link_problem(url: str) -> str | None:
    """Why ``url`` is not a deep link to an official text, or None."""
    if problem := front_page_problem(url):
        return problem
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    pattern = _TEXT_PATHS.get(host)
    if (pattern and not pattern.match(path)) or path in _LISTINGS:
        return (f"'{url}' is a list of texts on {host}, not one text; link to the text itself")
    return None


def date_problem(value: str, today: dt.date, field_name: str) -> str | None:
    """Why ``value`` cannot stand in ``field_name``, or None."""
    day, problem = parse_date(value)
    if problem:
        return problem
    if field_name == "last_checked" and day > today:
        return (f"{value} is in the future (today is {today.isoformat()}); write the day you "
                "compared the rule with the official text")
    return None


def record_problems(record: dict, today: dt.date) -> list[tuple[str, str]]:
    """(field, message) for each way a rules.yml record fails its trail."""
    out = []
    for name in ("url", "checked_against"):
        if name in record and (problem := link_problem(record[name])):
            out.append((name, problem))
    for name in ("last_checked", "in_force_from"):
        if name in record and (problem := date_problem(str(record[name]), today, name)):
            out.append((name, problem))
    checked = "last_checked" in record
    if checked and "unconfirmed" in record:
        out.append(("unconfirmed", "a rule is either checked (last_checked) or unconfirmed, not both; "
                                   "remove one"))
    elif checked and "checked_against" not in record:
        out.append(("checked_against", "missing: say which text you compared the rule with "
                                       "(its https:// address) next to last_checked"))
    elif not checked and "unconfirmed" not in record:
        out.append(("last_checked", "missing: write the day you compared the rule with the official text, "
                                    "or `unconfirmed: <why>` if you could not"))
    return out
