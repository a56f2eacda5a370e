"""A lesson saved from the editor is in the library at once, under a title of its own.

A real main window (offscreen) listing the built-in lessons and the user's
folder (a fresh one for each test, as LESSON_LAB_DATA) opens the editor with
Ctrl+Shift+E; Ctrl+Shift+S saves. Names are typed into the real input box
(``NextNames``) and the question about a title already used is a real
QMessageBox answered by clicking (``NextBox``).
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from lessons.data_folder import DATA_ENV
from lessons.library import user_folder
from tests.app.editor_window_rig import AS_OFFERED, NextNames, open_editor, open_main
from tests.app.main_window_helpers import choose
from tests.fixtures.question_box import NextBox

WATER = "The water cycle"
PLANT = "Parts of a plant"  # another built-in lesson's title


@pytest.fixture
def main(qtbot, opened, tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data"))
    window = open_main(qtbot, opened, folders=None)  # the built-in lessons and the user's
    choose(window, WATER)
    return window


def _edit(editor, words: str = "A new last line.") -> None:
    cursor = editor.editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(f"\n{words}\n")
    editor.editor.text_edit.setTextCursor(cursor)


def _save_by_keys(qtbot, editor) -> None:
    """Ctrl+Shift+S in the lesson text, as a teacher would."""
    # Offscreen, a closed input box leaves no window active, and keys need one.
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.editor.text_edit.setFocus()
    qtbot.keyClick(editor.editor.text_edit, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _titles(main) -> list[str]:
    return [e.title for e in main.library.entries()]


def _saved_files() -> list:
    return sorted(user_folder().glob("*.md")) if user_folder().is_dir() else []


def test_a_saved_lesson_is_listed_and_chosen_without_reloading(qtbot, main) -> None:
    count = len(main.library.entries())
    editor = open_editor(qtbot, main)
    _edit(editor)
    names = NextNames("Water cycle for Sam")
    with qtbot.waitSignal(editor.editor.saved) as saved:
        _save_by_keys(qtbot, editor)
    names.stop()
    path = saved.args[0]
    assert editor.close()  # saved, so nothing to ask
    # No Ctrl+R: the library lists it and the main window shows it.
    qtbot.waitUntil(lambda: len(main.library.entries()) == count + 1, timeout=10000)
    qtbot.waitUntil(lambda: main.library.current_entry() is not None
                    and main.library.current_entry().path == path, timeout=5000)
    assert main.lesson.title == "Water cycle for Sam" and main.lesson_path == path
    assert "A new last line." in main.view.toPlainText()


def test_a_lesson_saved_at_the_close_is_listed_too(qtbot, main) -> None:
    count = len(main.library.entries())
    editor = open_editor(qtbot, main)
    _edit(editor)
    box = NextBox("Save as new lesson…")
    names = NextNames("Water cycle kept at the close")
    qtbot.keyClick(editor, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    box.stop()
    names.stop()
    assert box.seen and names.labels
    assert not shiboken6.isValid(editor) or not editor.isVisible()
    qtbot.waitUntil(lambda: len(main.library.entries()) == count + 1, timeout=10000)
    qtbot.waitUntil(lambda: main.lesson.title == "Water cycle kept at the close", timeout=5000)


def test_saving_twice_suggests_a_title_no_lesson_has(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    names = NextNames(AS_OFFERED, AS_OFFERED, AS_OFFERED)
    for words in ("A new last line.", "Another line."):
        _edit(editor, words)
        with qtbot.waitSignal(editor.editor.saved):
            _save_by_keys(qtbot, editor)
    assert names.suggested == ["The water cycle (adapted)", "The water cycle (adapted 2)"]
    assert [p.name for p in _saved_files()] == ["the-water-cycle-adapted-2.md",
                                               "the-water-cycle-adapted.md"]
    # Once listed, the two are two different rows.
    qtbot.waitUntil(lambda: {"The water cycle (adapted)", "The water cycle (adapted 2)"}
                    <= set(_titles(main)), timeout=10000)
    rows = [main.library.list.item(r).text() for r in range(main.library.list.count())]
    assert len(rows) == len(set(rows)), "no two identical rows"
    # A third save, with both listed now, goes on counting.
    _edit(editor, "A third line.")
    with qtbot.waitSignal(editor.editor.saved):
        _save_by_keys(qtbot, editor)
    names.stop()
    assert names.suggested[-1] == "The water cycle (adapted 3)"


def test_a_title_another_lesson_has_is_asked_about_and_another_offered(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    _edit(editor)
    box = NextBox("Choose another name…", lambda b: b.text() + " " + b.informativeText())
    names = NextNames(PLANT, AS_OFFERED)  # then the name it offers instead
    with qtbot.waitSignal(editor.editor.saved) as saved:
        _save_by_keys(qtbot, editor)
    box.stop()
    names.stop()
    assert box.seen == ["Another lesson in your library is already called “Parts of a plant”. "
                        "Two lessons with the same name look the same in the library. You can "
                        "choose another name, or keep this one."]
    assert names.suggested == ["The water cycle (adapted)", "Parts of a plant (2)"]
    assert saved.args[0].name == "parts-of-a-plant-2.md"


def test_the_teacher_may_keep_a_title_another_lesson_has(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    _edit(editor)
    box = NextBox("Keep this name")
    names = NextNames(PLANT.lower())  # capitals do not make it a different title
    with qtbot.waitSignal(editor.editor.saved) as saved:
        _save_by_keys(qtbot, editor)
    box.stop()
    names.stop()
    assert len(box.seen) == 1 and len(names.labels) == 1
    assert saved.args[0].name == "parts-of-a-plant.md"


def test_cancel_at_the_question_saves_nothing(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    _edit(editor)
    box = NextBox("Cancel")
    names = NextNames(PLANT)
    _save_by_keys(qtbot, editor)
    box.stop()
    names.stop()
    assert len(box.seen) == 1
    assert _saved_files() == [] and editor.editor.is_modified()
