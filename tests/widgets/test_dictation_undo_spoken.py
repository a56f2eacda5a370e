"""Ctrl+Z with the real controller and text rules: the pupil's typing is undone,
the phrases they dictated (and "scratch that") are left to the spoken commands.

The panel, DictationController, worker threads and autosave are real; only the
recogniser and microphone are scripted (tests/app/dictation_rig.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from speech.stt.base import Final, Partial
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_z_after_scratch_that_undoes_the_pupils_typing_only(rig):  # noqa: F811
    r = rig([Final("plants need light full stop"),
             Partial("they drink"), Final("they drink water full stop"),
             Partial("scratch"), Final("scratch that"),
             Partial("and")])
    r.start()
    r.hear(1)
    r.wait_for_text("Plants need light.")
    editor = r.panel.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    r.qtbot.keyClicks(editor, " And sun.")
    r.hear(2)
    r.wait_for_text("Plants need light. And sun. They drink water.")
    r.hear(2)
    r.wait_for_text("Plants need light. And sun.")  # "scratch that" took the phrase out
    r.hear(1)
    r.qtbot.waitUntil(lambda: r.panel.partial() == "And")  # a guess is on show
    r.qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert r.panel.text() == "Plants need light. And "
    assert r.controller.text() == "Plants need light. And "  # the controller follows
    r.qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert r.panel.text() == "Plants need light."
    r.qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the dictated phrase is not a step
    assert r.panel.text() == "Plants need light."
    r.qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)
    assert r.controller.text() == "Plants need light. And "
    r.autosave.wait_until_idle(10)
    r.qtbot.waitUntil(lambda: r.saved_text() == "Plants need light. And ")
