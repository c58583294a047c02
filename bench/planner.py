"""The programme planner's page weight and recalculation time, in Debian's Chromium.

    python bench/planner.py [--site SITE_DIR] [--runs 30]

Without --site it builds the site first. A plan of five days of fifteen items each is
opened from a share link; one "full recalculation" is a click on "move down": the
handler computes the schedule, the rule verdicts, the totals and the objectives and
draws every day again. Prints a table and writes bench/results/planner.json.
A report, not a test: no figure here is asserted anywhere.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

BIG_PLAN = """data => {
  const ids = data.modules.map(m => m.id), days = [];
  for (let d = 0; d < 5; d++) {
    const items = [];
    for (let i = 0; i < 15; i++) {
      if (i % 3 === 2) items.push({break: 10, title: {da: "Pause", nb: "Pause", en: "Break"}});
      else if (i % 5 === 4) items.push({session: {title: {da: "Opkald", nb: "Samtaler", en: "Calls"}, minutes: 20, live_calls: true}});
      else items.push({module: ids[(d * 15 + i) % ids.length]});
    }
    days.push({start: "08:00", items});
  }
  return {title: {da: "Stor", nb: "Stor", en: "Big"}, summary: {da: "-", nb: "-", en: "-"}, audience: {da: "-", nb: "-", en: "-"},
          timezone: "Europe/Oslo", first_day: "2027-01-04", days};
}"""


def build(site: Path) -> None:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env,
                   check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    site = args.site or Path(tempfile.mkdtemp(prefix="kc-bench-planner-"))
    if not args.site:
        build(site)
    from playwright.sync_api import sync_playwright
    from checks.browser import StaticServer, deployed_csp, launch

    with StaticServer(site, csp=deployed_csp()) as server, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        loaded: list[str] = []
        page.on("requestfinished", lambda r: loaded.append(r.url))
        page.goto(server.base + "nb/program/planlaegger/")
        page.wait_for_selector(".kc-planner__day")
        files = [site / u[len(server.base):].split("#")[0].split("?")[0] for u in loaded if u.startswith(server.base)]
        files = [f / "index.html" if f.is_dir() else f for f in files]
        raw = sum(f.stat().st_size for f in files)
        packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        link = page.evaluate("d => location.href.split('#')[0] + '#' + kcPlan.encodeShare((" + BIG_PLAN + ")(d))",
                             page.evaluate("window.kcPlanner.data()"))
        page.on("dialog", lambda d: d.accept())
        page.goto(link)
        page.reload()
        page.wait_for_selector(".kc-planner__day")
        items = page.locator(".kc-planner__item").count()
        times = []
        for _ in range(args.runs):
            times.append(page.evaluate("""() => {
              const b = document.querySelector('.kc-planner__day[data-day="0"] [data-action="down"]');
              const t = performance.now(); b.click(); return performance.now() - t; }"""))
        logic = page.evaluate("""() => {
          const plan = window.kcPlanner.plan(), data = window.kcPlanner.data(), t = performance.now();
          for (let i = 0; i < 200; i++) { kcPlan.schedule(plan, data); kcPlan.verdicts(plan, data); kcPlan.objectives(plan, data); }
          return (performance.now() - t) / 200; }""")
        browser.close()
    result = {"page_files": len(files), "page_bytes": raw, "page_bytes_gzip": packed, "plan_items": items,
              "recalculate_ms_median": round(statistics.median(times), 2), "recalculate_ms_max": round(max(times), 2),
              "logic_only_ms": round(logic, 3), "runs": args.runs}
    out = ROOT / "bench" / "results" / "planner.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"planner page: {len(files)} files, {raw / 1024:.0f} KB, {packed / 1024:.0f} KB gzip")
    print(f"plan of {items} items: full recalculation and redraw {result['recalculate_ms_median']} ms median "
          f"(max {result['recalculate_ms_max']} ms, {args.runs} runs); schedule + rules + objectives alone "
          f"{result['logic_only_ms']} ms")


if __name__ == "__main__":
    main()
