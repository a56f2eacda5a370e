"""The lesson editor's File › Save a copy as… (F12): the edited lesson out, anywhere.

Real windows (offscreen): a main window, the editor opened from it with
Ctrl+Shift+E, F12 pressed in the lesson text. Only QFileDialog is replaced
(as in tests/app/test_main_window_dialogs.py), by a double that records where
each dialog started and answers as a teacher would; the files are real, and
the full and read-only disks are a real tiny tmpfs (tests/fixtures/small_disk.py:
root only, skipped with the reason elsewhere).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.practice.editor_window import CANCEL
from lessons.library import builtin_folder, user_folder
from lessons.model import Image
from lessons.writer import lesson_to_markdown
from tests.app.editor_window_rig import open_editor, open_main
from tests.app.file_dialogs import Dialogs
from tests.app.keyboard_scopes import clashes, menu_clashes, menus_of, window_keys
from tests.app.main_window_helpers import choose
from tests.fixtures.small_disk import SmallDisk

WATER = builtin_folder() / "ks2-year4-geography-water-cycle.md"
ADDED = "Sam's group draws the water cycle on a whiteboard first."


@pytest.fixture
def dialogs(monkeypatch):
    made = Dialogs()
    monkeypatch.setattr("app.main_files.QFileDialog", made)
    monkeypatch.setattr("widgets.save_as.QFileDialog", made)  # every "Save as…"
    return made


@pytest.fixture
def main(qtbot, opened, dialogs):
    window = open_main(qtbot, opened)
    window.__dict__.pop("ask_lesson_path", None)  # File › Open's own question
    choose(window, "The water cycle")
    return window


def _edit(editor) -> str:
    """Add a line at the end of the lesson text, as a teacher would; the text now."""
    cursor = editor.editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.editor.text_edit.setTextCursor(cursor)
    cursor.insertText(f"\n{ADDED}\n")
    assert editor.editor.is_modified()
    return editor.editor.text()


def _press_save_copy(qtbot, editor) -> None:
    qtbot.keyClick(editor.editor.text_edit, Qt.Key.Key_F12)


def _message(editor) -> str:
    return editor.editor.status.text()


def _lessons() -> set[Path]:
    return set(user_folder().glob("*.md")) if user_folder().exists() else set()


def test_the_copy_is_written_and_opens_again_as_the_same_lesson(
        qtbot, main, dialogs, tmp_path) -> None:
    editor = open_editor(qtbot, main)
    text = _edit(editor)
    usb = tmp_path / "USB stick"
    usb.mkdir()
    dialogs.answers = [str(usb / "Water cycle for Sam")]  # typed without an ending
    _press_save_copy(qtbot, editor)

    copy = usb / "Water cycle for Sam.md"
    assert copy.read_text(encoding="utf-8") == text
    assert (usb / "images" / "water-cycle.svg").read_bytes() == \
        (builtin_folder() / "images" / "water-cycle.svg").read_bytes()
    assert _message(editor) == f"Saved a copy: {copy}."

    dialogs.answers.append(str(copy))
    assert main.open_lesson_file()  # File › Open, as a teacher would
    assert main.lesson_path == copy
    assert lesson_to_markdown(main.lesson) == lesson_to_markdown(editor.editor.lesson())
    assert ADDED in lesson_to_markdown(main.lesson)
    pictures = [b for s in main.lesson.sections for b in s.blocks if isinstance(b, Image)]
    assert pictures and all(p.path is not None and p.path.is_file() for p in pictures)


def test_a_copy_leaves_the_lesson_unsaved_and_still_the_one_opened(
        qtbot, main, dialogs, tmp_path) -> None:
    editor = open_editor(qtbot, main)
    title = editor.windowTitle()
    lessons = _lessons()
    _edit(editor)
    dialogs.answers = [str(tmp_path / "copy.md")]
    _press_save_copy(qtbot, editor)
    assert (tmp_path / "copy.md").is_file()

    assert editor.editor.is_modified() and editor.isWindowModified()
    assert editor.editor.source() == WATER and editor.windowTitle() == title
    assert _lessons() == lessons, "a copy is not a new lesson in the library"
    asked = []
    editor.ask_unsaved_changes = lambda: asked.append(CANCEL) or CANCEL
    assert not editor.close()
    assert asked == [CANCEL] and editor.isVisible()


def test_the_dialog_opens_where_lessons_were_last_chosen_and_remembers_the_folder(
        qtbot, main, dialogs, tmp_path) -> None:
    term = tmp_path / "Term 1 lessons"
    term.mkdir()
    shutil.copy(WATER, term / "rain.md")
    dialogs.answers = [str(term / "rain.md")]
    assert main.open_lesson_file()  # File › Open remembers "Term 1 lessons"
    editor = open_editor(qtbot, main)

    shared = tmp_path / "Shared drive"
    shared.mkdir()
    dialogs.answers = [str(shared / "Rain for Year 4.md")]
    _press_save_copy(qtbot, editor)
    assert dialogs.starts[-1] == str(term / "The water cycle"), \
        "the copy is offered in the lessons' folder, named after the lesson"
    assert (shared / "Rain for Year 4.md").is_file()

    dialogs.answers = [""]  # cancelled
    _press_save_copy(qtbot, editor)
    assert Path(dialogs.starts[-1]).parent == shared
    dialogs.answers = [""]
    assert not main.open_lesson_file()
    assert dialogs.starts[-1] == str(shared), "File › Open looks where the copy went"


def test_a_word_document_copy_in_the_previews_profile(qtbot, main, dialogs, tmp_path) -> None:
    editor = open_editor(qtbot, main)
    _edit(editor)
    dialogs.answers = [str(tmp_path / "Water cycle for Sam.docx")]
    _press_save_copy(qtbot, editor)

    out = tmp_path / "Water cycle for Sam.docx"
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "The water cycle" in text and ADDED in text
    assert _message(editor).startswith(f"Saved a copy: {out}.")
    assert editor.editor.is_modified()


def test_a_folder_that_has_gone_is_said_plainly_and_not_made_again(
        qtbot, main, dialogs, tmp_path) -> None:
    editor = open_editor(qtbot, main)
    text = _edit(editor)
    gone = tmp_path / "USB stick"
    dialogs.answers = [str(gone / "Water cycle.md")]
    _press_save_copy(qtbot, editor)

    assert _message(editor) == ("Problem: The copy of the lesson could not be saved: the "
                                "folder cannot be found (was a USB stick taken out?).")
    assert not gone.exists()
    assert editor.editor.text() == text and editor.isVisible()


def test_a_full_or_read_only_disk_is_said_plainly_and_nothing_is_lost(
        qtbot, main, dialogs, tmp_path) -> None:
    editor = open_editor(qtbot, main)
    text = _edit(editor)
    with SmallDisk(tmp_path / "stick") as disk:
        disk.fill()
        dialogs.answers = [str(disk.path / "Water cycle")]
        _press_save_copy(qtbot, editor)
        assert _message(editor) == (
            "Problem: The copy of the lesson could not be saved: the disk is full. Delete "
            "some files or choose another place, then try again.")
        assert sorted(os.listdir(disk.path)) == [".filler"], "nothing half-written left"
        assert editor.isVisible() and editor.editor.text() == text
        assert editor.editor.is_modified()

        disk.free()
        disk.read_only()
        dialogs.answers = [str(disk.path / "Water cycle")]
        _press_save_copy(qtbot, editor)
        assert _message(editor) == (
            "Problem: The copy of the lesson could not be saved: the disk cannot be written "
            "to (a locked USB stick or a CD?). Choose another place.")
        assert os.listdir(disk.path) == []

        disk.writable()  # the teacher tries again once it is put right
        dialogs.answers = [str(disk.path / "Water cycle")]
        _press_save_copy(qtbot, editor)
        assert (disk.path / "Water cycle.md").read_text(encoding="utf-8") == text
        assert editor.editor.is_modified()


def test_the_command_is_on_the_file_menu_and_in_the_shortcuts_list(qtbot, main) -> None:
    editor = open_editor(qtbot, main)
    file_menu = [a.menu() for a in editor.menuBar().actions()
                 if a.menu() is not None and a.text() == "&File"]
    assert file_menu and editor.copy_action in file_menu[0].actions()
    listed = [(keys, where) for keys, what, where in main.shortcut_rows()
              if what == "Save a copy as"]
    assert listed == [("F12", "Lesson editor")]
    assert not [what for keys, what, _where in main.shortcut_rows()
                if "F12" in keys.split(", ") and what != "Save a copy as"]
    assert clashes(window_keys(editor)) == {}
    assert all(menu_clashes(menu) == {} for menu in menus_of(editor))


def test_a_lesson_with_errors_still_gets_out_as_a_lesson_file_but_not_as_word(
        qtbot, main, dialogs, tmp_path) -> None:
    editor = open_editor(qtbot, main)
    broken = "---\ntitle: [Rain\n---\n\nThe teacher's half-finished text.\n"
    editor.editor.replace_text(broken)
    assert editor.editor.reparse_now().lesson is None
    dialogs.answers = [str(tmp_path / "Rain.docx"), str(tmp_path / "Rain")]
    _press_save_copy(qtbot, editor)
    assert not (tmp_path / "Rain.docx").exists()
    assert _message(editor) == ("Problem: The lesson cannot be saved as a Word document yet: "
                                "fix the errors listed under Problems in the lesson file "
                                "first, or save the copy as a lesson file.")
    _press_save_copy(qtbot, editor)
    assert (tmp_path / "Rain.md").read_text(encoding="utf-8") == editor.editor.text()
    assert "The teacher's half-finished text." in editor.editor.text()
    assert "fix them before opening it in Lesson Lab" in _message(editor)


def test_the_copy_never_replaces_the_lesson_opened(qtbot, main, dialogs, tmp_path) -> None:
    term = tmp_path / "Term 1 lessons"
    term.mkdir()
    opened_file = term / "rain.md"
    shutil.copy(WATER, opened_file)
    before = opened_file.read_bytes()
    dialogs.answers = [str(opened_file)]
    assert main.open_lesson_file()
    editor = open_editor(qtbot, main)
    _edit(editor)
    dialogs.answers = [str(opened_file)]  # "Replace it" said in the real dialog
    _press_save_copy(qtbot, editor)
    assert opened_file.read_bytes() == before
    assert _message(editor) == ("Problem: The copy cannot replace the lesson you opened, "
                                "which the editor never changes: choose another name or place.")
    assert editor.editor.is_modified()


def test_a_link_that_leads_to_itself_is_not_the_lesson_and_does_not_stop_the_save(tmp_path):
    from app.practice.editor_copy import _same_file

    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)  # resolve() raises RuntimeError on Python 3.11 for this
    assert not _same_file(loop, tmp_path / "lesson.md")
