"""The main window: library, lessons, profiles, views, import and PDF export."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from lessons.library import builtin_folder, lesson_files
from tests.app.exporting import exported
from tests.app.main_window_helpers import choose, row_of
from tests.fixtures.word_documents import word_document


@pytest.fixture
def window(opened):
    return opened.open()


def test_opens_with_the_library_listed_and_a_lesson_shown(window):
    texts = [window.library.list.item(r).text() for r in range(window.library.list.count())]
    assert len(texts) == len(lesson_files(builtin_folder())) + 1
    assert "The water cycle\nGeography · KS2 · Year 4 · built in" in texts
    broken = next(t for t in texts if t.startswith("broken"))
    assert "warning: Cannot be opened" in broken
    assert window.lesson is not None, "a first run shows the first lesson, not an empty page"
    assert window.view.lesson() is window.lesson
    assert window.library.count_label.text() == f"{len(texts)} lessons"


def test_searching_filters_the_library(qtbot, window):
    window.library.search.setFocus()
    qtbot.keyClicks(window.library.search, "geography")
    shown = [e.title for e in window.library.visible_entries()]
    assert shown == ["The water cycle", "Rivers and flooding"]
    assert window.library.count_label.text().startswith("2 of ")
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, "ks4 maths")
    assert [e.title for e in window.library.visible_entries()] == ["Pythagoras' theorem"]


def test_choosing_a_lesson_with_the_keyboard_shows_it(qtbot, window):
    window.library.list.setFocus()
    qtbot.keyClick(window.library.list, Qt.Key.Key_Home)
    first = window.lesson
    qtbot.keyClick(window.library.list, Qt.Key.Key_Down)
    assert window.lesson is not first
    assert window.view.lesson() is window.lesson
    assert window.windowTitle() == f"{window.lesson.title} — Lesson Lab"
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    assert window.view.hasFocus(), "Enter opens the lesson and moves into it"


def test_a_broken_lesson_says_why_and_keeps_the_lesson_shown(window):
    shown = window.lesson
    row = next(r for r in range(window.library.list.count())
               if window.library.list.item(r).text().startswith("broken"))
    window.library.list.setCurrentRow(row)
    assert window.lesson is shown
    # Said above the lesson, naming the lesson still shown, until another one opens.
    bar = window.library_message()
    assert bar.isVisible() and bar.kind == "error"
    said = bar.text_label.text()
    assert said.startswith("“broken") and " cannot be opened. " in said
    assert said.endswith(f"The lesson shown is still “{shown.title}”.")
    window.library._activated(window.library.list.item(row))
    assert window.messages and "details at the top" in window.messages[0]
    # Named, then the problem as a sentence of its own (not "opened: This file…").
    assert window.messages[0].startswith("“broken") and " cannot be opened. " in window.messages[0]
    choose(window, "Writing a recount")
    assert not bar.isVisible()


def test_choosing_a_preset_restyles_the_view(qtbot, window):
    choose(window, "The water cycle")
    before = window.view.palette().color(window.view.viewport().backgroundRole()).name()
    changed = []
    window.profile_changed.connect(changed.append)
    window.profiles.setFocus()
    assert window.choose_profile("High contrast yellow on black")
    assert window.view.profile().name == "High contrast yellow on black"
    after = window.view.palette().color(window.view.viewport().backgroundRole()).name()
    assert after != before and after == window.view.profile().colours.background
    assert [p.name for p in changed] == ["High contrast yellow on black"]
    assert window.side_by_side.adapted_label.text() == "Adapted: High contrast yellow on black"


def test_f8_flips_between_the_standard_preset_and_the_profile(qtbot, window):
    window.choose_profile("Dyslexia")
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert not window.is_adapted_shown()
    assert window.view.profile().name == "Standard"
    assert window.profiles.currentText() == "Dyslexia", "the choice itself is kept"
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.view.profile().name == "Dyslexia"


def test_simulations_dock_and_overlay_follow_the_flip(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.simulation_dock is not None and window.simulation_dock.isVisible()
    assert window.simulation_overlay.target() is window.view
    window.choose_profile("Dyslexia")
    window.simulation_panel.flip_button.click()  # the panel's own button
    assert window.view.profile().name == "Standard" and window.act.flip.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F8)  # F8 is the window's and stays unambiguous
    assert window.view.profile().name == "Dyslexia"
    assert window.simulation_panel.is_adapted()
    window.simulation_panel.switch("blur").setChecked(True)
    assert window.simulation_overlay.settings().strengths["blur"] > 0


def test_side_by_side_and_focus_mode_sections(qtbot, window):
    choose(window, "The water cycle")
    assert not window.act.next_section.isEnabled()
    assert window.section_label.text() == "Whole lesson"  # shown, so nothing moves
    window.choose_profile("Autism / attention")  # a focus-mode preset
    assert window.act.next_section.isEnabled() and window.act.section_label_action.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.view.section_index() == 1
    assert window.section_label.text().startswith("Section 2 of")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.side_by_side
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.view


def test_projector_from_f11_and_back_with_escape(qtbot, window):
    choose(window, "The water cycle")
    qtbot.keyClick(window, Qt.Key.Key_F11)
    projector = window.projector
    assert projector is not None and projector.isFullScreen()
    assert projector.view.shown_profile().font_size_pt >= 40
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert window.projector is None


def test_the_windows_keys_work_while_presenting(qtbot, window):
    # A trainer at the projector turns on captions, dictation or the ruler
    # without going back to the main window.
    from app.controllers import attach_controllers

    assert attach_controllers(window, ("dictation", "captions")) == ["dictation", "captions"]
    choose(window, "The water cycle")
    projector = window.start_projector()
    keys = {a.shortcut().toString() for a in projector.actions()}
    assert {"Ctrl+Shift+C", "F9", "Ctrl+L"} <= keys
    assert "F11" not in keys, "a second projector"
    projector.activateWindow()
    qtbot.keyClick(projector, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.act.ruler.isChecked()  # the key reached the window's action
    qtbot.keyClick(projector, Qt.Key.Key_Escape)


def test_ctrl_plus_while_presenting_sizes_the_projector_and_is_kept_for_next_time(
        qtbot, window):
    choose(window, "The water cycle")
    projector = window.start_projector()
    size = projector.view.shown_profile().font_size_pt
    main_size = window.view.shown_profile().font_size_pt
    projector.activateWindow()
    qtbot.keyClick(projector, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert projector.view.shown_profile().font_size_pt > size
    assert window.view.shown_profile().font_size_pt == main_size, "not the hidden window"
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    again = window.start_projector()
    assert again.view.zoom() > 1.0, "the size chosen for the room is kept"
    qtbot.keyClick(again, Qt.Key.Key_Escape)


def test_a_projector_closed_another_way_is_forgotten(qtbot, window):
    choose(window, "The water cycle")
    projector = window.start_projector()
    with qtbot.waitSignal(projector.destroyed, timeout=5000):
        projector.close()  # as the window manager or a script would
    assert window.projector is None
    window.choose_profile("Dyslexia")  # nothing is sent to the deleted window
    choose(window, "Cells")
    assert window.view.lesson().title == "Cells"


def test_profile_editor_previews_in_the_window_and_saves_a_new_profile(qtbot, window):
    choose(window, "The water cycle")
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
    # The guidance it is shown with says what changed, not the preset's own claims.
    assert window.profiles.toolTip().startswith(
        "Made from the Dyslexia preset, then changed: font size.")


def test_the_profile_list_tells_the_guidance_behind_each_preset(window):
    window.choose_profile("Dyslexia")
    tip = window.profiles.toolTip()
    assert tip.startswith("Follows the British Dyslexia Association's Dyslexia Style Guide")
    assert tip in window.profiles.accessibleDescription()
    index = window.profiles.findText("Low vision \u2014 large print")
    assert "RNIB" in window.profiles.itemData(index, Qt.ItemDataRole.ToolTipRole)


def test_export_pdf_writes_the_lesson(qtbot, window, tmp_path):
    choose(window, "The water cycle")
    target = tmp_path / "sheet.pdf"
    suggestions = []
    window.ask_pdf_path = lambda suggestion: suggestions.append(suggestion) or str(target)
    with qtbot.waitSignal(window.export_finished, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert suggestions == ["The water cycle - Standard.pdf"]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "The water cycle" in text
    assert "Saved" in window.statusBar().currentMessage()


def test_export_pdf_to_a_folder_that_is_not_there_says_so(qtbot, window, tmp_path):
    window.ask_pdf_path = lambda suggestion: str(tmp_path / "missing" / "sheet.pdf")
    assert exported(qtbot, window, window.export_pdf) is None
    assert window.messages and window.messages[0].startswith("The PDF could not be saved")


def test_import_a_word_document_into_the_users_lessons(qtbot, opened, tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    source = word_document(tmp_path / "Volcanoes.docx", "Volcanoes",
                           "A volcano is an opening in the Earth's crust.")
    window = opened.open(folders=None)  # the built-in lessons and the user's folder
    window.ask_import_path = lambda: str(source)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    imported = tmp_path / "data" / "lessons" / "Volcanoes.md"
    # The import runs on a worker thread (tests/app/test_main_window_import.py).
    qtbot.waitUntil(lambda: window.lesson_path == imported or bool(window.messages),
                    timeout=20000)
    assert imported.is_file(), window.messages
    assert window.lesson_path == imported and window.lesson.title == "Volcanoes"
    entry = window.library.current_entry()
    assert entry.path == imported and "your lesson" in window.library.list.currentItem().text()
    assert window.statusBar().currentMessage().startswith("Imported as Volcanoes.md.")
    window.import_lesson_file()
    again = tmp_path / "data" / "lessons" / "Volcanoes (2).md"
    qtbot.waitUntil(lambda: window.lesson_path == again or bool(window.messages),
                    timeout=20000)
    assert again.is_file() and not window.messages


def test_importing_an_unsupported_file_is_one_plain_sentence(qtbot, window, tmp_path):
    source = tmp_path / "notes.pdf"
    source.write_bytes(b"%PDF-1.4")
    window.ask_import_path = lambda: str(source)
    window.import_lesson_file()
    qtbot.waitUntil(lambda: bool(window.messages), timeout=20000)
    assert window.messages == ["Lesson Lab can import Word documents (.docx), PowerPoint "
                               "presentations (.pptx) and plain text files (.txt), not '.pdf' "
                               "files."]


def test_a_file_that_is_not_really_a_word_document_is_named_not_its_path(qtbot, window, tmp_path):
    source = tmp_path / "empty.docx"
    source.write_bytes(b"")
    window.ask_import_path = lambda: str(source)
    window.import_lesson_file()
    qtbot.waitUntil(lambda: bool(window.messages), timeout=20000)
    assert window.messages == ["\u201cempty.docx\u201d is not a Word document Lesson Lab can read."]


def test_library_scanned_in_the_background_then_restores_the_lesson(qtbot, opened):
    first = opened.open()
    choose(first, "Cells")
    first.close()
    later = opened.open(load_library=False)
    assert later.library.list.count() == 0 and later.lesson is None
    with qtbot.waitSignal(later.library_loaded, timeout=20000):
        later.refresh_library_later()
    assert later.lesson.title == "Cells"
    assert row_of(later, "Cells") == later.library.list.currentRow()


def test_speech_models_open_from_tools_and_keep_one_manager(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog, manager = window.model_dialog, window.model_manager
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(manager.is_idle, timeout=20000)
    names = [row.name for row in manager.rows()]
    assert names[0] == "whisper-tiny.en" and "vosk-model-small-en-gb-0.15" in names
    dialog.reject()
    assert not dialog.isVisible()
    window.act.models.trigger()
    assert window.model_dialog is dialog and window.model_manager is manager
    assert dialog.isVisible()
    qtbot.waitUntil(manager.is_idle, timeout=20000)


def test_the_side_by_side_panes_are_built_when_shown_not_for_every_lesson(qtbot, window):
    # Building the two hidden panes took two thirds of opening a long lesson.
    choose(window, "Cells")
    panes = (window.side_by_side.original, window.side_by_side.adapted)
    assert [pane.lesson() for pane in panes] == [None, None]  # hidden: not built
    window.show_side_by_side(True)
    assert [pane.lesson() for pane in panes] == [window.lesson, window.lesson]
    choose(window, "The water cycle")  # shown: built at once
    assert [pane.lesson().title for pane in panes] == ["The water cycle"] * 2
    window.show_side_by_side(False)
    choose(window, "Cells")
    assert [pane.lesson().title for pane in panes] == ["The water cycle"] * 2
    window.show_side_by_side(True)
    assert [pane.lesson().title for pane in panes] == ["Cells"] * 2
