"""Ctrl+Z and Ctrl+Y in the dictation box take back the pupil's own edits, also while
dictation runs: the grey guesses and the settled phrases are never undo steps.

Driven through the real widget's methods (what the controller calls) and real key
presses. Soak review problem 2: every guess used to clear Qt's undo stack.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor

from widgets.dictation_panel import DictationPanel
from widgets.dictation_text import PARTIAL_MARKER, DictationText

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(qtbot):
    widget = DictationText()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    widget.edited = []
    widget.nothing_to_undo = 0
    widget.user_edited.connect(widget.edited.append)

    def count() -> None:
        widget.nothing_to_undo += 1

    widget.undo_unavailable.connect(count)
    return widget


def _caret_to(editor: DictationText, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def _undo(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)


def _redo(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)


def test_ctrl_z_undoes_typing_a_word_at_a_time_while_guesses_arrive(qtbot, editor):
    editor.set_text("The cat sat on the mat.")
    _caret_to(editor, len(editor.text()))
    qtbot.keyClicks(editor, " My own words")
    editor.show_partial("the dog")  # the engine's next guesses
    editor.show_partial("the dog ran")
    _undo(qtbot, editor)
    assert editor.text() == "The cat sat on the mat. My own "
    assert editor.edited[-1] == "The cat sat on the mat. My own "  # the controller hears it
    editor.show_partial("the dog ran off")
    _undo(qtbot, editor)
    _undo(qtbot, editor)
    assert editor.text() == "The cat sat on the mat."
    assert editor.nothing_to_undo == 0
    _undo(qtbot, editor)  # the text the controller set is not an undo step
    assert editor.text() == "The cat sat on the mat."
    assert editor.nothing_to_undo == 1


def test_ctrl_y_and_ctrl_shift_z_redo_while_guesses_arrive(qtbot, editor):
    editor.set_text("Rivers flow.")
    _caret_to(editor, len(editor.text()))
    qtbot.keyClicks(editor, " Fast")
    editor.show_partial("to the")
    _undo(qtbot, editor)
    assert editor.text() == "Rivers flow."
    editor.show_partial("to the sea")
    _redo(qtbot, editor)
    assert editor.text() == "Rivers flow. Fast"
    assert editor.edited[-1] == "Rivers flow. Fast"
    editor.show_partial("to the sea and")
    _undo(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.text() == "Rivers flow. Fast"
    _undo(qtbot, editor)
    qtbot.keyClicks(editor, "!")  # a new edit: nothing is left to redo
    _redo(qtbot, editor)
    assert editor.text() == "Rivers flow.!"


def test_type_then_a_guess_then_a_settled_phrase_then_undo(qtbot, editor):
    editor.set_text("I like maths.")
    _caret_to(editor, len("I like"))
    qtbot.keyClicks(editor, " art and")  # typed in the middle
    assert editor.text() == "I like art and maths."
    editor.show_partial("we paint")
    editor.set_text("I like art and maths. We paint.")  # the phrase settles at the end
    _undo(qtbot, editor)
    assert editor.text() == "I like art  maths. We paint."  # " art " was one step, "and" one
    assert editor.textCursor().position() == len("I like art ")
    _undo(qtbot, editor)
    assert editor.text() == "I like maths. We paint."
    editor.show_partial("every day")
    _redo(qtbot, editor)
    _redo(qtbot, editor)
    assert editor.text() == "I like art and maths. We paint."


def test_typing_at_the_start_while_a_guess_shows(qtbot, editor):
    editor.set_text("the end came.")
    editor.show_partial("and then")
    _caret_to(editor, 0)
    qtbot.keyClicks(editor, "At last ")
    editor.show_partial("and then we")
    editor.set_text("At last the end came. And then we left.")
    editor.show_partial("home")  # still showing when the pupil presses Ctrl+Z
    _undo(qtbot, editor)
    assert editor.text() == "At the end came. And then we left."  # "At ", then "last "
    _undo(qtbot, editor)
    assert editor.text() == "the end came. And then we left."
    assert editor.textCursor().position() == 0
    editor.show_partial("home again")  # the guess shows at the caret, where it will go in
    assert editor.toPlainText() == (
        f"home again {PARTIAL_MARKER} the end came. And then we left.")
    _redo(qtbot, editor)
    assert editor.text() == "At the end came. And then we left."
    _redo(qtbot, editor)
    assert editor.text() == "At last the end came. And then we left."


def test_deleting_and_typing_over_a_selection_are_undone(qtbot, editor):
    editor.set_text("The cat sat.")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)  # "cat"
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "dog")
    _caret_to(editor, len("The dog sat"))  # before the guess, which shows at the caret
    editor.show_partial("on the")
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    editor.show_partial("on the mat")
    assert editor.text() == "The dog ."
    _undo(qtbot, editor)  # the three Backspaces are one step
    assert editor.text() == "The dog sat."
    _undo(qtbot, editor)
    assert editor.text() == "The cat sat."


def test_the_right_click_menu_undoes_and_redoes_the_pupils_edit(qtbot, editor):
    editor.set_text("Plants grow.")
    _caret_to(editor, len(editor.text()))
    qtbot.keyClicks(editor, " Slowly")
    editor.show_partial("in the")
    menu = editor.context_menu(QPoint(5, 5))
    undo = menu.findChild(QAction, "edit-undo")
    assert undo.isEnabled() and not menu.findChild(QAction, "edit-redo").isEnabled()
    undo.trigger()
    assert editor.text() == "Plants grow."
    menu = editor.context_menu(QPoint(5, 5))
    assert not menu.findChild(QAction, "edit-undo").isEnabled()
    menu.findChild(QAction, "edit-redo").trigger()
    assert editor.text() == "Plants grow. Slowly"


def test_a_change_over_the_pupils_words_ends_their_history_without_harm(qtbot, editor):
    editor.set_text("Seeds need water.")
    _caret_to(editor, 0)
    qtbot.keyClicks(editor, "All ")
    _caret_to(editor, len(editor.text()))
    qtbot.keyClicks(editor, " Soon")
    editor.show_partial("they")
    _undo(qtbot, editor)
    _redo(qtbot, editor)
    assert editor.text() == "All Seeds need water. Soon"
    # The text is replaced from inside the pupil's last word (a reopened piece of work):
    # undoing that word, or the older one before it, could only write over other text.
    editor.set_text("All Seeds need water. Something else.")
    _undo(qtbot, editor)
    assert editor.text() == "All Seeds need water. Something else."
    assert editor.nothing_to_undo == 1


def test_after_a_clear_ctrl_z_undoes_new_typing_then_the_clear(qtbot):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_text("My story.")
    panel.editor.setFocus()
    _caret_to(panel.editor, len(panel.text()))
    qtbot.keyClicks(panel.editor, " The end")
    panel.clear_text()
    qtbot.keyClicks(panel.editor, "New")
    panel.show_partial("start")
    _undo(qtbot, panel.editor)
    assert panel.text() == ""  # the typing after the Clear goes first…
    _undo(qtbot, panel.editor)
    assert panel.text() == "My story. The end"  # …then the Clear itself
