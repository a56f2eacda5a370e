"""A damaged profile never reaches the exports, and a fault while exporting is said plainly.

Found in review: a saved profile with ``"letter_spacing_em": Infinity`` could be
chosen, and File › Export Word document then did nothing visible: an
OverflowError on stderr, the status stuck at "Saving the Word document…".
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import replace

import docx
import pytest
from PySide6.QtWidgets import QApplication

from lessons.profile import Profile
from tests.app.exporting import exported
from tests.app.main_window_helpers import choose


def test_a_profile_file_with_infinite_spacing_is_not_offered(qtbot, opened, tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "spaced.json").write_text(
        '{"name": "Spaced out", "letter_spacing_em": Infinity}', encoding="utf-8")
    (profiles / "fine.json").write_text(
        json.dumps(Profile(name="Fine", letter_spacing_em=0.12).to_dict()), encoding="utf-8")
    window = opened.open()
    names = [window.profiles.itemText(i) for i in range(window.profiles.count())]
    assert "Fine" in names and "Spaced out" not in names

    choose(window, "The water cycle")
    window.profiles.setCurrentIndex(window.profiles.findText("Fine"))
    window.ask_docx_path = lambda suggestion: str(tmp_path / "sheet.docx")
    saved = exported(qtbot, window, window.export_docx)
    assert saved is not None and docx.Document(str(saved)).paragraphs[0].text


@pytest.fixture
def faults(monkeypatch):
    """Faults handed to sys.excepthook (where the app reports its own faults)."""
    told: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: told.append(error))
    return told


def test_a_fault_in_the_word_writer_is_said_plainly_and_the_status_clears(qtbot, opened, tmp_path,
                                                                           faults):
    window = opened.open()
    choose(window, "The water cycle")
    chosen = window.profile()
    # What a damaged profile did before profiles had ranges: the real writer overflows.
    window.profile = lambda: replace(chosen, letter_spacing_em=math.inf)
    window.ask_docx_path = lambda suggestion: str(tmp_path / "sheet.docx")

    assert exported(qtbot, window, window.export_docx) is None
    assert window.messages == ["The Word document could not be saved because of a fault in "
                               "Lesson Lab; your lesson has not changed."]
    assert window.statusBar().currentMessage() == "The Word document was not saved."
    assert [type(error) for error in faults] == [OverflowError]
    assert QApplication.overrideCursor() is None
    # The window goes on working: the same export with a sound profile saves.
    window.profile = lambda: chosen
    assert exported(qtbot, window, window.export_docx) is not None


def test_a_fault_in_the_pdf_writer_is_said_plainly_too(qtbot, opened, tmp_path, faults,
                                                      monkeypatch):
    import app.pdf_export

    def fault(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    window = opened.open()
    choose(window, "The water cycle")
    monkeypatch.setattr(app.pdf_export, "export_pdf", fault)
    window.ask_pdf_path = lambda suggestion: str(tmp_path / "sheet.pdf")
    assert exported(qtbot, window, window.export_pdf) is None
    assert window.messages == ["The PDF could not be saved because of a fault in Lesson Lab; "
                               "your lesson has not changed."]
    assert window.statusBar().currentMessage() == "The PDF was not saved."
    assert len(faults) == 1
