"""The Nu Html Checker (vnu-jar from npm, run with Java 17) over the built site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages we accept, each with the reason. Nothing else is filtered.
ACCEPTED = [
    (re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
     "Material sets autocomplete=\"off\" on its checkbox toggles (drawer, search, TOC) so that "
     "Firefox does not restore their open/closed state on reload; browsers ignore it otherwise "
     "and it has no effect on assistive technology."),
]


def vnu_available() -> str | None:
    """None when the checker can run, else the reason it cannot."""
    if shutil.which("java") is None:
        return "Java is missing (Debian: apt-get install openjdk-17-jre-headless)"
    if not VNU_JAR.exists():
        return "vnu-jar is missing: run `npm ci` (make install does it)"
    return None


def validate(site: Path) -> list[str]:
    """'file:line: message' for every error or warning that is not accepted above."""
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html",
                             "--exit-zero-always", str(site)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    out = []
    for m in messages:
        if m["type"] == "info" and m.get("subType") != "warning":
            continue
        if any(pattern.search(m["message"]) for pattern, _ in ACCEPTED):
            continue
        where = m.get("url", "").replace(f"file:{site}/", "")
        out.append(f"{where}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}")
    return out
