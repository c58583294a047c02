"""Read a YAML file and remember where each value sits, for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Problem


@dataclass
class YamlDoc:
    path: str  # as shown in messages (relative to the project root)
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)  # field path -> 1-based line

    def line_of(self, parts) -> int | None:
        """Line of the value at ``parts``, or of its nearest located parent."""
        parts = tuple(parts)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return self.lines.get((), 1)


def _index_lines(node: yaml.Node, prefix: tuple, out: dict) -> None:
    out[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value
            out[prefix + (name,)] = key.start_mark.line + 1
            _index_lines(value, prefix + (name,), out)
            out[prefix + (name,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, prefix + (i,), out)


# libyaml's parser when PyYAML has it: about ten times faster than pure Python.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_BaseLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, bool) or key is None:
                # YAML 1.1 reads yes/no/on/off as true/false: "no" (Norway) is a classic.
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"the key {key_node.value!r} is read as {key!r}; put it in quotes: \"{key_node.value}\"",
                    key_node.start_mark,
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"duplicate key {key!r} (first on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


# Dates stay text: the model checks them and names an impossible one (2026-02-30)
# in one line, where YAML's own date parser would stop with a traceback.
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", _BaseLoader.construct_scalar)


def load_yaml(path: Path, shown_as: str) -> YamlDoc:
    """Parse ``path``; a syntax error becomes a one-line ContentError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(shown_as, f"is not UTF-8 text ({exc.reason}); save it as UTF-8", guide="yaml-syntax")])
    try:
        # One parse: the node tree gives the line numbers, the same tree the data.
        loader = _UniqueKeyLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        detail = f"{context}, {what}" if context and "duplicate" not in what else what
        raise ContentError([Problem(
            shown_as,
            f"malformed YAML: {detail}. Check indentation (spaces, not tabs) and quote "
            "text that contains ': ' or starts with a special character",
            line=line, guide="yaml-syntax"
        )])
    lines: dict[tuple, int] = {}
    if node is not None:
        _index_lines(node, (), lines)
    return YamlDoc(shown_as, data, lines)
