"""A link checker over the built HTML: every internal link and #fragment resolves."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        if tag in ("img", "script") and a.get("src"):
            self.links.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("alternate", "canonical"):
            self.links.append(a["href"])


def _parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8", errors="replace"))
    return c


def _target_file(site: Path, url_path: str) -> Path | None:
    rel = unquote(url_path).lstrip("/")
    candidate = site / rel
    if rel == "" or rel.endswith("/"):
        candidate = candidate / "index.html"
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    """'page.html: href' for every internal link whose file or fragment is missing."""
    site = site.resolve()
    parsed: dict[Path, _Collector] = {}

    def get(path: Path) -> _Collector:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    problems = []
    for page in sorted(site.rglob("*.html")):
        page_url = "http://site/" + page.relative_to(site).as_posix()
        for href in get(page).links:
            if re.match(r"^(mailto:|tel:|javascript:|data:)", href):
                continue
            absolute = urljoin(page_url, href)
            parts = urlparse(absolute)
            if parts.netloc != "site":
                continue  # external: not followed (no network), privacy is checked in the browser
            target = _target_file(site, parts.path)
            where = f"{page.relative_to(site).as_posix()}: {href}"
            if target is None:
                problems.append(f"{where} (no such file)")
                continue
            fragment = urldefrag(absolute).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in get(target).ids:
                problems.append(f"{where} (no element with id '{unquote(fragment)}')")
    return problems
