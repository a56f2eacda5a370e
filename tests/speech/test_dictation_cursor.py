"""Dictating at a cursor in a lesson's Markdown: the pure text rules, table-tested."""

from __future__ import annotations

import pytest

from speech.dictation import DictationOptions
from speech.dictation_cursor import (
    CursorPhrase,
    Edit,
    markdown_context,
    phrase_at_cursor,
    preview_at_cursor,
)

PLAIN = DictationOptions()
WHISPER = DictationOptions(engine_punctuates=True, common_means_comma=True)


@pytest.mark.parametrize(("raw", "before", "after", "expected"), [
    # A new paragraph after a heading: a capital, no space before.
    ("the water cycle full stop", "## Rain\n\n", "", "The water cycle."),
    # On the line straight after a heading, a list item or a quote: a new block.
    ("the water cycle full stop", "## Rain\n", "", "The water cycle."),
    ("clouds", "- Rain\n", "", "Clouds"),
    # After a list marker or heading hashes: the item's first word.
    ("evaporation", "- ", "", "Evaporation"),
    ("where rain comes from", "## ", "", "Where rain comes from"),
    ("add the numbers", "1. ", "", "Add the numbers"),
    # Going on with a sentence, and starting the next one.
    ("and it rains", "The sun warms the sea", "", " and it rains"),
    ("then it rains full stop", "The sun warms the sea.", "\n", " Then it rains."),
    # A soft line break in a paragraph: the sentence goes on.
    ("and the sky", "The sun warms the sea\n", "", "and the sky"),
    ("then the sky", "The sun warms the sea.\n", "", "Then the sky"),
    # Put in front of a word: kept apart from it by a space.
    ("warm", "The ", "sea rises.", "warm "),
    ("clouds form full stop", "## Rain\n\n", "The sun warms.", "Clouds form. "),
    # In front of punctuation or a line end: nothing added.
    ("and sky", "The sea", ". More", " and sky"),
    # Spoken layout commands give Markdown's paragraphs.
    ("new paragraph then it rains", "The end.", "", "\n\nThen it rains"),
    ("new paragraph", "## Rain\n\n", "", ""),
    # British spelling, as in the dictation panel.
    ("the color of the sky", "- ", "", "The colour of the sky"),
])
def test_a_phrase_fits_the_markdown_at_the_cursor(raw, before, after, expected) -> None:
    assert phrase_at_cursor(raw, PLAIN, before, after) == CursorPhrase(text=expected)


@pytest.mark.parametrize(("raw", "edits"), [
    ("scratch that", (Edit.SCRATCH,)),
    ("scratch that scratch that", (Edit.SCRATCH, Edit.SCRATCH)),
    ("undo that", (Edit.UNDO,)),
    ("scratch that undo that", (Edit.SCRATCH, Edit.UNDO)),
])
def test_editing_commands_are_returned_in_order_and_add_no_text(raw, edits) -> None:
    assert phrase_at_cursor(raw, PLAIN, "The sea.") == CursorPhrase(edits=edits)


def test_whisper_punctuation_is_replaced_by_the_spoken_commands() -> None:
    assert phrase_at_cursor("Scratch that.", WHISPER, "x") == CursorPhrase(edits=(Edit.SCRATCH,))
    assert phrase_at_cursor("The river flows, full stop.", WHISPER, "## A\n\n") == \
        CursorPhrase(text="The river flows.")


def test_with_commands_off_the_words_are_written() -> None:
    options = DictationOptions(commands=False)
    assert phrase_at_cursor("scratch that", options, "- ") == CursorPhrase(text="Scratch that")


def test_the_preview_reads_as_the_phrase_will() -> None:
    assert preview_at_cursor("the river", PLAIN, "- ") == "The river"
    assert preview_at_cursor("and the sea", PLAIN, "The river") == " and the sea"
    # "period" is not yet read as a full stop while the phrase may go on.
    assert preview_at_cursor("the period", PLAIN, "- ") == "The period"


def test_the_context_is_the_paragraph_being_written() -> None:
    long_text = "Words. " * 1000 + "\n\nThe sea"
    assert markdown_context(long_text) == "\n\nThe sea"
    assert markdown_context("") == "\n\n"
    assert markdown_context("Line one\n   ") == "Line one\n   "
