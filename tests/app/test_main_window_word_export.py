"""File > Export Word document… in the main window: the adapted lesson as a .docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from tests.app.exporting import exported
from tests.app.main_window_helpers import choose


@pytest.fixture
def window(opened):
    return opened.open()


def _choose_profile(window, name: str) -> None:
    window.profiles.setCurrentIndex(window.profiles.findText(name))
    assert window.profile().name == name


def test_ctrl_shift_w_saves_the_adapted_lesson_under_its_title_and_profile(qtbot, window,
                                                                           tmp_path):
    choose(window, "The water cycle")
    _choose_profile(window, "Dyslexia")
    target = tmp_path / "sheet.docx"
    suggestions = []
    window.ask_docx_path = lambda suggestion: suggestions.append(suggestion) or str(target)
    with qtbot.waitSignal(window.export_finished, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_W,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert suggestions == ["The water cycle - Dyslexia.docx"]
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "The water cycle"
    assert document.styles["Normal"].font.name == "Comic Neue"
    assert window.statusBar().currentMessage().startswith(f"Saved {target}.")


def test_the_file_menu_offers_it_next_to_the_pdf(window):
    names = [a.text() for a in window.act.menus["file"].actions()]
    pdf = names.index(window.act.export_pdf.text())
    assert names[pdf + 1] == "Export &Word document…"
    assert window.act.export_docx.shortcut().toString() == "Ctrl+Shift+W"


def test_black_on_white_is_honoured_for_paper(qtbot, window, tmp_path):
    choose(window, "The water cycle")
    _choose_profile(window, "High contrast yellow on black")
    paper = next(a for a in window.act.print_colours.actions() if a.data() == "black-on-white")
    paper.trigger()
    window.ask_docx_path = lambda suggestion: str(tmp_path / "paper.docx")
    saved = exported(qtbot, window, window.export_docx)
    normal = docx.Document(str(saved)).styles["Normal"]
    assert str(normal.font.color.rgb) == "000000"


def test_a_folder_that_is_not_there_says_so(qtbot, window, tmp_path):
    choose(window, "The water cycle")
    window.ask_docx_path = lambda suggestion: str(tmp_path / "missing" / "sheet.docx")
    assert exported(qtbot, window, window.export_docx) is None
    assert window.messages[-1].startswith("The Word document could not be saved")
    assert window.statusBar().currentMessage() == "The Word document was not saved."


class _Dialogs:
    """Stands in for QFileDialog: records where it starts, answers from a list."""

    def __init__(self, answers: list[str]) -> None:
        self.starts: list[str] = []
        self.answers = answers

    def getSaveFileName(self, _parent, _caption, start, _filter, _selected=""):  # noqa: N802
        self.starts.append(start)
        return self.answers.pop(0), ""


def test_the_dialog_starts_where_the_last_word_document_went(opened, monkeypatch, tmp_path):
    handouts = tmp_path / "Handouts"
    handouts.mkdir()
    dialogs = _Dialogs([str(handouts / "Cells - Standard.docx"), ""])
    monkeypatch.setattr("widgets.save_as.QFileDialog", dialogs)
    window = opened.open()
    window.__dict__.pop("ask_docx_path", None)
    window.ask_docx_path("Cells - Standard.docx")
    window.ask_docx_path("Rivers - Dyslexia.docx")
    assert dialogs.starts == [str(Path.home() / "Cells - Standard.docx"),
                              str(handouts / "Rivers - Dyslexia.docx")]
