"""Pure text edits behind the lesson editor's formatting toolbar.

No Qt here: each function takes the text of a selection (or of the whole
lesson file) and returns the new text, so the editor can make each change as
one undoable step and the rules can be tested as plain strings.

- ``toggle_bold(selected)``: ``word`` ⇄ ``**word**`` (spaces stay outside);
- ``toggle_heading(lines, level)``: ``## `` / ``### `` at the start of lines;
- ``toggle_list(lines, numbered)``: ``- `` or ``1. `` at the start of lines;
- ``vocabulary_edit(text, word, definition)``: where to add a key word to the
  front matter's ``vocabulary:`` mapping, keeping every other line as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

_HEADING = re.compile(r"^(\s*)#{1,6}[ \t]+")
_BULLET = re.compile(r"^(\s*)[-*+][ \t]+")
_NUMBER = re.compile(r"^(\s*)\d{1,3}[.)][ \t]+")
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_VOCABULARY = re.compile(r"^vocabulary[ \t]*:(.*)$")
_EMPTY_VALUES = {"", "{}", "null", "~"}


class MarkupError(ValueError):
    """A formatting change cannot be made here; one plain sentence for the teacher."""


def toggle_bold(selected: str) -> str:
    """``selected`` made bold (``**…**``), or plain again when it already is.

    Spaces at either end stay outside the stars, as Markdown needs; an empty
    selection gives ``****`` for the teacher to type into.
    """
    stripped = selected.strip()
    lead = selected[: len(selected) - len(selected.lstrip())]
    trail = selected[len(selected.rstrip()):]
    if len(stripped) >= 4 and stripped.startswith("**") and stripped.endswith("**"):
        return lead + stripped[2:-2] + trail
    if not stripped:
        return selected + "****" if selected else "****"
    return f"{lead}**{stripped}**{trail}"


def _plain(line: str) -> str:
    """``line`` without a heading or list marker (indentation kept)."""
    return _HEADING.sub(r"\1", _NUMBER.sub(r"\1", _BULLET.sub(r"\1", line)))


def _split_lines(text: str) -> list[str]:
    # The selection never includes the last line's ending, so plain split works.
    return text.split("\n")


def toggle_heading(lines: str, level: int) -> str:
    """Make each non-blank line a heading of ``level`` (2 or 3), or plain when all already are."""
    if level not in (2, 3):
        raise ValueError("lessons use ## for sections and ### for sub-sections")
    parts = _split_lines(lines)
    marker = "#" * level + " "
    filled = [p for p in parts if p.strip()]
    already = bool(filled) and all(p.lstrip().startswith(marker) and
                                   not p.lstrip().startswith(marker[:-1] + "#")
                                   for p in filled)
    out = []
    for part in parts:
        if not part.strip():
            out.append(part)
            continue
        # A line is a heading, a list item or plain text: never two at once.
        plain = _plain(part).lstrip()
        out.append(plain if already else marker + plain)
    return "\n".join(out)


def toggle_list(lines: str, numbered: bool) -> str:
    """Make each non-blank line a list item (``- `` or ``1. ``…), or plain when all already are."""
    parts = _split_lines(lines)
    pattern = _NUMBER if numbered else _BULLET
    filled = [p for p in parts if p.strip()]
    already = bool(filled) and all(pattern.match(p) for p in filled)
    out = []
    number = 0
    for part in parts:
        if not part.strip():
            out.append(part)
            continue
        plain = _plain(part)
        if already:
            out.append(plain)
            continue
        number += 1
        indent = plain[: len(plain) - len(plain.lstrip())]
        out.append(f"{indent}{number}. {plain.lstrip()}" if numbered
                   else f"{indent}- {plain.lstrip()}")
    return "\n".join(out)


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``insert``; ``line`` is the 1-based line of the change."""

    start: int
    end: int
    insert: str
    line: int

    def apply(self, text: str) -> str:
        """``text`` with this edit made."""
        return text[: self.start] + self.insert + text[self.end:]


def yaml_scalar(value: str) -> str:
    """``value`` written so YAML reads it back exactly: plain when safe, else double-quoted."""
    value = " ".join(value.split())
    try:
        if value and yaml.safe_load(f"k: {value}") == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    # JSON strings are YAML double-quoted strings.
    return json.dumps(value, ensure_ascii=False)


def vocabulary_edit(text: str, word: str, definition: str) -> TextEdit:
    """Where and what to insert in lesson file ``text`` to add ``word: definition``.

    The entry goes at the end of the front matter's ``vocabulary:`` block,
    indented like the entries already there, or in a new block just before
    the closing ``---``. Raises :class:`MarkupError` with one plain sentence
    when there is no front matter, the word is already a key word, or the
    key words are written in a form this cannot extend.
    """
    word = " ".join(word.split()).strip(".,;:!?\"'“”‘’()")
    definition = " ".join(definition.split())
    if not word:
        raise MarkupError("Select a word in the lesson first.")
    if not definition:
        raise MarkupError(f"Give “{word}” a short definition to add it as a key word.")
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")) or lines[0].startswith("..."):
        raise MarkupError("This lesson has no front matter (the lines between --- at the top), "
                          "so a key word cannot be added.")
    close = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r\n"))),
                 None)
    if close is None:
        raise MarkupError("The front matter at the top has no closing --- line.")
    try:
        data = yaml.safe_load("".join(lines[1:close])) or {}
    except yaml.YAMLError as error:
        raise MarkupError("Fix the front matter at the top first; it is not valid YAML.") \
            from error
    vocabulary = data.get("vocabulary") if isinstance(data, dict) else None
    if isinstance(vocabulary, dict) and any(str(k).strip().lower() == word.lower()
                                            for k in vocabulary):
        raise MarkupError(f"“{word}” is already a key word.")

    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    start = next((i for i in range(1, close) if _VOCABULARY.match(lines[i].rstrip("\r\n"))),
                 None)
    entry_text = f"{yaml_scalar(word)}: {yaml_scalar(definition)}"
    if start is None:
        insert = f"vocabulary:{newline}  {entry_text}{newline}"
        return TextEdit(offsets[close], offsets[close], insert, close + 1)
    rest = _VOCABULARY.match(lines[start].rstrip("\r\n")).group(1)
    rest = rest.split(" #")[0].strip()
    if rest in _EMPTY_VALUES:
        # The block's entries: every following indented (or blank) line.
        last = start
        indent = "  "
        for i in range(start + 1, close):
            body = lines[i].rstrip("\r\n")
            if not body.strip():
                continue
            if not body[0].isspace():
                break
            if last == start:
                indent = body[: len(body) - len(body.lstrip())]
            last = i
        head = f"vocabulary:{newline}" if rest else ""
        if rest:  # "vocabulary: {}" becomes a block with this one entry
            return TextEdit(offsets[start], offsets[start + 1],
                            f"{head}{indent}{entry_text}{newline}", start + 2)
        ending = "" if lines[last].endswith(("\n", "\r")) else newline
        return TextEdit(offsets[last + 1], offsets[last + 1],
                        f"{ending}{indent}{entry_text}{newline}", last + 2)
    raise MarkupError("The key words are written on one line; put each on its own line "
                      "under 'vocabulary:' to add one here.")
