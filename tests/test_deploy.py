"""The deployment example, run by the real server: deploy/nginx.conf passes `nginx -t`
and serves the built site with the right headers on every kind of response.

tests/checks/nginx.py copies the config, points its certificate, root and ports at a
throw-away prefix (a self-signed certificate made there) and changes nothing else, so
what is tested is what an operator copies. The browser tests run through the same
server (conftest.py `server`). CI installs Debian's nginx; without it, this test skips
locally and fails in CI.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import ssl
from pathlib import Path

import pytest

from checks.nginx import HOST, nginx_path

NGINX = nginx_path()

pytestmark = pytest.mark.skipif(NGINX is None and os.environ.get("CI", "").lower() not in ("1", "true", "yes"),
                                reason="nginx is not installed (apt-get install nginx)")


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    from checks.nginx import Nginx
    assert NGINX, "CI: nginx must be installed (see .ci/run)"
    with Nginx(site, tmp_path_factory.mktemp("nginx")) as server:
        yield {"https": server.https, "http": server.http, "check": server.check}


def fetch(port: int, path: str, tls: bool = True, host: str = HOST, gzip_ok: bool = False):
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host, **({"Accept-Encoding": "gzip"} if gzip_ok else {})}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


SECURITY = ("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy",
            "Permissions-Policy")


def test_the_config_passes_nginx_t(nginx):
    assert "syntax is ok" in nginx["check"] and "test is successful" in nginx["check"]


def _hashed_bundle(site: Path) -> str:
    found = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert found, "Material's hashed bundle"
    return "/assets/javascripts/" + found[0].name


@pytest.mark.parametrize("kind", ["page", "page-nb", "hashed-bundle", "own-script", "stylesheet", "font", "pdf",
                                  "calendar", "csv", "catalog", "404"])
def test_every_kind_of_response_has_every_security_header(nginx, site, kind):
    paths = {"page": "/temaer/tidspres/", "page-nb": "/nb/temaer/tidspres/", "hashed-bundle": _hashed_bundle(site),
             "own-script": "/assets/javascripts/committee.js", "stylesheet": "/assets/stylesheets/site.css",
             "font": "/" + next((site / "assets" / "fonts").glob("*.woff2")).relative_to(site).as_posix(),
             "pdf": "/temaer/tidspres/tidspres-da.pdf", "calendar": "/program/forste-uke/forste-uke-da.ics",
             "csv": "/moede/puls/puls-skabelon.csv", "catalog": "/catalog.json", "404": "/findes-ikke/"}
    response, _ = fetch(nginx["https"], paths[kind])
    assert response.status == (404 if kind == "404" else 200), (kind, response.status)
    for name in SECURITY:
        assert len(response.headers.get_all(name) or []) == 1, (kind, name, response.headers.get_all(name))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert len(response.headers.get_all("Cache-Control") or []) <= 1, kind


def test_hashed_bundles_are_cached_for_a_year_and_pages_are_not(nginx, site):
    response, _ = fetch(nginx["https"], _hashed_bundle(site))
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    page, _ = fetch(nginx["https"], "/temaer/tidspres/")
    assert "immutable" not in (page.headers.get("Cache-Control") or "")


def test_types_and_compression(nginx):
    ics, body = fetch(nginx["https"], "/program/forste-uke/forste-uke-da.ics")
    assert ics.headers["Content-Type"].startswith("text/calendar") and body.startswith(b"BEGIN:VCALENDAR")
    for path, kind in (("/temaer/tidspres/", "text/html"), ("/assets/stylesheets/site.css", "text/css"),
                       ("/catalog.json", "application/json")):
        response, body = fetch(nginx["https"], path, gzip_ok=True)
        assert response.headers["Content-Type"].startswith(kind), path
        assert response.headers.get("Content-Encoding") == "gzip", path
        assert gzip.decompress(body)


@pytest.mark.parametrize("prefix, lang", [("", "da"), ("/nb", "nb"), ("/en", "en")])
def test_the_404_page_speaks_the_readers_language(nginx, prefix, lang):
    response, body = fetch(nginx["https"], prefix + "/temaer/findes-ikke/")
    assert response.status == 404
    assert re.search(rf'<html lang="{lang}"', body.decode("utf-8")), lang


def test_http_redirects_to_the_configured_host_not_the_host_header(nginx):
    response, _ = fetch(nginx["http"], "/temaer/tidspres/?x=1", tls=False, host="evil.example")
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/temaer/tidspres/?x=1"


@pytest.mark.browser
def test_the_browser_tests_run_through_the_deployed_config(server, browser):
    """The shared `server` of every browser test is this nginx, headers and all."""
    assert server.base.startswith("https://127.0.0.1:"), server.base
    page = browser.new_page()
    response = page.goto(server.base + "nb/temaer/tidspres/")
    headers = response.all_headers()
    assert headers.get("strict-transport-security") == "max-age=31536000"
    assert "default-src 'self'" in headers.get("content-security-policy", "")
    assert page.evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol") == "h2"
    page.close()
