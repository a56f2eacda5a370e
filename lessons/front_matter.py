"""The YAML front matter of a lesson: its fields, checked, with line numbers.

Parsed with a safe loader only (``TextLoader``, below). When a field needs a
line number for a problem, the same text is composed (``yaml.compose`` with
the safe loader builds nodes with positions and never constructs objects).

Every plain value is read as the text written (``3.10``, ``yes``, ``on``,
``1:30``), not as YAML 1.1's numbers, booleans or times: these are titles,
key words and definitions, and a key word "on" or a definition "3.10" must
come back as the teacher wrote it. An empty value (or ``null``, ``~``) is
empty.

``read_fields`` gives the same values without insisting on a title (the
lesson editor's form shows a lesson whose title is still to come), and says
which fields had text that could not be read (so the form leaves them as
they are); ``lessons.details_yaml.fields_yaml`` writes fields back as YAML
the way lesson files write them.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import Any

import yaml

# fields_yaml lived here; lessons/writer.py still imports it from here.
from lessons.details_yaml import fields_yaml  # noqa: F401
from lessons.model import Problem, VocabularyEntry
from lessons.scenarios import NEEDS
from lessons.yaml_words import plain_yaml_problem, yaml_problem_line

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

_NULL = "tag:yaml.org,2002:null"
# Key names of a key word written as a map of its own ("- word: x / definition: y").
_WORD_KEYS = ("word", "term", "key_word", "keyword")
_DEFINITION_KEYS = ("definition", "meaning", "means")


class TextLoader(yaml.SafeLoader):
    """The safe loader, reading every plain scalar as text apart from an empty one."""


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == _NULL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class ReadFields:
    """Fields read for the form: ``values`` as :class:`Lesson` takes them, and
    ``unreadable``: field name -> the problem (one sentence) with text of that
    field that could not be read, so its value leaves some of it out."""

    values: dict[str, Any]
    unreadable: dict[str, str]


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


def read_fields(text: str) -> ReadFields | None:
    """The fields of front matter ``text`` as the loader reads them, with no title needed.

    None when the text is not lines of 'name: value' (YAML that does not
    parse, say). A field that cannot be used (or only in part) comes back
    as much as could be read, and is named in ``unreadable`` with the reason.
    """
    reader = _Reader(text, 1, "")
    values = reader.read(require_title=False)
    return ReadFields(values, dict(reader.unreadable)) if values is not None else None


def vocabulary_list_keys(node: object) -> tuple[str, str] | None:
    """The key names of key words written as a list of maps ("- word: … / definition: …").

    ``node`` is the composed YAML node of the vocabulary; None when it is
    not such a list (the usual 'word: definition' lines, say).
    """
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        return None
    keys = None
    for item in node.value:
        if not isinstance(item, yaml.MappingNode) or len(item.value) != 2:
            return None
        names = tuple(str(key.value) for key, _ in item.value)
        if _listed_keys(names) is None or (keys is not None and names != keys):
            return None
        keys = names
    return _listed_keys(keys)


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
        self.unreadable: dict[str, str] = {}
        self._field = ""  # the field being read
        self._lines: dict[str, tuple[int, Any]] | None = None

    # -- problems and their lines -------------------------------------------
    def problem(self, line: int, message: str, severity: str = "error",
                loses: bool | None = None) -> None:
        """Report a problem; ``loses``: some of the field's text is left out of its value
        (every error does: it is why the value could not be used)."""
        self.problems.append(Problem(self.file, line, message, severity))
        if (severity == "error" if loses is None else loses) and self._field:
            self.unreadable.setdefault(self._field, message)

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
            data = yaml.load(self.text, Loader=TextLoader)  # noqa: S506 - safe, text only
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
        self.problem(self.first_line + yaml_problem_line(error),
                     "The details at the top of the file (between the '---' lines) "
                     f"could not be read: {plain_yaml_problem(error)}.")

    def unknown_field(self, name: str) -> None:
        message = f"Lesson Lab does not use the detail '{name}' at the top of the file."
        close = difflib.get_close_matches(name, FIELDS, n=1)
        if close:
            message = message[:-1] + f"; did you mean '{close[0]}'?"
        self.problem(self.key_line(name), message, "warning")

    def fields(self, values: dict[str, Any], require_title: bool = True) -> dict[str, Any] | None:
        readers = {
            "title": lambda: self.text_field(values, "title", "title"),
            "subject": lambda: self.text_field(values, "subject", "subject"),
            "key_stage": lambda: self.key_stage(values),
            "year_group": lambda: self.year_group(values),
            "duration_minutes": lambda: self.duration(values),
            "needs": lambda: self.needs(values),
            "objectives": lambda: self.objectives(values),
            "vocabulary": lambda: self.vocabulary(values),
            "notes_for_adults": lambda: self.text_field(values, "notes_for_adults",
                                                        "notes for adults"),
        }
        read: dict[str, Any] = {}
        for name, reader in readers.items():
            self._field = name
            read[name] = reader()
            self._field = ""
            if name == "title" and not read[name] and require_title:
                self.problem(self.key_line("title"), "This lesson has no title.")
                return None
        return read

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
            if text is None:
                self.problem(self.key_line("needs"), "One of the pupils' needs is not a word: "
                             "write them as a list, such as [vi, dyslexia].")
                continue
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
        self.words_given_twice(len(value), where)
        lines = self.item_lines("vocabulary")
        entries: list[VocabularyEntry] = []
        for index, (word, definition) in enumerate(value.items()):
            line = lines[index] if index < len(lines) else where
            entry = self.vocabulary_entry(word, definition, line)
            if entry is not None:
                entries.append(entry)
        return tuple(entries)

    def words_given_twice(self, kept: int, where: int) -> None:
        """Report a key word written twice: YAML keeps only its last definition."""
        entry = self._positions().get("vocabulary")
        node = entry[1] if entry else None
        if not isinstance(node, yaml.MappingNode) or len(node.value) == kept:
            return
        seen: set[str] = set()
        for key, _value in node.value:
            if key.value in seen:
                self.problem(self.first_line + key.start_mark.line,
                             f"The key word '{key.value}' is given twice; only its last "
                             "definition is used.", "warning", loses=True)
                return
            seen.add(key.value)
        self.problem(where, "A key word is given twice; only its last definition is used.",
                     "warning", loses=True)

    def vocabulary_list(self, items: list, where: int) -> tuple[VocabularyEntry, ...]:
        # A list of "- word: …, definition: …" maps is read as it is meant; "- word:
        # definition" is a common slip, kept with a warning. Anything else is lost.
        lines = self.item_lines("vocabulary")
        entries: list[VocabularyEntry] = []
        lost = slips = False
        for index, item in enumerate(items):
            line = lines[index] if index < len(lines) else where
            pair = _listed_word(item)
            if pair is None and isinstance(item, dict) and len(item) == 1:
                pair, slips = next(iter(item.items())), True
            if pair is None:
                lost = True
                continue
            entry = self.vocabulary_entry(*pair, line)
            if entry is not None:
                entries.append(entry)
        if lost:
            self.problem(
                where,
                "Some of the key vocabulary could not be read: it should be lines of "
                "'word: definition' under 'vocabulary:', not a list with dashes.",
            )
        elif slips:
            self.problem(
                where,
                "The key vocabulary should be lines of 'word: definition' under "
                "'vocabulary:', not a list with dashes.",
                "warning",
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


def _listed_keys(names: object) -> tuple[str, str] | None:
    """(word key, definition key) when ``names`` are the two keys of a listed key word."""
    if not isinstance(names, tuple) or len(names) != 2:
        return None
    for word, meaning in (names, names[::-1]):
        if field_name(word) in _WORD_KEYS and field_name(meaning) in _DEFINITION_KEYS:
            return str(word), str(meaning)
    return None


def _listed_word(item: object) -> tuple[object, object] | None:
    """(word, definition) of a key word written as a map of its own, else None."""
    if not isinstance(item, dict) or len(item) != 2:
        return None
    keys = _listed_keys(tuple(item))
    return (item[keys[0]], item[keys[1]]) if keys else None
