"""Saving dictation from the panel: Save… opens where the pupil saved last, in the same
format, offering the same file again until the text is cleared.

The real panel and controller (tests/app/dictation_rig.py), real settings and
real files in ``tmp_path``; only the file dialog is a recorder (tests/widgets/
test_dictation_save.SaveDialog).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.settings import AppSettings
from speech.stt.base import Final
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.widgets.test_dictation_save import TEXT, WORD, SaveDialog
from widgets.dictation_save import dated_stem


def _dictate(r, text: str) -> None:
    r.start()
    r.hear(1)
    r.wait_for_text(text)


def _save(r, name: str) -> None:
    r.qtbot.mouseClick(r.panel.save_button, Qt.MouseButton.LeftButton)
    r.qtbot.waitUntil(lambda: r.panel.message() == f"Saved as {name}.")


def test_the_next_save_offers_the_same_file_in_the_same_format_and_after_a_restart_the_folder(
        rig, monkeypatch, tmp_path):  # noqa: F811
    settings_file = tmp_path / "settings.ini"
    work = tmp_path / "My work"
    work.mkdir()
    dialog = SaveDialog([(str(work / "Monday"), WORD), (str(work / "Monday.docx"), WORD)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    r = rig([Final("the romans built roads full stop"), Final("they were straight")])
    r.controller.use_settings(AppSettings(settings_file))
    _dictate(r, "The romans built roads.")

    _save(r, "Monday.docx")
    r.hear(1)
    r.wait_for_text("The romans built roads. They were straight")
    _save(r, "Monday.docx")

    first, second = dialog.opened
    assert Path(first[0]).parent == Path.home() and first[1] == TEXT  # nothing remembered yet
    assert second == (str(work / "Monday.docx"), WORD)  # saving again updates the file
    paragraphs = [p.text for p in Document(str(work / "Monday.docx")).paragraphs]
    assert paragraphs == ["The romans built roads. They were straight"]
    assert not r.controller.has_unsaved_text()

    # The next lesson: the same folder and format, and a new name beside Monday's.
    restarted = rig()
    restarted.controller.use_settings(AppSettings(settings_file))
    restarted.panel.set_text("Another day.")
    dialog.answers.append(("", ""))
    restarted.panel.save()
    assert dialog.opened[-1] == (str(work / f"{dated_stem(date.today())}.docx"), WORD)


def test_after_a_clear_save_offers_a_new_name_not_the_file_saved_before(
        rig, monkeypatch, tmp_path):  # noqa: F811
    work = tmp_path / "My work"
    work.mkdir()
    dialog = SaveDialog([(str(work / "Monday.txt"), TEXT), ("", "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    r = rig([Final("the romans built roads full stop")])
    r.controller.use_settings(AppSettings(tmp_path / "settings.ini"))
    _dictate(r, "The romans built roads.")
    _save(r, "Monday.txt")
    assert r.controller.saved_file() == str(work / "Monday.txt")

    r.qtbot.mouseClick(r.panel.clear_button, Qt.MouseButton.LeftButton)
    r.panel.set_text("A new piece of work.")
    r.panel.save()

    assert dialog.opened[-1] == (str(work / f"{dated_stem(date.today())}.txt"), TEXT)
    assert r.controller.saved_file() == ""


def test_a_save_that_fails_changes_nothing_about_where_save_opens(
        rig, monkeypatch, tmp_path):  # noqa: F811
    missing = tmp_path / "USB stick"
    dialog = SaveDialog([(str(missing / "Monday.txt"), TEXT), ("", "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    settings = AppSettings(tmp_path / "settings.ini")
    r = rig([Final("hello")])
    r.controller.use_settings(settings)
    _dictate(r, "Hello")

    r.panel.save()
    r.qtbot.waitUntil(lambda: r.panel.message_bar.kind == "error")
    r.panel.save()

    assert Path(dialog.opened[-1][0]).parent == Path.home()
    assert r.controller.saved_file() == "" and r.controller.has_unsaved_text()
    assert settings.text("files/folder_dictation") == ""
