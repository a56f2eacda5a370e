"""Dictating at a cursor in a lesson's Markdown: the pure text rules, table-tested."""

from __future__ import annotations

import pytest

from speech.dictation import DictationOptions, format_phrase, preview_phrase
from speech.dictation_cursor import (
    CursorPhrase,
    Edit,
    markdown_context,
    phrase_at_cursor,
    preview_at_cursor,
    text_context,
    word_at_cursor,
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
    # In front of an emoji the pupil typed: kept apart from it too.
    ("my friend came too full stop", "In the hay. ", "🐶 The dog", "My friend came too. "),
    # An emoji between a full stop and the words does not hide the sentence's start.
    ("the farmer had a dog", "In the hay. 🐶 ", "", "The farmer had a dog"),
    ("we love the world", "men. 🌍", "", " We love the world"),
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


# The pupil's Dictation panel: plain text, the caret anywhere in it.
@pytest.mark.parametrize(("raw", "before", "after", "expected"), [
    # In the middle of a sentence: a space before, none after when a space follows.
    ("rain foil on the hill", "My favourite colour is blue", " and I like",
     " rain foil on the hill"),
    # After a space, in front of a word: the space after is added instead.
    ("green", "My favourite colour is ", "blue.", "green "),
    # After a full stop: a new sentence, with its capital.
    ("it rains full stop", "The sun shines.", " The end.", " It rains."),
    # At the very start, in front of the pupil's words.
    ("today", "", "I went out.", "Today "),
    # In front of punctuation: nothing added after.
    ("and green", "It is blue", ". The end", " and green"),
    # A "- " or "#" typed in plain text is only text: no new sentence after it.
    ("apples", "Fruit - ", "", "apples"),
    ("two", "Number #", "", " two"),
    # After a blank line: a new paragraph's capital, as at the end.
    ("then it stopped", "It rained.\n\n", "The end.", "Then it stopped "),
])
def test_a_phrase_fits_plain_text_at_the_caret(raw, before, after, expected) -> None:
    assert phrase_at_cursor(raw, PLAIN, before, after, markdown=False) == \
        CursorPhrase(text=expected)


@pytest.mark.parametrize(("raw", "text"), [
    ("the water cycle full stop", ""),
    ("it rains comma then new paragraph it stops", "The water cycle."),
    ("and then", "- Rain\n"),
    ("said tom open quote help", "Fruit #"),
    ("the color", "It is blue.\n\n"),
])
def test_plain_text_with_the_caret_at_the_end_reads_as_the_panel_always_has(raw, text) -> None:
    """At the end the rules see the whole text, as ``format_phrase`` always has."""
    assert phrase_at_cursor(raw, PLAIN, text, "", markdown=False).text == \
        format_phrase(raw, PLAIN, after=text)
    assert preview_at_cursor(raw, PLAIN, text, markdown=False) == \
        preview_phrase(raw, PLAIN, after=text)


def test_the_markdown_rules_stay_the_default() -> None:
    assert phrase_at_cursor("apples", PLAIN, "- ").text == "Apples"
    assert phrase_at_cursor("apples", PLAIN, "- ", markdown=False).text == "apples"
    assert text_context("## Rain\n", markdown=False) == "## Rain\n"
    assert text_context("## Rain\n") == "\n\n"


@pytest.mark.parametrize(("word", "before", "after", "expected"), [
    # Going on with a sentence: a space before, the teacher's spelling.
    ("evaporation", "The water turns into vapour by", "", " evaporation"),
    ("evaporation", "The water turns into vapour by ", "", "evaporation"),
    # Starting a sentence: a capital, also after an emoji or a new paragraph.
    ("evaporation", "", "", "Evaporation"),
    ("evaporation", "The sea is warm.", "", " Evaporation"),
    ("evaporation", "It rains! 🌧 ", "", "Evaporation"),
    ("water cycle", "It rains.\n\n", "", "Water cycle"),
    # Spelt as written: capitals the teacher gave are kept, none are taken away,
    # and British spelling is not forced on a subject's word.
    ("pH", "", "", "pH"),
    ("Vikings", "the ", "", "Vikings"),
    ("program", "I wrote a", "", " program"),
    ("color", "", "", "Color"),
    # A word the rules would read as a spoken command stays a word.
    ("full stop", "A sentence ends with a", "", " full stop"),
    # Put in front of a word or an emoji: kept apart from it.
    ("condensation", "Then ", "makes clouds.", "condensation "),
    ("condensation", "Then", " makes clouds.", " condensation"),
    ("rain", "Look at the ", "🌧", "rain "),
    # Spaces and line breaks in a key word from a lesson file become one space.
    ("water\n  cycle", "", "", "Water cycle"),
    ("  ", "Text", "", ""),
])
def test_a_word_from_the_word_bank_goes_in_at_the_cursor(word, before, after, expected) -> None:
    assert word_at_cursor(word, before, after, markdown=False) == expected


def test_a_word_from_the_word_bank_reads_the_lesson_files_markdown() -> None:
    assert word_at_cursor("evaporation", "- ") == "Evaporation"
    assert word_at_cursor("evaporation", "- ", markdown=False) == "evaporation"


@pytest.mark.parametrize(("raw", "before", "markdown", "expected"), [
    # A closing mark goes in front of the spaces typed after a word.
    ("full stop", "I like cats ", False, CursorPhrase(".", back=1)),
    ("comma and dogs", "I like cats  ", False, CursorPhrase(", and dogs", back=2)),
    ("question mark", "Is it raining\t", True, CursorPhrase("?", back=1)),
    ("close quote", "\u201cHelp ", False, CursorPhrase("\u201d", back=1)),
    # Words, and marks with nothing typed after the word, go at the cursor.
    ("and dogs", "I like cats ", False, CursorPhrase("and dogs")),
    ("full stop", "I like cats", False, CursorPhrase(".")),
    # Spaces at a line's start, or after a list marker, are not the word's.
    ("full stop", "Cats\n  ", False, CursorPhrase(".")),
    ("full stop", "- ", True, CursorPhrase(".")),
])
def test_a_mark_said_after_typed_spaces_goes_against_the_word(raw, before, markdown,
                                                              expected) -> None:
    assert phrase_at_cursor(raw, PLAIN, before, "", markdown=markdown) == expected


@pytest.mark.parametrize(("raw", "before", "after", "expected"), [
    # The pupil's own space already stands between the mark and the word after the
    # caret: no second space ("I like cats.  dogs").
    ("full stop", "I like cats ", "dogs", CursorPhrase(".", back=1)),
    ("comma and", "I like cats ", "dogs", CursorPhrase(", and", back=1)),
    ("full stop", "I like cats ", "\U0001F436", CursorPhrase(".", back=1)),
])
def test_a_mark_put_back_against_the_word_adds_no_space_before_the_next_word(
        raw, before, after, expected) -> None:
    assert phrase_at_cursor(raw, PLAIN, before, after, markdown=False) == expected
