"""Titles for new lessons that no lesson has yet (widgets/lesson_titles.py), and the editor
suggesting them on its own, with the real library (the built-in lessons and a fresh
user's folder)."""

from __future__ import annotations

import pytest

from lessons.data_folder import DATA_ENV
from lessons.library import builtin_folder, scan_library
from widgets.lesson_editor import LessonEditor
from widgets.lesson_titles import (
    CANCEL,
    KEEP,
    RENAME,
    base_title,
    choose_title,
    free_title,
    is_taken,
)

FIRST, LATER = "{title} (adapted)", "{title} (adapted {number})"
WATER = builtin_folder() / "ks2-year4-geography-water-cycle.md"


@pytest.mark.parametrize(("title", "taken", "expected"), [
    ("The water cycle", [], "The water cycle (adapted)"),
    ("The water cycle", ["The water cycle (adapted)"], "The water cycle (adapted 2)"),
    ("The water cycle", ["the  WATER cycle (Adapted)", "The water cycle (adapted 2)"],
     "The water cycle (adapted 3)"),
    # A lesson that is already a copy is numbered from its own start.
    ("The water cycle (adapted)", ["The water cycle (adapted)"],
     "The water cycle (adapted 2)"),
    ("The water cycle (adapted 2)", ["The water cycle (adapted)", "The water cycle (adapted 2)"],
     "The water cycle (adapted 3)"),
    ("  Rain   and snow ", [], "Rain and snow (adapted)"),
])
def test_free_titles(title, taken, expected) -> None:
    assert free_title(title, taken, FIRST, LATER) == expected
    assert not is_taken(expected, taken)


def test_base_titles_keep_brackets_that_are_not_a_suffix() -> None:
    assert base_title("Volcanoes (part 2)", FIRST, LATER) == "Volcanoes (part 2)"
    assert base_title("Volcanoes (adapted 12)", FIRST, LATER) == "Volcanoes"
    assert base_title("(adapted)", FIRST, LATER) == "(adapted)"  # nothing would be left


def test_choosing_a_title() -> None:
    taken = ["Rain", "Rain (2)"]
    asked, said = [], []

    def ask_name(answers):
        def ask(suggestion):
            asked.append(suggestion)
            return answers.pop(0)
        return ask

    def ask_same(answers):
        def ask(title):
            said.append(title)
            return answers.pop(0)
        return ask

    assert choose_title("Snow", taken, ask_name(["  Snow  day "]), ask_same([])) == "Snow day"
    assert choose_title("Snow", taken, ask_name(["rain"]), ask_same([KEEP])) == "rain"
    assert said == ["rain"]
    asked.clear()
    assert choose_title("Snow", taken, ask_name(["Rain", "Rain (3)"]),
                        ask_same([RENAME])) == "Rain (3)"
    assert asked == ["Snow", "Rain (3)"]  # offered the next free number
    assert choose_title("Snow", taken, ask_name(["Rain"]), ask_same([CANCEL])) is None
    assert choose_title("Snow", taken, ask_name([None]), ask_same([])) is None
    assert choose_title("Snow", taken, ask_name(["   "]), ask_same([])) is None


def test_the_editor_on_its_own_suggests_titles_its_library_has_not(
        qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data"))
    editor = LessonEditor()
    qtbot.addWidget(editor)
    editor.set_text(WATER.read_text(encoding="utf-8"), WATER)
    offered = []
    editor.ask_lesson_name = lambda suggestion: offered.append(suggestion) or suggestion
    first, second = editor.save_as_new(), editor.save_as_new()
    assert offered == ["The water cycle (adapted)", "The water cycle (adapted 2)"]
    assert first.name == "the-water-cycle-adapted.md"
    assert second.name == "the-water-cycle-adapted-2.md"
    titles = [e.title for e in scan_library().entries]
    assert titles.count("The water cycle (adapted)") == 1
    assert titles.count("The water cycle (adapted 2)") == 1
    # A new editor knows them from the library itself.
    again = LessonEditor()
    qtbot.addWidget(again)
    again.set_text(WATER.read_text(encoding="utf-8"), WATER)
    again.ask_lesson_name = lambda suggestion: offered.append(suggestion) or None
    assert again.save_as_new() is None
    assert offered[-1] == "The water cycle (adapted 3)"
