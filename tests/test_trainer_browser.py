"""A trainer, from the site alone: find a module, copy a link to an exercise, print the agenda."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_trainer_finds_module_copies_exercise_link_and_prints_agenda(server, browser, tmp_path):
    from pypdf import PdfReader
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.base + "nb/")
    # Find the module from the home page's entry for trainers, as a reader would.
    page.get_by_role("link", name="Modulene", exact=True).click()
    page.locator(".kc-module-cards a", has_text="Stemmen").first.click()
    assert page.url == server.base + "nb/moduler/stemmen/"
    # Copy the link to an exercise and check what landed on the clipboard.
    button = page.locator('button.kc-copy-link[data-anchor="ovelse-tempo"]')
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == server.base + "nb/moduler/stemmen/#ovelse-tempo"
    assert page.locator('[role="status"]').last.inner_text().startswith("Lenke kopiert")
    # The same address works in the other languages.
    for prefix in ("", "en/"):
        page.goto(server.base + prefix + "moduler/stemmen/#ovelse-tempo")
        assert page.locator("#ovelse-tempo").count() == 1
    # Print the programme's agenda.
    page.goto(server.base + "nb/program/")
    page.get_by_role("link", name="Den første uken").first.click()
    page.wait_for_url(server.base + "nb/program/forste-uke/")
    page.wait_for_load_state("load")
    pdf = tmp_path / "agenda.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert re.search(r"08:30[–-]09:30", text) and "Dag 5" in text  # the welcome, then modules
    context.close()
