"""Shared by the 200% tests: a 1600 x 1000 screen, the interface at 200%, a practice window."""

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


def practising(qtbot, tmp_path) -> PracticeWindow:
    """A practice window the size of SCREEN, shown, with the first scenario started."""
    win = PracticeWindow(reflections=ReflectionStore(tmp_path / "log"))
    win.ask_save_before_closing = lambda: "discard"
    qtbot.addWidget(win)
    win.resize(*SCREEN)
    win.show()
    qtbot.waitExposed(win)
    win.start_scenario(next(iter(builtin_scenarios())))
    QApplication.processEvents()
    return win


def active_practice(qtbot, tmp_path) -> PracticeWindow:
    """A practice window shown as the active window, with the first scenario started
    (for tests that press keys in it)."""
    win = PracticeWindow(reflections=ReflectionStore(tmp_path / "log"))
    win.ask_save_before_closing = lambda: "discard"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.start_scenario(builtin_scenarios()[0].id)
    return win
