"""Every internal link and #fragment in the built site resolves."""

from __future__ import annotations

from checks.links import broken_links


def test_no_broken_links_or_fragments(site):
    assert broken_links(site) == []
