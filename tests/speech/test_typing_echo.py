"""Speak as I type: what is said as the pupil types (speech/typing_echo.py)."""

from __future__ import annotations

import pytest

from speech.typing_echo import BOTH, OFF, SENTENCES, WORDS, echo_for


@pytest.mark.parametrize(("before", "mode", "said"), [
    # Words: the word just finished, by a space, Enter or a mark after it.
    ("The cat ", WORDS, "cat"),
    ("The cat\n", WORDS, "cat"),
    ("The cat,", WORDS, "cat"),
    ("The cat.", WORDS, "cat"),
    ("I don't ", WORDS, "don't"),
    ("a well-known ", WORDS, "well-known"),
    ("the pupils' ", WORDS, "pupils"),
    ("It costs 25 ", WORDS, "25"),
    ("“Hello”", WORDS, "Hello"),
    # Nothing after a mark or a space: each word is said once.
    ("The cat. ", WORDS, ""),
    ("The cat  ", WORDS, ""),
    ("Why?!", WORDS, ""),
    ("Wait..", WORDS, ""),
    (" ", WORDS, ""),
    # Letters inside a word say nothing yet.
    ("The ca", WORDS, ""),
    # Sentences: said when their full stop, question mark or exclamation mark is typed.
    ("The cat sat. It was warm.", SENTENCES, "It was warm."),
    ("Is it hot?", SENTENCES, "Is it hot?"),
    ("My title\nWe went  out!", SENTENCES, "We went out!"),
    ("The cat ", SENTENCES, ""),
    ("The cat,", SENTENCES, ""),
    # Both: words, and the sentence in place of its last word.
    ("The cat ", BOTH, "cat"),
    ("The cat sat.", BOTH, "The cat sat."),
    # Off says nothing.
    ("The cat ", OFF, ""),
    ("The cat.", OFF, ""),
])
def test_what_is_said_as_the_pupil_types(before, mode, said):
    assert echo_for(before, before[-1], mode) == said


def test_nothing_is_said_unless_the_text_ends_with_what_was_typed():
    assert echo_for("The cat", " ", WORDS) == ""
    assert echo_for("The cat ", " ", "shout") == ""
