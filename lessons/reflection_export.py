"""Practice records as Markdown: a record a teacher can keep as CPD evidence.

One session, or several as a log: title, date, time spent, the scenario and
a summary of the pupil, what the teacher changed, the checker's scores
before and after with the difference, and the reflections, ending with a
line saying it was made with Lesson Lab offline and nothing was sent
anywhere. Text the teacher typed is escaped, so an answer can never turn
into a heading or a link. ``app/reflection_pdf.py`` prints the same Markdown
as a PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from lessons.atomic_file import write_text_atomically
from lessons.reflection import PracticeSession, ScoreChange

OFFLINE_LINE = "Made with Lesson Lab on this computer, offline. Nothing was sent anywhere."
LOG_TITLE = "Lesson Lab practice log"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """``text`` as literal Markdown: no emphasis, links, HTML, headings or lists."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _paragraphs(text: str) -> str:
    """Escaped text, keeping the teacher's paragraphs and line breaks."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return "\n\n".join("\\\n".join(escape(line.strip()) for line in b.splitlines())
                       for b in blocks)


def long_date(when: datetime) -> str:
    """"Friday 27 November 2026 at 17:53", in the record's own local time."""
    return (f"{DAYS[when.weekday()]} {when.day} {MONTHS[when.month - 1]} {when.year} "
            f"at {when:%H:%M}")


def short_date(when: datetime) -> str:
    """"27 November 2026"."""
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


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


def _target_text(change: ScoreChange) -> str:
    if change.target is None:
        return "no target"
    return f"{score_text(change.target)} ({'reached' if change.met else 'not yet reached'})"


def session_title(session: PracticeSession) -> str:
    """"Adapting "The water cycle" for Maya (Year 4)"."""
    return (f"Adapting “{session.lesson_title}” for {session.pupil.name} "
            f"({session.pupil.year_group})")


def session_markdown(session: PracticeSession, *, level: int = 1, footer: bool = True) -> str:
    """One practice session as Markdown; ``level`` is its title's heading level."""
    h1, h2 = "#" * level, "#" * (level + 1)
    pupil = session.pupil
    lines = [f"{h1} {escape(session_title(session))}", ""]
    if level == 1:
        lines += ["A record of a practice session in Lesson Lab, kept as evidence of "
                  "continuing professional development (CPD).", ""]
    profile = escape(session.profile_after)
    if session.profile_after != session.profile_before:
        profile = f"{escape(session.profile_before)} → {profile}"
    lines += [
        f"- **Date:** {long_date(session.started)}",
        f"- **Time spent:** {duration_words(session.duration_seconds)}",
        f"- **Scenario:** {escape(pupil.title)}",
        f"- **Lesson:** {escape(session.lesson_title)} "
        f"({escape(Path(session.lesson_path).name)})",
        f"- **Profile:** {profile}",
        f"- **Record:** {session.id}",
        "",
        f"{h2} The pupil",
        "",
    ]
    about = []
    if pupil.needs:
        about.append(f"Needs: {escape(', '.join(pupil.needs))}.")
    if pupil.support:
        about.append(f"Support: {escape(pupil.support)}.")
    if about:
        lines += [" ".join(about), ""]
    if pupil.summary:
        lines += [escape(pupil.summary), ""]
    for heading, items in (("Strengths", pupil.strengths), ("What helps", pupil.what_helps)):
        if items:
            lines += [f"**{heading}**", ""] + [f"- {escape(item)}" for item in items] + [""]
    if pupil.task:
        lines += [f"{h2} The task", "", escape(pupil.task), ""]
    lines += [f"{h2} What I changed", ""]
    changed = [escape(sentence) for sentence in session.setting_changes]
    if session.text_changes.total:
        changed.append(escape(session.text_changes.summary))
    if changed:
        lines += [f"- {item}" for item in changed]
    else:
        lines.append("No profile settings or lesson text were changed.")
    lines += ["", f"{h2} Scores before and after", ""]
    changes = session.score_changes()
    if changes:
        lines += [
            "The clear-print checker's scores, out of 100.",
            "",
            "| Need | Before | After | Difference | Target |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {escape(c.label)} | {score_text(c.before)} | {score_text(c.after)} | "
            f"{difference_text(c)} | {_target_text(c)} |"
            for c in changes
        ]
    else:
        lines.append("The lesson was not checked in this session.")
    lines += ["", f"{h2} Reflections", ""]
    if session.reflections:
        for reflection in session.reflections:
            lines += [f"**{escape(reflection.question)}**", ""]
            answer = _paragraphs(reflection.answer)
            lines += [answer if answer else "*Not answered.*", ""]
    else:
        lines += ["No reflections were written.", ""]
    if footer:
        lines += ["---", "", f"*{OFFLINE_LINE}*", ""]
    return "\n".join(lines)


def log_markdown(sessions: Sequence[PracticeSession], title: str = LOG_TITLE) -> str:
    """Several sessions as one Markdown log, oldest first, with a short summary."""
    ordered = sorted(sessions, key=lambda s: (s.started.timestamp(), s.id))
    lines = [f"# {escape(title)}", ""]
    if not ordered:
        lines += ["No practice sessions have been saved yet.", "", "---", "",
                  f"*{OFFLINE_LINE}*", ""]
        return "\n".join(lines)
    total = sum(s.duration_seconds for s in ordered)
    count = "1 practice session" if len(ordered) == 1 else f"{len(ordered)} practice sessions"
    first, last = short_date(ordered[0].started), short_date(ordered[-1].started)
    when = f"on {first}" if first == last else f"from {first} to {last}"
    lines += [
        f"A record of {count} in Lesson Lab {when}, {duration_words(total)} in all, "
        "kept as evidence of continuing professional development (CPD).",
        "",
    ]
    for session in ordered:
        lines += [session_markdown(session, level=2, footer=False)]
    lines += ["---", "", f"*{OFFLINE_LINE}*", ""]
    return "\n".join(lines)


def record_markdown(sessions: Sequence[PracticeSession]) -> str:
    """One session as its own record, or several as a log."""
    if len(sessions) == 1:
        return session_markdown(sessions[0])
    return log_markdown(sessions)


def write_markdown(sessions: Sequence[PracticeSession], path: str | Path) -> Path:
    """Write ``record_markdown(sessions)`` to ``path`` (atomically). Returns the path."""
    return write_text_atomically(path, record_markdown(sessions))
