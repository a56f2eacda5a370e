"""Practice sessions made the way the practice screen makes them, for reflection tests.

Real scenarios, real lessons from the library and real presets; only the
checker's scores are given as numbers (the log stores plain numbers).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lessons.loader import load_lesson
from lessons.presets import get_preset
from lessons.reflection import PracticeSession, begin_practice
from lessons.scenarios import get_scenario

BST = timezone(timedelta(hours=1))
MAYA = "year4-low-vision-water-cycle"
AISHA = "year10-dyslexia-visual-stress-inspector-calls"
FIRST_ANSWER = "I made the print bigger first, because Maya tires with small text."
SECOND_ANSWER = "She follows the arrows with a finger.\n\nHer QTVI suggested a tactile copy."


def make_session(
    scenario_id: str = MAYA,
    *,
    started: datetime = datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc),
    before: str = "Standard",
    after: str = "Low vision — large print",
    scores_before: dict | None = None,
    scores_after: dict | None = None,
    answers: dict | None = None,
    edit_text: bool = True,
    minutes: int = 25,
) -> PracticeSession:
    """A finished practice session on the scenario's real lesson."""
    scenario = get_scenario(scenario_id)
    lesson = load_lesson(scenario.lesson_path).lesson
    start = begin_practice(
        scenario, scenario.lesson_path, lesson.title, lesson.body, get_preset(before),
        scores_before if scores_before is not None else {"vi": 41, "dyslexia": 55, "slcn": 62},
        started=started,
    )
    body = lesson.body
    if edit_text:
        # One sentence reworded and one line added, as a teacher might.
        first = next(line for line in body.splitlines() if len(line) > 40)
        body = body.replace(first, first.upper(), 1) + "\nAsk Maya to describe the diagram.\n"
    if answers is None:
        # Two prompts answered, the rest left blank, as often happens.
        answers = dict.fromkeys(scenario.reflection_prompts, "")
        answers[scenario.reflection_prompts[0]] = FIRST_ANSWER
        answers[scenario.reflection_prompts[1]] = SECOND_ANSWER
    return start.finish(
        body, get_preset(after),
        scores_after if scores_after is not None else {"vi": 93, "dyslexia": 60, "slcn": 62},
        answers, duration_seconds=minutes * 60,
    )
