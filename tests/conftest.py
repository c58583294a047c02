"""Shared test fixtures: the site is built once per test session and shared."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGS = ("da", "nb", "en")
DEFAULT_LANG = "da"
SITE_URL = "https://kontaktcenter-trivsel.example.org/"


def mkdocs_build(project: Path, site_dir: Path, **env_extra) -> subprocess.CompletedProcess:
    """Run the real CLI, as an author would: `mkdocs build --strict`."""
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1",
           "SITE_URL": SITE_URL, **env_extra}
    env.pop("I18N_ONLY", None) if "I18N_ONLY" not in env_extra else None
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project, timeout=600)


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    return site, result


@pytest.fixture(scope="session")
def site(build_result) -> Path:
    site_dir, result = build_result
    if result.returncode != 0:
        pytest.fail(f"the site does not build:\n{result.stderr[-4000:]}", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def page_ids() -> list[str]:
    from trivsel.translations import page_translations
    pages, problems = page_translations(ROOT / "docs", LANGS)
    assert not problems, problems
    return sorted(pages)
