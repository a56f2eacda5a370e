"""Reading a saved practice record back: each part checked, a damaged one refused plainly.

:meth:`lessons.reflection.PracticeSession.from_dict` calls :func:`session_from`
on a record's JSON; a part of the wrong type, a date that is not a date or an
id Lesson Lab does not make is :class:`Unusable` with one plain phrase, which
the reflection log shows beside the file's name. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lessons.profile_diff import TextChanges
from lessons.reflection import (
    RECORD_ID,
    PracticeSession,
    Pupil,
    Reflection,
    normalise_scores,
)


class Unusable(ValueError):
    """A reason a record cannot be used that is already one plain phrase."""


def session_from(data: dict[str, Any]) -> PracticeSession:
    scenario, lesson, profile = data["scenario"], data["lesson"], data["profile"]
    session_id = _text(data["id"])
    if not RECORD_ID.fullmatch(session_id):
        raise Unusable("its id is not one Lesson Lab makes")
    try:
        started = datetime.fromisoformat(_text(data["started"]))
        if started.tzinfo is None:  # year 1 here can be year 0 in UTC: ValueError
            started = started.astimezone()
    except (ValueError, OverflowError) as error:
        raise Unusable("its date is not a date") from error
    duration = data["duration_seconds"]
    if isinstance(duration, bool) or not isinstance(duration, int) or duration < 0:
        raise Unusable("its duration is not a number of seconds")
    pupil = Pupil(
        scenario_id=_text(scenario["id"]), name=_text(scenario["name"]),
        year_group=_text(scenario["year_group"]), headline=_text(scenario.get("headline", "")),
        needs=_texts(scenario.get("needs", [])), support=_text(scenario.get("support", "")),
        summary=_text(scenario.get("summary", "")), strengths=_texts(scenario.get("strengths", [])),
        what_helps=_texts(scenario.get("what_helps", [])), task=_text(scenario.get("task", "")),
        targets=tuple(normalise_scores(scenario.get("targets", {})).items()),
    )
    changes = data["changes"]
    counts = changes.get("lesson_text", {})
    text_changes = TextChanges(*(_count(counts.get(k, 0)) for k in ("changed", "added", "removed")))
    return PracticeSession(
        id=session_id, pupil=pupil, lesson_path=_text(lesson["path"]),
        lesson_title=_text(lesson["title"]), profile_before=_text(profile["before"]),
        profile_after=_text(profile["after"]),
        scores_before=_scores(data["scores"]["before"]),
        scores_after=_scores(data["scores"]["after"]),
        setting_changes=_texts(changes.get("settings", [])), text_changes=text_changes,
        reflections=tuple(Reflection(_text(r["question"]), _text(r.get("answer", "")))
                          for r in data.get("reflections", [])),
        started=started, duration_seconds=duration,
    )


def _scores(value: Any) -> dict[str, float]:
    """A record's scores; "the score for vi should be a number" when one is not."""
    if not isinstance(value, Mapping):
        raise TypeError("scores are not given need by need")
    try:
        return normalise_scores(value)
    except ValueError as error:
        raise Unusable(str(error)) from error


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return tuple(_text(item) for item in value)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError("expected a count of lines")
    return value
