"""Lessons and profiles for the checker tests, built as Markdown and loaded by the real loader."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lessons.checker import Report, check
from lessons.loader import load_lesson, parse_lesson_text
from lessons.model import Lesson
from lessons.profile import Colours, Profile

# A profile that meets every guideline the checker knows.
CLEAN_PROFILE = Profile(
    name="Clean",
    colours=Colours(
        text="#1a1a1a",
        background="#fdf6e3",
        heading="#1f3a5f",
        link="#0b4a8f",
        highlight="#ffe38a",
        ruler="#a9d3f0",
    ),
    font_family="Atkinson Hyperlegible",
    font_size_pt=16.0,
    font_weight=700,
    letter_spacing_em=0.12,
    word_spacing_em=0.16,
    line_height=1.5,
    paragraph_spacing_em=2.0,
    max_line_chars=65,
    alignment="left",
    highlight_vocabulary=True,
)

CLEAN_BODY = """\
Rain falls from clouds. It fills rivers and lakes.

## The water cycle

The sun warms the sea. Some water turns into a gas.
We call this **evaporation**.

| Stage | What happens |
|---|---|
| Evaporation | Water turns into a gas. |

![Arrows show water going from the sea up to a cloud](images/cycle.png)

> Task: Draw the water cycle with arrows.
"""


def lesson_text(
    body: str = CLEAN_BODY,
    *,
    title: str = "The water cycle",
    key_stage: str = "KS2",
    year_group: str = "Year 4",
    vocabulary: dict[str, str] | None = None,
) -> str:
    """A whole lesson file: front matter (with a vocabulary list) and ``body``."""
    if vocabulary is None:
        vocabulary = {"evaporation": "When water warms up and turns into a gas."}
    front = [f"title: {title}"]
    if key_stage:
        front.append(f"key_stage: {key_stage}")
    if year_group:
        front.append(f"year_group: {year_group}")
    if vocabulary:
        front.append("vocabulary:")
        front += [f"  {word}: {meaning}" for word, meaning in vocabulary.items()]
    return "---\n" + "\n".join(front) + "\n---\n\n" + body


def load(text: str) -> Lesson:
    """A lesson parsed from ``text`` by the real loader (image files are not checked)."""
    result = parse_lesson_text(text)
    assert result.lesson is not None, result.problems
    return result.lesson


def write_lesson(folder: Path, text: str, name: str = "lesson.md") -> Lesson:
    """Write ``text`` to a file in ``folder`` and load it from disk."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    result = load_lesson(path)
    assert result.lesson is not None, result.problems
    return result.lesson


def profile(**changes) -> Profile:
    """CLEAN_PROFILE with some settings changed; ``colours`` merges into its colours."""
    colours = changes.pop("colours", {})
    base = replace(CLEAN_PROFILE, colours=replace(CLEAN_PROFILE.colours, **colours))
    return replace(base, **changes)


def review(body: str = CLEAN_BODY, prof: Profile = CLEAN_PROFILE, **front) -> Report:
    """Check a lesson built from ``body`` and front-matter options."""
    return check(load(lesson_text(body, **front)), prof)


def of_rule(report: Report, rule_id: str):
    """The findings of one rule."""
    return [f for f in report.findings if f.rule.id == rule_id]
