"""A second engine: ProperDocs 1.6.7 (a fork of MkDocs 1.6.1 that runs plugins and hooks)
builds the same site. The code should not care which engine renders the Markdown; this
test keeps that true. The two outputs must be the same files with the same bytes, apart
from the generator line in each page's head."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SITE_URL

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None and os.environ.get("CI", "").lower()
                    not in ("1", "true", "yes"), reason="ProperDocs is not installed (make install)")
def test_properdocs_builds_the_same_site(site, tmp_path):
    other = tmp_path / "properdocs-site"
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL,
           "KC_CACHE_DIR": ""}
    env.pop("I18N_ONLY", None)
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--clean", "-d", str(other)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    ours = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    assert ours == theirs, (sorted(ours - theirs)[:10], sorted(theirs - ours)[:10])
    differ = []
    for rel in sorted(ours):
        a, b = (site / rel).read_bytes(), (other / rel).read_bytes()
        if rel.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if a != b:
            differ.append(rel)
    assert not differ, differ[:20]
    assert b"ProperDocs" in (other / "index.html").read_bytes()
