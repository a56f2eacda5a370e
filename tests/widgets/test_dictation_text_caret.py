"""The dictation box puts phrases and the grey guess at the caret (widgets/dictation_text.py)."""

from __future__ import annotations

import pytest

from widgets.dictation_text import PARTIAL_MARKER, DictationText


@pytest.fixture
def editor(qtbot):
    widget = DictationText()
    qtbot.addWidget(widget)
    widget.set_text("It is blue and cold.")
    return widget


def _caret_to(editor: DictationText, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_the_guess_follows_the_caret_and_is_never_part_of_the_text(editor):
    _caret_to(editor, len("It is blue"))
    editor.show_partial("rain")
    assert editor.toPlainText() == f"It is blue rain {PARTIAL_MARKER} and cold."
    assert editor.text() == "It is blue and cold."
    assert editor.text_around_caret() == ("It is blue", " and cold.")
    _caret_to(editor, len(editor.toPlainText()))  # the pupil clicks at the end
    editor.show_partial("rain falls")
    assert editor.toPlainText() == f"It is blue and cold. rain falls {PARTIAL_MARKER}"
    _caret_to(editor, 0)
    editor.show_partial("rain falls on")  # in front of a word: kept apart from it
    assert editor.toPlainText() == f"rain falls on {PARTIAL_MARKER} It is blue and cold."
    editor.clear_partial()
    assert editor.toPlainText() == "It is blue and cold."
    assert editor.textCursor().position() == 0


def test_typing_with_the_caret_after_the_guess_goes_in_where_the_caret_was(qtbot, editor):
    _caret_to(editor, len("It is"))
    editor.show_partial("very")
    _caret_to(editor, len(editor.toPlainText()) - len(" cold."))  # after "and", past the guess
    editor.setFocus()
    qtbot.keyClicks(editor, " so")
    assert editor.toPlainText() == "It is blue and so cold."
    assert editor.partial() == ""


def test_a_phrase_goes_in_at_the_caret_and_comes_out_only_if_unchanged(qtbot, editor):
    _caret_to(editor, len("It is blue"))
    editor.show_partial("and")
    insertion = editor.insert_phrase(" and green")
    assert editor.toPlainText() == "It is blue and green and cold."
    assert editor.textCursor().position() == len("It is blue and green")
    _caret_to(editor, len("It is blue and gree"))
    editor.setFocus()
    qtbot.keyClicks(editor, "e")  # the pupil changes the phrase
    assert not editor.remove_phrase(insertion)
    assert editor.text() == "It is blue and greeen and cold."
    _caret_to(editor, len("It is blue and greeen"))
    second = editor.insert_phrase(" now")
    assert editor.remove_phrase(second)
    assert editor.text() == "It is blue and greeen and cold."
    editor.restore_phrase(second)
    assert editor.text() == "It is blue and greeen now and cold."
    assert editor.textCursor().position() == len("It is blue and greeen now")
    assert editor.textCursor().selectionStart() == editor.textCursor().position()
