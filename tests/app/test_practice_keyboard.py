"""The practice window by keyboard: Tab reaches every control, in screen order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.practice.practice_window import TAB_REFLECT, PracticeWindow
from tests.app.practice_at_scale import active_practice


@pytest.fixture
def window(qtbot, tmp_path) -> PracticeWindow:
    win = active_practice(qtbot, tmp_path)
    qtbot.wait(20)  # the checker's buttons for the first report
    return win


def _one_round(qtbot, start, limit: int = 120) -> list:
    """Tab from ``start`` until the focus comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            return seen
        seen.append(QApplication.focusWidget())
    raise AssertionError(f"Tab never came back to {start.accessibleName()!r}")


def test_tab_from_the_lesson_text_reaches_the_pupil_profile_and_step_controls(qtbot, window):
    round_trip = _one_round(qtbot, window.editor.text_edit)
    top = [window.about_button, window.profile_combo, window.profile_bar.edit_button,
           *window.suggestion_buttons, window.tabs.tabBar()]
    for widget in top:
        assert widget in round_trip, widget.text() if hasattr(widget, "text") else widget
    # Screen order: the controls above the steps, then the step, then the checker.
    rotated = round_trip[round_trip.index(window.about_button):] + \
        round_trip[:round_trip.index(window.about_button)]
    assert rotated[:len(top)] == top
    # Then the editor's own tabs (Lesson text, Lesson details) and the text under them.
    assert rotated[len(top)] is window.editor.pages.tabBar()
    assert rotated[len(top) + 1] is window.editor.text_edit
    assert window.checker.isAncestorOf(rotated[-1])


def test_tab_reaches_the_reflection_answers_and_buttons(qtbot, window):
    window.tabs.setCurrentIndex(TAB_REFLECT)
    round_trip = _one_round(qtbot, window.tabs.tabBar())
    for edit in window.reflections.answer_edits():
        assert edit in round_trip
    assert window.reflections.save_button in round_trip
    assert window.about_button in round_trip
