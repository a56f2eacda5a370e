"""Files dropped on the main window (app/main_drops.py): a lesson opens, a Word or text
file is imported, anything else gets one sentence. The drag and drop events go
through Qt's own delivery (QApplication.sendEvent to the widget under the
pointer), so a child that takes drops of its own would keep them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication

from lessons.library import builtin_folder
from tests.app.drops import drop_files
from tests.fixtures.word_documents import word_document
from tests.lessons.pptx_samples import plants_lesson

WAIT = 20_000


@pytest.fixture
def window(opened):
    return opened.open()


def test_a_lesson_file_dropped_on_the_lesson_opens(qtbot, window):
    lesson = builtin_folder() / "ks2-year4-geography-water-cycle.md"
    assert window.lesson_path != lesson
    assert drop_files(window.view.viewport(), lesson)
    qtbot.waitUntil(lambda: window.lesson_path == lesson, timeout=WAIT)
    assert window.lesson.title == "The water cycle" and not window.messages


def test_a_word_document_dropped_on_the_library_is_imported(qtbot, opened, tmp_path,
                                                           monkeypatch):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    source = word_document(tmp_path / "Volcanoes.docx", "Volcanoes",
                           "A volcano is an opening in the Earth's crust.")
    window = opened.open(folders=None)
    assert drop_files(window.library.list.viewport(), source)
    imported = tmp_path / "data" / "lessons" / "Volcanoes.md"
    qtbot.waitUntil(lambda: window.lesson_path == imported or bool(window.messages),
                    timeout=WAIT)
    assert imported.is_file() and window.lesson.title == "Volcanoes", window.messages


def test_powerpoint_slides_dropped_on_the_window_are_imported(qtbot, opened, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    source = plants_lesson(tmp_path / "Plants.pptx", tmp_path)
    window = opened.open(folders=None)
    assert drop_files(window.view.viewport(), source)
    imported = tmp_path / "data" / "lessons" / "Plants.md"
    qtbot.waitUntil(lambda: window.lesson_path == imported or bool(window.messages),
                    timeout=WAIT)
    assert window.lesson.title == "Parts of a plant", window.messages
    assert [s.heading for s in window.lesson.sections][1:3] == ["Roots", "Stem and leaves"]
    # What the library can show later is counted; what only the import knows is said now.
    assert window.statusBar().toolTip() == "Imported as Plants.md. 1 note to check in the library."
    [(name, title, notes)] = window.import_notes
    assert (name, title) == ("Plants.pptx", "Parts of a plant")
    assert "Slide 6 is hidden in the presentation, so it was left out." in notes
    assert not any("alt text" in note for note in notes)  # that one is in the library


def test_several_files_dropped_use_the_first_and_say_so(qtbot, window, tmp_path):
    first = builtin_folder() / "ks2-year4-geography-water-cycle.md"
    second = builtin_folder() / "ks1-year1-science-parts-of-a-plant.md"
    assert drop_files(window, first, second)
    qtbot.waitUntil(lambda: window.lesson_path == first, timeout=WAIT)
    assert window.statusBar().currentMessage() == (
        "Only “ks2-year4-geography-water-cycle.md” was used: drop one file at a time.")


@pytest.mark.parametrize(("name", "said"), [
    ("photo.jpg", "“photo.jpg” cannot be used here. Drop a lesson file (.md), a Word "
                  "document (.docx), a PowerPoint presentation (.pptx) or a text file (.txt) "
                  "on the window."),
    ("vosk-model-small-en-gb-0.15.zip", "“vosk-model-small-en-gb-0.15.zip” is a zip file. To "
     "add a speech model, use Tools › Speech models… and Import zip file…."),
])
def test_a_file_that_is_not_a_lesson_gets_one_sentence_and_changes_nothing(
        qtbot, window, tmp_path, name, said):
    shown = window.lesson_path
    dropped = tmp_path / name
    dropped.write_bytes(b"not a lesson")
    assert drop_files(window, dropped)
    qtbot.waitUntil(lambda: bool(window.messages), timeout=WAIT)
    assert window.messages == [said]
    assert window.lesson_path == shown


def test_a_folder_dropped_is_named_as_one(qtbot, window, tmp_path):
    (tmp_path / "Year 4 lessons").mkdir()
    assert drop_files(window, tmp_path / "Year 4 lessons")
    qtbot.waitUntil(lambda: bool(window.messages), timeout=WAIT)
    assert window.messages[0].startswith("“Year 4 lessons” is a folder. Drop a lesson file")


def test_a_broken_lesson_dropped_says_why(qtbot, window, tmp_path):
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    assert drop_files(window, broken)
    qtbot.waitUntil(lambda: bool(window.messages), timeout=WAIT)
    assert window.messages[0].startswith("“broken.md” cannot be opened. ")


def test_dropped_text_is_not_taken_as_a_file(window):
    mime = QMimeData()
    mime.setText("The water cycle")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_a_lesson_dropped_on_the_pupils_text_opens_and_leaves_the_text_alone(qtbot, window):
    panel = window.dictation_panel
    panel.set_text("My dog is brown.")
    lesson = builtin_folder() / "ks2-year4-geography-water-cycle.md"
    assert drop_files(panel.editor.viewport(), lesson)
    qtbot.waitUntil(lambda: window.lesson_path == lesson, timeout=WAIT)
    assert panel.editor.toPlainText() == "My dog is brown."
