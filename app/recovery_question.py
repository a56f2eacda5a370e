"""The question a pupil sees when Lesson Lab closed before their dictation was finished.

After a long session the start of the text says little: a pupil decides by
whether their latest words are there. So the question says how much there
is and when it was last saved, and shows how the text *ends*.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from widgets.button_question import ACCEPT, REJECT, Choice, ask_buttons

#: How much of the end of the text the question shows (characters).
ENDING_CHARS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecoveryQuestion", text)


def when_saved(saved_at: datetime, now: datetime) -> str:
    """"today at 10:42", "yesterday at 15:10" or "on Tuesday 24 November at 09:05"."""
    clock = f"{saved_at:%H:%M}"
    if saved_at.date() == now.date():
        return _tr("today at {time}").format(time=clock)
    if saved_at.date() == (now - timedelta(days=1)).date():
        return _tr("yesterday at {time}").format(time=clock)
    day = f"{saved_at:%A} {saved_at.day} {saved_at:%B}"
    if saved_at.year != now.year:
        day += f" {saved_at.year}"
    return _tr("on {day} at {time}").format(day=day, time=clock)


def ending(text: str, chars: int = ENDING_CHARS) -> str:
    """The last ``chars`` or so of ``text``, starting at a whole word ("…" when cut)."""
    text = text.strip()
    if len(text) <= chars:
        return text
    tail = text[-chars:]
    space = tail.find(" ")
    if 0 <= space < len(tail) - 1:
        tail = tail[space + 1:]
    return "…" + tail.lstrip()


def describe(text: str, saved_at: datetime | None, now: datetime | None = None) -> str:
    """What the question says about the text: its size, when it was saved, how it ends."""
    words = sum(any(ch.isalnum() for ch in word) for word in text.split())  # not emoji
    size = _tr("1 word") if words == 1 else _tr("{count} words").format(count=f"{words:,}")
    if saved_at is not None:
        first = _tr("{size}, last saved {when}.").format(
            size=size, when=when_saved(saved_at, now or datetime.now()))
    else:
        first = size + "."
    return first + "\n\n" + _tr("It ends:") + "\n" + ending(text)


def ask_to_bring_back(parent: QWidget | None, text: str, saved_at: datetime | None) -> bool:
    """Ask whether to bring back ``text``; True for "Bring it back"."""
    return ask_buttons(
        parent, _tr("Bring back your dictation?"),
        _tr("Lesson Lab closed before your dictation was finished. "
            "Do you want to bring back what you had written?"), describe(text, saved_at),
        [Choice(_tr("&Bring it back"), ACCEPT, True), Choice(_tr("&Start afresh"), REJECT, False)],
        default=True)
