"""Words the build needs per language that are grammar, not content: month names
and small numbers. A new site language adds its row here (as it adds its search
stemming code to mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
import re

# The country whose rules a page in this language shows first (English: none, both open).
HOME_COUNTRY = {"da": "dk", "nb": "no"}

MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
           "september", "oktober", "november", "december"),
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

NUMBER_WORDS = {
    "da": ("nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti",
           "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tyve"),
    "nb": ("null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
           "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tjue"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
           "nineteen", "twenty"),
}


def format_date(iso: str, lang: str) -> str:
    """'2026-12-01' -> '1. december 2026' (da), '1. desember 2026' (nb), '1 December 2026' (en)."""
    day = dt.date.fromisoformat(iso)
    month = MONTHS[lang][day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "en" else f"{day.day}. {month} {day.year}"


def number_word(n: int, lang: str, capital: bool = False) -> str:
    """9 -> 'ni' / 'nine'; numbers past twenty stay digits, as style guides write them."""
    words = NUMBER_WORDS[lang]
    word = words[n] if 0 <= n < len(words) else str(n)
    return word[:1].upper() + word[1:] if capital else word


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    """(date, None) for a real YYYY-MM-DD day, else (None, what is wrong)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None, f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01"
    try:
        return dt.date.fromisoformat(text), None
    except ValueError:
        return None, f"'{text}' is not a day in the calendar; write a real date as YYYY-MM-DD"


# A line such as "20. september 2021 ble ..." that opens a paragraph is read by
# Markdown as an ordered list and shown as "1. september 2021".
DATE_AS_LIST_RE = {lang: re.compile(r"^[ \t]*(\d{1,2})\.[ \t]+(" + "|".join(names) + r")\b", re.I)
                   for lang, names in MONTHS.items()}


def date_as_list(line: str, lang: str) -> str | None:
    """'20. september' when ``line`` would turn a date into a list item, else None."""
    pattern = DATE_AS_LIST_RE.get(lang)
    m = pattern.match(line) if pattern else None
    return f"{m.group(1)}. {m.group(2)}" if m else None


# Hours and minutes as the programme pages and the planner write them ("2 t. 30 min.").
HOUR_UNITS = {"da": ("t.", "min."), "nb": ("t", "min"), "en": ("h", "min")}


def hours(minutes: int, lang: str) -> str:
    h, mm = divmod(minutes, 60)
    unit = HOUR_UNITS.get(lang, HOUR_UNITS["en"])
    return f"{h} {unit[0]} {mm} {unit[1]}" if h and mm else (f"{h} {unit[0]}" if h else f"{mm} {unit[1]}")
