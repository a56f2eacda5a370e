"""Practice mode at interface size 200%: the window fits a 1600 × 1000 screen and
"Save as new lesson" is never hidden behind the tool bar's »."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.app.practice_at_scale import SCREEN, at_200, practising  # noqa: F401 - the at_200 fixture


@pytest.mark.usefixtures("at_200")
def test_every_step_fits_the_screen_at_200_percent(qtbot, tmp_path):
    win = practising(qtbot, tmp_path)
    for step in range(win.tabs.count()):
        win.tabs.setCurrentIndex(step)
        QApplication.processEvents()
        hint = win.minimumSizeHint()
        assert hint.width() <= SCREEN[0], f"step {step + 1} needs {hint.width()} px"
        assert hint.height() <= SCREEN[1]
    assert win.width() <= SCREEN[0]


@pytest.mark.usefixtures("at_200")
def test_save_as_new_lesson_is_in_the_practice_menu_not_behind_the_overflow(qtbot, tmp_path):
    win = practising(qtbot, tmp_path)
    action = win.editor.save_action
    menu = win.menuBar().actions()[0].menu()
    assert action in menu.actions() and action.isVisible()
    button = win.editor.toolbar.widgetForAction(action)
    assert button is None or button.isVisible(), "hidden behind the tool bar's »"
    assert win.about_button.isVisible()
