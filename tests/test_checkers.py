"""The checkers themselves: a deliberately broken page must fail them."""

from __future__ import annotations

import pytest

from checks.links import broken_links

BROKEN_PAGE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Broken</title>
<script src="https://cdn.example.invalid/tracker.js"></script></head>
<body><main><h1>Broken</h1>
<p><a href="missing/">a bad link</a> and <a href="#nowhere">a bad anchor</a>
and <a href="ok.html#there">a good one</a>.</p>
<img src="pic.png">
</main></body></html>
"""


@pytest.fixture
def broken_site(tmp_path):
    (tmp_path / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (tmp_path / "ok.html").write_text('<!doctype html><html lang="da"><title>ok</title><p id="there">x</p></html>',
                                      encoding="utf-8")
    (tmp_path / "pic.png").write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    return tmp_path


def test_link_checker_finds_bad_link_and_bad_anchor(broken_site):
    problems = broken_links(broken_site)
    assert any("missing/" in p and "no such file" in p for p in problems), problems
    assert any("#nowhere" in p and "no element with id 'nowhere'" in p for p in problems), problems
    assert not any("ok.html#there" in p for p in problems)


@pytest.mark.browser
def test_browser_audit_finds_missing_alt_and_third_party_script(broken_site, browser):
    from checks.browser import StaticServer, audit, audit_context
    context = audit_context(browser)
    with StaticServer(broken_site) as srv:
        result = audit(context, srv.base)
    context.close()
    assert any(v.startswith("image-alt (critical)") for v in result.violations), result.violations
    assert result.third_party == ["https://cdn.example.invalid/tracker.js"]
