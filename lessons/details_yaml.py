"""Writing a lesson's details (its front matter fields) as YAML, as lesson files do.

``fields_yaml`` is used both to write a whole lesson (lessons/writer.py) and
to rewrite only the fields a teacher changed (lessons/lesson_details.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """The safe dumper, writing as the lesson files do: notes of several lines as a
    ``|`` block, lists indented under their field, needs on one line (``[vi, hi]``)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


class _OneLine(list):
    """A list written on one line."""


def _text_representer(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_representer)
_Dumper.add_representer(_OneLine, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", value, flow_style=True))


def fields_yaml(values: Mapping[str, Any],
                vocabulary_keys: tuple[str, str] | None = None) -> str:
    """YAML for lesson fields, in the order given, as lesson files write them.

    Empty fields are left out, apart from the title; tuples become lists and
    vocabulary a mapping of word to definition (or, given ``vocabulary_keys``,
    a list of maps with those two keys, as the file had it). "" when nothing
    is left.
    """
    data: dict[str, Any] = {}
    for name, value in values.items():
        if name != "title" and value in (None, "", ()):
            continue
        if name == "vocabulary" and vocabulary_keys:
            word, meaning = vocabulary_keys
            value = [{word: entry.word, meaning: entry.definition} for entry in value]
        elif name == "vocabulary":
            value = {entry.word: entry.definition for entry in value}
        elif name == "needs":
            value = _OneLine(value)
        elif isinstance(value, tuple):
            value = list(value)
        data[name] = value
    if not data:
        return ""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096,
                     default_flow_style=False)
