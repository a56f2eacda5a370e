"""Export PDF…, Export Word document… and Export PowerPoint slides… in the main window:
the ending added, no file replaced unasked, and a failed save said in one plain sentence.

The real window writes real files in ``tmp_path``. QFileDialog is replaced by a
double that answers as a teacher would (tests/widgets/save_as_doubles.py),
and the replace question by one that records what it was asked.
"""

from __future__ import annotations

import errno
import os

import docx
import pptx
import pytest

from tests.app.exporting import exported
from tests.app.main_window_helpers import choose

PDF = "PDF files (*.pdf)"
WORD = "Word documents (*.docx)"
SLIDES = "PowerPoint slides (*.pptx)"


@pytest.fixture
def window(opened):
    window = opened.open()
    choose(window, "The water cycle")
    return window


def _is_pdf(path) -> bool:
    return path.read_bytes().startswith(b"%PDF")


def test_a_pdf_named_without_its_ending_gets_it(qtbot, window, dialog, question, tmp_path):
    dialog.answers = [(str(tmp_path / "Handout"), PDF)]
    assert exported(qtbot, window, window.export_pdf) == tmp_path / "Handout.pdf"
    assert _is_pdf(tmp_path / "Handout.pdf")
    assert not (tmp_path / "Handout").exists()
    assert dialog.opened[0][1:] == (PDF, PDF)
    assert question.asked == []


def test_a_pdf_there_already_is_replaced_only_when_the_teacher_says_so_and_asked_once(qtbot,
        window, dialog, question, tmp_path):
    handout = tmp_path / "Handout.pdf"
    handout.write_bytes(b"last week's handout")
    dialog.answers = [(str(tmp_path / "Handout"), PDF), (str(tmp_path / "Worksheet"), PDF),
                      (str(tmp_path / "Handout"), PDF)]
    question.answers = [False, True]

    # "Choose another name"
    assert exported(qtbot, window, window.export_pdf) == tmp_path / "Worksheet.pdf"
    assert question.asked == [str(handout)]
    assert dialog.opened[1][0] == str(handout), "the dialog opens again at the taken name"
    assert handout.read_bytes() == b"last week's handout"

    assert exported(qtbot, window, window.export_pdf) == handout  # "Replace it"
    assert _is_pdf(handout)

    # Typed with its ending, the name was asked about by the dialog itself: not again.
    handout.write_bytes(b"last week's handout")
    dialog.answers = [(str(handout), PDF)]
    assert exported(qtbot, window, window.export_pdf) == handout
    assert question.asked == [str(handout)] * 2
    assert _is_pdf(handout)


def test_a_word_document_named_without_its_ending_gets_it_and_asks_before_replacing(qtbot,
        window, dialog, question, tmp_path):
    sheet = tmp_path / "Sheet.docx"
    dialog.answers = [(str(tmp_path / "Sheet"), WORD), (str(tmp_path / "Sheet"), WORD),
                      (str(tmp_path / "Sheet"), WORD)]
    assert exported(qtbot, window, window.export_docx) == sheet
    assert docx.Document(str(sheet)).paragraphs[0].text == "The water cycle"
    assert question.asked == []

    sheet.write_bytes(b"changed in Word")
    question.answers = [False, True]
    dialog.answers.insert(1, ("", ""))  # "Choose another name", then cancel
    assert exported(qtbot, window, window.export_docx) is None
    assert sheet.read_bytes() == b"changed in Word"
    assert exported(qtbot, window, window.export_docx) == sheet  # "Replace it"
    assert question.asked == [str(sheet)] * 2
    assert docx.Document(str(sheet)).paragraphs[0].text == "The water cycle"


def test_powerpoint_slides_of_the_adapted_lesson_from_the_file_menu(qtbot, window, dialog,
                                                                   question, tmp_path):
    window.choose_profile("Dyslexia")
    dialog.answers = [(str(tmp_path / "Water cycle"), SLIDES)]
    menu = window.act.export_pptx
    assert menu.text() == "Export Power&Point slides…" and menu.isEnabled()
    with qtbot.waitSignal(window.export_finished, timeout=60_000):
        menu.trigger()
    slides = tmp_path / "Water cycle.pptx"
    deck = pptx.Presentation(str(slides))
    assert deck.slides[0].shapes.title.text == "The water cycle"
    fonts = {run.font.name for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame for paragraph in shape.text_frame.paragraphs
             for run in paragraph.runs}
    assert fonts == {"Comic Neue"}  # the Dyslexia preset's font
    assert window.statusBar().toolTip().startswith(
        f"Saved {slides} ({len(deck.slides)} slides).")
    assert question.asked == []


def test_a_word_document_open_in_word_says_to_close_it(qtbot, window, monkeypatch, tmp_path):
    # Windows refuses to replace a file Word has open: PermissionError, errno 13.
    def refused(path, _data):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr("lessons.word_document.write_bytes_atomically", refused)
    window.ask_docx_path = lambda suggestion: str(tmp_path / "Sheet.docx")
    assert exported(qtbot, window, window.export_docx) is None
    assert window.messages[-1] == (
        "The Word document could not be saved: permission was refused. If it is open in "
        "Word or another program, close it there and try again, or save it in another "
        "folder.")
    assert window.statusBar().currentMessage() == "The Word document was not saved."


@pytest.mark.parametrize(("export", "ask", "what"), [
    ("export_pdf", "ask_pdf_path", "The PDF"),
    ("export_docx", "ask_docx_path", "The Word document"),
    ("export_pptx", "ask_pptx_path", "The slides"),
])
def test_a_usb_stick_taken_out_is_said_plainly(qtbot, window, tmp_path, export, ask, what):
    setattr(window, ask, lambda suggestion: str(tmp_path / "USB stick" / suggestion))
    assert exported(qtbot, window, getattr(window, export)) is None
    assert window.messages[-1] == (f"{what} could not be saved: the folder cannot be found "
                                   "(was a USB stick taken out?).")


def test_one_slide_is_one_slide(qtbot, window, tmp_path):
    from lessons.model import Lesson

    window.show_lesson(Lesson(title="Register"), None)  # a title and nothing else
    window.ask_pptx_path = lambda suggestion: str(tmp_path / "Register.pptx")
    assert exported(qtbot, window, window.export_pptx) == tmp_path / "Register.pptx"
    assert window.statusBar().toolTip().startswith(f"Saved {tmp_path / 'Register.pptx'} (1 slide).")


def test_one_page_is_one_page(qtbot, window, tmp_path):
    # The status bar (and a screen reader) said "Saved … (1 pages)."
    from lessons.model import Lesson

    window.show_lesson(Lesson(title="Register"), None)  # a title and nothing else
    window.ask_pdf_path = lambda suggestion: str(tmp_path / "Register.pdf")
    assert exported(qtbot, window, window.export_pdf) == tmp_path / "Register.pdf"
    assert window.statusBar().toolTip().startswith(f"Saved {tmp_path / 'Register.pdf'} (1 page).")
