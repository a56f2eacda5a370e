"""Every "Save as…": the ending added to a typed name, and no file replaced unasked.

Real files in ``tmp_path``; QFileDialog is replaced by a double that records
where it opened and answers as a teacher would, and the replace question by
one that records what it was asked (tests/widgets/save_as_doubles.py). One
test answers the real question box.
"""

from __future__ import annotations

import pytest

from tests.fixtures.question_box import NextBox
from widgets.save_as import ask_save_as, with_ending

TYPES = [("Word document", "docx"), ("Plain text", "txt")]
WORD = "Word document (*.docx)"
TEXT = "Plain text (*.txt)"


@pytest.mark.parametrize(("typed", "default", "expected"), [
    ("/f/Handout", "docx", ("/f/Handout.docx", "docx")),
    ("/f/Handout", "txt", ("/f/Handout.txt", "txt")),
    ("/f/notes.txt", "docx", ("/f/notes.txt", "txt")),  # the ending typed decides
    ("/f/NOTES.DOCX", "txt", ("/f/NOTES.DOCX", "docx")),
    ("/f/my.notes", "docx", ("/f/my.notes.docx", "docx")),  # not one of the endings
    ("/f/Year 4.5", "txt", ("/f/Year 4.5.txt", "txt")),
])
def test_the_chosen_ending_is_added_unless_the_name_has_one_of_them(typed, default, expected):
    assert with_ending(typed, ("docx", "txt"), default) == expected


def test_a_name_typed_without_its_ending_gets_the_chosen_types(dialog, question, tmp_path):
    dialog.answers = [(str(tmp_path / "notes"), TEXT)]
    assert ask_save_as(None, "Save", str(tmp_path / "Record.docx"), TYPES, "docx") == (
        str(tmp_path / "notes.txt"), "txt")
    assert dialog.opened == [(str(tmp_path / "Record.docx"), f"{WORD};;{TEXT}", WORD)]
    assert question.asked == [], "no file called notes.txt: nothing to ask"


def test_an_ending_added_to_the_name_of_a_file_there_asks_before_replacing_it(
        dialog, question, tmp_path):
    (tmp_path / "notes.docx").write_text("Monday's notes")
    dialog.answers = [(str(tmp_path / "notes"), WORD), (str(tmp_path / "Tuesday"), WORD),
                      (str(tmp_path / "notes"), WORD)]
    question.answers = [False, True]

    # "Choose another name": the dialog again, at the name that was taken.
    assert ask_save_as(None, "Save", str(tmp_path), TYPES) == (
        str(tmp_path / "Tuesday.docx"), "docx")
    assert question.asked == [str(tmp_path / "notes.docx")]
    assert dialog.opened[1][0] == str(tmp_path / "notes.docx")
    assert dialog.opened[1][2] == WORD

    # "Replace it".
    assert ask_save_as(None, "Save", str(tmp_path), TYPES) == (
        str(tmp_path / "notes.docx"), "docx")
    assert question.asked == [str(tmp_path / "notes.docx")] * 2


def test_a_name_typed_with_its_ending_is_not_asked_about_twice(dialog, question, tmp_path):
    # The dialog itself asked about "notes.docx": asking again would be a nuisance.
    (tmp_path / "notes.docx").write_text("Monday's notes")
    dialog.answers = [(str(tmp_path / "notes.docx"), WORD), ("", "")]
    assert ask_save_as(None, "Save", str(tmp_path), TYPES) == (
        str(tmp_path / "notes.docx"), "docx")
    assert ask_save_as(None, "Save", str(tmp_path), TYPES) is None  # cancelled
    assert question.asked == []


def test_the_question_in_a_real_box(qtbot, dialog, tmp_path):
    (tmp_path / "Handout.pdf").write_bytes(b"%PDF")
    dialog.answers = [(str(tmp_path / "Handout"), ""), ("", "")]
    box = NextBox("&Choose another name", lambda box: (
        box.windowTitle(), box.text(), box.defaultButton().text()))
    assert ask_save_as(None, "Export PDF", str(tmp_path), [("PDF files", "pdf")]) is None
    box.stop()

    assert box.seen == [("Replace the file?", "There is already a file called “Handout.pdf”. "
                     "Do you want to replace it?", "&Choose another name")]
    assert dialog.opened[1][0] == str(tmp_path / "Handout.pdf")
    assert (tmp_path / "Handout.pdf").read_bytes() == b"%PDF"
