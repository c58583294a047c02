"""Committee tools without a browser: published checklist ids, the work-file schema,
and the controls the pages give the script (data-action names in every language)."""

from __future__ import annotations

import json
import re

import yaml

from conftest import LANGS, ROOT, problems_of

PREFIX = {"da": "", "nb": "nb/", "en": "en/"}


def test_removing_a_published_checklist_id_stops_the_build(content):
    path = content / "themes" / "tidspres.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: tidspres-03", "id: tidspres-13", 1), encoding="utf-8")
    msgs = problems_of(content)
    assert any("content/published.yml:" in m and "published checklist item 'tidspres-03' is gone" in m for m in msgs), msgs
    assert any("checklist item 'tidspres-13' is new; add it to content/published.yml" in m for m in msgs), msgs
    assert all("(guide: forfattere/fejl/#published-ids)" in m for m in msgs)


def test_every_published_id_is_on_the_list():
    listed = yaml.safe_load((ROOT / "content" / "published.yml").read_text(encoding="utf-8"))["checklist_items"]
    for path in (ROOT / "content" / "themes").glob("*.yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["checklist"]:
            assert item["id"] in listed, item["id"]


def test_the_work_file_schema_is_valid_and_documented():
    from jsonschema import Draft202012Validator
    schema = json.loads((ROOT / "schemas" / "workfile.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["properties"]["format"] and "description" in schema["properties"]["plans"]


def test_the_tools_carry_their_action_names_in_every_language(site):
    for lang in LANGS:
        apv = (site / PREFIX[lang] / "moede" / "apv" / "index.html").read_text(encoding="utf-8")
        agenda = (site / PREFIX[lang] / "moede" / "dagsorden" / "tidspres" / "index.html").read_text(encoding="utf-8")
        for action in ("save-file", "open-file", "clear", "csv", "print", "add"):
            assert f'data-action="{action}"' in apv, (lang, action)
        for action in ("save-file", "open-file", "clear", "print", "add"):
            assert f'data-action="{action}"' in agenda, (lang, action)
        assert "data-meeting-note=\"punkt-1\"" in agenda and "data-kc-meeting-actions" in agenda
        words = json.loads(re.search(r'data-kc-words="([^"]+)"', apv).group(1).replace("&quot;", '"').replace("&amp;", "&")
                           .replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">"))
        assert words["ticks_clear_confirm"] and "{n}" in words["ticks_clear_confirm"]
