"""Closing the lesson editor window with unsaved changes: Save, Discard or Cancel.

The question is answered through the window's ``ask_unsaved_changes`` seam,
so no modal dialog is left open; the real QMessageBox is checked for its
keyboard-reachable buttons without being run.
"""

from __future__ import annotations

import hashlib

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from app.practice.editor_window import CANCEL, DISCARD, SAVE, LessonEditorWindow
from lessons.library import builtin_folder, user_folder
from lessons.loader import load_lesson

LESSON = builtin_folder() / "ks2-year4-geography-water-cycle.md"


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def window(qtbot):
    made = LessonEditorWindow()  # deletes itself when closed, so not given to qtbot
    assert made.open_lesson(LESSON)
    made.show()
    made.asked = []
    made.lessons_before = _lessons()
    yield made
    if shiboken6.isValid(made):  # a test that kept it open
        _answer(made, DISCARD)
        made.close()


def _lessons() -> set:
    """The lessons in the user's folder (shared by the whole test session)."""
    return set(user_folder().glob("*.md")) if user_folder().exists() else set()


def _answer(window, answer: str) -> None:
    def ask() -> str:
        window.asked.append(answer)
        return answer

    window.ask_unsaved_changes = ask


def _edit(window) -> None:
    cursor = window.editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nA new last line.\n")
    assert window.editor.is_modified() and window.isWindowModified()


def test_an_unchanged_lesson_closes_without_asking(window) -> None:
    _answer(window, CANCEL)
    assert window.close()
    assert window.asked == []


def test_an_edit_undone_again_counts_as_unchanged(window) -> None:
    _answer(window, CANCEL)
    _edit(window)
    window.editor.undo()
    assert not window.editor.is_modified()
    assert window.close() and window.asked == []


def test_cancel_keeps_the_window_open_with_the_edit(window) -> None:
    _answer(window, CANCEL)
    _edit(window)
    assert not window.close()
    assert window.asked == [CANCEL]
    assert window.isVisible() and window.editor.text().endswith("A new last line.\n")
    assert _lessons() == window.lessons_before


def test_discard_closes_and_saves_nothing(window) -> None:
    before = _digest(LESSON)
    _answer(window, DISCARD)
    _edit(window)
    assert window.close()
    assert window.asked == [DISCARD]
    assert _lessons() == window.lessons_before
    assert _digest(LESSON) == before


def test_save_saves_a_new_lesson_and_never_the_original(window) -> None:
    before = _digest(LESSON)
    _answer(window, SAVE)
    window.editor.ask_lesson_name = lambda suggestion: "Water cycle for Sam"
    _edit(window)
    assert window.close()
    assert window.asked == [SAVE]
    saved = sorted(_lessons() - window.lessons_before)
    assert [p.name for p in saved] == ["water-cycle-for-sam.md"]
    result = load_lesson(saved[0])
    assert result.lesson is not None and result.lesson.title == "Water cycle for Sam"
    assert "A new last line." in saved[0].read_text(encoding="utf-8")
    assert _digest(LESSON) == before


def test_save_that_is_cancelled_at_the_name_keeps_the_window_open(window) -> None:
    _answer(window, SAVE)
    window.editor.ask_lesson_name = lambda suggestion: None
    _edit(window)
    assert not window.close()
    assert window.isVisible() and window.editor.is_modified()
    assert _lessons() == window.lessons_before


def test_a_lesson_that_cannot_be_saved_keeps_the_window_open(window, qtbot) -> None:
    _answer(window, SAVE)
    window.editor.ask_lesson_name = lambda suggestion: "Broken"
    # A lesson with no title cannot be saved: the teacher empties the Title field.
    title = window.editor.details.title
    qtbot.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    assert window.editor.is_modified()
    assert not window.close()
    assert window.isVisible() and "cannot be saved" in window.editor.status.text()
    assert _lessons() == window.lessons_before


def test_after_saving_the_window_closes_without_asking(window) -> None:
    _answer(window, CANCEL)
    _edit(window)
    assert window.editor.save_as_new("Saved first") is not None
    assert not window.editor.is_modified() and not window.isWindowModified()
    assert window.close() and window.asked == []


def test_the_question_has_save_discard_and_cancel_with_keys(window, qtbot, monkeypatch) -> None:
    shown = {}

    def look(box: QMessageBox) -> int:
        shown["buttons"] = {b.text(): box.buttonRole(b) for b in box.buttons()}
        shown["default"] = box.defaultButton().text()
        shown["escape"] = box.escapeButton().text()
        discard = next(b for b in box.buttons() if "Discard" in b.text())
        discard.click()  # answers and closes, as a key press would
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    assert window.ask_unsaved_changes() == DISCARD
    roles = shown["buttons"]
    assert roles == {
        "&Save as new lesson…": QMessageBox.ButtonRole.AcceptRole,
        "&Discard changes": QMessageBox.ButtonRole.DestructiveRole,
        "Cancel": QMessageBox.ButtonRole.RejectRole,
    }
    assert shown["default"].startswith("&Save") and shown["escape"] == "Cancel"
