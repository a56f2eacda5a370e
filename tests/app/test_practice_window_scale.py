"""Practice mode at interface size 200%: the window fits a 1600 × 1000 screen and
"Save as new lesson" is never hidden behind the tool bar's »."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.practice.practice_window import PracticeWindow
from app.ui_scale import apply_ui_scale
from lessons.reflection import ReflectionStore
from lessons.scenarios import builtin_scenarios

SCREEN = (1600, 1000)


@pytest.fixture
def at_200(qtbot):
    apply_ui_scale(2.0, QApplication.instance())
    yield
    apply_ui_scale(1.0, QApplication.instance())


def _practising(qtbot, tmp_path) -> PracticeWindow:
    win = PracticeWindow(reflections=ReflectionStore(tmp_path / "log"))
    win.ask_save_before_closing = lambda: "discard"
    qtbot.addWidget(win)
    win.resize(*SCREEN)
    win.show()
    qtbot.waitExposed(win)
    win.start_scenario(next(iter(builtin_scenarios())))
    QApplication.processEvents()
    return win


def test_every_step_fits_the_screen_at_200_percent(qtbot, tmp_path, at_200):
    win = _practising(qtbot, tmp_path)
    for step in range(win.tabs.count()):
        win.tabs.setCurrentIndex(step)
        QApplication.processEvents()
        hint = win.minimumSizeHint()
        assert hint.width() <= SCREEN[0], f"step {step + 1} needs {hint.width()} px"
        assert hint.height() <= SCREEN[1]
    assert win.width() <= SCREEN[0]


def test_save_as_new_lesson_is_in_the_practice_menu_not_behind_the_overflow(qtbot, tmp_path,
                                                                            at_200):
    win = _practising(qtbot, tmp_path)
    action = win.editor.save_action
    menu = win.menuBar().actions()[0].menu()
    assert action in menu.actions() and action.isVisible()
    button = win.editor.toolbar.widgetForAction(action)
    assert button is None or button.isVisible(), "hidden behind the tool bar's »"
    assert win.about_button.isVisible()
