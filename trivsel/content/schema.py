"""Validate loaded YAML against the JSON Schemas in ``schemas/``.

Each schema error becomes one Problem that says where (file, line, field),
what is wrong and what is allowed, in words an author understands.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .errors import Problem, field_path
from .yamlfile import YamlDoc

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


@lru_cache(maxsize=None)
def _raw_schema(name: str) -> str:
    return (SCHEMA_DIR / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def validator(name: str, languages: tuple[str, ...]) -> Draft202012Validator:
    """The schema ``name`` with its ``text`` type bound to the site's languages.

    The language list lives only in mkdocs.yml; the schemas say "one text per
    language" and learn which languages here.
    """
    schema = json.loads(_raw_schema(name))
    text = schema.setdefault("$defs", {}).setdefault("text", {})
    text.update({
        "type": "object",
        "required": list(languages),
        "additionalProperties": False,
        "properties": {lang: {"type": "string", "minLength": 1} for lang in languages},
    })
    # Other "one per language" shapes say what each language holds in "x-per-language".
    for name, definition in schema["$defs"].items():
        if isinstance(definition, dict) and "x-per-language" in definition:
            each = definition.pop("x-per-language")
            definition.update({"type": "object", "required": list(languages), "additionalProperties": False,
                               "properties": {lang: each for lang in languages}})
    # The schemas themselves are checked by the tests (test_schemas_are_valid), not on every build.
    return Draft202012Validator(schema)


def plain(data):
    """YAML turns 2026-11-23 into a date; the schemas speak JSON, so use strings."""
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data


_TYPE_WORDS = {"object": "a mapping of fields", "array": "a list", "string": "text",
               "integer": "a whole number", "number": "a number", "boolean": "true or false"}


def _json_type(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    for name, typ in (("a mapping", dict), ("a list", list), ("text", str), ("a number", (int, float))):
        if isinstance(value, typ):
            return name
    return type(value).__name__


def _describe(error, languages) -> tuple[list, str]:
    """(field path, message) for one jsonschema error."""
    path = list(error.absolute_path)
    v, schema, inst = error.validator, error.schema, error.instance
    hint = error.schema.get("description")
    if v in ("oneOf", "anyOf") and error.context:
        # Several shapes are allowed: explain the one the author meant, i.e. the
        # branch whose required key is there ("session:" means a session).
        from jsonschema.exceptions import best_match
        if isinstance(inst, dict):
            for index, branch in enumerate(error.validator_value):
                if set(branch.get("required", [])) <= set(inst):
                    errors = [e for e in error.context if e.schema_path and e.schema_path[0] == index]
                    if errors:
                        return _describe(best_match(errors), languages)
        return _describe(best_match(error.context), languages)
    if v == "required":
        missing = [k for k in error.validator_value if not isinstance(inst, dict) or k not in inst]
        key = missing[0] if missing else "?"
        if key in languages and set(schema.get("required", [])) == set(languages):
            return path + [key], (f"missing the '{key}' translation: every text needs "
                                  f"{', '.join(languages)}; add '{key}: ...'")
        return path + [key], f"missing required field '{key}'; add it"
    if v == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(inst) - set(allowed)) if isinstance(inst, dict) else []
        key = extra[0] if extra else "?"
        if set(allowed) == set(languages):
            return path + [key], (f"unknown language '{key}'; the site's languages are "
                                  f"{', '.join(languages)} (mkdocs.yml)")
        return path + [key], (f"unknown field '{key}'; allowed fields are {', '.join(allowed)}"
                              " (check the spelling)")
    if v == "type":
        want = error.validator_value
        want = [want] if isinstance(want, str) else want
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in want)
        return path, f"must be {words}, not {_json_type(inst)}"
    if v == "enum":
        return path, f"{inst!r} is not allowed; use one of: {', '.join(map(str, error.validator_value))}"
    if v == "pattern":
        return path, f"{inst!r} has the wrong form; expected {hint or 'to match ' + error.validator_value}"
    if v == "maxLength":
        return path, (f"is {len(inst)} characters long; shorten it to at most {error.validator_value}"
                      + (f" ({hint})" if hint else ""))
    if v == "minLength":
        return path, "is empty; write the text"
    if v in ("minItems", "maxItems"):
        lo, hi = schema.get("minItems"), schema.get("maxItems")
        rng = f"{lo} to {hi}" if lo is not None and hi is not None else (f"at least {lo}" if lo is not None else f"at most {hi}")
        return path, f"has {len(inst)} item{'s' if len(inst) != 1 else ''}; needs {rng}"
    if v in ("minimum", "maximum"):
        lo, hi = schema.get("minimum"), schema.get("maximum")
        return path, f"{inst} is out of range; allowed {lo} to {hi}" + (f" ({hint})" if hint else "")
    if v == "uniqueItems":
        return path, "lists the same value twice; keep each once"
    return path, error.message


def validate(doc: YamlDoc, schema_name: str, languages: tuple[str, ...]) -> list[Problem]:
    """All schema problems of ``doc``, one per mistake, sorted by line."""
    data = plain(doc.data)
    problems = []
    for error in validator(schema_name, languages).iter_errors(data):
        parts, message = _describe(error, languages)
        line = doc.line_of(parts)
        # A missing text in one language is the commonest mistake; it has its own guide entry.
        guide = "missing-text" if parts and parts[-1] in languages else "schema"
        problems.append(Problem(doc.path, message, line=line, field=field_path(parts) or None, guide=guide))
    return problems
