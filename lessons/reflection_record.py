"""What a practice record says, as blocks every export format lays out its own way.

A record is a list of blocks (headings, paragraphs, facts, lists, the score
table, answers, the closing line); the Word document
(``lessons.reflection_docx``), the plain text and Markdown
(``lessons.reflection_export``) and the PDF (``app.reflection_pdf``) are
made from the same blocks, so they cannot drift apart. The text is plain:
no markup, the teacher's words exactly as typed (each format escapes what it
must). Dates are written the British way: "Friday 14 March 2025".

Heading levels: a single record's title is level 1, its sections (The pupil,
What I changed, Scores before and after, Reflections …) level 2, and each
reflection question, numbered as on the reflection page, a level 3 heading
with the answer below it ("Not answered." when it was left blank). In a log of
several records, everything is one level lower under the log's title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lessons.british_dates import long_date, short_date
from lessons.reflection import PracticeSession, ScoreChange

OFFLINE_LINE = "Made with Lesson Lab on this computer, offline. Nothing was sent anywhere."
LOG_TITLE = "Lesson Lab practice log"
NOT_ANSWERED = "Not answered."
CPD = "continuing professional development (CPD)"


@dataclass(frozen=True)
class Heading:
    """A heading; ``level`` 1 is the document's title."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text; a "\\n" in it is a line break."""

    text: str


@dataclass(frozen=True)
class Facts:
    """Label and value pairs: "Date: Friday 14 March 2025 at 09:30"."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class ScoreTable:
    """The scores before and after: table cells, and the same rows as sentences."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sentences: tuple[str, ...]  # for plain text, where a table's columns do not survive


@dataclass(frozen=True)
class Answer:
    """The teacher's answer to the question above it, in their own paragraphs."""

    paragraphs: tuple[str, ...]  # each may hold "\n" line breaks; empty when not answered

    @property
    def answered(self) -> bool:
        """False when the teacher left the question blank."""
        return bool(self.paragraphs)


@dataclass(frozen=True)
class ClosingLine:
    """The record's last line: made offline, nothing sent anywhere."""

    text: str = OFFLINE_LINE


Block = Heading | Paragraph | Facts | Bullets | ScoreTable | Answer | ClosingLine


def duration_words(seconds: int) -> str:
    """"less than a minute", "1 minute", "1 hour 5 minutes"."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "less than a minute"
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append("1 hour" if hours == 1 else f"{hours} hours")
    if minutes:
        parts.append("1 minute" if minutes == 1 else f"{minutes} minutes")
    return " ".join(parts)


def score_text(value: float | None) -> str:
    """A score as shown: whole numbers plainly, others to one decimal place."""
    if value is None:
        return "not checked"
    return f"{round(value)}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def difference_text(change: ScoreChange) -> str:
    """"+12", "-3", "0", or "–" when a score is missing."""
    diff = change.difference
    if diff is None:
        return "–"
    shown = score_text(abs(diff))
    if shown == "0":
        return "0"
    return f"+{shown}" if diff > 0 else f"-{shown}"


def target_text(change: ScoreChange) -> str:
    """"90 (reached)", "90 (not yet reached)" or "no target"."""
    if change.target is None:
        return "no target"
    return f"{score_text(change.target)} ({'reached' if change.met else 'not yet reached'})"


def session_title(session: PracticeSession) -> str:
    """"Adapting "The water cycle" for Maya (Year 4)"."""
    return (f"Adapting “{session.lesson_title}” for {session.pupil.name} "
            f"({session.pupil.year_group})")


def answer_paragraphs(text: str) -> tuple[str, ...]:
    """The teacher's paragraphs (split at blank lines), each keeping its line breaks."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return tuple("\n".join(line.strip() for line in block.strip().splitlines())
                 for block in blocks if block.strip())


def _score_sentence(change: ScoreChange) -> str:
    """"Visual impairment: 41 before, 93 after (+52); target 90 (reached)"."""
    sentence = f"{change.label}: {score_text(change.before)} before, " \
               f"{score_text(change.after)} after"
    if change.difference is not None:
        sentence += f" ({difference_text(change)})"
    target = "no target" if change.target is None else f"target {target_text(change)}"
    return f"{sentence}; {target}"


def session_blocks(session: PracticeSession, *, level: int = 1) -> list[Block]:
    """One practice session as blocks; ``level`` is its title's heading level."""
    section, sub = level + 1, level + 2
    pupil = session.pupil
    blocks: list[Block] = [Heading(level, session_title(session))]
    if level == 1:
        blocks.append(Paragraph(f"A record of a practice session in Lesson Lab, kept as "
                                f"evidence of {CPD}."))
    profile = session.profile_after
    if session.profile_after != session.profile_before:
        profile = f"{session.profile_before} → {profile}"
    blocks += [
        Facts((
            ("Date", long_date(session.started)),
            ("Time spent", duration_words(session.duration_seconds)),
            ("Scenario", pupil.title),
            ("Lesson", f"{session.lesson_title} ({Path(session.lesson_path).name})"),
            ("Profile", profile),
            ("Record", session.id),
        )),
        Heading(section, "The pupil"),
    ]
    about = []
    if pupil.needs:
        about.append(f"Needs: {', '.join(pupil.needs)}.")
    if pupil.support:
        about.append(f"Support: {pupil.support}.")
    if about:
        blocks.append(Paragraph(" ".join(about)))
    if pupil.summary:
        blocks.append(Paragraph(pupil.summary))
    for heading, items in (("Strengths", pupil.strengths), ("What helps", pupil.what_helps)):
        if items:
            blocks += [Heading(sub, heading), Bullets(tuple(items))]
    if pupil.task:
        blocks += [Heading(section, "The task"), Paragraph(pupil.task)]
    blocks.append(Heading(section, "What I changed"))
    changed = list(session.setting_changes)
    if session.text_changes.total:
        changed.append(session.text_changes.summary)
    blocks.append(Bullets(tuple(changed)) if changed
                  else Paragraph("No profile settings or lesson text were changed."))
    blocks.append(Heading(section, "Scores before and after"))
    changes = session.score_changes()
    if changes:
        blocks += [
            Paragraph("The clear-print checker's scores, out of 100."),
            ScoreTable(
                header=("Need", "Before", "After", "Difference", "Target"),
                rows=tuple((c.label, score_text(c.before), score_text(c.after),
                            difference_text(c), target_text(c)) for c in changes),
                sentences=tuple(_score_sentence(c) for c in changes),
            ),
        ]
    else:
        blocks.append(Paragraph("The lesson was not checked in this session."))
    blocks.append(Heading(section, "Reflections"))
    # Numbered as on the reflection page, so "question 2" means the same everywhere.
    for number, reflection in enumerate(session.reflections, start=1):
        blocks += [Heading(sub, f"{number}. {reflection.question}"),
                   Answer(answer_paragraphs(reflection.answer))]
    if not session.reflections:
        blocks.append(Paragraph("No reflections were written."))
    return blocks


def log_blocks(sessions: Sequence[PracticeSession], title: str = LOG_TITLE) -> list[Block]:
    """Several sessions as one log, oldest first, with a short summary at the top."""
    ordered = sorted(sessions, key=lambda s: (s.started.timestamp(), s.id))
    blocks: list[Block] = [Heading(1, title)]
    if not ordered:
        return blocks + [Paragraph("No practice sessions have been saved yet."), ClosingLine()]
    total = sum(s.duration_seconds for s in ordered)
    count = "1 practice session" if len(ordered) == 1 else f"{len(ordered)} practice sessions"
    first, last = short_date(ordered[0].started), short_date(ordered[-1].started)
    when = f"on {first}" if first == last else f"from {first} to {last}"
    blocks.append(Paragraph(f"A record of {count} in Lesson Lab {when}, "
                            f"{duration_words(total)} in all, kept as evidence of {CPD}."))
    for session in ordered:
        blocks += session_blocks(session, level=2)
    return blocks + [ClosingLine()]


def record_blocks(sessions: Sequence[PracticeSession]) -> list[Block]:
    """One session as its own record (with the closing line), or several as a log."""
    if len(sessions) == 1:
        return session_blocks(sessions[0]) + [ClosingLine()]
    return log_blocks(sessions)


def record_title(sessions: Sequence[PracticeSession]) -> str:
    """The record's title: the session's own, or the log's."""
    return session_title(sessions[0]) if len(sessions) == 1 else LOG_TITLE
