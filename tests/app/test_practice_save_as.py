"""Exporting a practice record: the ending added, no file replaced unasked, and a failed
export said in one plain sentence.

The real practice window writes real files in ``tmp_path``; QFileDialog and the
replace question are replaced by the doubles of tests/widgets/save_as_doubles.py.
"""

from __future__ import annotations

import errno
import os

import docx
import pytest

from app.practice.practice_window import PracticeWindow
from lessons.reflection import ReflectionStore

SCENARIO = "year10-dyslexia-visual-stress-inspector-calls"
WORD = "Word document (*.docx)"
TEXT = "Plain text (*.txt)"
PDF = "PDF (*.pdf)"


@pytest.fixture
def window(qtbot, tmp_path) -> PracticeWindow:
    win = PracticeWindow(reflections=ReflectionStore(tmp_path / "log"))
    win.ask_save_before_closing = lambda: "discard"  # when the test ends
    qtbot.addWidget(win)
    win.start_scenario(SCENARIO)
    return win


def test_notes_typed_without_an_ending_never_replaces_notes_docx_unasked(
        window, dialog, question, tmp_path):
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"the CPD form so far")
    dialog.answers = [(str(tmp_path / "notes"), WORD), (str(tmp_path / "Arthur"), WORD),
                      (str(tmp_path / "notes"), WORD)]
    question.answers = [False, True]

    assert window.export("docx") == tmp_path / "Arthur.docx"  # "Choose another name"
    assert question.asked == [str(notes)]
    assert dialog.opened[1][0] == str(notes), "the dialog opens again at the taken name"
    assert notes.read_bytes() == b"the CPD form so far"
    assert docx.Document(str(tmp_path / "Arthur.docx")).paragraphs

    assert window.export("docx") == notes  # "Replace it"
    assert docx.Document(str(notes)).paragraphs


def test_the_chosen_type_gives_the_ending_and_a_typed_ending_is_not_asked_again(
        window, dialog, question, tmp_path):
    (tmp_path / "record.pdf").write_bytes(b"last term")
    dialog.answers = [(str(tmp_path / "for the form"), TEXT),
                      (str(tmp_path / "record.pdf"), PDF)]
    assert window.export("docx") == tmp_path / "for the form.txt"
    assert "An Inspector Calls" in (tmp_path / "for the form.txt").read_text(encoding="utf-8")
    assert window.export("pdf") == tmp_path / "record.pdf"  # the dialog asked already
    assert (tmp_path / "record.pdf").read_bytes().startswith(b"%PDF")
    assert question.asked == []
    assert [selected for _start, _filters, selected in dialog.opened] == [WORD, PDF]


def test_a_usb_stick_taken_out_is_said_plainly(window, tmp_path):
    messages = []
    window.show_message = lambda text, kind="info": messages.append((text, kind))
    assert window.export("docx", tmp_path / "USB stick" / "record.docx") is None
    assert messages == [("The record could not be saved: the folder cannot be found (was a "
                         "USB stick taken out?).", "error")]


def test_a_record_open_in_word_says_to_close_it(window, monkeypatch, tmp_path):
    def refused(path, _data):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr("lessons.word_document.write_bytes_atomically", refused)
    messages = []
    window.show_message = lambda text, kind="info": messages.append(text)
    assert window.export("docx", tmp_path / "record.docx") is None
    assert messages == ["The record could not be saved: permission was refused. If it is "
                        "open in Word or another program, close it there and try again, or "
                        "save it in another folder."]
