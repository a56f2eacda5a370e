"""Dictation goes in at the pupil's caret in the Dictation panel, not always at the end.

From the usability review: with the caret after "blue", "rain foil on the
hill" was added at the end of the text and the caret stayed put. The panel,
DictationController, worker threads and autosave are real; only the
recogniser and microphone are scripted (tests/app/dictation_rig.py).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from speech.dictation import DictationState, apply_phrase, preview_phrase
from speech.stt.base import Final, Partial
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from widgets.dictation_text import PARTIAL_MARKER

SENTENCE = "My favourite colour is blue and I like to norm up."
AFTER_BLUE = len("My favourite colour is blue")


def _click_caret_to(r, position: int) -> None:
    """Put the caret where the pupil clicks (moving the caret is not an edit)."""
    editor = r.panel.editor
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def _caret(r) -> int:
    return r.panel.editor.textCursor().position()


def test_a_phrase_goes_in_at_the_caret_with_its_space_and_the_caret_after_it(rig):  # noqa: F811
    r = rig([Final("my favourite colour is blue and i like to norm up full stop"),
             Final("rain foil on the hill")])
    r.start()
    r.hear(1)
    r.wait_for_text(SENTENCE)
    _click_caret_to(r, AFTER_BLUE)
    r.hear(1)
    expected = "My favourite colour is blue rain foil on the hill and I like to norm up."
    r.wait_for_text(expected)
    assert _caret(r) == len("My favourite colour is blue rain foil on the hill")
    assert r.controller.text() == expected
    r.qtbot.waitUntil(lambda: r.saved_text() == expected)


def test_after_a_full_stop_in_the_middle_the_phrase_starts_a_sentence(rig):  # noqa: F811
    r = rig([Final("the sun shines full stop the end full stop"),
             Final("then it rains full stop"), Final("and it stops")])
    r.start()
    r.hear(1)
    r.wait_for_text("The sun shines. The end.")
    _click_caret_to(r, len("The sun shines."))
    r.hear(1)
    r.wait_for_text("The sun shines. Then it rains. The end.")
    assert _caret(r) == len("The sun shines. Then it rains.")
    _click_caret_to(r, len("The"))  # in front of a space: no space added after
    r.hear(1)
    r.wait_for_text("The and it stops sun shines. Then it rains. The end.")


def test_in_front_of_a_word_the_phrase_is_kept_apart_from_it(rig):  # noqa: F811
    r = rig([Final("i went out full stop"), Final("today")])
    r.start()
    r.hear(1)
    r.wait_for_text("I went out.")
    _click_caret_to(r, 0)
    r.hear(1)
    r.wait_for_text("Today I went out.")
    assert _caret(r) == len("Today ")


def test_scratch_that_takes_the_phrase_out_of_the_middle_and_undo_that_puts_it_back(
        rig):  # noqa: F811
    r = rig([Final("my favourite colour is blue and i like to norm up full stop"),
             Final("rain foil on the hill"), Final("scratch that"), Final("undo that"),
             Final("undo that")])
    r.start()
    r.hear(1)
    r.wait_for_text(SENTENCE)
    _click_caret_to(r, AFTER_BLUE)
    r.hear(1)
    r.wait_for_text("My favourite colour is blue rain foil on the hill and I like to norm up.")
    r.hear(1)
    r.wait_for_text(SENTENCE)  # the phrase went from the middle; the end is untouched
    assert "removed" in r.panel.message()
    assert _caret(r) == AFTER_BLUE
    r.hear(1)
    r.wait_for_text("My favourite colour is blue rain foil on the hill and I like to norm up.")
    r.hear(1)  # "undo that" again: the phrase put in is taken back too
    r.wait_for_text(SENTENCE)
    r.qtbot.waitUntil(lambda: r.saved_text() == SENTENCE)


def test_scratch_that_takes_the_last_phrase_wherever_it_went(rig):  # noqa: F811
    r = rig([Final("it is cold full stop"), Final("very"), Final("and wet full stop"),
             Final("scratch that"), Final("scratch that")])
    r.start()
    r.hear(1)
    r.wait_for_text("It is cold.")
    _click_caret_to(r, len("It is"))
    r.hear(1)
    r.wait_for_text("It is very cold.")
    r.panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    r.hear(1)
    r.wait_for_text("It is very cold. And wet.")
    r.hear(1)
    r.wait_for_text("It is very cold.")
    r.hear(1)  # the phrase before went in the middle: that is where it goes from
    r.wait_for_text("It is cold.")


def test_the_words_being_heard_show_at_the_caret(rig):  # noqa: F811
    r = rig([Final("my favourite colour is blue and i like to norm up full stop"),
             Partial("rain foil"), Final("rain foil on the hill")])
    r.start()
    r.hear(1)
    r.wait_for_text(SENTENCE)
    _click_caret_to(r, AFTER_BLUE)
    r.hear(1)
    r.qtbot.waitUntil(lambda: r.panel.partial() == "rain foil")
    assert r.panel.editor.toPlainText() == (
        f"My favourite colour is blue rain foil {PARTIAL_MARKER} and I like to norm up.")
    assert r.panel.text() == SENTENCE  # the guess is not part of the text
    assert r.controller.text() == SENTENCE
    start, _end = r.panel.editor.partial_range()
    assert start == AFTER_BLUE
    assert _caret(r) == AFTER_BLUE  # the caret stays where the pupil put it
    r.hear(1)
    r.wait_for_text("My favourite colour is blue rain foil on the hill and I like to norm up.")
    assert r.panel.partial() == ""


def test_typing_in_the_middle_while_a_guess_shows_keeps_every_typed_word(rig):  # noqa: F811
    r = rig([Final("the river is long full stop"), Partial("and"),
             Final("and deep"), Final("scratch that")])
    r.start()
    r.hear(1)
    r.wait_for_text("The river is long.")
    editor = r.panel.editor
    _click_caret_to(r, len("The river is"))
    r.hear(1)
    r.qtbot.waitUntil(lambda: r.panel.partial() == "and")
    editor.setFocus()
    r.qtbot.keyClicks(editor, " very")  # the guess makes way for the pupil's typing
    assert r.panel.text() == "The river is very long."
    assert r.controller.text() == "The river is very long."
    r.hear(1)
    r.wait_for_text("The river is very and deep long.")
    r.hear(1)
    r.wait_for_text("The river is very long.")  # the phrase goes; the typed word stays
    r.qtbot.waitUntil(lambda: r.saved_text() == "The river is very long.")


def test_words_selected_by_the_pupil_are_kept(rig):  # noqa: F811
    r = rig([Final("the cat sat full stop"), Final("black")])
    r.start()
    r.hear(1)
    r.wait_for_text("The cat sat.")
    editor = r.panel.editor
    cursor = editor.textCursor()
    cursor.setPosition(len("The cat"))
    cursor.setPosition(len("The "), QTextCursor.MoveMode.KeepAnchor)  # "cat", backwards
    editor.setTextCursor(cursor)
    r.hear(1)
    r.wait_for_text("The cat black sat.")


SCRIPT = ["the water cycle full stop", "it rains comma then new paragraph it stops",
          "scratch that", "clouds form", "undo that", "said tom open quote help",
          "scratch that", "exclamation mark close quote", "undo that", "undo that"]


def test_with_the_caret_at_the_end_the_text_reads_as_it_always_has(rig):  # noqa: F811
    """The usual case: each phrase, command and guess as ``apply_phrase`` gives it."""
    state, steps = DictationState(), []
    for phrase in SCRIPT:
        state = apply_phrase(state, phrase)
        steps.append(state.text)
    r = rig([Final(phrase) for phrase in SCRIPT] + [Partial("and the sea")])
    r.start()
    for expected in steps:
        r.hear(1)
        r.wait_for_text(expected)
        assert _caret(r) == len(expected)  # the caret follows the end
    guess = preview_phrase("and the sea", after=steps[-1])
    r.hear(1)
    r.qtbot.waitUntil(lambda: r.panel.partial() == guess.strip())
    assert r.panel.editor.toPlainText() == f"{steps[-1]}{guess} {PARTIAL_MARKER}"
    r.qtbot.waitUntil(lambda: r.saved_text() == steps[-1])


def test_the_pupils_text_stays_the_base_at_the_end(rig):  # noqa: F811
    r = rig([Final("plants need light full stop"), Final("scratch that"),
             Final("they drink water")])
    r.start()
    r.hear(1)
    r.wait_for_text("Plants need light.")
    editor = r.panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    r.qtbot.keyClicks(editor, " And air.")
    r.hear(1)
    r.qtbot.waitUntil(lambda: "nothing to scratch" in r.panel.message())
    r.hear(1)
    r.wait_for_text("Plants need light. And air. They drink water")


def test_punctuation_said_after_a_typed_space_sits_against_the_word(rig):  # noqa: F811
    r = rig([Final("full stop"), Final("it is sunny"), Final("scratch that"),
             Final("scratch that")])
    r.panel.editor.setFocus()
    r.qtbot.keyClicks(r.panel.editor, "I like cats ")
    r.start()
    r.hear(1)
    r.wait_for_text("I like cats. ")  # not "I like cats ."
    assert _caret(r) == len("I like cats. ")
    r.hear(1)
    r.wait_for_text("I like cats. It is sunny")
    r.hear(2)  # both phrases taken back: the pupil's own words and space stay
    r.wait_for_text("I like cats ")
