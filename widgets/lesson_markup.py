"""Pure text edits behind the lesson editor's formatting toolbar.

No Qt here: each function takes the text of a selection (or of the whole
lesson file) and returns the new text, so the editor can make each change as
one undoable step and the rules can be tested as plain strings.

- ``toggle_bold(selected)``: ``word`` ⇄ ``**word**`` (spaces stay outside);
- ``toggle_heading(lines, level)``: ``## `` / ``### `` at the start of lines;
- ``toggle_list(lines, numbered)``: ``- `` or ``1. `` at the start of lines.

Key words go into the lesson's details, which the editor edits as a form
(lessons/lesson_details.py).
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(\s*)#{1,6}[ \t]+")
_BULLET = re.compile(r"^(\s*)[-*+][ \t]+")
_NUMBER = re.compile(r"^(\s*)\d{1,3}[.)][ \t]+")


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
