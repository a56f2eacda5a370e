"""The reflection log: one record per practice session, kept on this computer.

A practice session is a teacher working through a pupil scenario: they open
the scenario's lesson, adapt it (profile settings and lesson text), see the
checker's scores before and after, and answer the reflection questions. The
record keeps all of that, plus the date and how long it took, as CPD
evidence. Scores are plain numbers per need (``{"vi": 54, "slcn": 71}``), so
the log does not depend on the checker's code.

Records are JSON files in ``<data folder>/reflections/`` (the data folder is
``LESSON_LAB_DATA`` or the platform's user data folder for "lesson-lab").
Writes are atomic; a file that cannot be read is skipped with a plain
message, never a crash, and left on disk. Nothing is sent anywhere.

Typical use from the practice screen::

    start = begin_practice(scenario, lesson.source, lesson.title, lesson.body,
                           profile, report)        # when the scenario opens
    ...                                             # the teacher adapts the lesson
    session = start.finish(new_body, new_profile, new_report,
                           {"What did you change first, and why?": "…"})
    ReflectionStore().save(session)
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from lessons.atomic_file import write_text_atomically
from lessons.data_folder import data_folder
from lessons.profile import Profile
from lessons.profile_diff import TextChanges, describe_profile_changes, lesson_text_changes
from lessons.save_problem import disk_cause
from lessons.scenarios import SCORE_LABELS, Scenario

REFLECTIONS_FOLDER = "reflections"
FORMAT = "lesson-lab-practice-session"
VERSION = 1
MAX_RECORD_BYTES = 1024 * 1024
RECORD_ID = re.compile(r"[0-9]{8}-[0-9]{6}-[a-z0-9-]{1,60}")


def reflections_dir() -> Path:
    """The folder holding the practice records (not created here)."""
    return data_folder() / REFLECTIONS_FOLDER


@dataclass(frozen=True)
class Reflection:
    """One reflection question and the teacher's answer ("" when not answered)."""

    question: str
    answer: str = ""


@dataclass(frozen=True)
class Pupil:
    """What the record keeps of the scenario, so it reads well even if the scenario changes."""

    scenario_id: str
    name: str
    year_group: str
    headline: str = ""
    needs: tuple[str, ...] = ()  # needs in words
    support: str = ""
    summary: str = ""
    strengths: tuple[str, ...] = ()
    what_helps: tuple[str, ...] = ()
    task: str = ""
    targets: tuple[tuple[str, float], ...] = ()  # (scored need, target)

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> Pupil:
        """The snapshot of ``scenario`` a record keeps."""
        return cls(
            scenario_id=scenario.id, name=scenario.name, year_group=scenario.year_group,
            headline=scenario.headline, needs=scenario.need_labels, support=scenario.support,
            summary=scenario.summary, strengths=scenario.strengths,
            what_helps=scenario.what_helps, task=scenario.task, targets=scenario.success,
        )

    @property
    def title(self) -> str:
        """"Maya, Year 4: low vision"."""
        about = self.headline or ", ".join(self.needs)
        return f"{self.name}, {self.year_group}: {about}" if about else \
            f"{self.name}, {self.year_group}"


@dataclass(frozen=True)
class ScoreChange:
    """One need's score before and after, and the target if the scenario set one."""

    need: str
    label: str
    before: float | None
    after: float | None
    target: float | None = None

    @property
    def difference(self) -> float | None:
        """After minus before; None when either is missing."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def met(self) -> bool | None:
        """Whether the after score reaches the target; None when there is no target."""
        if self.target is None:
            return None
        return self.after is not None and self.after >= self.target


@dataclass(frozen=True, eq=False)
class PracticeSession:
    """One practice session, as saved in the reflection log."""

    id: str
    pupil: Pupil
    lesson_path: str
    lesson_title: str
    profile_before: str
    profile_after: str
    scores_before: dict[str, float]
    scores_after: dict[str, float]
    setting_changes: tuple[str, ...]  # sentences: "Font size: 12 pt → 18 pt"
    text_changes: TextChanges
    reflections: tuple[Reflection, ...]
    started: datetime  # local time, with its UTC offset
    duration_seconds: int

    @property
    def scenario_id(self) -> str:
        return self.pupil.scenario_id

    def score_changes(self) -> list[ScoreChange]:
        """Each need with a score, checker order first, with its target."""
        targets = dict(self.pupil.targets)
        needs = [n for n in SCORE_LABELS if n in self.scores_before or n in self.scores_after]
        extra = sorted((set(self.scores_before) | set(self.scores_after)) - set(needs))
        return [
            ScoreChange(n, SCORE_LABELS.get(n, n), self.scores_before.get(n),
                        self.scores_after.get(n), targets.get(n))
            for n in needs + extra
        ]

    @property
    def targets_met(self) -> bool:
        """True when every target the scenario set was reached."""
        return all(change.met for change in self.score_changes() if change.met is not None)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PracticeSession) and self.to_dict() == other.to_dict()

    __hash__ = None  # records hold dicts: compare them, do not hash them

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the JSON file."""
        pupil = self.pupil
        return {
            "format": FORMAT,
            "version": VERSION,
            "id": self.id,
            "started": self.started.isoformat(timespec="seconds"),
            "duration_seconds": self.duration_seconds,
            "scenario": {
                "id": pupil.scenario_id, "name": pupil.name, "year_group": pupil.year_group,
                "headline": pupil.headline, "needs": list(pupil.needs),
                "support": pupil.support, "summary": pupil.summary,
                "strengths": list(pupil.strengths), "what_helps": list(pupil.what_helps),
                "task": pupil.task, "targets": dict(pupil.targets),
            },
            "lesson": {"path": self.lesson_path, "title": self.lesson_title},
            "profile": {"before": self.profile_before, "after": self.profile_after},
            "scores": {"before": dict(self.scores_before), "after": dict(self.scores_after)},
            "changes": {"settings": list(self.setting_changes),
                        "lesson_text": self.text_changes.to_dict()},
            "reflections": [{"question": r.question, "answer": r.answer}
                            for r in self.reflections],
        }

    @classmethod
    def from_dict(cls, data: Any) -> PracticeSession:
        """Read a record; ``ValueError`` with a plain reason when it is unusable."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("it is not a Lesson Lab practice record")
        if not isinstance(data.get("version"), int) or data["version"] > VERSION:
            raise ValueError("it was saved by a newer version of Lesson Lab")
        from lessons.reflection_reading import Unusable, session_from

        try:
            return session_from(data)
        except Unusable:
            raise
        except (KeyError, TypeError, AttributeError, IndexError, ValueError,
                OverflowError) as error:
            # Python's own words ("string indices must be integers") help no teacher.
            raise ValueError("part of the record is missing or damaged") from error


def normalise_scores(scores: Any) -> dict[str, float]:
    """Scores per need as plain numbers, from a mapping or a checker report.

    Accepts ``{"vi": 54, …}``, or any object with a ``scores`` mapping (such as
    the checker's report), whose values may themselves be numbers or objects
    with a ``score`` or ``value`` number. Needs are lower-cased; numbers that
    are not finite, and values that are not numbers, raise ``ValueError``.
    """
    if not isinstance(scores, Mapping):
        inner = getattr(scores, "scores", None)
        if callable(inner):
            inner = inner()
        if not isinstance(inner, Mapping):
            raise ValueError("scores should be a number for each need, such as {'vi': 80}")
        scores = inner
    result: dict[str, float] = {}
    for need, value in scores.items():
        number = value
        for attribute in ("score", "value"):
            if not isinstance(number, (int, float)) and hasattr(number, attribute):
                number = getattr(number, attribute)
        if isinstance(number, bool) or not isinstance(number, (int, float)) \
                or not math.isfinite(number):
            raise ValueError(f"the score for {need} should be a number")
        result[str(getattr(need, "value", need)).lower()] = float(number)
    return result


def _reflections(answers: Mapping[str, str] | Iterable[Any]) -> tuple[Reflection, ...]:
    items = answers.items() if isinstance(answers, Mapping) else answers
    out: list[Reflection] = []
    for item in items:
        if isinstance(item, Reflection):
            out.append(Reflection(item.question.strip(), item.answer.strip()))
        else:
            question, answer = item
            out.append(Reflection(str(question).strip(), str(answer or "").strip()))
    return tuple(out)


def session_id(started: datetime, scenario_id: str) -> str:
    """A record's id: the start time and the scenario, such as "20250301-142530-year4-…"."""
    slug = "-".join(re.findall(r"[a-z0-9]+", scenario_id.lower()))[:60].strip("-") or "practice"
    return f"{started:%Y%m%d-%H%M%S}-{slug}"


@dataclass(frozen=True, eq=False)
class PracticeStart:
    """The lesson as it was when a practice session began; ``finish`` makes the record."""

    scenario: Scenario
    lesson_path: str
    lesson_title: str
    lesson_text: str
    profile: Profile
    scores: dict[str, float]
    started: datetime
    _clock: float = field(default_factory=time.monotonic)

    def finish(
        self,
        lesson_text: str,
        profile: Profile,
        scores: Any,
        reflections: Mapping[str, str] | Iterable[Any] = (),
        *,
        duration_seconds: int | None = None,
    ) -> PracticeSession:
        """The record of the session, comparing the lesson and profile now with the start.

        ``scores`` is a mapping of need to number or a checker report;
        ``reflections`` maps each question to its answer (or is a list of
        pairs or ``Reflection``). The duration is measured from the start
        unless given.
        """
        if duration_seconds is None:
            duration_seconds = round(time.monotonic() - self._clock)
        return PracticeSession(
            id=session_id(self.started, self.scenario.id),
            pupil=Pupil.from_scenario(self.scenario),
            lesson_path=self.lesson_path,
            lesson_title=self.lesson_title,
            profile_before=self.profile.name,
            profile_after=profile.name,
            scores_before=dict(self.scores),
            scores_after=normalise_scores(scores),
            setting_changes=tuple(describe_profile_changes(self.profile, profile)),
            text_changes=lesson_text_changes(self.lesson_text, lesson_text),
            reflections=_reflections(reflections),
            started=self.started,
            duration_seconds=max(0, int(duration_seconds)),
        )


def begin_practice(
    scenario: Scenario,
    lesson_path: str | Path,
    lesson_title: str,
    lesson_text: str,
    profile: Profile,
    scores: Any,
    *,
    started: datetime | None = None,
) -> PracticeStart:
    """Note the lesson, profile and scores as a practice session begins.

    ``started`` defaults to now, in local time; a time without a time zone is
    taken as local time.
    """
    when = started if started is not None and started.tzinfo is not None \
        else (started or datetime.now()).astimezone()
    when = when.replace(microsecond=0)
    return PracticeStart(scenario, str(lesson_path), lesson_title, lesson_text, profile,
                         normalise_scores(scores), when)


class ReflectionSaveError(OSError):
    """A record could not be written to the log; ``str()`` is one plain sentence.

    Keeps the disk's error number (``errno``) for callers that word it themselves.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__(error.errno, error.strerror, error.filename)
        self.sentence = (
            f"The practice record could not be saved in your reflection log: "
            f"{disk_cause(error)}. Your answers are still here: save again once this is "
            f"put right, or export the record to another place, such as a USB stick.")

    def __str__(self) -> str:
        return self.sentence


@dataclass(frozen=True)
class SkippedRecord:
    """A record file that could not be read."""

    path: Path
    reason: str

    @property
    def message(self) -> str:
        """One plain sentence for the user."""
        return (f'The practice record "{self.path.name}" could not be read, so it was '
                f"skipped: {self.reason}.")


class ReflectionStore:
    """The practice records in one folder. Every call reads the folder afresh."""

    def __init__(self, folder: Path | None = None) -> None:
        """``folder`` defaults to ``reflections_dir()``."""
        self.folder = Path(folder) if folder is not None else reflections_dir()

    def save(self, session: PracticeSession) -> Path:
        """Write ``session`` (replacing an earlier save of the same id). Returns the file.

        Raises :class:`ReflectionSaveError` (an ``OSError`` in one plain
        sentence) when the disk refuses; an earlier save of it is then intact.
        """
        if not RECORD_ID.fullmatch(session.id):
            raise ValueError("this practice record has an id Lesson Lab did not make")
        path = self.folder / f"{session.id}.json"
        text = json.dumps(session.to_dict(), indent=2, ensure_ascii=False) + "\n"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return write_text_atomically(path, text)
        except OSError as error:
            raise ReflectionSaveError(error) from error

    def sessions(self) -> list[PracticeSession]:
        """Every readable record, newest first."""
        return self._scan()[0]

    def problems(self) -> list[SkippedRecord]:
        """The files skipped because they could not be read, with the reason for each."""
        return self._scan()[1]

    def find(self, ref: str) -> PracticeSession | None:
        """The record with id ``ref``, or whose id alone starts with ``ref``; else None."""
        return self._match(ref)[0]

    def get(self, ref: str) -> PracticeSession:
        """Like ``find``, but ``KeyError`` with a plain message when there is not exactly one."""
        found, count = self._match(ref)
        if found is not None:
            return found
        if count > 1:
            raise KeyError(f'"{ref}" matches {count} practice records; give more of the id')
        raise KeyError(f'there is no practice record "{ref}"')

    def delete(self, ref: str) -> None:
        """Delete the record ``ref`` (an id, or the start of one)."""
        session = self.get(ref)
        (self.folder / f"{session.id}.json").unlink()

    def _match(self, ref: str) -> tuple[PracticeSession | None, int]:
        ref = ref.strip().lower()
        sessions = self.sessions()
        exact = [s for s in sessions if s.id == ref]
        if exact:
            return exact[0], 1
        matches = [s for s in sessions if ref and s.id.startswith(ref)]
        return (matches[0] if len(matches) == 1 else None), len(matches)

    def _scan(self) -> tuple[list[PracticeSession], list[SkippedRecord]]:
        sessions: list[PracticeSession] = []
        skipped: list[SkippedRecord] = []
        if not self.folder.is_dir():
            return sessions, skipped
        # Hidden files are writes in progress (or left by a crash).
        for path in sorted(p for p in self.folder.glob("*.json") if not p.name.startswith(".")):
            try:
                session = _read_record(path)
            except ValueError as error:
                skipped.append(SkippedRecord(path, str(error)))
                continue
            sessions.append(session)
        sessions.sort(key=lambda s: (s.started.timestamp(), s.id), reverse=True)
        return sessions, skipped


def _read_record(path: Path) -> PracticeSession:
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise ValueError("it is far too big to be a practice record")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ValueError("it is not UTF-8 text") from error
    except IsADirectoryError as error:
        raise ValueError("it is a folder, not a file") from error
    except PermissionError as error:
        raise ValueError("Lesson Lab is not allowed to read it") from error
    except OSError as error:  # the system's words ("Input/output error") help no teacher
        raise ValueError("the disk would not give it back") from error
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise ValueError("it is not valid JSON (it may have been cut short)") from error
    session = PracticeSession.from_dict(data)
    if path.stem != session.id:
        raise ValueError(f'it holds the record "{session.id}" under another file name')
    return session
