"""The built HTML validates with the Nu Html Checker (filtered messages: tests/checks/html.py)."""

from __future__ import annotations

import os

import pytest

from checks.html import validate, vnu_available


def test_built_html_is_valid(site):
    reason = vnu_available()
    if reason:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI: {reason}")
        pytest.skip(reason)
    assert validate(site) == []


def test_validator_catches_an_error(tmp_path):
    if vnu_available():
        pytest.skip(vnu_available())
    (tmp_path / "bad.html").write_text('<!doctype html><html lang="da"><title>x</title><p><div>x</p>',
                                       encoding="utf-8")
    assert any("bad.html" in m for m in validate(tmp_path))
