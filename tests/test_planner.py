"""The planner's data and rules, without a browser: one rule set for the build and the planner."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import LANGS, ROOT


@pytest.fixture(scope="module")
def model():
    from trivsel.content.model import load_model
    return load_model(ROOT / "content", LANGS, ROOT)


@pytest.fixture()
def content(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def problems_of(content, root):
    from trivsel.content.errors import ContentError
    from trivsel.content.model import load_model
    with pytest.raises(ContentError) as info:
        load_model(content, LANGS, root)
    return [p.format() if hasattr(p, "format") else str(p) for p in info.value.problems]


def test_the_limits_come_from_the_rules_file(content, tmp_path):
    """Lower the longest stretch without a break in content/programme-rules.yml: the build stops."""
    path = content / "programme-rules.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("limit_minutes: 90", "limit_minutes: 60"), encoding="utf-8")
    found = " ".join(problems_of(content, tmp_path))
    assert "without a break" in found and "at least every 60 minutes" in found


def test_a_broken_rules_file_names_file_field_and_fix(content, tmp_path):
    path = content / "programme-rules.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("limit_minutes: 480", "limit_minutes: eight hours"),
                    encoding="utf-8")
    [line] = problems_of(content, tmp_path)
    assert re.match(r"content/programme-rules\.yml:\d+: day_length\.limit_minutes: ", line), line
    path.unlink()
    [line] = problems_of(content, tmp_path)
    assert line.startswith("content/programme-rules.yml: is missing"), line


def test_each_shipped_programme_is_a_plan_that_schedules_the_same(model):
    from trivsel.content.curriculum import schedule
    from trivsel.content.model import programme_days
    from trivsel.expand.planner import programme_plan
    from trivsel.content.programme_rules import verdicts
    by_id = {m.id: m for m in model.modules}
    for p in model.programmes:
        plan = programme_plan(p)
        days = programme_days(plan["days"], by_id)
        assert tuple(days) == p.days, p.id
        assert verdicts(days, by_id, model.programme_rules) == []
        assert schedule(p, by_id)  # the programme page's agenda reads the same days


def test_the_planner_data_in_each_language(model):
    from trivsel.expand.planner import planner_data
    for lang in LANGS:
        data = planner_data(model, lang)
        assert [m["id"] for m in data["modules"]] == [m.id for m in model.modules]
        assert data["rules"]["max_block"] == model.programme_rules.max_block
        assert set(data["rules"]["messages"]) == {"day_length", "block_length", "prerequisite", "before_live_calls",
                                                 "past_midnight"}
        assert all("{" not in k for k in data["words"]) and "planner_add" in data["words"]
        assert data["timezones"] == ["Europe/Copenhagen", "Europe/Oslo"]
        # Every session and break offered has its text in every language (the YAML export needs them).
        assert all(set(s["title"]) == set(LANGS) for s in data["sessions"] + data["breaks"])
        assert len({json.dumps(s, sort_keys=True) for s in data["sessions"]}) == len(data["sessions"])


def test_the_planner_page_and_its_addresses(site, model):
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    for prog in catalog["programmes"]:
        assert prog["planner"] == {"da": f"program/planlaegger/?programme={prog['id']}",
                                   "nb": f"nb/program/planlaegger/?programme={prog['id']}",
                                   "en": f"en/program/planlaegger/?programme={prog['id']}"}
    for prefix in ("", "nb/", "en/"):
        html = (site / prefix / "program" / "planlaegger" / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<script type="application/json" id="kc-planner-data">(.*?)</script>', html, re.S)
        data = json.loads(block.group(1))
        assert data["lang"] == (prefix.rstrip("/") or "da")
        # Module addresses are resolved relative to the page, like every other link.
        assert data["modules"][0]["url"] == f"../../moduler/{data['modules'][0]['id']}/"
        assert "planner.js" in html and "planner-page.js" in html
        # The programme page opens its programme in the planner.
        page = (site / prefix / "program" / "forste-uke" / "index.html").read_text(encoding="utf-8")
        assert 'href="../planlaegger/?programme=forste-uke"' in page
    # No other page loads the planner's scripts.
    for path in site.rglob("*.html"):
        if "planlaegger" not in path.parts:
            assert "planner-page.js" not in path.read_text(encoding="utf-8"), path
