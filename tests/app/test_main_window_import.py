"""File › Import runs off the GUI thread: the window keeps working, and closing is safe.

Real Word documents built here with python-docx, imported by the real
importer on the window's real worker thread.
"""

from __future__ import annotations

import threading

import docx
import pytest
from docx.shared import Inches
from PySide6.QtCore import QTimer

from app import lesson_import_worker
from lessons.import_docx import import_docx
from tests.lessons.lesson_helpers import tiny_png, without_positions
from tests.lessons.test_import_docx import build_document

WORDS = "the water cycle evaporation condensation rain river ocean cloud pupils".split()


def long_document(path, paragraphs: int = 1000) -> None:
    """A real .docx of about 30 words a paragraph, with headings and bold runs."""
    document = docx.Document()
    document.add_heading(path.stem, level=1)
    for number in range(paragraphs):
        if number % 20 == 0:
            document.add_heading(f"Part {number // 20 + 1}", level=2)
        words = [WORDS[(number + i) % len(WORDS)] for i in range(30)]
        paragraph = document.add_paragraph(" ".join(words[:10]) + " ")
        paragraph.add_run(" ".join(words[10:15])).bold = True
        paragraph.add_run(" " + " ".join(words[15:]) + ".")
    document.save(str(path))


@pytest.fixture
def lessons_folder(tmp_path, monkeypatch):
    """The user's lessons folder, in this test's own data folder."""
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    return tmp_path / "data" / "lessons"


def everything_in(folder) -> list[str]:
    """Every file under ``folder`` (hidden temporary files too), as relative paths."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_window_keeps_working_while_a_long_document_is_imported(
        qtbot, opened, tmp_path, lessons_folder, monkeypatch):
    source = tmp_path / "Fractions.docx"
    long_document(source)
    window = opened.open(folders=None)
    window.ask_import_path = lambda: str(source)
    imported = lessons_folder / "Fractions.md"

    # The import waits until the window has handled a timer tick: on the GUI
    # thread it could never see one (it would give up after the wait), so the
    # lesson arriving with ticked_first True shows the window kept working.
    ticked, ticked_first = threading.Event(), []
    real_import = lesson_import_worker.import_into_folder

    def held_import(*args, **kwargs):
        ticked_first.append(ticked.wait(30))
        return real_import(*args, **kwargs)

    monkeypatch.setattr(lesson_import_worker, "import_into_folder", held_import)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(ticked.set)
    timer.start()
    window.import_lesson_file()
    assert window.statusBar().currentMessage() == "Importing Fractions.docx…"
    qtbot.waitUntil(lambda: window.lesson_path == imported or bool(window.messages),
                    timeout=60000)
    timer.stop()
    assert ticked_first == [True], "the window kept handling events while the document was read"
    assert not window.messages
    assert window.lesson.title == "Fractions" and len(window.lesson.sections) == 50
    assert window.statusBar().currentMessage() == "Imported as Fractions.md."


def test_a_word_document_imports_as_the_same_lesson_through_the_window(
        qtbot, opened, tmp_path, lessons_folder):
    source = tmp_path / "Water cycle.docx"
    sun, moon = tmp_path / "sun.png", tmp_path / "moon.png"
    sun.write_bytes(tiny_png())
    moon.write_bytes(tiny_png(5, 5))
    build_document(source, sun, moon)
    window = opened.open(folders=None)
    window.ask_import_path = lambda: str(source)
    imported = lessons_folder / "Water cycle.md"

    window.import_lesson_file()
    # Returned before the document was read: the lesson comes later, on this thread.
    assert window.lesson_path != imported
    qtbot.waitUntil(lambda: window.lesson_path == imported or bool(window.messages),
                    timeout=20000)

    direct = import_docx(source, tmp_path / "direct" / "Water cycle.md")
    assert without_positions(window.lesson) == without_positions(direct.lesson)
    assert imported.read_text(encoding="utf-8") == (
        tmp_path / "direct" / "Water cycle.md").read_text(encoding="utf-8")
    assert everything_in(lessons_folder) == [
        "Water cycle.md", "images/Water cycle-1.png", "images/Water cycle-2.png"]
    assert (lessons_folder / "images" / "Water cycle-2.png").read_bytes() == tiny_png(5, 5)
    assert len(direct.problems) == 2  # two pictures with no alt text
    # The whole message (the bar shortens it to fit a window as narrow as the test screen).
    assert window.statusBar().toolTip() == (
        "Imported as Water cycle.md. 2 notes to check in the library.")


def test_a_refused_document_says_why_and_leaves_nothing_in_the_lessons_folder(
        qtbot, opened, tmp_path, lessons_folder):
    source = tmp_path / "Pictures.docx"
    picture = tmp_path / "sun.png"
    picture.write_bytes(tiny_png())
    document = docx.Document()
    document.add_paragraph().add_run().add_picture(str(picture), width=Inches(1))
    document.save(str(source))
    window = opened.open(folders=None)
    window.ask_import_path = lambda: str(source)

    window.import_lesson_file()
    assert window.statusBar().currentMessage() == "Importing Pictures.docx…"
    qtbot.waitUntil(lambda: bool(window.messages), timeout=20000)
    assert window.messages == ["This document has no text to make a lesson from."]
    assert window.statusBar().currentMessage() == ""
    # Its picture used to be left behind in the user's lessons, for no lesson.
    assert everything_in(lessons_folder) == []


def test_a_second_import_while_one_runs_is_refused_politely(
        qtbot, opened, tmp_path, lessons_folder):
    source = tmp_path / "Fractions.docx"
    long_document(source, paragraphs=3)  # refused at once, however quick the first
    window = opened.open(folders=None)
    asked = []
    window.ask_import_path = lambda: asked.append("asked") or str(source)

    first = window.import_lesson_file()
    assert window.import_lesson_file() is None
    assert asked == ["asked"], "not asked for a file that would then be refused"
    assert window.messages == [
        "Lesson Lab is still importing Fractions.docx. Try again when it has finished."]
    # A passing message may take the status bar; when it goes, the import shows again.
    window.statusBar().clearMessage()
    assert window.statusBar().currentMessage() == "Importing Fractions.docx…"

    qtbot.waitUntil(first.finished.is_set, timeout=60000)
    qtbot.waitUntil(lambda: window.lesson_path == lessons_folder / "Fractions.md",
                    timeout=20000)
    assert window.import_lesson_file() is not None, "once finished, another may start"
    qtbot.waitUntil(lambda: window.lesson_path == lessons_folder / "Fractions (2).md",
                    timeout=60000)
    assert len(window.messages) == 1


def test_closing_the_window_during_an_import_stops_it_and_writes_nothing(
        qtbot, opened, tmp_path, lessons_folder):
    source = tmp_path / "Fractions.docx"
    long_document(source)
    window = opened.open(folders=None)
    window.ask_import_path = lambda: str(source)

    job = window.import_lesson_file()
    assert window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not importing_threads(), timeout=60000)
    qtbot.wait(50)  # let the worker's last word arrive: it must be ignored
    assert everything_in(lessons_folder) == [], "no lesson, half or whole, no temporary file"
    assert window.messages == []
    assert job.stopped and job.finished.is_set()


def importing_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "lesson-import"]


def test_importing_comes_back_after_a_passing_message_without_being_said_again(
        qtbot, opened, tmp_path, lessons_folder, monkeypatch):
    source = tmp_path / "Fractions.docx"
    long_document(source, paragraphs=5)
    window = opened.open(folders=None)
    window.ask_import_path = lambda: str(source)
    said = []
    monkeypatch.setattr("app.main_window.announce", lambda _where, text: said.append(text))
    go_on = threading.Event()
    real_import = lesson_import_worker.import_into_folder

    def held_import(*args, **kwargs):
        go_on.wait(30)
        return real_import(*args, **kwargs)

    monkeypatch.setattr(lesson_import_worker, "import_into_folder", held_import)
    try:
        window.import_lesson_file()
        window.show_status("Reading ruler on.", 50)  # a passing message during the import
        qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                        == "Importing Fractions.docx…")
        assert said == ["Importing Fractions.docx…", "Reading ruler on."]
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: window.lesson_path == lessons_folder / "Fractions.md")


def test_what_an_import_left_out_is_said_in_a_box_that_does_not_hold_up_the_window(
        qtbot, opened):
    from PySide6.QtWidgets import QMessageBox

    from app.main_window import MainWindow

    window = opened.open()
    MainWindow.show_import_notes(window, "Plants.pptx", "Parts of a plant",
                                 ["Slide 6 is hidden in the presentation, so it was left out."])
    box = window.findChild(QMessageBox)  # the call has returned: the box waits on its own
    qtbot.waitUntil(lambda: box.isVisible())
    assert box.windowTitle() == "Imported with notes"
    assert "Slide 6 is hidden" in box.informativeText()
    assert window.isEnabled()
    box.accept()
