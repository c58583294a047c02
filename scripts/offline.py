"""Build the offline bundle: the site as a zip that works opened from disk.

    python scripts/offline.py [OUT_DIR]   (default: build/)

Builds with Material's offline plugin switched on (OFFLINE=true: .html
addresses, the search index as a script, the worker shim shipped in the
repo) and zips the folder as OUT_DIR/kontaktcenter-trivsel-offline.zip with
one top folder, kontaktcenter-trivsel/. `make offline` runs this; so does the
browser test that opens the unzipped bundle from file://.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "kontaktcenter-trivsel"


def build(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    site = out_dir / NAME
    if site.exists():
        shutil.rmtree(site)
    env = {**os.environ, "OFFLINE": "true"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(ROOT / "mkdocs.yml"),
                    "-d", str(site)], check=True, env=env, cwd=ROOT)
    archive = out_dir / f"{NAME}-offline.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(out_dir).as_posix())
    return archive


if __name__ == "__main__":
    archive = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build")
    size = archive.stat().st_size / 1e6
    print(f"Offline bundle: {archive} ({size:.1f} MB). Unzip it and open {NAME}/index.html.")
