"""The workbench: a real lesson editor and checker panel kept in step by the controller."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.practice.workbench import Workbench
from lessons.checker_model import PROFILE_FIX, TEXT_FIX, Fix
from lessons.presets import default_preset
from lessons.scenarios import get_scenario
from widgets.checker_panel import CheckerPanel
from widgets.lesson_editor import LessonEditor

SCENARIO = "year10-dyslexia-visual-stress-inspector-calls"


@pytest.fixture
def bench(qtbot) -> Workbench:
    editor, checker = LessonEditor(), CheckerPanel()
    qtbot.addWidget(editor)
    qtbot.addWidget(checker)
    workbench = Workbench(editor, checker, default_preset())
    path = get_scenario(SCENARIO).lesson_path
    editor.set_text(path.read_text(encoding="utf-8"), path)
    checker.set_baseline(workbench.scores())
    return workbench


def text_fix_button(checker: CheckerPanel):
    return next(b for b in checker.fix_buttons() if b.property("fix").kind == TEXT_FIX)


def test_the_lesson_is_checked_as_it_opens(bench) -> None:
    assert bench.report() is not None
    assert bench.checker.report() is bench.report()
    assert bench.scores()["dyslexia"] < 100


def test_a_text_fix_changes_the_editor_text_and_the_report(qtbot, bench) -> None:
    editor, checker = bench.editor, bench.checker
    checker.show()
    button = text_fix_button(checker)
    fix = button.property("fix")
    old, new = fix.replace
    line_before = editor.text().splitlines()[fix.line - 1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    line_after = editor.text().splitlines()[fix.line - 1]
    assert line_after == line_before.replace(old, new, 1)
    assert fix not in bench.report().fixes()
    assert editor.lesson() is not None
    # One undo takes the fix back, and the checker follows.
    editor.undo()
    editor.reparse_now()
    assert editor.text().splitlines()[fix.line - 1] == line_before
    assert fix in bench.report().fixes()


def test_a_profile_fix_changes_the_profile_and_the_preview(qtbot, bench) -> None:
    checker = bench.checker
    checker.show()
    button = next(b for b in checker.fix_buttons() if b.property("fix").kind == PROFILE_FIX)
    fix = button.property("fix")
    before = bench.scores()
    with qtbot.waitSignal(bench.profile_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    profile = bench.profile()
    for key, value in fix.changes.items():
        assert getattr(profile, key) == value
    assert profile.name == "Standard (adapted)" and not profile.builtin
    assert bench.editor.preview.profile() == profile
    assert sum(bench.scores().values()) > sum(before.values())


def test_a_text_fix_for_a_line_that_changed_says_so(bench) -> None:
    fix = text_fix_button(bench.checker).property("fix")
    stale = Fix(TEXT_FIX, fix.label, line=fix.line, replace=("words that are not there", "x"))
    text = bench.editor.text()
    assert not bench.apply_fix(stale)
    assert bench.editor.text() == text
    assert "has changed since the lesson was checked" in bench.checker.message.text()


def test_clicking_a_place_moves_the_editor_cursor(qtbot, bench) -> None:
    bench.checker.show()
    place = bench.checker.line_buttons()[2]
    line = place.property("line")
    # The button says where in the lesson's words, not the file's.
    assert ".md" not in place.text() and ":" not in place.text()
    assert place.accessibleName() == f"Show this in the lesson: {place.text()}"
    qtbot.mouseClick(place, Qt.MouseButton.LeftButton)
    assert bench.editor.current_line() == line


def test_a_broken_lesson_keeps_the_last_report_and_says_why(bench) -> None:
    report = bench.report()
    bench.editor.replace_text("---\ntitle: [unclosed\n---\n")
    bench.editor.reparse_now()
    assert bench.report() is report
    assert "has errors" in bench.checker.message.text()
