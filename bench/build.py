"""Build benchmark: this project against plain MkDocs on the same docs/, in one run.

    python bench/build.py [--runs 3] [--json bench/results/build.json] [--skip-serve]

Prints a table and writes JSON. Budgets are checked and reported here, never
asserted in tests (timings vary from machine to machine):

- cold (empty PDF cache, strict, PDFs included)  <= 3   x reference
- warm (second build, nothing changed)           <= 1.2 x reference
- one edit (one theme, one language)             re-renders only that theme's sheet in that language
- authoring loop (`make serve LANG=da`)          edit -> page rebuilt in <= 1.5 s
- a theme page's weight                           <= 120 KB transferred compressed (gzip, as
                                                   deploy/nginx.conf sends it), no third-party request
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
EDIT_PAGE = ROOT / "docs" / "temaer" / "tidspres.nb.md"
BUDGETS = {"cold": 3.0, "warm": 1.2, "serve_s": 1.5, "page_kb": 120}


def env(**extra) -> dict:
    return {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1", **extra}


def build(config: Path, site: Path, strict: bool, **extra) -> tuple[float, str]:
    cmd = [PY, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(site)] + (["--strict"] if strict else [])
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env(**extra), cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed ({config.name}):\n{result.stderr[-3000:]}")
    return elapsed, result.stderr


def reference_config(work: Path) -> Path:
    """mkdocs.yml without the project's hooks, nav or strictness: plain MkDocs + Material + i18n."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # env tags: use the defaults below
    config = yaml.load(text, Loader=Loader)
    for key in ("hooks", "nav", "not_in_nav", "strict", "validation"):
        config.pop(key, None)
    config["site_url"] = "https://kontaktcenter-trivsel.example.org/"
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"].pop("build_only_locale", None)
    path = work / "reference.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def rendered(log: str) -> int:
    return sum(int(n) for n in re.findall(r"PDF sheets: (\d+) rendered", log))


def median_of(runs: int, fn) -> tuple[float, list]:
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), results


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_loop(runs: int) -> list[float]:
    """`make serve LANG=da`: edit a Danish page, time until the served page shows the edit."""
    port = free_port()
    page = ROOT / "docs" / "temaer" / "tidspres.da.md"
    original = page.read_text(encoding="utf-8")
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                            env=env(I18N_ONLY="da"), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/temaer/tidspres/"
    times = []
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if time.time() > deadline:
                    raise SystemExit("mkdocs serve did not start")
                time.sleep(0.2)
        time.sleep(2)
        for i in range(runs):
            marker = f"benchmark-edit-{i}-{time.time_ns()}"
            start = time.perf_counter()
            page.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            while True:
                body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
                if marker in body:
                    times.append(time.perf_counter() - start)
                    break
                if time.perf_counter() - start > 60:
                    raise SystemExit("the edit never showed up")
                time.sleep(0.05)
            time.sleep(1.5)
    finally:
        page.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=20)
    return times


def page_weight(site: Path) -> dict:
    """Bytes one theme page transfers, by kind: each response compressed with gzip level 6 where
    deploy/nginx.conf compresses it (text, not fonts or images); and third-party requests."""
    import gzip
    sys.path.insert(0, str(ROOT / "tests"))
    from checks.browser import StaticServer, launch
    from playwright.sync_api import sync_playwright
    kinds: dict[str, int] = {}
    raw: dict[str, int] = {}
    third = []
    with StaticServer(site) as srv, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()

        def on_response(response):
            url = response.url
            if not url.startswith(srv.base):
                third.append(url)
                return
            try:
                body = response.body()
            except Exception:
                return
            path = url.split("?")[0]
            kind = ("html" if path.endswith("/") or path.endswith(".html") else
                    "css" if path.endswith(".css") else "js" if path.endswith(".js") else
                    "font" if path.endswith((".woff2", ".woff")) else
                    "search index" if path.endswith("search_index.json") else
                    "image" if path.endswith((".png", ".svg", ".jpg", ".ico")) else "other")
            packed = len(gzip.compress(body, 6)) if kind in ("html", "css", "js", "search index", "other") else len(body)
            kinds[kind] = kinds.get(kind, 0) + packed
            raw[kind] = raw.get(kind, 0) + len(body)

        page.on("response", on_response)
        page.goto(srv.base + "temaer/tidspres/", wait_until="networkidle")
        page.wait_for_timeout(500)
        browser.close()
    return {"bytes": kinds, "total": sum(kinds.values()), "uncompressed": sum(raw.values()), "third_party": third}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "build.json"))
    ap.add_argument("--skip-serve", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kc-bench-"))
    project = ROOT / "mkdocs.yml"
    out: dict = {"runs": args.runs, "cpus": os.cpu_count()}

    # The project's own build writes the generated pages, so the reference sees the same docs/.
    build(project, work / "prime", True, KC_CACHE_DIR=str(work / "prime-cache"))
    ref = reference_config(work)
    out["reference"], _ = median_of(args.runs, lambda: build(ref, work / "ref", False))

    def cold():
        cache = work / f"cache-cold-{time.time_ns()}"
        return build(project, work / "cold", True, KC_CACHE_DIR=str(cache))

    out["cold"], cold_runs = median_of(args.runs, cold)
    out["cold_rendered"] = rendered(cold_runs[0][1])
    warm_cache = work / "cache-warm"
    build(project, work / "warm", True, KC_CACHE_DIR=str(warm_cache))
    out["warm"], warm_runs = median_of(args.runs, lambda: build(project, work / "warm", True,
                                                                KC_CACHE_DIR=str(warm_cache)))
    out["warm_rendered"] = max(rendered(r[1]) for r in warm_runs)

    original = EDIT_PAGE.read_text(encoding="utf-8")
    edits = []
    try:
        for i in range(args.runs):
            EDIT_PAGE.write_text(original.replace("## ", f"<!-- benchmark edit {i} {time.time_ns()} -->\n\n## ", 1),
                                 encoding="utf-8")
            edits.append(build(project, work / "warm", True, KC_CACHE_DIR=str(warm_cache)))
    finally:
        EDIT_PAGE.write_text(original, encoding="utf-8")
    out["one_edit"] = statistics.median(e[0] for e in edits)
    out["one_edit_rendered"] = [rendered(e[1]) for e in edits]
    out["one_edit_which"] = sorted(set(re.findall(r"PDF sheet rendered: (\S+)", "".join(e[1] for e in edits))))

    if not args.skip_serve:
        times = serve_loop(args.runs)
        out["serve_edit_s"] = statistics.median(times)
        out["serve_edit_runs"] = times
    out["theme_page"] = page_weight(work / "warm")

    r = out["reference"]
    rows = [("reference (plain MkDocs + Material + i18n)", r, 1.0, ""),
            ("cold (strict, empty PDF cache)", out["cold"], out["cold"] / r,
             f"<= {BUDGETS['cold']} x; {out['cold_rendered']} PDFs rendered"),
            ("warm (nothing changed)", out["warm"], out["warm"] / r,
             f"<= {BUDGETS['warm']} x; {out['warm_rendered']} PDFs rendered"),
            ("one edit (tidspres.nb.md)", out["one_edit"], out["one_edit"] / r,
             f"PDFs rendered per run: {out['one_edit_rendered']}")]
    print(f"\n{'build':45} {'median s':>9} {'x ref':>7}  budget / note")
    for name, seconds, ratio, note in rows:
        print(f"{name:45} {seconds:9.2f} {ratio:7.2f}  {note}")
    if "serve_edit_s" in out:
        print(f"{'serve LANG=da: edit -> page rebuilt':45} {out['serve_edit_s']:9.2f} {'':>7}  "
              f"<= {BUDGETS['serve_s']} s; runs {[round(t, 2) for t in out['serve_edit_runs']]}")
    weight = out["theme_page"]
    print(f"\ntheme page weight: {weight['total'] / 1024:.0f} KB compressed, {weight['uncompressed'] / 1024:.0f} KB "
          f"uncompressed (budget {BUDGETS['page_kb']} KB compressed), "
          f"third-party requests: {len(weight['third_party'])}")
    for kind, size in sorted(weight["bytes"].items(), key=lambda kv: -kv[1]):
        print(f"  {kind:14} {size / 1024:7.1f} KB")
    verdict = {
        "cold": out["cold"] / r <= BUDGETS["cold"],
        "warm": out["warm"] / r <= BUDGETS["warm"],
        "one_edit": all(n == 1 for n in out["one_edit_rendered"]),
        "serve": out.get("serve_edit_s", 0) <= BUDGETS["serve_s"],
        "page_weight": weight["total"] <= BUDGETS["page_kb"] * 1024 and not weight["third_party"],
    }
    out["budgets_met"] = verdict
    print("\nbudgets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in verdict.items()))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
