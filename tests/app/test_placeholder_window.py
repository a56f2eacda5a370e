"""The placeholder main window: library, profile choice, views, editor and PDF."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from app.placeholder_window import PlaceholderWindow
from lessons.library import builtin_folder, lesson_files
from lessons.profile_store import ProfileStore


@pytest.fixture
def window(qtbot, tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "broken.md").write_text("no front matter\n", encoding="utf-8")
    win = PlaceholderWindow(store=ProfileStore(tmp_path / "profiles"),
                            library_folders=[builtin_folder(), own])
    messages = []
    win.show_message = messages.append
    win.messages = messages
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.editor is not None:
        win.editor.confirm = lambda question: True


def _row_of(window, title: str) -> int:
    for row in range(window.lessons.count()):
        if window.lessons.item(row).text().startswith(title + " —"):
            return row
    raise AssertionError(title)


def test_lists_the_library_with_subject_and_key_stage(window):
    assert window.lessons.count() == len(lesson_files(builtin_folder())) + 1
    texts = [window.lessons.item(r).text() for r in range(window.lessons.count())]
    assert "The water cycle — Geography, KS2" in texts
    assert any(t.startswith("broken") and "(cannot be opened)" in t for t in texts)


def test_keyboard_chooses_a_lesson_and_a_profile(qtbot, window):
    window.lessons.setFocus()
    qtbot.keyClick(window.lessons, Qt.Key.Key_Home)
    qtbot.keyClick(window.lessons, Qt.Key.Key_Down)
    assert window.lesson is not None
    assert window.view.lesson() is window.lesson
    assert window.windowTitle().startswith(window.lesson.title)
    window.profiles.setFocus()
    qtbot.keyClick(window.profiles, Qt.Key.Key_End)
    assert window.view.profile().name == window.profiles.currentText()
    assert window.view.profile().name != "Standard"


def test_a_broken_lesson_says_why_it_cannot_open(window):
    row = next(r for r in range(window.lessons.count())
               if "(cannot be opened)" in window.lessons.item(r).text())
    window.lessons.setCurrentRow(row)
    assert window.messages and "front matter" in window.messages[0]


def test_side_by_side_and_focus_mode_sections(qtbot, window):
    window.lessons.setCurrentRow(_row_of(window, "The water cycle"))
    assert not window.section_label_action.isVisible()
    window.choose_profile("Autism / attention")  # a focus-mode preset
    assert window.next_action.isEnabled() and window.section_label_action.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.view.section_index() == 1
    assert window.section_label.text().startswith("Section 2 of")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.side_by_side
    assert window.side_by_side.adapted_label.text() == "Adapted: Autism / attention"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.view


def test_projector_from_f5_and_back_with_escape(qtbot, window):
    window.lessons.setCurrentRow(_row_of(window, "The water cycle"))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None and projector.isFullScreen()
    assert projector.view.shown_profile().font_size_pt >= 40
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert window.projector is None


def test_profile_editor_previews_in_the_window_and_saves_a_new_profile(qtbot, window):
    window.lessons.setCurrentRow(_row_of(window, "The water cycle"))
    window.choose_profile("Dyslexia")
    qtbot.keyClick(window, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor = window.editor
    assert editor is not None and editor.isVisible()
    editor.form.font_size.setValue(22)
    assert window.view.profile().font_size_pt == 22, "the main view previews the edit"
    editor.ask_name = lambda title, label, suggestion: "Year 4 reading group"
    assert editor.save_as()
    assert window.profiles.currentText() == "Year 4 reading group"
    assert window.view.profile().font_size_pt == 22


def test_export_pdf_writes_the_lesson(qtbot, window, tmp_path):
    window.lessons.setCurrentRow(_row_of(window, "The water cycle"))
    target = tmp_path / "sheet.pdf"
    suggestions = []
    window.ask_pdf_path = lambda suggestion: suggestions.append(suggestion) or str(target)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert suggestions == ["ks2-year4-geography-water-cycle - Standard.pdf"]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "The water cycle" in text
    assert "Saved" in window.statusBar().currentMessage()


def test_every_action_has_a_shortcut_and_the_lists_are_named(window):
    for action in (window.open_action, window.export_action, window.side_action,
                   window.projector_action, window.edit_action, window.next_action,
                   window.previous_action, window.zoom_in_action, window.zoom_out_action,
                   window.zoom_reset_action, window.lessons_action):
        assert not action.shortcut().isEmpty(), action.text()
    assert window.lessons.accessibleName() and window.profiles.accessibleName()
