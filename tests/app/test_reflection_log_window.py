"""Practice › My reflection log: past records listed, read and saved, with real widgets
and real files (app/practice/reflection_log_window.py).

Fails on the old code, where the menu item only opened the folder of .json files
(nothing visible without a file manager) and the practice window's save message
named the record's .json file.
"""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

from app.practice.entry import add_practice_menu, open_reflection_log
from app.practice.reflection_log_window import ReflectionLogWindow
from app.practice.session import write_records
from lessons.reflection import ReflectionStore, reflections_dir
from tests.app.keyboard_scopes import clashes, window_keys
from tests.app.practice_at_scale import SCREEN, at_200  # noqa: F401 - the at_200 fixture
from tests.lessons.reflection_helpers import AISHA, FIRST_ANSWER, MAYA, make_session
from tests.widgets.save_as_doubles import use_dialog

MARCH = datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc)
MAY = datetime(2025, 5, 2, 14, 5, tzinfo=timezone.utc)
DAMAGED = "20250401-120000-year1-plants.json"


@pytest.fixture
def store(tmp_path) -> ReflectionStore:
    """Two real records and one cut-short file, in a folder of the test's own."""
    made = ReflectionStore(tmp_path / "log")
    made.save(make_session(MAYA, started=MARCH))
    made.save(make_session(AISHA, started=MAY))
    (made.folder / DAMAGED).write_text('{"format": "lesson-lab-practice-sess', encoding="utf-8")
    return made


def _window(qtbot, store) -> ReflectionLogWindow:
    window = ReflectionLogWindow(None, store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.list.hasFocus)  # where the window puts the keyboard
    return window


def _item_texts(window) -> list[str]:
    return [window.list.item(i).text() for i in range(window.list.count())]


def _docx_text(path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def _pdf_text(path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_records_are_listed_newest_first_and_the_chosen_one_reads_as_a_record(qtbot, store):
    window = _window(qtbot, store)
    texts = _item_texts(window)
    assert len(texts) == 3
    assert texts[0].startswith("Friday 2 May 2025") and "An Inspector Calls" in texts[0]
    assert texts[1].startswith('The practice record "20250401-120000-year1-plants.json" '
                               "could not be read")
    assert texts[2].startswith("Friday 14 March 2025") and "The water cycle" in texts[2]
    # The newest is chosen and shown as words, not as JSON.
    shown = window.viewer.toPlainText()
    assert "Adapting “An Inspector Calls" in shown and "Reflections" in shown
    assert '"format"' not in shown and "{" not in shown
    # Down twice, from the keyboard, reaches the oldest, with its answers.
    assert window.list.hasFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert "could not be read" in window.viewer.toPlainText()
    assert not window.save_one_docx.isEnabled() and window.save_all_pdf.isEnabled()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert FIRST_ANSWER in window.viewer.toPlainText()
    assert window.save_one_docx.isEnabled()


def test_an_empty_log_says_so_and_how_to_add_to_it(qtbot, tmp_path):
    window = _window(qtbot, ReflectionStore(tmp_path / "nothing-yet"))
    assert _item_texts(window)[0].startswith("Your reflection log is empty.")
    assert "Save to my reflection log" in window.viewer.toPlainText()
    assert not any(b.isEnabled() for b in (window.save_one_docx, window.save_one_pdf,
                                           window.save_all_docx, window.save_all_pdf))


def test_one_record_saves_as_word_and_all_as_one_pdf(qtbot, store, tmp_path, monkeypatch):
    window = _window(qtbot, store)
    window.list.setCurrentRow(2)  # the water cycle, March
    out = tmp_path / "out"
    out.mkdir()
    dialog = use_dialog(monkeypatch, (str(out / "march"), "Word document (*.docx)"),
                        (str(out / "everything.pdf"), "PDF (*.pdf)"))
    with qtbot.waitSignal(window.saved, timeout=60_000):
        qtbot.mouseClick(window.save_one_docx, Qt.MouseButton.LeftButton)
    word = out / "march.docx"
    assert zipfile.is_zipfile(word)
    assert "The water cycle" in _docx_text(word) and "Inspector" not in _docx_text(word)
    assert dialog.opened[0][0].endswith("Reflection - The water cycle - 14 March 2025.docx")
    assert str(word) in window.status.text() and ".json" not in window.status.text()

    with qtbot.waitSignal(window.saved, timeout=60_000):
        qtbot.mouseClick(window.save_all_pdf, Qt.MouseButton.LeftButton)
    pdf = out / "everything.pdf"
    text = _pdf_text(pdf)
    assert "The water cycle" in text and "An Inspector Calls" in text
    assert dialog.opened[1][0].endswith(".pdf") and "Reflection log - " in dialog.opened[1][0]
    assert "Saved 2 reflections as a PDF" in window.status.text()
    assert "1 record that could not be read was left out" in window.status.text()


def test_a_save_that_fails_is_one_sentence_and_writes_nothing(qtbot, store, tmp_path):
    window = _window(qtbot, store)
    with qtbot.waitSignal(window.saved, timeout=60_000) as ended:
        assert window.save("one", "docx", tmp_path / "gone" / "record.docx")
    assert ended.args == [None]
    assert "could not be saved" in window.status.text()
    assert not (tmp_path / "gone").exists()


def test_the_practice_menu_opens_the_log_window_not_a_folder(qtbot):
    reflections_dir().mkdir(parents=True, exist_ok=True)
    ReflectionStore().save(make_session(MAYA, started=MARCH))
    shell = QMainWindow()
    qtbot.addWidget(shell)
    menu = add_practice_menu(shell)
    action = next(a for a in menu.actions() if "reflection" in a.text())
    assert action.text() == "My reflection &log…"
    action.trigger()
    opened = shell.findChildren(ReflectionLogWindow)
    assert len(opened) == 1 and opened[0].isVisible()
    assert "The water cycle" in _item_texts(opened[0])[0]
    # Asked again, the same window comes back, read afresh.
    ReflectionStore().save(make_session(AISHA, started=MAY))
    assert open_reflection_log(shell) is opened[0]
    assert "An Inspector Calls" in _item_texts(opened[0])[0]
    opened[0].close()


def test_no_file_manager_gets_the_folder_named(qtbot, store):
    window = _window(qtbot, store)
    window.open_folder_url = lambda _url: False  # a computer with no file manager
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    assert str(store.folder) in window.status.text()


def test_a_screen_reader_hears_the_message_itself_and_no_empty_one(qtbot, store):
    # Qt gives a label no Text interface over AT-SPI: its name is all a reader gets.
    # It was "Message", whatever the message said, and a Tab stop of the mouse's.
    from PySide6.QtGui import QAccessible

    window = _window(qtbot, store)
    assert not window.status.isVisible()  # no message: nothing for a reader to meet
    window.open_folder_url = lambda _url: False
    window.open_folder()
    heard = QAccessible.queryAccessibleInterface(window.status).text(QAccessible.Text.Name)
    assert window.status.isVisible()
    assert heard == window.status.text() and str(store.folder) in heard


def test_every_control_has_a_key_and_a_name(qtbot, store):
    window = _window(qtbot, store)
    assert clashes(window_keys(window)) == {}
    for button in window.findChildren(QPushButton):
        assert "&" in button.text(), button.text()
    for widget in (window.list, window.viewer):
        assert widget.accessibleName()
    # Tab leaves the record for the buttons, instead of typing a tab into it.
    window.viewer.setFocus()
    qtbot.keyClick(window.viewer, Qt.Key.Key_Tab)
    assert not window.viewer.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


@pytest.mark.usefixtures("at_200")
def test_the_window_fits_the_screen_at_200_percent(qtbot, store):
    window = _window(qtbot, store)
    window.resize(*SCREEN)
    QApplication.processEvents()
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1]
    for button in window.findChildren(QPushButton):
        assert button.width() >= button.sizeHint().width(), button.text()
    # Each line of the list wraps inside it, also after the list is made narrower:
    # nothing runs off to the side.
    window.splitter.setSizes([800, 700])
    QApplication.processEvents()
    window.splitter.setSizes([450, 1050])
    QApplication.processEvents()
    room = window.list.viewport().width()
    for row in range(window.list.count()):
        assert window.list.visualItemRect(window.list.item(row)).right() <= room, row
    assert not window.list.horizontalScrollBar().isVisible()
    # The record is shown in the interface's own (doubled) size, not a fixed one.
    assert window.viewer.document().defaultFont().pointSizeF() == \
        QApplication.font().pointSizeF()



def test_a_whole_log_is_written_while_the_window_works_on_and_closing_waits(
        qtbot, store, tmp_path, monkeypatch):
    import threading

    import app.practice.reflection_log_saving as log_window

    started, opened, threads = threading.Event(), threading.Event(), []

    def held(*args):  # the real writer, held at its start
        threads.append(threading.current_thread())
        started.set()
        opened.wait(30)
        return write_records(*args)

    monkeypatch.setattr(log_window, "write_records", held)
    window = _window(qtbot, store)
    target = tmp_path / "term.pdf"
    assert window.save("all", "pdf", target)
    assert started.wait(10) and threads[0] is not threading.main_thread()
    assert window.status.text() == "Saving 2 reflections…"
    assert not any(b.isEnabled() for b in (window.save_one_docx, window.save_one_pdf,
                                           window.save_all_docx, window.save_all_pdf))
    window.list.setCurrentRow(2)  # the window works on meanwhile
    assert "The water cycle" in window.viewer.toPlainText()
    assert not window.close()  # the file first
    assert window.status.text() == "Saving; this window will close when it has finished."
    opened.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_find_shows_the_reflections_with_every_word_typed(qtbot, store):
    window = _window(qtbot, store)

    def shown() -> list[str]:
        return [window.list.item(i).text() for i in range(window.list.count())
                if not window.list.item(i).isHidden()]

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find.hasFocus()
    qtbot.keyClicks(window.find, "march water")
    assert len(shown()) == 1 and "The water cycle" in shown()[0]
    assert window.found.text() == "1 of 3 reflections found."
    assert "The water cycle" in window.viewer.toPlainText()  # the one found is shown
    qtbot.keyClick(window.find, Qt.Key.Key_Down)
    assert window.list.hasFocus()

    window.find.setText("volcanoes")
    assert shown() == [] and window.found.text() == "No reflection has all of those words."
    assert window.viewer.toPlainText() == "No reflection has all of the words in the Find box."
    assert not window.save_one_pdf.isEnabled()

    window.find.clear()
    assert len(shown()) == 3 and window.found.text() == ""
    assert window.save_one_pdf.isEnabled()
