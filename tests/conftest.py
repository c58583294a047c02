"""Shared test fixtures: the site is built once per test session and shared."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGS = ("da", "nb", "en")
DEFAULT_LANG = "da"
SITE_URL = "https://kontaktcenter-trivsel.example.org/"
# Fixture sites share one PDF cache, so identical sheets render once per session.
FIXTURE_CACHE = tempfile.mkdtemp(prefix="kc-pdf-cache-")


def mkdocs_build(project: Path, site_dir: Path, **env_extra) -> subprocess.CompletedProcess:
    """Run the real CLI, as an author would: `mkdocs build --strict`."""
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1",
           "SITE_URL": SITE_URL, "KC_CACHE_DIR": FIXTURE_CACHE if project != ROOT else "", **env_extra}
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


def all_page_ids() -> list[str]:
    """Every page of the site: the docs tree and the pages the build generates.

    Known at collection time, before the build has written the generated pages,
    so that a fresh checkout tests them too.
    """
    from trivsel.expand import generated
    from trivsel.content.model import load_model
    from trivsel.content.translations import page_translations
    pages, problems = page_translations(ROOT / "docs", LANGS)
    assert not problems, problems
    model = load_model(ROOT / "content", LANGS, ROOT)
    made = {**generated.agenda_pages(model), **generated.programme_pages(model)}
    return sorted(set(pages) | {path.rsplit(".", 2)[0] for path in made})


@pytest.fixture(scope="session")
def page_ids() -> list[str]:
    return all_page_ids()


# --- browser tests -------------------------------------------------------

def _browser_unavailable_reason() -> str | None:
    from checks.browser import chromium_path
    if chromium_path() is None:
        return "Chromium not found: install it with `sudo apt-get install chromium` (Debian)"
    import importlib.util
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is missing: run `make install`"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _browser_unavailable_reason()
    if reason is None:
        return
    browser_items = [i for i in items if "browser" in i.keywords]
    if not browser_items:
        return
    if _in_ci():
        # In CI a missing browser is a failure, never a skip.
        raise pytest.UsageError(f"CI: {reason}")
    print(f"\nSkipping {len(browser_items)} browser tests. {reason}")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=reason))


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def server(site, tmp_path_factory):
    """The built site as deployed: deploy/nginx.conf in the real nginx (HTTP/2, TLS, its headers).

    Without nginx (a machine that has not run .ci/run) a small Python server with the
    same Content-Security-Policy stands in, and says so; in CI nginx is required."""
    from checks.browser import StaticServer, deployed_csp
    from checks.nginx import Nginx, nginx_path
    if nginx_path() is None:
        if _in_ci():
            pytest.fail("CI: nginx must be installed (see .ci/run)", pytrace=False)
        print("\nnginx not found: the browser tests use a Python server with the same CSP (apt-get install nginx)")
        with StaticServer(site, csp=deployed_csp()) as srv:
            yield srv
        return
    with Nginx(site, tmp_path_factory.mktemp("nginx")) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    from checks.browser import launch
    with sync_playwright() as p:
        # The test server's certificate is self-signed, made for this run.
        b = launch(p, extra_args=["--ignore-certificate-errors"])
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(color_scheme="light", locale="da-DK", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


# --- content fixtures -------------------------------------------------------

@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of content/ to break on purpose."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def problems_of(content: Path) -> list[str]:
    """The problem lines load_model reports for ``content`` (it must fail)."""
    from trivsel.content.errors import ContentError
    from trivsel.content.model import load_model
    with pytest.raises(ContentError) as err:
        load_model(content, LANGS, content.parent)
    unguided = [str(p) for p in err.value.problems if not p.guide]
    assert not unguided, f"every problem names its author-guide entry: {unguided}"
    return [str(p) for p in err.value.problems]


# --- fixture sites ------------------------------------------------------------

THEME = "tidspres"  # the one theme the small fixture site keeps


@pytest.fixture
def project(tmp_path) -> Path:
    """A small but complete copy of the site with one theme and no modules or programmes."""
    p = tmp_path / "project"
    p.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    for folder in ("hooks", "overrides", "schemas"):
        shutil.copytree(ROOT / folder, p / folder)
    others = [f.stem for f in (ROOT / "content" / "themes").glob("*.yml") if f.stem != THEME]

    def left_out(folder, names):
        folder = Path(folder).name
        return [n for n in names if n.split(".")[0] in others or n in ("dagsorden", "modules", "programmes", "materials")
                or (folder in ("moduler", "program") and not n.startswith(("index.", "planlaegger.")))]

    shutil.copytree(ROOT / "content", p / "content", ignore=left_out)
    shutil.copytree(ROOT / "docs", p / "docs", ignore=left_out)
    edit_theme(p, lambda d: d.update(number=1))
    # The pulse asks about the one theme left (and keeps the benchmark questions).
    import yaml
    pulse = yaml.safe_load((p / "content" / "pulse.yml").read_text(encoding="utf-8"))
    pulse["questions"] = [q for q in pulse["questions"] if q.get("theme") in (None, THEME)]
    write_yaml(p / "content" / "pulse.yml", pulse)
    return p


def write_yaml(path: Path, data) -> None:
    import yaml
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def theme_file(project: Path) -> Path:
    return project / "content" / "themes" / f"{THEME}.yml"


def edit_theme(project: Path, change) -> None:
    import yaml
    data = yaml.safe_load(theme_file(project).read_text(encoding="utf-8"))
    change(data)
    write_yaml(theme_file(project), data)


