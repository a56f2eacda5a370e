"""A word from the word bank goes in the pupil's text as their own typing.

The panel, DictationController, worker threads and autosave are real; only
the recogniser and microphone are scripted (tests/app/dictation_rig.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from speech.stt.base import Final, Partial
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture

WORDS = [("evaporation", "When water is warmed and turns into a gas."),
         ("water cycle", "The journey water takes, round and round.")]


def _press(r, word: str) -> None:
    r.qtbot.mouseClick(r.panel.word_bank.button_for(word), Qt.MouseButton.LeftButton)


def _caret_to(r, position: int, anchor: int | None = None) -> None:
    editor = r.panel.editor
    cursor = editor.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_a_word_goes_in_at_the_caret_with_a_capital_and_spaces_and_is_saved(rig):  # noqa: F811
    r = rig()
    r.panel.set_word_bank(WORDS)
    _press(r, "evaporation")
    assert r.panel.text() == "Evaporation"  # starts the text: a capital
    r.panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    r.qtbot.keyClicks(r.panel.editor, " is part of the")
    _press(r, "water cycle")
    assert r.panel.text() == "Evaporation is part of the water cycle"
    _caret_to(r, 0)
    _press(r, "water cycle")  # in front of a word: kept apart from it
    assert r.panel.text() == "Water cycle Evaporation is part of the water cycle"
    r.qtbot.waitUntil(lambda: r.saved_text() == r.panel.text())


def test_a_word_over_a_selected_misspelling_replaces_it(rig):  # noqa: F811
    r = rig()
    r.panel.set_word_bank(WORDS)
    r.panel.set_text("The evapration of the sea.")
    _caret_to(r, len("The evapration"), anchor=len("The "))
    _press(r, "evaporation")
    assert r.panel.text() == "The evaporation of the sea."


def test_a_word_after_an_emoji_goes_in_over_the_selection_not_a_letter_off(rig):  # noqa: F811
    # Qt counts the emoji as two positions: the text either side is read by position.
    r = rig()
    r.panel.set_word_bank(WORDS)
    r.panel.set_text("\U0001F30A The evapration of the sea.")
    _caret_to(r, len("\U0001F30A The evapration") + 1, anchor=len("\U0001F30A The ") + 1)
    _press(r, "evaporation")
    assert r.panel.text() == "\U0001F30A The evaporation of the sea."


def test_ctrl_z_takes_a_word_back_as_it_takes_back_typing(rig):  # noqa: F811
    r = rig()
    r.panel.set_word_bank(WORDS)
    r.panel.set_text("It is called the")
    r.panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    _press(r, "water cycle")
    assert r.panel.text() == "It is called the water cycle"
    r.qtbot.keyClick(r.panel.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert r.panel.text() == "It is called the"


def test_while_dictating_the_word_goes_in_and_the_next_phrase_follows_it(rig):  # noqa: F811
    r = rig([Final("the sun warms the sea full stop"), Partial("then"),
             Final("then it rises full stop")])
    r.panel.set_word_bank(WORDS)
    r.start()
    r.hear(1)
    r.wait_for_text("The sun warms the sea.")
    r.hear(1)
    r.qtbot.waitUntil(lambda: r.panel.partial() == "Then")
    _press(r, "evaporation")  # the grey guess makes way, as for typing
    assert r.panel.text() == "The sun warms the sea. Evaporation"
    r.hear(1)
    r.wait_for_text("The sun warms the sea. Evaporation then it rises.")


def test_scratch_that_never_takes_a_word_from_the_word_bank(rig):  # noqa: F811
    r = rig([Final("the sea is warm full stop"), Final("scratch that")])
    r.panel.set_word_bank(WORDS)
    r.start()
    r.hear(1)
    r.wait_for_text("The sea is warm.")
    _press(r, "evaporation")
    r.hear(1)  # the pupil's own words are not dictation's to take back
    r.qtbot.waitUntil(lambda: r.panel.message() == "There is nothing to scratch yet.")
    assert r.panel.text() == "The sea is warm. Evaporation"
