#!/usr/bin/env python3
"""Lighthouse report for the built site (a report, not a test).

Serves the built site on 127.0.0.1 through deploy/nginx.conf in the real nginx
when it is installed (as the browser tests do; else a plain Python server), runs
Lighthouse 12 (from npm, installed on first use into .cache/lighthouse) three
times on every page kind in PAGES for every language prefix in LANG_PREFIXES,
and writes a Markdown report and a JSON file with the median of the runs:
scores, CLS, LCP, TBT and bytes. The table is also printed to stdout.

    make build
    .venv/bin/python scripts/lighthouse.py [--site site] [--runs 3] [--pages temaer/tidspres/ ...] \
        [--out reports/lighthouse.md] [--json reports/lighthouse.json]

Exit codes: 0 when every page was audited, whether or not the targets were met
(a line "Targets missed: ..." names the pages and what missed its target); 1 when the site is missing or Lighthouse could
not be installed or started; 3 when one or more pages could not be audited.

Standard library only. Never downloads a browser: Chromium must be installed
(Debian's, /usr/bin/chromium; CHROME_PATH overrides it). Only 127.0.0.1 is
contacted, apart from the npm registry for the one-time install.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# Page kinds to audit, relative to a language's root. Add more kinds here.
PAGES = ["", "temaer/", "temaer/tidspres/", "moede/apv/", "moede/puls/", "moede/dagsorden/tidspres/", "moduler/stemmen/",
         "program/forste-uke/", "program/planlaegger/"]
# Danish at /, Norwegian at /nb/, English at /en/.
LANG_PREFIXES = ["", "nb/", "en/"]

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Categories that must score 100; performance is reported but not a target.
TARGET_CATEGORIES = ["accessibility", "best-practices", "seo"]
COLUMN_TITLES = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}
SKIP_DISPLAY_MODES = {"notApplicable", "informative", "manual"}
# Page-load targets on a phone (median of the runs): layout shift, largest paint, blocking time.
METRICS = {"cls": ("cumulative-layout-shift", 1, 0.05), "lcp_s": ("largest-contentful-paint", 1000, 2.0),
           "tbt_ms": ("total-blocking-time", 1, 100)}
PERFORMANCE_TARGET = 95

ROOT = Path(__file__).resolve().parent.parent
LH_PREFIX = ROOT / ".cache" / "lighthouse"
LH_BIN = LH_PREFIX / "node_modules" / ".bin" / "lighthouse"
LH_PACKAGE = "lighthouse@12"
LH_MAJOR = "12"
DEFAULT_CHROME = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
FORM_FACTOR = "mobile"
RUN_TIMEOUT = 240  # seconds for one Lighthouse run
MAX_ITEMS = 5  # failing elements kept per audit


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Lighthouse install


def installed_version() -> str | None:
    pkg = LH_PREFIX / "node_modules" / "lighthouse" / "package.json"
    try:
        return json.loads(pkg.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def ensure_lighthouse() -> str:
    """Install Lighthouse 12 into .cache/lighthouse if needed; return its version."""
    version = installed_version()
    if LH_BIN.exists() and version and version.split(".")[0] == LH_MAJOR:
        return version
    npm = shutil.which("npm")
    if not npm:
        raise SystemExit(
            "npm not found: it is needed to install Lighthouse (apt-get install npm)"
        )
    log(f"Installing {LH_PACKAGE} into {LH_PREFIX.relative_to(ROOT)} (first use) ...")
    env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1")
    cmd = [
        npm, "install", "--prefix", str(LH_PREFIX.relative_to(ROOT)),
        "--no-audit", "--no-fund", "--loglevel=error", LH_PACKAGE,
    ]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0 or not LH_BIN.exists():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"Installing {LH_PACKAGE} failed (exit {proc.returncode})")
    version = installed_version() or "?"
    log(f"Installed lighthouse {version}")
    return version


# --------------------------------------------------------------------------
# Static server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


def start_server(site: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, server.server_address[1]


# --------------------------------------------------------------------------
# One Lighthouse run


def run_lighthouse(url: str, chrome: str, workdir: Path) -> dict:
    """Run Lighthouse on url; return the parsed LHR or raise RuntimeError."""
    out = workdir / "lhr.json"
    if out.exists():
        out.unlink()
    cmd = [
        str(LH_BIN), url,
        "--output=json", f"--output-path={out}", "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        f"--chrome-flags={CHROME_FLAGS}",
        f"--form-factor={FORM_FACTOR}",
    ]
    env = dict(os.environ, CHROME_PATH=chrome)
    # Own process group, so a hung run can be ended together with its Chromium.
    proc = subprocess.Popen(
        cmd, cwd=workdir, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError(f"Lighthouse timed out after {RUN_TIMEOUT} s")
    if proc.returncode != 0 or not out.exists():
        tail = "\n".join((stderr or stdout).strip().splitlines()[-5:])
        raise RuntimeError(f"Lighthouse exited {proc.returncode}: {tail}")
    lhr = json.loads(out.read_text(encoding="utf-8"))
    err = lhr.get("runtimeError")
    if err:
        raise RuntimeError(f"{err.get('code')}: {err.get('message')}")
    return lhr


def item_summary(item: dict) -> str | None:
    """A short description of one failing element/resource from audit details."""
    node = item.get("node") if isinstance(item.get("node"), dict) else None
    if node is None and isinstance(item.get("source"), dict):
        node = item["source"]
    if node:
        text = node.get("snippet") or node.get("selector") or node.get("nodeLabel")
        if text:
            return " ".join(str(text).split())[:200]
    source, desc = item.get("source"), item.get("description")
    if isinstance(desc, str) and desc:  # console errors, deprecations, ...
        text = f"{source}: {desc}" if isinstance(source, str) and source else desc
        return " ".join(text.split())[:200]
    for key in ("url", "href", "source", "text"):
        value = item.get(key)
        if isinstance(value, str) and value:
            return " ".join(value.split())[:200]
        if isinstance(value, dict) and value.get("value"):
            return str(value["value"])[:200]
    return None


def failing_items(audit: dict) -> list[str]:
    details = audit.get("details") or {}
    items = details.get("items") or []
    found: list[str] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        text = item_summary(item)
        if text and text not in found:
            found.append(text)
        if len(found) >= MAX_ITEMS:
            break
    return found


def summarise(page: str, lhr: dict) -> dict:
    cats = lhr.get("categories", {})
    audits = lhr.get("audits", {})
    scores = {}
    for cid in CATEGORIES:
        score = cats.get(cid, {}).get("score")
        scores[cid] = None if score is None else round(score * 100)
    weight = audits.get("total-byte-weight", {}).get("numericValue")
    metrics = {}
    for name, (audit_id, scale, _) in METRICS.items():
        value = audits.get(audit_id, {}).get("numericValue")
        metrics[name] = None if value is None else round(value / scale, 3)
    failing = []
    for cid in CATEGORIES:
        if cid == "performance" or scores[cid] in (None, 100):
            continue
        for ref in cats[cid].get("auditRefs", []):
            audit = audits.get(ref.get("id"), {})
            mode = audit.get("scoreDisplayMode")
            if mode in SKIP_DISPLAY_MODES:
                continue
            score = audit.get("score")
            if mode == "error" or (score is not None and score < 1):
                failing.append({
                    "category": cid,
                    "id": ref["id"],
                    "title": audit.get("title", ""),
                    "score": score,
                    "weight": ref.get("weight"),
                    "error": audit.get("errorMessage") if mode == "error" else None,
                    "items": failing_items(audit),
                })
    return {
        "page": page,
        "scores": scores,
        "total_byte_weight": None if weight is None else int(round(weight)),
        "metrics": metrics,
        "failing_audits": failing,
        "error": None,
    }


# --------------------------------------------------------------------------
# Report


def fmt_score(value) -> str:
    return "–" if value is None else str(value)


def fmt_bytes(value) -> str:
    return "–" if value is None else f"{value:,}"


def table(results: list[dict]) -> str:
    head = ["page"] + [COLUMN_TITLES[c] for c in CATEGORIES] + ["CLS", "LCP s", "TBT ms", "bytes"]
    lines = [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join(["---"] + ["---:"] * (len(head) - 1)) + " |",
    ]
    for r in results:
        if r["error"]:
            cells = [f"`{r['page']}`"] + ["error"] * len(CATEGORIES) + ["–"] * 4
        else:
            cells = (
                [f"`{r['page']}`"]
                + [fmt_score(r["scores"][c]) for c in CATEGORIES]
                + [fmt_score(r["metrics"].get(m)) for m in METRICS]
                + [fmt_bytes(r["total_byte_weight"])]
            )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def median_result(runs: list[dict]) -> dict:
    """One row from several runs of a page: the median of every score and metric."""
    import statistics
    good = [r for r in runs if not r["error"]]
    if not good:
        return runs[-1]
    out = dict(good[len(good) // 2])
    out["scores"] = {c: statistics.median_low([r["scores"][c] for r in good if r["scores"][c] is not None] or [None])
                     for c in CATEGORIES}
    out["metrics"] = {m: statistics.median_low([r["metrics"][m] for r in good if r["metrics"][m] is not None] or [None])
                      for m in METRICS}
    out["runs"] = len(good)
    return out


def targets_missed(results: list[dict]) -> list[str]:
    missed = []
    for r in results:
        if r["error"]:
            continue
        low = [
            f"{COLUMN_TITLES[c]} {fmt_score(r['scores'][c])}"
            for c in TARGET_CATEGORIES
            if r["scores"][c] is None or r["scores"][c] < 100
        ]
        perf = r["scores"].get("performance")
        if perf is None or perf < PERFORMANCE_TARGET:
            low.append(f"performance {fmt_score(perf)} (target {PERFORMANCE_TARGET})")
        for name, (_, _, limit) in METRICS.items():
            value = r.get("metrics", {}).get(name)
            if value is None or value > limit:
                low.append(f"{name} {fmt_score(value)} (target ≤ {limit})")
        if low:
            missed.append(f"{r['page']} ({', '.join(low)})")
    return missed


def markdown(results: list[dict], meta: dict) -> str:
    out = [
        "# Lighthouse report",
        "",
        f"Lighthouse {meta['lighthouse_version']}, form factor {meta['form_factor']}, "
        f"{meta['generated']}, {meta['duration_s']:.0f} s. "
        f"{meta['server']}; median of {meta['runs']} runs per page. Targets: accessibility, best "
        f"practices and SEO 100; performance ≥ {PERFORMANCE_TARGET}; CLS ≤ 0.05, LCP ≤ 2.0 s, TBT ≤ 100 ms. "
        "Bytes = `total-byte-weight`.",
        "",
        table(results),
        "",
        "## Failing audits",
        "",
    ]
    # One entry per failing audit, with the pages it fails on: the same
    # template problem usually shows on every page.
    groups: dict[tuple[str, str], dict] = {}
    for r in results:
        if r["error"]:
            out.append(f"- `{r['page']}`: **not audited**: {r['error']}")
            continue
        for a in r["failing_audits"]:
            g = groups.setdefault((a["category"], a["id"]), {
                "title": a["title"], "pages": [], "items": [], "errors": []})
            g["pages"].append(r["page"])
            if a["error"] and a["error"] not in g["errors"]:
                g["errors"].append(a["error"])
            for item in a["items"]:
                if item not in g["items"] and len(g["items"]) < MAX_ITEMS:
                    g["items"].append(item)
    for (cat, aid), g in groups.items():
        pages = ("all pages" if len(g["pages"]) == len(results)
                 else ", ".join(f"`{p}`" for p in g["pages"]))
        extra = f" (error: {'; '.join(g['errors'])})" if g["errors"] else ""
        out.append(f"- {COLUMN_TITLES[cat]}: `{aid}` – {g['title']}{extra} – {pages}")
        for item in g["items"]:
            out.append(f"  - `{item.replace('`', chr(39))}`")
    if out[-1] == "":
        out.append("None.")
    missed = targets_missed(results)
    out += ["", "Targets missed: " + ("; ".join(missed) if missed else "none"), ""]
    return "\n".join(out)


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site", help="built site (default: site)")
    parser.add_argument("--out", default="reports/lighthouse.md",
                        help="Markdown report (default: reports/lighthouse.md)")
    parser.add_argument("--json", default="reports/lighthouse.json",
                        help="JSON report (default: reports/lighthouse.json)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the report gives the median (default 3)")
    parser.add_argument("--pages", nargs="*", help="only these page kinds (e.g. temaer/tidspres/)")
    args = parser.parse_args(argv)

    site = Path(args.site).resolve()
    if not (site / "index.html").is_file():
        log(f"No built site at {site}: run `make build` first "
            "(or pass --site DIR).")
        return 1
    chrome = os.environ.get("CHROME_PATH") or DEFAULT_CHROME
    if not os.access(chrome, os.X_OK):
        log(f"Chromium not found at {chrome}: run `make browser` "
            "(apt-get install chromium) or set CHROME_PATH.")
        return 1
    try:
        version = ensure_lighthouse()
    except SystemExit as exc:
        log(str(exc))
        return 1

    started = time.monotonic()
    # Through the deployment example when nginx is here (HTTP/2, TLS, gzip, the real headers),
    # as tests/checks/nginx.py runs it for the browser tests; else a plain Python server.
    sys.path.insert(0, str(ROOT / "tests"))
    from checks.nginx import Nginx, nginx_path
    nginx = Nginx(site, Path(tempfile.mkdtemp(prefix="lighthouse-nginx-"))) if nginx_path() else None
    global CHROME_FLAGS
    if nginx:
        nginx.__enter__()
        base, server_note = nginx.base, "through deploy/nginx.conf (nginx, HTTP/2, TLS)"
        CHROME_FLAGS += " --ignore-certificate-errors"  # the certificate is made for this run
    else:
        server, port = start_server(site)
        base, server_note = f"http://127.0.0.1:{port}/", "plain Python server (nginx not installed)"
    pages = [prefix + page for prefix in LANG_PREFIXES for page in (args.pages or PAGES)]
    results: list[dict] = []
    try:
        with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
            workdir = Path(tmp)
            for n, page in enumerate(pages, 1):
                label = "/" + page
                t0 = time.monotonic()
                if not (site / page / "index.html").is_file():
                    res = {"page": label, "scores": {}, "total_byte_weight": None,
                           "failing_audits": [], "error": "page not in the built site"}
                else:
                    runs = []
                    for _ in range(args.runs):
                        lhr = None
                        error = None
                        for attempt in (1, 2):  # one retry: Chromium can be flaky
                            try:
                                lhr = run_lighthouse(base + page, chrome, workdir)
                                break
                            except (RuntimeError, ValueError) as exc:
                                error = str(exc)
                                log(f"  {label}: attempt {attempt} failed: {error}")
                        runs.append(summarise(label, lhr) if lhr is not None else
                                    {"page": label, "scores": {}, "total_byte_weight": None, "metrics": {},
                                     "failing_audits": [], "error": error})
                    res = median_result(runs)
                results.append(res)
                status = "error" if res["error"] else " ".join(
                    f"{c}={fmt_score(res['scores'][c])}" for c in CATEGORIES)
                log(f"[{n}/{len(pages)}] {label} {status} "
                    f"({time.monotonic() - t0:.0f} s)")
    finally:
        if nginx:
            nginx.__exit__(None, None, None)
        else:
            server.shutdown()
            server.server_close()

    meta = {
        "lighthouse_version": version,
        "form_factor": FORM_FACTOR,
        "generated": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "duration_s": round(time.monotonic() - started, 1),
        "server": server_note,
        "runs": args.runs,
    }
    missed = targets_missed(results)
    report = {
        **meta,
        "categories": CATEGORIES,
        "target_categories": TARGET_CATEGORIES,
        "pages": results,
        "targets_missed": missed,
    }
    for path, text in (
        (Path(args.out), markdown(results, meta)),
        (Path(args.json), json.dumps(report, indent=2, ensure_ascii=False) + "\n"),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    print(table(results))
    print()
    print("Targets missed: " + ("; ".join(missed) if missed else "none"))
    print(f"Report: {args.out}, {args.json} ({meta['duration_s']:.0f} s)")
    errors = [r["page"] for r in results if r["error"]]
    if errors:
        log(f"Not audited: {', '.join(errors)}")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
