"""The YAML front matter of a lesson: its fields, checked, with line numbers.

Parsed with ``yaml.safe_load`` only. When a field needs a line number for a
problem, the same text is composed (``yaml.compose`` with the safe loader
builds nodes with positions and never constructs objects).

``read_fields`` gives the same values without insisting on a title (the
lesson editor's form shows a lesson whose title is still to come), and
``fields_yaml`` writes fields back as YAML the way lesson files write them.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from lessons.model import Problem, VocabularyEntry
from lessons.scenarios import NEEDS

FIELDS = (
    "title",
    "subject",
    "key_stage",
    "year_group",
    "duration_minutes",
    "needs",
    "objectives",
    "vocabulary",
    "notes_for_adults",
)
# Names teachers reach for naturally; they mean the same field.
ALIASES = {
    "duration": "duration_minutes",
    "learning_objectives": "objectives",
    "key_vocabulary": "vocabulary",
    "notes": "notes_for_adults",
    "year": "year_group",
    "pupil_needs": "needs",
    "send_needs": "needs",
}
KEY_STAGES = ("EYFS", "KS1", "KS2", "KS3", "KS4", "KS5")

_YAML_HINTS = {
    "mapping values are not allowed here": " (if a value has a colon in it, put the value "
    "in quotes)",
    "found character '\\t' that cannot start any token": " (use spaces, not tabs)",
}


@dataclass(frozen=True)
class FrontMatter:
    """Keyword arguments for :class:`Lesson` (None when unusable) and problems."""

    fields: dict[str, Any] | None
    problems: tuple[Problem, ...]


def read_front_matter(text: str, *, first_line: int, file: str) -> FrontMatter:
    """Read the YAML between the ``---`` lines; ``first_line`` is its first file line."""
    reader = _Reader(text, first_line, file)
    fields = reader.read()
    return FrontMatter(fields, tuple(reader.problems))


def read_fields(text: str) -> dict[str, Any] | None:
    """The fields of front matter ``text`` as the loader reads them, with no title needed.

    None when the text is not lines of 'name: value' (YAML that does not
    parse, say). A field that cannot be used comes back empty, as the
    loader leaves it out.
    """
    return _Reader(text, 1, "").read(require_title=False)


def need_tag(text: str) -> str | None:
    """The tag of a need written as a tag or in words ("vi", "Visual impairment"), or None."""
    words = " ".join(text.split()).lower()
    tag = words.replace(" ", "-").replace("_", "-")
    if tag in NEEDS:
        return tag
    return next((key for key, name in NEEDS.items() if name.lower() == words), None)


def field_name(key: object) -> str:
    """The field a front matter key names: ``Key stage`` and ``key-stage`` are ``key_stage``."""
    name = re.sub(r"[\s-]+", "_", str(key).strip().lower())
    return ALIASES.get(name, name)


class _Reader:
    def __init__(self, text: str, first_line: int, file: str) -> None:
        self.text = text
        self.first_line = first_line
        self.file = file
        self.problems: list[Problem] = []
        self._lines: dict[str, tuple[int, Any]] | None = None

    # -- problems and their lines -------------------------------------------
    def problem(self, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, message, severity))

    def key_line(self, name: str) -> int:
        """The file line of a field's key (the opening ``---`` when not found)."""
        entry = self._positions().get(name)
        return entry[0] if entry else self.first_line - 1

    def item_lines(self, name: str) -> list[int]:
        """File lines of the items of a list or mapping field, in order."""
        entry = self._positions().get(name)
        if not entry or entry[1] is None:
            return []
        node = entry[1]
        if isinstance(node, yaml.SequenceNode):
            return [self.first_line + item.start_mark.line for item in node.value]
        if isinstance(node, yaml.MappingNode):
            return [self.first_line + key.start_mark.line for key, _ in node.value]
        return []

    def _positions(self) -> dict[str, tuple[int, Any]]:
        if self._lines is None:
            self._lines = {}
            try:
                root = yaml.compose(self.text, Loader=yaml.SafeLoader)
            except yaml.YAMLError:  # already parsed once, so this does not happen
                root = None
            if isinstance(root, yaml.MappingNode):
                for key, value in root.value:
                    name = field_name(key.value)
                    self._lines.setdefault(name, (self.first_line + key.start_mark.line, value))
        return self._lines

    # -- the fields --------------------------------------------------------
    def read(self, require_title: bool = True) -> dict[str, Any] | None:
        try:
            data = yaml.safe_load(self.text)
        except yaml.YAMLError as error:
            self.yaml_problem(error)
            return None
        except RecursionError:
            self.problem(self.first_line, "The details at the top of the file (between the "
                         "'---' lines) are nested too deeply to read.")
            return None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.problem(
                self.first_line,
                "The details at the top of the file should be lines of 'name: value', such as "
                "'title: The water cycle'.",
            )
            return None
        values: dict[str, Any] = {}
        for key, value in data.items():
            name = field_name(key)
            if name in values:
                self.problem(
                    self.key_line(name),
                    f"The field '{name}' is given twice; only the last one is used.",
                    "warning",
                )
            values[name] = value
        for name in values:
            if name not in FIELDS:
                self.unknown_field(name)
        return self.fields(values, require_title)

    def yaml_problem(self, error: yaml.YAMLError) -> None:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = self.first_line + mark.line if mark is not None else self.first_line
        detail = getattr(error, "problem", None) or getattr(error, "context", None) or str(error)
        detail = str(detail).strip()
        hint = _YAML_HINTS.get(detail, "")
        self.problem(line, "The details at the top of the file (between the '---' lines) "
                     f"could not be read: {detail}{hint}.")

    def unknown_field(self, name: str) -> None:
        message = f"Lesson Lab does not use the detail '{name}' at the top of the file."
        close = difflib.get_close_matches(name, FIELDS, n=1)
        if close:
            message = message[:-1] + f"; did you mean '{close[0]}'?"
        self.problem(self.key_line(name), message, "warning")

    def fields(self, values: dict[str, Any], require_title: bool = True) -> dict[str, Any] | None:
        title = self.text_field(values, "title", "title")
        if not title and require_title:
            self.problem(self.key_line("title"), "This lesson has no title.")
            return None
        return {
            "title": title,
            "subject": self.text_field(values, "subject", "subject"),
            "key_stage": self.key_stage(values),
            "year_group": self.year_group(values),
            "duration_minutes": self.duration(values),
            "needs": self.needs(values),
            "objectives": self.objectives(values),
            "vocabulary": self.vocabulary(values),
            "notes_for_adults": self.text_field(values, "notes_for_adults", "notes for adults"),
        }

    def text_field(self, values: dict[str, Any], name: str, label: str) -> str:
        value = values.get(name)
        text = _as_text(value)
        if text is None:
            self.problem(self.key_line(name), f"The {label} should be text.")
            return ""
        return text

    def key_stage(self, values: dict[str, Any]) -> str:
        raw = self.text_field(values, "key_stage", "key stage")
        if not raw:
            return ""
        compact = re.sub(r"[\s_-]+", "", raw.upper())
        compact = re.sub(r"^KEYSTAGE", "KS", compact)
        if compact.isdigit():
            compact = "KS" + compact
        if compact in KEY_STAGES:
            return compact
        self.problem(
            self.key_line("key_stage"),
            f"The key stage '{raw}' is not one Lesson Lab knows "
            "(EYFS, KS1, KS2, KS3, KS4 or KS5).",
            "warning",
        )
        return raw

    def year_group(self, values: dict[str, Any]) -> str:
        raw = self.text_field(values, "year_group", "year group")
        match = re.fullmatch(r"(?:y|yr|year)?\s*(\d{1,2})", raw, re.IGNORECASE)
        return f"Year {match.group(1)}" if match else raw

    def duration(self, values: dict[str, Any]) -> int | None:
        value = values.get("duration_minutes")
        if value is None:
            return None
        minutes: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            minutes = value
        elif isinstance(value, str):
            match = re.fullmatch(r"\s*(\d{1,4})\s*(?:m|mins?|minutes?)?\.?\s*", value, re.I)
            minutes = int(match.group(1)) if match else None
        if minutes is None or minutes <= 0:
            self.problem(
                self.key_line("duration_minutes"),
                "The duration should be a number of minutes, such as 60.",
            )
            return None
        return minutes

    def needs(self, values: dict[str, Any]) -> tuple[str, ...]:
        value = values.get("needs")
        if value is None:
            return ()
        if isinstance(value, str):  # one need, or several with commas between
            items = [value] if need_tag(value) else value.split(",")
        else:
            items = value
        if not isinstance(items, list):
            self.problem(self.key_line("needs"),
                         "The pupils' needs should be a list, such as [vi, dyslexia].")
            return ()
        tags: list[str] = []
        for item in items:
            text = _as_text(item)
            if not text:
                continue
            tag = need_tag(text)
            if tag is None:
                # Kept as written, so nothing the teacher wrote is lost when the file is saved.
                tag = text
                close = difflib.get_close_matches(text.lower(), NEEDS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else \
                    f"use one of {', '.join(NEEDS)}."
                self.problem(self.key_line("needs"),
                             f"Lesson Lab does not know the need '{text}'; {hint}", "warning")
            if tag not in tags:
                tags.append(tag)
        return tuple(tags)

    def objectives(self, values: dict[str, Any]) -> tuple[str, ...]:
        value = values.get("objectives")
        if value is None:
            return ()
        single = _as_text(value)
        if single is not None:
            return (single,) if single else ()
        if not isinstance(value, list):
            self.problem(
                self.key_line("objectives"),
                "The learning objectives should be a list, one per line starting '- '.",
            )
            return ()
        lines = self.item_lines("objectives")
        objectives: list[str] = []
        for index, item in enumerate(value):
            line = lines[index] if index < len(lines) else self.key_line("objectives")
            text = _as_text(item)
            if isinstance(item, dict) and len(item) == 1:
                # "- Explain why: a reason" is read by YAML as a mapping.
                (key, inner), = item.items()
                text = f"{_as_text(key) or key}: {_as_text(inner) or ''}".strip()
                self.problem(
                    line,
                    "This learning objective has a colon in it; put it in quotes so it is "
                    "read as one sentence.",
                    "warning",
                )
            if text is None:
                self.problem(line, "This learning objective should be a sentence of text.")
            elif text:
                objectives.append(text)
        return tuple(objectives)

    def vocabulary(self, values: dict[str, Any]) -> tuple[VocabularyEntry, ...]:
        value = values.get("vocabulary")
        if value is None:
            return ()
        where = self.key_line("vocabulary")
        if isinstance(value, list):
            return self.vocabulary_list(value, where)
        if not isinstance(value, dict):
            self.problem(
                where,
                "The key vocabulary should be lines of 'word: definition' under "
                "'vocabulary:'.",
            )
            return ()
        lines = self.item_lines("vocabulary")
        entries: list[VocabularyEntry] = []
        for index, (word, definition) in enumerate(value.items()):
            line = lines[index] if index < len(lines) else where
            entry = self.vocabulary_entry(word, definition, line)
            if entry is not None:
                entries.append(entry)
        return tuple(entries)

    def vocabulary_list(self, items: list, where: int) -> tuple[VocabularyEntry, ...]:
        # "- word: definition" is a common slip; keep what can be kept.
        entries: list[VocabularyEntry] = []
        lost = False
        for item in items:
            if isinstance(item, dict) and len(item) == 1:
                (word, definition), = item.items()
                entry = self.vocabulary_entry(word, definition, where)
                if entry is not None:
                    entries.append(entry)
            else:
                lost = True
        self.problem(
            where,
            "The key vocabulary should be lines of 'word: definition' under 'vocabulary:', "
            "not a list with dashes.",
            "error" if lost or not entries else "warning",
        )
        return tuple(entries)

    def vocabulary_entry(self, word: object, definition: object, line: int):
        word_text = _as_text(word)
        if not word_text:
            self.problem(line, "A key word in the vocabulary is empty.")
            return None
        definition_text = _as_text(definition)
        if definition_text is None:
            self.problem(line, f"The definition of '{word_text}' should be text.")
            return None
        if not definition_text:
            self.problem(line, f"The word '{word_text}' has no definition.", "warning")
        return VocabularyEntry(word_text, definition_text)


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


def fields_yaml(values: Mapping[str, Any]) -> str:
    """YAML for lesson fields, in the order given, as lesson files write them.

    Empty fields are left out, apart from the title; tuples become lists and
    vocabulary a mapping of word to definition. "" when nothing is left.
    """
    data: dict[str, Any] = {}
    for name, value in values.items():
        if name != "title" and value in (None, "", ()):
            continue
        if name == "vocabulary":
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


def _as_text(value: object) -> str | None:
    """Plain text from a YAML scalar; None when the value is not a scalar."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, datetime.date)):
        return str(value)
    return None
