"""The main window's file dialogs start in the folder last used for that kind of file.

A unit test of the window's seam (``ask_pdf_path``, ``ask_lesson_path``,
``ask_import_path``): QFileDialog is replaced by a double that records where
it was asked to start and answers as a person would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.file_dialogs import Dialogs


@pytest.fixture
def dialogs(monkeypatch):
    made = Dialogs()
    monkeypatch.setattr("app.main_files.QFileDialog", made)
    monkeypatch.setattr("widgets.save_as.QFileDialog", made)  # every "Save as…"
    monkeypatch.setattr("widgets.model_manager_dialog.QFileDialog", made)
    return made


@pytest.fixture
def folders(tmp_path):
    """Two folders a teacher might keep lessons and PDFs in."""
    made = {name: tmp_path / name for name in ("Term 1 lessons", "Handouts")}
    for folder in made.values():
        folder.mkdir()
    return made


def real_questions(window):
    """The window's own questions (the test helper answers them with lists otherwise)."""
    for name in ("ask_lesson_path", "ask_import_path", "ask_pdf_path"):
        window.__dict__.pop(name, None)
    return window


def test_open_and_import_start_where_the_last_lesson_was_chosen(opened, dialogs, folders):
    window = real_questions(opened.open())
    chosen = folders["Term 1 lessons"] / "Volcanoes.docx"
    dialogs.answers = ["", str(chosen), "", ""]

    assert window.ask_lesson_path() == ""  # cancelled: nothing remembered
    assert window.ask_import_path() == str(chosen)
    assert window.ask_lesson_path() == ""
    assert dialogs.starts[:2] == [str(Path.home())] * 2
    assert dialogs.starts[2] == str(folders["Term 1 lessons"]), "open starts where import chose"

    later = real_questions(opened.open())  # the next time Lesson Lab opens
    assert later.ask_import_path() == ""
    assert dialogs.starts[3] == str(folders["Term 1 lessons"])


def test_pdf_export_starts_where_the_last_pdf_went_and_keeps_the_suggested_name(
        opened, dialogs, folders):
    window = real_questions(opened.open())
    dialogs.answers = [str(folders["Handouts"] / "Cells - Standard.pdf"), "", ""]

    window.ask_pdf_path("Cells - Standard.pdf")
    window.ask_pdf_path("Rivers - Dyslexia friendly.pdf")
    assert dialogs.starts == [str(Path.home() / "Cells - Standard.pdf"),
                              str(folders["Handouts"] / "Rivers - Dyslexia friendly.pdf")]
    window.ask_lesson_path()
    assert dialogs.starts[2] == str(Path.home()), "a PDF's folder is not where lessons open"


def test_importing_a_speech_model_starts_where_the_last_one_came_from(
        opened, dialogs, qtbot, tmp_path):
    from widgets.model_manager_dialog import IMPORT_FOLDER, IMPORT_ZIP

    stick = tmp_path / "USB stick"
    stick.mkdir()
    (stick / "not-a-model.zip").write_bytes(b"not a zip")
    window = opened.open()
    dialog = window.open_model_manager()
    dialogs.answers = [str(stick / "not-a-model.zip"), "", ""]
    dialog._on_import(IMPORT_ZIP)  # as the Import zip file… button does
    qtbot.waitUntil(lambda: not window.model_manager.busy())  # refused: not a model
    dialog._on_import(IMPORT_ZIP)
    dialog._on_import(IMPORT_FOLDER)
    assert dialogs.starts == [str(Path.home()), str(stick), str(stick)]


def test_saving_the_captions_starts_where_they_were_saved_last(opened, dialogs, folders):
    from app.controllers import attach_controllers

    window = opened.open()
    assert attach_controllers(window, ("captions",)) == ["captions"]
    history = window.captions_window.history
    history.add("The water cycle has four stages.", 0.0)
    handouts = folders["Handouts"]
    dialogs.answers = [str(handouts / "Monday captions.txt"), str(handouts / "Tuesday.txt")]
    history.save()
    history.save()
    assert Path(dialogs.starts[0]).parent == Path.home()
    assert Path(dialogs.starts[1]).parent == handouts
    assert (handouts / "Monday captions.txt").is_file()
