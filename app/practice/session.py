"""One practice session in progress: the lesson as it was, and how to record it.

``PracticeRun`` holds the scenario, the lesson as it opened (unadapted, with
the Standard preset) and the record's start (``lessons.reflection``). It
turns the lesson as it is now into the lines the reflection page shows, the
record to save (``finish``), an exported file (a Word document, plain text
or a PDF) with the name to suggest for it, and the content of trainer mode.
No widgets here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from app.practice.trainer_view import TrainerContent
from app.reflection_pdf import export_reflection_pdf
from lessons.british_dates import short_date
from lessons.checker_model import NEEDS, Report
from lessons.file_names import safe_file_name_part
from lessons.model import Lesson
from lessons.profile import Profile
from lessons.profile_diff import describe_profile_changes, lesson_text_changes
from lessons.reflection import PracticeSession, begin_practice
from lessons.reflection_docx import write_docx
from lessons.reflection_export import write_text
from lessons.scenarios import Scenario
from widgets.checker_panel import score_text, target_text
from widgets.save_as import with_ending

# What a teacher can open: Word first, plain text for pasting anywhere, and PDF.
# (Markdown stays on the command line: most teachers have nothing that opens .md.)
EXPORT_FORMATS = ("docx", "txt", "pdf")
_WRITERS = {"docx": write_docx, "txt": write_text, "pdf": export_reflection_pdf}


def export_target(fmt: str, path: str | Path) -> tuple[str, Path]:
    """The format to write and the file to write it to, for a name the teacher chose."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"records are exported as {', '.join(EXPORT_FORMATS)}, not {fmt}")
    # The one rule for a missing ending, shared with every save dialog (widgets/save_as.py).
    target, ending = with_ending(path, EXPORT_FORMATS, fmt)
    return ending, Path(target)


def write_records(sessions: Sequence[PracticeSession], fmt: str,
                  path: str | Path) -> tuple[str, Path]:
    """Write ``sessions`` to ``path`` as a Word document, plain text or a PDF, for the
    practice window and the reflection log; returns the format written and the file.

    The format is the file name's ending when it is one of ``EXPORT_FORMATS``
    (a teacher who types "notes.txt" in the Word box gets plain text);
    otherwise ``fmt``, and its ending is added to the name. OSError when the
    folder is not there, ValueError for a format not in ``EXPORT_FORMATS``.
    """
    fmt, path = export_target(fmt, path)
    if not path.parent.is_dir():
        raise OSError(f"the folder {path.parent} does not exist")
    return fmt, _WRITERS[fmt](sessions, path)


def record_file_name(session: PracticeSession, fmt: str) -> str:
    """The name to suggest: "Reflection - The water cycle - 14 March 2025.docx".

    Safe on any system (a colon or slash in the lesson's title is replaced).
    """
    title = safe_file_name_part(session.lesson_title) or "Practice"
    return f"Reflection - {title} - {short_date(session.started)}.{fmt}"


class PracticeRun:
    """A scenario being practised: the start, and the record made from it."""

    def __init__(self, scenario: Scenario, lesson: Lesson, text: str, profile: Profile,
                 report: Report) -> None:
        self.scenario = scenario
        self.original = lesson
        self.original_text = text
        self.start = begin_practice(scenario, scenario.lesson_path, lesson.title, text,
                                    profile, report.scores)

    @property
    def scores_before(self) -> dict[str, float]:
        """The checker's scores when the lesson opened."""
        return dict(self.start.scores)

    def score_lines(self, scores: Mapping[str, float]) -> list[str]:
        """"Dyslexia 49 → 89 (+40), target 85: reached ✓" for each need."""
        targets = self.scenario.targets
        lines = []
        for need in NEEDS:
            line = score_text(need, scores.get(need), self.start.scores.get(need))
            goal = target_text(scores.get(need), targets.get(need))
            lines.append(f"{line}, {goal}" if goal else line)
        return lines

    def changes(self, text: str, profile: Profile) -> list[str]:
        """What the teacher changed: each profile setting, then the lesson text's lines."""
        changes = describe_profile_changes(self.start.profile, profile)
        text_changes = lesson_text_changes(self.original_text, text)
        if text_changes.total:
            changes.append(text_changes.summary)
        return changes

    def finish(self, text: str, profile: Profile, scores: Mapping[str, float],
               answers: Mapping[str, str]) -> PracticeSession:
        """The record of the session as it stands."""
        return self.start.finish(text, profile, dict(scores), answers)

    @staticmethod
    def export(session: PracticeSession, fmt: str, path: Path) -> Path:
        """Write ``session`` to ``path`` as a Word document, plain text or a PDF
        (``write_records``); returns the file written."""
        _fmt, written = write_records([session], fmt, path)
        return written

    def trainer_content(self, lesson: Lesson | None, text: str, profile: Profile,
                        scores: Mapping[str, float], answers: Mapping[str, str]
                        ) -> TrainerContent:
        """The session for trainer mode: before (as opened) and after (as it is now)."""
        return TrainerContent(
            scenario=self.scenario, original=self.original, adapted=lesson or self.original,
            original_profile=self.start.profile, adapted_profile=profile,
            scores_before=self.scores_before, scores_after=dict(scores),
            changes=tuple(self.changes(text, profile)),
            reflections=tuple(answers.items()))
