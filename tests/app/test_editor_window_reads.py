"""The lesson editor window reads a lesson as the library does (app/practice/editor_window.py).

A lesson Notepad saved as "Unicode" (UTF-16) opened in the main window but
the editor said "This lesson file could not be read."; a file that is not a
lesson said the same, without saying why.
"""

from __future__ import annotations

import shiboken6

from app.practice.editor_window import DISCARD, LessonEditorWindow
from lessons.library import builtin_folder
from lessons.loader import NOT_TEXT

WATER = builtin_folder() / "ks2-year4-geography-water-cycle.md"


def _window(qtbot):
    made = LessonEditorWindow()  # deletes itself when closed, so not given to qtbot
    made.ask_unsaved_changes = lambda: DISCARD
    return made


def _close(made) -> None:
    if shiboken6.isValid(made):
        made.close()


def test_a_lesson_saved_as_utf_16_opens_in_the_editor(qtbot, tmp_path):
    text = WATER.read_text(encoding="utf-8")
    wide = tmp_path / "water.md"
    wide.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    made = _window(qtbot)
    try:
        assert made.open_lesson(wide)
        assert made.editor.text() == text
    finally:
        _close(made)


def test_a_file_that_is_not_text_says_why(qtbot, tmp_path):
    junk = tmp_path / "junk.md"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    made = _window(qtbot)
    shown = []
    made.editor.show_message = lambda text, kind="info": shown.append((text, kind))
    try:
        assert not made.open_lesson(junk)
        assert shown == [(NOT_TEXT, "error")]
    finally:
        _close(made)
