"""A pupil's text with emoji in it (widgets/dictation_text.py, widgets/text_insertion.py).

Qt counts an emoji as two positions and Python as one character; before the
box did its sums in Qt's positions, an emoji in the text cut a letter off the
next update ("and" became "an") and the grey guess after it crashed the app.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from widgets.dictation_text import PARTIAL_MARKER, DictationText
from widgets.text_insertion import insert_as_own_step, remove_insertion, text_around_cursor

DOG = "I love my dog 🐶 and"


@pytest.fixture
def box(qtbot):
    widget = DictationText()
    qtbot.addWidget(widget)
    widget.set_text(DOG)
    return widget


def caret_after(edit: QPlainTextEdit, part: str) -> None:
    """Put the caret just after ``part`` (counted as Qt counts)."""
    text = edit.toPlainText()
    end = text.index(part) + len(part)
    cursor = edit.textCursor()
    cursor.setPosition(len(text[:end].encode("utf-16-le")) // 2)
    edit.setTextCursor(cursor)


def test_new_words_after_an_emoji_keep_every_letter(box):
    box.set_text(DOG + " my cat.")
    assert box.toPlainText() == box.text() == "I love my dog 🐶 and my cat."


def test_the_grey_guess_after_an_emoji_shows_and_goes_without_touching_the_text(box):
    box.show_partial("he is")
    assert box.toPlainText() == f"{DOG} he is {PARTIAL_MARKER}"
    assert box.text() == DOG
    box.clear_partial()
    assert box.toPlainText() == DOG


def test_a_phrase_goes_in_at_the_caret_after_an_emoji_and_scratch_that_takes_it_out(box):
    caret_after(box, "🐶")
    assert box.text_around_caret() == ("I love my dog 🐶", " and")
    box.show_partial("who is")
    assert box.text() == DOG
    phrase = box.insert_phrase(" who is 🐕 three")
    assert box.text() == "I love my dog 🐶 who is 🐕 three and"
    assert box.text_around_caret() == ("I love my dog 🐶 who is 🐕 three", " and")
    assert box.remove_phrase(phrase)
    assert box.text() == DOG
    box.restore_phrase(phrase)
    assert box.text() == "I love my dog 🐶 who is 🐕 three and"


def test_an_emoji_the_pupil_typed_is_undone_and_redone_whole(box):
    cursor = box.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" 🐱 too")  # the pupil's own edit, as a paste or the emoji picker
    assert box.text() == DOG + " 🐱 too"
    box.set_text(DOG + " 🐱 too. We")  # dictation carries on after it
    assert box.undo_edit()
    assert box.text() == DOG + ". We"
    assert box.redo_edit()
    assert box.text() == DOG + " 🐱 too. We"


def test_the_lesson_editors_dictation_counts_emoji_as_the_cursor_does(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("🌱 Plants need water.")
    caret_after(edit, "Plants")
    assert text_around_cursor(edit) == ("🌱 Plants", " need water.")
    phrase = insert_as_own_step(edit, " 🌞 and sun")
    assert edit.toPlainText() == "🌱 Plants 🌞 and sun need water."
    assert remove_insertion(edit, phrase)
    assert edit.toPlainText() == "🌱 Plants need water."
