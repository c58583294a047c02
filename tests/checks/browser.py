"""Browser harness: a local static server and audits of one page in Chromium.

Always Debian's Chromium (/usr/bin/chromium); never a downloaded browser.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google at start-up.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-default-apps", "--disable-extensions"]


def chromium_path() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


NGINX_EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "security-headers.conf"


def deployed_csp() -> str:
    """The Content-Security-Policy of the README's nginx example: the site is tested under it."""
    found = re.search(r'add_header Content-Security-Policy "([^"]+)"', NGINX_EXAMPLE.read_text(encoding="utf-8"))
    assert found, f"{NGINX_EXAMPLE}: no Content-Security-Policy header"
    return found.group(1)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    csp: str | None = None
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar"}

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port, in a thread, until stopped,
    with the deployed Content-Security-Policy when ``csp`` is given."""

    def __init__(self, root: Path, csp: str | None = None):
        handler_class = type("Handler", (_QuietHandler,), {"csp": csp})
        handler = functools.partial(handler_class, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def launch(playwright, extra_args: list[str] | None = None):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS + (extra_args or []))


@dataclass
class PageAudit:
    url: str
    violations: list[str] = field(default_factory=list)  # axe: "rule (impact): target"
    third_party: list[str] = field(default_factory=list)  # requests that left 127.0.0.1
    console_errors: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)  # Content-Security-Policy violations
    printed_chrome: list[str] = field(default_factory=list)  # site chrome still visible on paper

    def failures(self) -> list[str]:
        return ([f"axe {v}" for v in self.violations] + [f"request to {r}" for r in self.third_party]
                + [f"console: {c}" for c in self.console_errors] + [f"cookie {c}" for c in self.cookies]
                + [f"CSP violation: {c}" for c in self.csp]
                + [f"printed: {c}" for c in self.printed_chrome])


# What must not reach paper when a page is printed.
PRINT_HIDDEN = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top",
                ".md-content__button", ".kc-checklist-tools", "button"]


def visible_in_print(page) -> list[str]:
    page.emulate_media(media="print")
    try:
        return page.evaluate("""(selectors) => selectors.filter(sel =>
            [...document.querySelectorAll(sel)].some(el => {
                const r = el.getBoundingClientRect();
                return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
            }))""", PRINT_HIDDEN)
    finally:
        page.emulate_media(media="screen")


def axe_script() -> str:
    """axe-core as bundled (and pinned) by axe-playwright-python."""
    import axe_playwright_python
    return str(Path(axe_playwright_python.__file__).parent / "axe.min.js")


def audit_context(browser):
    """A browser context for audits: light palette, axe-core preloaded into every page."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    context.add_init_script(path=axe_script())
    context.add_init_script(CSP_LISTENER)
    return context


# Collects Content-Security-Policy violations of the page (and its workers' start).
CSP_LISTENER = """window.__kcCsp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__kcCsp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber), true);"""


def run_axe(page) -> list[dict]:
    # Only violations are collected: passes and incomplete results cost time and are not used.
    return page.evaluate("() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")


def audit(context, url: str, page=None) -> PageAudit:
    """Open ``url`` (in ``page``, reused, or a fresh page); record requests, console
    errors, cookies, axe results and what would print."""
    result = PageAudit(url)
    origin = urlparse(url).netloc
    own_page = page is None
    page = page or context.new_page()

    def on_request(request):
        host = urlparse(request.url).netloc
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host != origin:
            result.third_party.append(request.url)

    def on_console(msg):
        if msg.type == "error":
            result.console_errors.append(msg.text)

    def on_error(exc):
        result.console_errors.append(str(exc))

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", on_error)
    try:
        page.goto(url, wait_until="load")
        # No wait for network idle (0.8 s a page): requests the page's scripts start
        # after "load" are still recorded while axe runs, which takes longer.
        violations = run_axe(page)
        if any(v["id"] == "color-contrast" for v in violations):
            # Material fades link colours in (transition: color 125-250 ms); a page
            # measured mid-fade shows a contrast that no reader sees. A real
            # contrast failure is still there 0.5 s later.
            page.wait_for_timeout(500)
            violations = run_axe(page)
        for violation in violations:
            targets = ", ".join(str(n["target"]) for n in violation["nodes"][:3])
            result.violations.append(f"{violation['id']} ({violation['impact']}): {targets}")
        result.cookies = [c["name"] for c in context.cookies()]
        result.csp = page.evaluate("() => window.__kcCsp || []")
        result.printed_chrome = visible_in_print(page)
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)
        if own_page:
            page.close()
    return result
