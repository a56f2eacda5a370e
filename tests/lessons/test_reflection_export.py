"""Practice records as Markdown (the command line) and plain text (a teacher's .txt)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lessons.reflection import ReflectionStore
from lessons.reflection_export import (
    OFFLINE_LINE,
    duration_words,
    escape,
    log_markdown,
    record_markdown,
    record_text,
    session_markdown,
    write_markdown,
    write_text,
)
from lessons.scenarios import get_scenario
from tests.lessons.reflection_helpers import (
    AISHA,
    BST,
    FIRST_ANSWER,
    MAYA,
    make_session,
)


def _section(markdown: str, heading: str) -> str:
    """The text under a heading, up to the next heading of any level."""
    start = markdown.index(heading) + len(heading)
    rest = markdown[start:]
    end = rest.find("\n#")
    return rest if end < 0 else rest[:end]


def test_one_session_has_everything_a_cpd_record_needs():
    session = make_session()
    maya = get_scenario(MAYA)
    md = session_markdown(session)
    assert md.startswith("# Adapting “The water cycle” for Maya (Year 4)\n")
    assert "- **Date:** Friday 14 March 2025 at 09:30" in md
    assert "- **Time spent:** 25 minutes" in md
    assert "- **Scenario:** Maya, Year 4: low vision" in md
    assert "- **Lesson:** The water cycle (ks2-year4-geography-water-cycle.md)" in md
    assert "- **Profile:** Standard → Low vision — large print" in md
    assert maya.summary in md
    assert all(f"- {item}" in md for item in maya.strengths + maya.what_helps)
    assert maya.task in md

    changed = _section(md, "## What I changed")
    for sentence in session.setting_changes:
        assert f"- {sentence}\n" in changed
    assert "- Lesson text: 1 line changed and 2 added.\n" in changed

    scores = _section(md, "## Scores before and after")
    assert "| Visual impairment | 41 | 93 | +52 | 90 (reached) |" in scores
    assert "| Dyslexia | 55 | 60 | +5 | no target |" in scores
    assert "| Speech, language and communication needs | 62 | 62 | 0 | no target |" in scores

    # Each question is a numbered heading under Reflections, its answer below it.
    prompts = maya.reflection_prompts
    assert md.index("## Reflections") < md.index(f"### 1. {prompts[0]}")
    assert f"### 1. {prompts[0]}\n\n{FIRST_ANSWER}\n" in md
    assert (f"### 2. {prompts[1]}\n\nShe follows the arrows with a finger.\n\n"
            "Her QTVI suggested a tactile copy.\n") in md
    assert f"### 3. {prompts[2]}\n\nNot answered.\n" in md
    assert "*Not answered.*" not in md  # not in italics
    assert md.rstrip().endswith(f"---\n\n{OFFLINE_LINE}")
    assert "Nothing was sent anywhere" in OFFLINE_LINE


def test_scores_that_fall_or_are_missing_and_targets_not_reached():
    session = make_session(scores_before={"vi": 70.5, "slcn": 60},
                           scores_after={"vi": 66, "dyslexia": 71.25})
    md = session_markdown(session)
    assert "| Visual impairment | 70.5 | 66 | -4.5 | 90 (not yet reached) |" in md
    assert "| Dyslexia | not checked | 71.2 | – | no target |" in md
    assert "| Speech, language and communication needs | 60 | not checked | – | no target |" in md


def test_nothing_changed_and_nothing_checked_or_written():
    session = make_session(after="Standard", edit_text=False, scores_before={},
                           scores_after={}, answers={})
    md = session_markdown(session)
    assert "No profile settings or lesson text were changed." in md
    assert "The lesson was not checked in this session." in md
    assert "No reflections were written." in md
    assert "- **Profile:** Standard\n" in md


def test_what_a_teacher_types_cannot_change_the_layout():
    answer = "# Not a heading\n1. not a list\n- nor this\n[link](http://example.com) <b>x</b> | a"
    md = session_markdown(make_session(answers={"Why?": answer}))
    reflections = _section(md, "### 1. Why?")
    assert not any(line.startswith(("#", "1.", "- ", "<")) for line in reflections.splitlines())
    assert "\\[link\\](http://example.com) \\<b\\>x\\</b\\> \\| a" in reflections


@pytest.mark.parametrize("text, expected", [
    ("plain words, 12 pt → 18 pt", "plain words, 12 pt → 18 pt"),
    ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
    ("# heading", "\\# heading"),
    ("> quote\n+ item\n10) ten", "\\> quote\n\\+ item\n10\\) ten"),
])
def test_escape(text, expected):
    assert escape(text) == expected


@pytest.mark.parametrize("seconds, words", [
    (0, "less than a minute"), (29, "less than a minute"), (60, "1 minute"),
    (25 * 60, "25 minutes"), (3600, "1 hour"), (3900, "1 hour 5 minutes"),
    (2 * 3600 + 60, "2 hours 1 minute"),
])
def test_duration_words(seconds, words):
    assert duration_words(seconds) == words


def test_a_log_of_several_sessions_oldest_first_with_one_footer():
    maya = make_session(started=datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc))
    aisha = make_session(AISHA, started=datetime(2025, 5, 2, 15, 5, tzinfo=BST),
                         after="Dyslexia", scores_before={"dyslexia": 48},
                         scores_after={"dyslexia": 86}, minutes=40)
    md = log_markdown([aisha, maya])
    assert md.startswith("# Lesson Lab practice log\n")
    assert ("A record of 2 practice sessions in Lesson Lab from 14 March 2025 to 2 May 2025, "
            "1 hour 5 minutes in all") in md
    assert md.index("## Adapting “The water cycle” for Maya") < md.index(
        "## Adapting “An Inspector Calls: Arthur Birling” for Aisha (Year 10)")
    assert "### Scores before and after" in md and "\n## Scores" not in md
    assert "- **Date:** Friday 2 May 2025 at 15:05" in md  # the time the teacher saw
    assert "| Dyslexia | 48 | 86 | +38 | 85 (reached) |" in md
    assert md.count(OFFLINE_LINE) == 1
    assert record_markdown([maya]) == session_markdown(maya)
    assert record_markdown([maya, aisha]) == md
    assert "No practice sessions have been saved yet." in log_markdown([])


def test_save_restart_export(monkeypatch, tmp_path):
    """The whole journey: saved, the app closed, opened again, listed and exported."""
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    ReflectionStore().save(make_session())
    (session,) = ReflectionStore().sessions()
    out = write_markdown([session], tmp_path / "record.md")
    text = out.read_text(encoding="utf-8")
    assert "| Visual impairment | 41 | 93 | +52 | 90 (reached) |" in text
    assert FIRST_ANSWER in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "record.md"]


def test_plain_text_has_no_markup_and_keeps_what_the_teacher_typed():
    """The .txt a teacher pastes into a CPD system: no #, **, | or backslashes."""
    maya = get_scenario(MAYA)
    typed = "I used *bold* headings_and [cream] paper.\n# Not a heading"
    answers = dict.fromkeys(maya.reflection_prompts, "")
    answers[maya.reflection_prompts[0]] = typed
    text = record_text([make_session(answers=answers)])
    title = "Adapting “The water cycle” for Maya (Year 4)"
    assert text.startswith(f"{title}\n{'=' * len(title)}\n\n")
    assert "\nReflections\n-----------\n" in text
    assert "Date: Friday 14 March 2025 at 09:30\n" in text  # the British way round
    assert "- Visual impairment: 41 before, 93 after (+52); target 90 (reached)\n" in text
    assert "- Dyslexia: 55 before, 60 after (+5); no target\n" in text
    assert f"\n1. {maya.reflection_prompts[0]}\n\n{typed}\n" in text
    assert f"\n2. {maya.reflection_prompts[1]}\n\nNot answered.\n" in text
    assert text.rstrip().endswith(OFFLINE_LINE)
    without_answer = text.replace(typed, "")
    for mark in ("**", "\\", "|", "#", "*Not"):
        assert mark not in without_answer


def test_plain_text_file_is_utf8_and_replaces_an_old_one(tmp_path):
    out = tmp_path / "record.txt"
    out.write_text("an old file")
    write_text([make_session()], out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Adapting “The water cycle” for Maya (Year 4)\n")
    assert FIRST_ANSWER in text
    assert [p.name for p in tmp_path.iterdir()] == ["record.txt"]  # no temporary left
