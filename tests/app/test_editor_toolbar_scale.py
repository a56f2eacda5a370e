"""The lesson editor's tool bar at interface size 200%: every command in sight.

Fails on the old QToolBar, which hid Undo and Redo (practice mode) and Save
and Dictate (the editor window) behind its » on a 1600-px window.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from app.practice.editor_window import DISCARD, LessonEditorWindow
from lessons.library import builtin_folder
from tests.app.practice_at_scale import SCREEN, at_200, practising  # noqa: F401 - the at_200 fixture


def _commands(toolbar):
    return [a for a in toolbar.actions() if not a.isSeparator() and a.isVisible()]


def _assert_every_command_in_sight(toolbar) -> None:
    bar = toolbar.rect()
    for action in _commands(toolbar):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        place = button.geometry()
        assert bar.contains(place), f"{action.text()!r} is cut off at {place}"
        # The whole label shows on the button.
        label = button.text()
        assert button.fontMetrics().horizontalAdvance(label) <= place.width(), label
        # Short label or not, the tooltip and a screen reader have the whole name, and
        # the button is named by the label it shows, for voice control ("click Bullets").
        whole = action.text().replace("&", "").rstrip("…")
        heard = (button.accessibleName(), button.accessibleDescription())
        assert whole in heard or "Dictate into the lesson text" in heard
        assert button.text().replace("&", "").rstrip("…") in button.accessibleName()
        assert action.toolTip().startswith(whole)
    buttons = [toolbar.widgetForAction(a).geometry() for a in _commands(toolbar)]
    for i, one in enumerate(buttons):
        assert not any(one.intersects(other) for other in buttons[i + 1:]), "overlapping"
    from PySide6.QtWidgets import QToolButton
    overflow = [b for b in toolbar.findChildren(QToolButton)
                if b.objectName() == "qt_toolbar_ext_button" and b.isVisible()]
    assert not overflow


@pytest.mark.usefixtures("at_200")
def test_practice_editor_shows_every_command_at_200_percent(qtbot, tmp_path):
    win = practising(qtbot, tmp_path)
    toolbar = win.editor.toolbar
    names = [a.text() for a in _commands(toolbar)]
    assert "Undo" in names and "Redo" in names
    _assert_every_command_in_sight(toolbar)
    assert toolbar.is_short() and toolbar.rows() == 1, "short labels fit on one row"
    assert win.minimumSizeHint().width() <= SCREEN[0]


@pytest.mark.usefixtures("at_200")
def test_editor_window_wraps_its_tool_bar_at_200_percent(qtbot):
    win = LessonEditorWindow()  # deletes itself when closed, so not given to qtbot
    try:
        assert win.open_lesson(builtin_folder() / "ks1-year2-english-writing-a-recount.md")
        win.resize(*SCREEN)
        win.show()
        qtbot.waitExposed(win)
        QApplication.processEvents()
        toolbar = win.editor.toolbar
        names = [a.text() for a in _commands(toolbar)]
        assert "Save as new lesson…" in names and "Redo" in names
        _assert_every_command_in_sight(toolbar)
        assert toolbar.rows() >= 2, "too many for one row even with short labels"
        # The text starts below the wrapped tool bar, not under it.
        text_top = win.editor.text_edit.mapTo(win.editor, QPoint(0, 0)).y()
        assert text_top > toolbar.geometry().bottom()
    finally:
        if shiboken6.isValid(win):
            win.ask_unsaved_changes = lambda: DISCARD
            win.close()


def test_full_labels_when_there_is_room(qtbot, tmp_path):
    win = practising(qtbot, tmp_path)
    toolbar = win.editor.toolbar
    assert not toolbar.is_short() and toolbar.rows() == 1
    assert toolbar.widgetForAction(win.editor.bullets_action).text() == "Bulleted list"
    _assert_every_command_in_sight(toolbar)
