"""Zooming the lesson says the new size in the status bar, once, for a screen reader too."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.app.main_window_helpers import choose


def test_each_zoom_is_said_once_in_the_status_bar(qtbot, opened):
    window = opened.open()
    choose(window, "The water cycle")
    said: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and said.append(text))
    window.act.zoom_in.trigger()
    qtbot.waitUntil(lambda: bool(said))
    window.act.zoom_in.trigger()
    qtbot.waitUntil(lambda: len(said) == 2)
    window.act.zoom_reset.trigger()
    qtbot.waitUntil(lambda: len(said) == 3)
    qtbot.wait(50)
    assert said == ["Zoom 110%", "Zoom 125%", "Zoom 100%: the profile's own size"]
    assert window.view.zoom() == 1.0


def test_ctrl_minus_in_the_lesson_says_the_size_too(qtbot, opened):
    window = opened.open()
    choose(window, "The water cycle")
    said: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and said.append(text))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(said))
    assert said == ["Zoom 90%"] and window.view.zoom() == 0.9
