"""A lesson file's details, for editing them in a form rather than as YAML.

No Qt here. A lesson file is its details (YAML between ``---`` lines, see
lessons/FORMAT.md) and its Markdown body; the lesson editor shows the body as
text and the details as a form.

- ``split_lesson_file(text)`` cuts a file into a :class:`LessonFile`: the
  lines before the details, the details' YAML, the closing line, the body.
- :class:`LessonDetails` holds the values the form shows, read the way the
  loader reads them (``read_details``).
- :class:`DetailsState` is what the editor keeps: the YAML as it was in the
  file, the values read from it and the values as edited; ``yaml()`` writes
  the details back, changing only the lines of the fields that changed, so a
  lesson saved unchanged is byte-identical, an edit changes only its field's
  lines, and fields Lesson Lab does not know (and comments) are kept as written.
  When the YAML cannot be read the state holds it as plain text to fix.
  A field with text that cannot be read (key words written in a way the
  loader does not know, a list where a sentence belongs) is ``unreadable``:
  its value leaves some of that text out, so it is never rewritten (the form
  shows it read-only, to fix as text), and nothing the teacher wrote is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import cached_property

import yaml

from lessons.details_yaml import fields_yaml
from lessons.front_matter import (
    FIELDS,
    TextLoader,
    field_name,
    read_fields,
    vocabulary_list_keys,
)
from lessons.model import VocabularyEntry
from lessons.scenarios import NEEDS

_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_WORD_EDGES = ".,;:!?\"'“”‘’()"
OPENING, CLOSING = "---\n", "---\n\n"

#: (tag, name) of every need a lesson can name, in full and capitalised as the
#: checker names them ("Speech, language and communication needs").
NEED_CHOICES = tuple((tag, name[:1].upper() + name[1:]) for tag, name in NEEDS.items())


class DetailsError(ValueError):
    """A change to the details cannot be made; one plain sentence for the teacher."""


@dataclass(frozen=True)
class LessonDetails:
    """The details a teacher sets, as the loader reads them (fields in FIELDS order)."""

    title: str = ""
    subject: str = ""
    key_stage: str = ""
    year_group: str = ""
    duration_minutes: int | None = None
    needs: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    vocabulary: tuple[VocabularyEntry, ...] = ()
    notes_for_adults: str = ""


def read_details(text: str) -> LessonDetails | None:
    """The details in YAML ``text``; None when it cannot be read as details."""
    read = read_fields(text)
    return LessonDetails(**read.values) if read is not None else None


def _read_with_reasons(text: str) -> tuple[LessonDetails | None, tuple[tuple[str, str], ...]]:
    """The details in ``text`` and (field, problem) for each field with text not read."""
    read = read_fields(text)
    if read is None:
        return None, ()
    return LessonDetails(**read.values), tuple(read.unreadable.items())


def add_key_word(details: LessonDetails, word: str, definition: str) -> LessonDetails:
    """``details`` with ``word`` added to the key words; raises DetailsError when it cannot be."""
    word = " ".join(word.split()).strip(_WORD_EDGES)
    definition = " ".join(definition.split())
    if not word:
        raise DetailsError("Select a word in the lesson text first.")
    if not definition:
        raise DetailsError(f"Give “{word}” a short definition to add it as a key word.")
    if any(entry.word.lower() == word.lower() for entry in details.vocabulary):
        raise DetailsError(f"“{word}” is already a key word.")
    return replace(details, vocabulary=(*details.vocabulary, VocabularyEntry(word, definition)))


@dataclass(frozen=True)
class LessonFile:
    """A lesson file cut in four: ``head + details + fence + body`` is the file.

    ``details`` is None when the file has no details at the top (then
    ``head`` and ``fence`` are empty, and the body is the whole file).
    ``closed`` is False when the details had no closing ``---`` line: they
    are taken to end at the first empty line, and ``fence`` is a closing
    line added there.
    """

    head: str = ""
    details: str | None = None
    fence: str = ""
    body: str = ""
    closed: bool = True


def split_lesson_file(text: str) -> LessonFile:
    """Cut lesson file ``text`` into its parts, finding the details as the loader does."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text[len(bom):].splitlines(keepends=True)
    opening = next((i for i, line in enumerate(lines) if line.strip()), None)
    if opening is None or lines[opening].rstrip() != "---":
        return LessonFile(body=text)
    head = bom + "".join(lines[:opening + 1]).rstrip("\n") + "\n"
    closing = next((i for i in range(opening + 1, len(lines))
                    if _FENCE.match(lines[i].rstrip("\n"))), None)
    if closing is None:
        end = next((i for i in range(opening + 1, len(lines)) if not lines[i].strip()),
                   len(lines))
        details = "".join(lines[opening + 1:end])
        if details and not details.endswith("\n"):
            details += "\n"
        blank = _blank_run(lines, end)
        return LessonFile(head, details, "---\n" + "".join(lines[end:blank]),
                          "".join(lines[blank:]), closed=False)
    blank = _blank_run(lines, closing + 1)
    return LessonFile(head, "".join(lines[opening + 1:closing]),
                      "".join(lines[closing:blank]), "".join(lines[blank:]))


def _blank_run(lines: list[str], start: int) -> int:
    """The index of the first line from ``start`` that is not blank."""
    end = start
    while end < len(lines) and not lines[end].strip():
        end += 1
    return end


@dataclass(frozen=True)
class DetailsState:
    """The details as the editor holds them.

    ``source`` is the details' YAML as it came; ``read`` the values read
    from it and ``current`` the values as edited.
    When ``source`` cannot be read as details, ``read`` and ``current`` are
    None and ``source`` is the text the teacher edits to fix it.
    ``unreadable`` is (field, problem) for each field with text that could
    not be read: those fields keep their ``read`` values and their lines.
    """

    source: str
    read: LessonDetails | None
    current: LessonDetails | None
    head: str = ""
    fence: str = ""
    unreadable: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, file: LessonFile) -> DetailsState:
        """The state of a file just opened: nothing edited yet.

        A file with no details at the top gets empty ones (the form asks for
        a title), so its text gains the two ``---`` lines.
        """
        source = file.details or ""
        read, unreadable = _read_with_reasons(source)
        return cls(source, read, read, file.head, file.fence, unreadable)

    @property
    def readable(self) -> bool:
        """Whether the details can be shown as a form (else as text to fix)."""
        return self.current is not None

    def reason(self, name: str) -> str | None:
        """Why field ``name`` cannot be changed in the form (its text could not be read)."""
        return dict(self.unreadable).get(name)

    def edited(self, current: LessonDetails) -> DetailsState:
        """This state with the form's values ``current`` (unreadable fields stay as read)."""
        if self.unreadable and self.read is not None:
            current = replace(current, **{name: getattr(self.read, name)
                                          for name, _ in self.unreadable})
        return replace(self, current=current)

    def with_source(self, source: str) -> DetailsState:
        """This state with the details' YAML typed as text (they cannot be read yet)."""
        return replace(self, source=source, read=None, current=None, unreadable=())

    def as_form(self) -> DetailsState | None:
        """The same text shown as a form, or None while it still cannot be read."""
        read, unreadable = _read_with_reasons(self.source or "")
        return replace(self, read=read, current=read, unreadable=unreadable) \
            if read is not None else None

    def yaml(self) -> str:
        """The details' YAML as edited."""
        return self._yaml

    @cached_property
    def _yaml(self) -> str:
        if self.current is None:
            return self.source
        return updated_yaml(self.source, self.read, self.current,
                            tuple(name for name, _ in self.unreadable))

    def text(self, body: str) -> str:
        """The whole lesson file with ``body`` after the details."""
        fence = self.fence or CLOSING
        if body and not fence.endswith("\n"):
            fence += "\n"  # the file ended on its closing line; the body starts below it
        return (self.head or OPENING) + self._lines() + fence + body

    def _lines(self) -> str:
        # Details typed as text may end without a line break; the closing '---' needs one.
        details = self.yaml()
        return details + "\n" if details and not details.endswith("\n") else details

    def lines_before_body(self) -> int:
        """How many file lines come before the body's first line."""
        return self.text("body").count("\n")

    def details_first_line(self) -> int:
        """The file line of the details' first line."""
        return (self.head or OPENING).count("\n") + 1

    def closing_line(self) -> int:
        """The file line of the closing ``---``: lines before it are the details."""
        return self.details_first_line() + self._lines().count("\n")


def _values(details: LessonDetails) -> dict[str, object]:
    return {item.name: getattr(details, item.name) for item in fields(details)}


@dataclass(frozen=True)
class _Span:
    start: int  # the start of the key's line
    end: int  # the end of the value's last line of content (comments after it excluded)
    column: int
    list_keys: tuple[str, str] | None = None  # key words written as a list of maps


def updated_yaml(source: str, read: LessonDetails, current: LessonDetails,
                 keep: tuple[str, ...] = ()) -> str:
    """``source`` with the fields that differ between ``read`` and ``current`` rewritten.

    Every other line is kept as it was, and so are the fields named in
    ``keep`` (their text could not all be read, so a value from them would
    lose some). A field emptied is taken out (the title is written empty
    instead); a field new to the file goes after the field before it in
    FIELDS order.
    """
    if keep:
        current = replace(current, **{name: getattr(read, name) for name in keep})
    changed = [name for name in FIELDS if getattr(read, name) != getattr(current, name)]
    if not changed:
        return source
    spans = _spans(source)
    if spans is not None:
        text = _rewrite(source, spans, changed, current)
        if read_details(text) == current:
            return text
    return _rewritten_whole(source, current, keep)


def field_at_line(source: str, line: int) -> str | None:
    """The field whose lines include ``line`` (1-based, within ``source``), or None."""
    spans = _spans(source) or {}
    offset = sum(len(part) for part in source.splitlines(keepends=True)[:line - 1])
    for name, span in spans.items():
        if span.start <= offset <= max(span.start, span.end):
            return name
    return None


def field_line(source: str, name: str) -> int | None:
    """The line (1-based, within ``source``) where field ``name`` starts, or None."""
    span = (_spans(source) or {}).get(name)
    return source.count("\n", 0, span.start) + 1 if span is not None else None


def _spans(source: str) -> dict[str, _Span] | None:
    """Where each field's lines are (the last one when given twice); None if not block YAML."""
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return None
    spans: dict[str, _Span] = {}
    for key, value in root.value:
        column = key.start_mark.column
        start = key.start_mark.index - column
        lines = source[start:value.end_mark.index].split("\n")
        # Blank lines and comments after the value are kept when the value is rewritten
        # (in a block of text, a '#' line further in than the key is text, not a comment).
        text_block = isinstance(value, yaml.ScalarNode) and value.style in ("|", ">")
        while len(lines) > 1 and (not lines[-1].strip() or (
                lines[-1].lstrip().startswith("#") and (
                    not text_block or len(lines[-1]) - len(lines[-1].lstrip()) <= column))):
            lines.pop()
        name = field_name(str(key.value))
        spans[name] = _Span(start, start + len("\n".join(lines)), column,
                            vocabulary_list_keys(value) if name == "vocabulary" else None)
    return spans


def _line_end(source: str, index: int) -> int:
    """The index just after the line ending at or after ``index``."""
    end = source.find("\n", index)
    return len(source) if end < 0 else end + 1


def _rewrite(source: str, spans: dict[str, _Span], changed: list[str],
             current: LessonDetails) -> str:
    edits: list[tuple[int, int, int, str]] = []  # start, order, end, new text
    for order, name in enumerate(changed):
        span = spans.get(name)
        # Key words written as a list of maps stay so (another tool may read them that way).
        new = fields_yaml({name: getattr(current, name)}, span.list_keys if span else None)
        if span is not None and new:
            end = span.end
            if "\n" in new.rstrip("\n") and source[end:_line_end(source, end)].strip():
                end = _line_end(source, end) - 1  # a comment after a one-line value
            edits.append((span.start, order, end, " " * span.column + new.rstrip("\n")))
        elif span is not None:
            edits.append((span.start, order, _line_end(source, span.end), ""))
        elif new:
            before = [spans[n] for n in FIELDS[:FIELDS.index(name)] if n in spans]
            if before:
                at = _line_end(source, max(before, key=lambda s: s.end).end)
            elif spans:
                at = min(span.start for span in spans.values())
            else:
                at = len(source)
            if at and not source[:at].endswith("\n"):
                new = "\n" + new
            edits.append((at, order, at, new))
    text = source
    for start, _order, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _rewritten_whole(source: str, current: LessonDetails, keep: tuple[str, ...] = ()) -> str:
    """All the details written again, keeping the fields Lesson Lab does not know and
    those named in ``keep`` (with text it could not read) as values of their own."""
    extra = _loaded(source, yaml.SafeLoader)  # as other tools read the fields they added
    extra = {key: value for key, value in extra.items() if field_name(key) not in FIELDS}
    # As Lesson Lab reads them: every value the text written, quoted where YAML needs it.
    extra.update({key: value for key, value in _loaded(source, TextLoader).items()
                  if field_name(key) in keep})
    text = fields_yaml({name: value for name, value in _values(current).items()
                        if name not in keep})
    if extra:
        text += yaml.safe_dump(extra, sort_keys=False, allow_unicode=True, width=4096)
    return text


def _loaded(source: str, loader: type) -> dict:
    """The mapping in ``source`` loaded with the (safe) ``loader``; {} when it is not one."""
    try:
        data = yaml.load(source, Loader=loader)  # noqa: S506 - both loaders are safe ones
    except (yaml.YAMLError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}
