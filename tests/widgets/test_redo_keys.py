"""Ctrl+Y redoes on Linux too (widgets/keys.py).

Found by this session's pupil review in the real app: on Linux (xcb) the
system's redo is only Ctrl+Shift+Z, so Ctrl+Y, which the README promises and
pupils know from Windows, did nothing; the offscreen platform the tests use
counts Ctrl+Y as redo, which hid it. These tests give Qt Linux's redo keys.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from widgets.dictation_text import DictationText
from widgets.keys import redo_keys
from widgets.lesson_editor import LessonEditor

CTRL_SHIFT_Z = QKeySequence("Ctrl+Shift+Z")
LINUX_REDO = [CTRL_SHIFT_Z]


@pytest.fixture
def linux_keys(monkeypatch):
    """Qt's redo keys as the xcb platform gives them: Ctrl+Shift+Z, not Ctrl+Y."""
    matches = QKeyEvent.matches

    def as_on_linux(event, key):
        if key == QKeySequence.StandardKey.Redo:
            return QKeySequence(event.keyCombination()) == CTRL_SHIFT_Z
        return matches(event, key)

    bindings = QKeySequence.keyBindings
    monkeypatch.setattr(QKeyEvent, "matches", as_on_linux)
    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(
        lambda key: list(LINUX_REDO) if key == QKeySequence.StandardKey.Redo else bindings(key)))


def test_ctrl_y_redoes_the_pupils_typing(qtbot, linux_keys):
    box = DictationText()
    qtbot.addWidget(box)
    box.setFocus()
    qtbot.keyClicks(box, "dog")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == ""
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == "dog"


def test_the_lesson_editors_redo_has_ctrl_y_too(qtbot, linux_keys):
    assert QKeySequence("Ctrl+Y") in redo_keys() and CTRL_SHIFT_Z in redo_keys()
    editor = LessonEditor()
    qtbot.addWidget(editor)
    shortcuts = editor.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in shortcuts and CTRL_SHIFT_Z in shortcuts
