"""Titles for new lessons that no lesson in the library has yet.

"Save as new lesson" suggests "The water cycle (adapted)", then "The water
cycle (adapted 2)" once that is taken, and so on; a title that is already
"… (adapted 3)" is numbered again from its own start, not "(adapted 3)
(adapted)". Titles count as the same when they differ only in capitals or
spaces, since the library would show them as two identical rows.

A title the teacher types that another lesson already has is not refused:
``choose_title`` says so plainly (``ask_same_title``, a question box) and
lets them keep it or choose another, offered as "Rain (2)".

The wording of the suffixes is given by the caller (it goes through Qt's
translation function there), as templates with ``{title}`` and ``{number}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from widgets.button_question import ACCEPT, ACTION, REJECT, Choice, ask_buttons

#: The answers ``ask_same_title`` gives.
KEEP, RENAME, CANCEL = "keep", "rename", "cancel"

TOO_MANY = 1000  # numbers tried before giving up (a library never has this many copies)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LessonTitles", text)


def title_key(title: str) -> str:
    """The form two titles are compared in: capitals and runs of spaces ignored."""
    return " ".join(title.split()).casefold()


def is_taken(title: str, taken: Iterable[str]) -> bool:
    """Whether a lesson in ``taken`` already has ``title`` (capitals and spaces ignored)."""
    key = title_key(title)
    return any(title_key(other) == key for other in taken)


def _pattern(template: str) -> re.Pattern[str]:
    """A template such as "{title} (adapted {number})" as a pattern that finds its title."""
    escaped = re.escape(template)
    escaped = escaped.replace(re.escape("{title}"), r"(?P<title>.+?)")
    escaped = escaped.replace(re.escape("{number}"), r"\d+")
    return re.compile(rf"^{escaped}$", re.DOTALL)


def base_title(title: str, first: str, later: str) -> str:
    """``title`` without a suffix made by ``first`` or ``later`` ("X (adapted 2)" -> "X")."""
    tidy = " ".join(title.split())
    for template in (later, first):
        match = _pattern(template).match(tidy)
        if match and match.group("title").strip():
            return match.group("title").strip()
    return tidy


def free_title(title: str, taken: Iterable[str], first: str, later: str) -> str:
    """The first of ``first``, then ``later`` numbered 2, 3…, made from ``title``'s base,
    that no lesson in ``taken`` has.

    ``first`` has ``{title}`` ("{title} (adapted)"); ``later`` has ``{title}`` and
    ``{number}`` ("{title} (adapted {number})").
    """
    keys = {title_key(other) for other in taken}
    base = base_title(title, first, later)
    candidate = first.format(title=base)
    number = 2
    while title_key(candidate) in keys and number < TOO_MANY:
        candidate = later.format(title=base, number=number)
        number += 1
    return candidate


def choose_title(suggestion: str, taken: Iterable[str],
                 ask_name: Callable[[str], str | None],
                 ask_same: Callable[[str], str]) -> str | None:
    """Ask for a title (offering ``suggestion``) until it is free or the teacher keeps it.

    ``ask_name(suggestion)`` asks for the title (None: cancelled);
    ``ask_same(title)`` says another lesson has it and answers KEEP, RENAME or
    CANCEL. After RENAME the title typed is offered again, numbered: "Rain (2)".
    Returns the title, spaces tidied, or None when nothing should be saved.
    """
    taken = list(taken)
    while True:
        name = " ".join((ask_name(suggestion) or "").split())
        if not name:
            return None
        if not is_taken(name, taken):
            return name
        answer = ask_same(name)
        if answer == KEEP:
            return name
        if answer != RENAME:
            return None
        suggestion = free_title(name, taken, "{title}", _tr("{title} ({number})"))


def ask_same_title(parent: QWidget | None, title: str) -> str:
    """Say that another lesson is called ``title``; KEEP, RENAME or CANCEL."""
    return ask_buttons(
        parent, _tr("Save as new lesson"),
        _tr("Another lesson in your library is already called “{title}”.").format(title=title),
        _tr("Two lessons with the same name look the same in the library. "
            "You can choose another name, or keep this one."),
        [Choice(_tr("&Choose another name…"), ACCEPT, RENAME),
         Choice(_tr("&Keep this name"), ACTION, KEEP), Choice(_tr("Cancel"), REJECT, CANCEL)],
        default=RENAME)
