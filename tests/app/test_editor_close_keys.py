"""Ctrl+W and Escape close the lesson editor window, asking first about unsaved work.

Real windows (offscreen): the editor opened from a main window with
Ctrl+Shift+E; the question is a real QMessageBox answered by clicking.
Escape is left to the controls that use it: a key word being typed in the
details' table, and an open drop-down list.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.app.editor_window_rig import editors, open_editor, open_main
from tests.app.keyboard_scopes import clashes, window_keys
from tests.app.main_window_helpers import choose
from tests.fixtures.question_box import NextBox


@pytest.fixture
def main(qtbot, opened):
    window = open_main(qtbot, opened)
    choose(window, "The water cycle")
    return window


def _closed(editor) -> bool:
    return not shiboken6.isValid(editor) or not editor.isVisible()


def _active(qtbot, editor) -> None:
    # Offscreen, a closed question box leaves no window active, and keys need one.
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)


@pytest.mark.parametrize("key", [Qt.Key.Key_W, Qt.Key.Key_Escape])
def test_the_key_closes_an_unchanged_editor_without_asking(qtbot, main, key) -> None:
    editor = open_editor(qtbot, main)
    box = NextBox("Cancel")  # a question would be answered, and seen
    modifier = Qt.KeyboardModifier.ControlModifier if key == Qt.Key.Key_W \
        else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(editor.editor.text_edit, key, modifier)
    box.stop()
    assert box.seen == []
    assert _closed(editor) and editors(main) == []


@pytest.mark.parametrize("key", [Qt.Key.Key_W, Qt.Key.Key_Escape])
def test_the_key_asks_about_unsaved_changes_first(qtbot, main, key) -> None:
    editor = open_editor(qtbot, main)
    editor.editor.text_edit.textCursor().insertText("A first line. ")
    modifier = Qt.KeyboardModifier.ControlModifier if key == Qt.Key.Key_W \
        else Qt.KeyboardModifier.NoModifier
    box = NextBox("Cancel", lambda b: b.windowTitle())
    qtbot.keyClick(editor.editor.text_edit, key, modifier)
    box.stop()
    assert box.seen == ["Unsaved changes"] and editor.isVisible()
    _active(qtbot, editor)
    box = NextBox("Discard changes")
    qtbot.keyClick(editor.editor.text_edit, key, modifier)
    box.stop()
    assert box.seen == [None] and _closed(editor)


def test_escape_in_a_key_word_being_typed_cancels_the_typing_only(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    details = editor.editor.details
    editor.editor.pages.setCurrentWidget(details)
    table = details.key_words.table
    word = table.item(0, 0).text()
    table.setFocus()
    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))
    typing = QApplication.focusWidget()
    assert isinstance(typing, QLineEdit)
    qtbot.keyClicks(typing, "xyz")
    box = NextBox("Cancel")
    qtbot.keyClick(typing, Qt.Key.Key_Escape)
    box.stop()
    assert box.seen == [] and editor.isVisible()
    assert table.item(0, 0).text() == word and not editor.editor.is_modified()


def test_escape_in_the_profile_list_closes_the_list_only(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    combo = editor.profile_combo
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert editor.isVisible()


def test_the_shortcuts_list_names_the_close_keys_with_the_editor_open(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    listed = [keys.split(", ") for keys, what, where in main.shortcut_rows()
              if (what, where) == ("Close the lesson editor", "Lesson editor")]
    assert len(listed) == 1 and {"Ctrl+W", "Esc"} <= set(listed[0])
    assert "Ctrl+W" in editor.close_action.toolTip()
    # The new button's Alt letter is its own.
    assert clashes(window_keys(editor)) == {}
