"""The reflection log as a teacher reads it: one line per record, newest first.

``read_log`` turns the folder of practice records (``lessons.reflection``)
into entries for a list: each readable record with its date, lesson and
pupil, and each file that could not be read as one plain sentence, in its
place by the time in its name (so one damaged file never hides the others,
and never stops the list from showing). No Qt here; the window is
``app/practice/reflection_log_window.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from lessons.british_dates import long_date, short_date
from lessons.reflection import PracticeSession, ReflectionStore, SkippedRecord

EMPTY_LOG = ("Your reflection log is empty. To add to it, choose Practice › Practise with a "
             "pupil scenario… (Ctrl+Shift+R), work through a scenario, and on step 3, "
             "Reflect, choose Save to my reflection log (Ctrl+S).")
_STAMP = re.compile(r"^([0-9]{8}-[0-9]{6})")


@dataclass(frozen=True)
class LogEntry:
    """One line of the log: a readable record (``session``) or a file that was not."""

    session: PracticeSession | None = None
    problem: SkippedRecord | None = None

    @property
    def text(self) -> str:
        """The line the list shows: date, lesson and pupil, or why the file was skipped."""
        if self.session is not None:
            return entry_text(self.session)
        assert self.problem is not None
        return self.problem.message

    @property
    def readable(self) -> bool:
        """True for a record that can be shown and saved."""
        return self.session is not None


def entry_matches(entry: LogEntry, query: str) -> bool:
    """Whether every word of ``query`` is in the entry: its line in the list (the date,
    lesson and pupil), the pupil's needs, the profiles used and the teacher's answers.
    Capitals do not matter ("maya dyslexia", "march ruler")."""
    words = query.casefold().split()
    if not words:
        return True
    parts = [entry.text]
    session = entry.session
    if session is not None:
        parts += [*session.pupil.needs, session.profile_before, session.profile_after,
                  *(reflection.answer for reflection in session.reflections)]
    found = " ".join(parts).casefold()
    return all(word in found for word in words)


def entry_text(session: PracticeSession) -> str:
    """"Friday 28 November 2026 at 20:57 — Plants — Sam, Year 1: Down syndrome"."""
    return f"{long_date(session.started)} — {session.lesson_title} — {session.pupil.title}"


def _file_time(problem: SkippedRecord) -> float | None:
    """The time in a record's file name ("20261128-205740-…"), as a timestamp; else None."""
    match = _STAMP.match(problem.path.name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").timestamp()
    except ValueError:  # 20261399-…: digits, but not a date
        return None


def read_log(store: ReflectionStore) -> list[LogEntry]:
    """Every record in ``store``, newest first, damaged files among them by their names'
    time (those with none at the end). Never raises for a file it cannot read."""
    dated: list[tuple[float, int, LogEntry]] = []
    undated: list[LogEntry] = []
    for session in store.sessions():
        dated.append((session.started.timestamp(), 1, LogEntry(session=session)))
    for problem in store.problems():
        when = _file_time(problem)
        if when is None:
            undated.append(LogEntry(problem=problem))
        else:
            dated.append((when, 0, LogEntry(problem=problem)))
    # sort() is stable: records at the same second keep the store's order (newest first).
    dated.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [entry for _when, _kind, entry in dated] + undated


def log_file_name(today: date, fmt: str) -> str:
    """The name to suggest for the whole log: "Reflection log - 28 November 2026.docx"."""
    return f"Reflection log - {short_date(today)}.{fmt}"
