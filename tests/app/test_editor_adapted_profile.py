"""A profile fixed in the lesson editor is shown, can be saved, and is never lost unasked.

A real main window (offscreen) with the Dyslexia preset opens the editor with
Ctrl+Shift+E; the checker's real Fix button gives the text more room (WCAG 1.4.12's
spacing). The closing question is a real QMessageBox, answered by clicking
(tests/fixtures/question_box.py); the profile's name is typed into the real
input box by ``NextNames``.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt

from app.practice.editor_window import LessonEditorWindow
from tests.app.editor_window_rig import (
    SPACING_FIX,
    NextNames,
    click_fix,
    open_editor,
    open_main,
)
from tests.app.main_window_helpers import choose
from tests.fixtures.question_box import NextBox

WATER = "The water cycle"


@pytest.fixture
def main(qtbot, opened):
    window = open_main(qtbot, opened)
    choose(window, WATER)
    assert window.choose_profile("Dyslexia")
    return window


def _fixed(qtbot, main) -> LessonEditorWindow:
    editor = open_editor(qtbot, main)
    assert editor.profile_combo.currentText() == "Dyslexia"
    before = editor.workbench.scores()
    click_fix(qtbot, editor, SPACING_FIX)
    assert editor.workbench.profile().name == "Dyslexia (adapted)"
    assert editor.workbench.scores() != before
    return editor


def test_the_profile_box_shows_the_adapted_profile(qtbot, main) -> None:
    editor = _fixed(qtbot, main)
    # It said "Dyslexia" while the preview and the scores used the adapted profile.
    assert editor.profile_combo.currentText() == "Dyslexia (adapted)"
    assert editor.profile_combo.currentData() == editor.workbench.profile()
    assert editor.has_unsaved_work() and editor.isWindowModified()
    # Plain Dyslexia is still there to go back to.
    assert editor.profile_combo.findText("Dyslexia") >= 0
    assert editor.profile_row.save_button.isEnabled()
    assert "Dyslexia (adapted)" in editor.profile_row.save_button.toolTip()


def test_closing_with_the_adapted_profile_asks_and_cancel_keeps_it(qtbot, main) -> None:
    editor = _fixed(qtbot, main)
    box = NextBox("Cancel", lambda b: b.text())
    assert not editor.close()
    box.stop()
    assert len(box.seen) == 1 and "Dyslexia (adapted)" in box.seen[0]
    assert editor.isVisible() and editor.workbench.profile().name == "Dyslexia (adapted)"


def test_discard_closes_and_saves_no_profile(qtbot, main) -> None:
    editor = _fixed(qtbot, main)
    box = NextBox("Discard changes")
    assert editor.close()
    box.stop()
    assert box.seen == [None]
    assert main.store.profiles() == []
    assert main.profile().name == "Dyslexia"


def test_save_at_the_close_keeps_it_as_my_profile_in_the_main_window_too(qtbot, main) -> None:
    editor = _fixed(qtbot, main)
    adapted = editor.workbench.profile()
    box = NextBox("Save profile…")
    name = NextNames("Dyslexia with room")
    assert editor.close()
    box.stop()
    name.stop()
    assert name.suggested == ["Dyslexia (adapted)"]
    saved = main.store.find("Dyslexia with room")
    assert saved is not None and saved == adapted.renamed("Dyslexia with room")
    assert not shiboken6.isValid(editor) or not editor.isVisible()
    # The main window lists it and shows the lesson with it.
    assert main.profile() == saved
    assert main.profiles.currentText() == "Dyslexia with room"


def test_save_profile_button_by_keyboard_saves_it_and_asks_nothing_at_the_close(
        qtbot, main) -> None:
    editor = _fixed(qtbot, main)
    button = editor.profile_row.save_button
    # WCAG 2.5.3: the name is the words on the button; what it does is its description.
    assert button.text() == "Save &profile…"
    assert button.accessibleName() == "Save profile"
    assert "as one of your own profiles" in button.accessibleDescription()
    # A name that cannot be used is asked again with the reason, not refused silently.
    names = NextNames("Dyslexia", "Dyslexia for Sam")
    qtbot.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: main.store.find("Dyslexia for Sam") is not None, timeout=5000)
    names.stop()
    assert names.suggested == ["Dyslexia (adapted)", "Dyslexia"]
    assert "built-in preset" in names.labels[1] and "built-in" not in names.labels[0]
    assert editor.profile_combo.currentText() == "Dyslexia for Sam"
    assert editor.workbench.profile().name == "Dyslexia for Sam"
    assert not editor.has_unsaved_work() and not editor.isWindowModified()
    assert not button.isEnabled()
    assert "Dyslexia for Sam" in editor.editor.status.text()
    assert main.profiles.findText("Dyslexia for Sam") >= 0
    assert editor.close()  # nothing to ask: a question box would wait here


def test_one_question_covers_the_text_and_the_profile(qtbot, main) -> None:
    editor = _fixed(qtbot, main)
    editor.editor.text_edit.textCursor().insertText("A first line. ")
    assert editor.editor.is_modified()
    box = NextBox("Cancel", lambda b: (b.text(), [x.text() for x in b.buttons()]))
    assert not editor.close()
    box.stop()
    text, buttons = box.seen[0]
    assert "This lesson has changes" in text and "Dyslexia (adapted)" in text
    assert "&Save lesson and profile…" in buttons and "&Discard changes" in buttons
