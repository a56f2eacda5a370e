"""Where the dictation panel's Save… opens, what it suggests, and no silent overwrite.

The real panel and real files in ``tmp_path``; QFileDialog.getSaveFileName is
replaced by a recorder that answers as a pupil would, so no dialog is left open.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.fixtures.question_box import NextBox
from widgets.dictation_panel import DictationPanel
from widgets.dictation_save import dated_stem, free_file_name

WORD = "Word document (*.docx)"
TEXT = "Plain text (*.txt)"


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records where it opened, gives ``answers``."""

    def __init__(self, answers) -> None:
        self.answers = list(answers)
        self.opened: list[tuple[str, str]] = []  # (suggested path, file type chosen)

    def __call__(self, parent, caption, start, filters, selected=""):
        assert filters.split(";;") == [TEXT, WORD]
        self.opened.append((start, selected))
        return self.answers.pop(0)


@pytest.fixture
def panel(qtbot):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_text("The river flows to the sea.")
    panel.saved = []
    panel.save_requested.connect(lambda path, fmt: panel.saved.append((path, fmt)))
    return panel


def _dialog(monkeypatch, *answers) -> SaveDialog:
    dialog = SaveDialog(answers)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return dialog


def _today(folder: Path, ending: str, number: int = 1) -> str:
    stem = dated_stem(date.today())
    return str(folder / (f"{stem}.{ending}" if number == 1 else f"{stem} ({number}).{ending}"))


def test_a_new_name_carries_the_british_date_and_never_takes_a_used_one(tmp_path):
    day = date(2026, 11, 28)
    assert dated_stem(day) == "Dictation 28 November 2026"
    assert dated_stem(date(2027, 3, 4)) == "Dictation 4 March 2027"
    stem = dated_stem(day)
    assert free_file_name(tmp_path, stem, "txt") == "Dictation 28 November 2026.txt"
    (tmp_path / "Dictation 28 November 2026.txt").write_text("morning")
    assert free_file_name(tmp_path, stem, "txt") == "Dictation 28 November 2026 (2).txt"
    # Taken as a Word file counts too: choosing Word in the dialog must not replace it.
    (tmp_path / "Dictation 28 November 2026 (2).docx").write_bytes(b"")
    assert free_file_name(tmp_path, stem, "txt") == "Dictation 28 November 2026 (3).txt"
    assert free_file_name(tmp_path, stem, "docx") == "Dictation 28 November 2026 (3).docx"


def test_save_opens_in_the_folder_given_with_the_format_given_and_a_free_dated_name(
        panel, monkeypatch, tmp_path):
    work = tmp_path / "My work"
    work.mkdir()
    Path(_today(work, "docx")).write_bytes(b"this morning's work")
    dialog = _dialog(monkeypatch, ("", ""))
    panel.set_save_start(str(work), "docx")

    panel.save()

    assert dialog.opened == [(_today(work, "docx", 2), WORD)]
    assert panel.saved == []  # cancelled


def test_once_saved_save_offers_the_same_file_again(panel, monkeypatch, tmp_path):
    monday = tmp_path / "Monday.txt"
    monday.write_text("yesterday")
    dialog = _dialog(monkeypatch, (str(monday), TEXT))
    panel.set_save_start(str(tmp_path), "txt", str(monday))

    panel.save()

    assert dialog.opened == [(str(monday), TEXT)]
    assert panel.saved == [(str(monday), "txt")]


def test_a_folder_that_has_gone_opens_at_home(panel, monkeypatch, tmp_path):
    stick = tmp_path / "USB stick"
    dialog = _dialog(monkeypatch, ("", ""), ("", ""))
    panel.set_save_start(str(stick), "txt", str(stick / "Monday.txt"))
    panel.save()
    panel.set_save_start(str(stick), "txt")
    panel.save()
    for suggested, chosen in dialog.opened:
        assert Path(suggested).parent == Path.home() and chosen == TEXT
        assert Path(suggested).name.startswith(dated_stem(date.today()))


def test_a_typed_name_without_its_ending_is_not_saved_over_a_file_without_asking(
        panel, monkeypatch, tmp_path):
    # The dialog asks about "Monday" as typed; "Monday.txt" is what would be written.
    (tmp_path / "Monday.txt").write_text("Monday's work")
    dialog = _dialog(monkeypatch, (str(tmp_path / "Monday"), TEXT),
                     (str(tmp_path / "Tuesday"), TEXT))
    asked = []
    panel.confirm_replace = lambda path: asked.append(path) or False

    panel.save()

    assert asked == [str(tmp_path / "Monday.txt")]
    # "Choose another name" opens the dialog again where it was.
    assert dialog.opened[1] == (str(tmp_path / "Monday.txt"), TEXT)
    assert panel.saved == [(str(tmp_path / "Tuesday.txt"), "txt")]
    assert (tmp_path / "Monday.txt").read_text() == "Monday's work"


def test_the_replace_question_is_asked_in_a_real_box(panel, monkeypatch, qtbot, tmp_path):
    (tmp_path / "Monday.docx").write_bytes(b"")
    _dialog(monkeypatch, (str(tmp_path / "Monday"), WORD))
    box = NextBox("&Replace it", lambda box: (box.text(),
                                               sorted(b.text() for b in box.buttons())))
    panel.save()
    box.stop()

    assert box.seen == [("There is already a file called “Monday.docx”. Do you want to replace "
                     "it with this dictation?", ["&Choose another name", "&Replace it"])]
    assert panel.saved == [(str(tmp_path / "Monday.docx"), "docx")]



def test_replace_it_saves_over_the_file_and_word_gives_docx(panel, monkeypatch, tmp_path):
    (tmp_path / "Story.docx").write_bytes(b"")
    dialog = _dialog(monkeypatch, (str(tmp_path / "Story"), WORD))
    asked = []
    panel.confirm_replace = lambda path: asked.append(path) or True

    panel.save()

    assert asked == [str(tmp_path / "Story.docx")]
    assert len(dialog.opened) == 1
    assert panel.saved == [(str(tmp_path / "Story.docx"), "docx")]


def test_a_name_typed_with_its_ending_is_not_asked_about_twice(panel, monkeypatch, tmp_path):
    # The dialog asked about "Monday.txt" itself.
    (tmp_path / "Monday.txt").write_text("Monday's work")
    _dialog(monkeypatch, (str(tmp_path / "Monday.txt"), WORD))
    panel.confirm_replace = lambda path: pytest.fail(f"asked again about {path}")

    panel.save()

    assert panel.saved == [(str(tmp_path / "Monday.txt"), "txt")]
