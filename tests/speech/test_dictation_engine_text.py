"""Whisper-style text: the engine's punctuation gives way to the pupil's commands."""

from __future__ import annotations

import pytest

from speech.dictation import DictationOptions, format_phrase, normalise_engine_text
from speech.dictation_commands import Mark
from speech.dictation_text import scan_text

WHISPER = DictationOptions(engine_punctuates=True)


@pytest.mark.parametrize(
    ("engine_text", "normalised"),
    [
        # Command splits Whisper makes are mended.
        ("question, Mark?", "question mark"),
        ("Question, Mark?", "question mark"),
        ("Full stop.", "full stop"),
        ("new. Paragraph", "new paragraph"),
        ("New. Paragraph.", "new paragraph"),
        ("exclamation. Mark!", "exclamation mark"),
        ("Exclamation point!", "exclamation point"),
        ("Full-stop.", "full stop"),
        ("Fullstop.", "full stop"),
        ("Semi-colon.", "semicolon"),
        ("Semi colon.", "semicolon"),
        ("New line.", "new line"),
        ("Comma.", "comma"),
        ("Scratch that.", "scratch that"),
        ("Undo that!", "undo that"),
        # The engine's marks and sentence capitals go; words keep their insides.
        ("Hello, how are you?", "hello how are you"),
        ("I don't know. I'm sure.", "I don't know I'm sure"),
        ("A well-known fact.", "a well-known fact"),
        ("The pupils' books.", "the pupils' books"),
        ("It's Sam\u2019s turn.", "it's Sam's turn"),
        ('She said, "Hello."', "she said hello"),
        ("(Quietly) yes...", "quietly yes"),
        ("Wait \u2014 what?", "wait what"),
        # Names and acronyms in the middle of a sentence keep their capitals.
        ("We went to London.", "we went to London"),
        ("The BBC said so. UK news.", "the BBC said so UK news"),
        # Digits keep their points, commas and colons.
        (
            "It costs \u00a35.50, or 1,200 pence at 9:30.",
            "it costs \u00a35.50 or 1,200 pence at 9:30",
        ),
        ("About 50% of them.", "about 50% of them"),
        # Abbreviations lose their dots, as British plain English writes them.
        ("E.g. the U.K.", "eg the UK"),
        ("", ""),
        ("...", ""),
    ],
)
def test_normalise_engine_text(engine_text, normalised):
    assert normalise_engine_text(engine_text) == normalised


@pytest.mark.parametrize(
    ("engine_text", "written"),
    [
        ("Question, Mark?", "?"),
        ("Is it ready? Question, Mark?", "Is it ready?"),
        ("I like cats. Full stop.", "I like cats."),
        ("The end. New. Paragraph. Next bit.", "The end\n\nNext bit"),
        ("Wow. Exclamation. Mark!", "Wow!"),
        ("Hello, comma, how are you?", "Hello, how are you"),
        ("Dear Sam, colon.", "Dear Sam:"),
        ("She said, quote, hello, unquote.", "She said \u201chello\u201d"),
        ("Open bracket. Aside. Close bracket.", "(Aside)"),
        # No commands spoken: no punctuation, whatever Whisper thought.
        ("Hello, my name is Sam. I live in London.", "Hello my name is Sam I live in London"),
        # British spelling still applies to Whisper's American spelling.
        ("My favorite color. Full stop.", "My favourite colour."),
        # Words that contain a command stay words here too.
        ("A comma-separated list, periodically.", "A comma-separated list periodically"),
    ],
)
def test_whisper_text_with_spoken_commands(engine_text, written):
    assert format_phrase(engine_text, WHISPER) == written


@pytest.mark.parametrize(
    ("engine_text", "common", "written"),
    [
        ("It was lovely, common.", True, "It was lovely,"),
        ("Common.", True, ","),
        ("It is a common mistake.", True, "It is a common mistake"),
        ("It was lovely, common.", False, "It was lovely common"),
    ],
)
def test_whisper_common_for_comma_is_opt_in(engine_text, common, written):
    options = DictationOptions(engine_punctuates=True, common_means_comma=common)
    assert format_phrase(engine_text, options) == written


@pytest.mark.parametrize(
    ("engine_text", "written"),
    [
        ("Hello, world. How are you?", "Hello, world. How are you?"),
        ('She said, "Help!" and ran.', "She said, \u201cHelp!\u201d and ran."),
        ("(Quietly) he left.", "(Quietly) he left."),
        ("My favorite color.", "My favourite colour."),
        # The last dot of an abbreviation does not end the sentence.
        ("We met in the U.K. last year.", "We met in the UK last year."),
    ],
)
def test_without_commands_the_engines_punctuation_is_kept(engine_text, written):
    options = DictationOptions(commands=False, engine_punctuates=True)
    assert format_phrase(engine_text, options) == written


def test_scan_text_gives_words_and_marks_in_order():
    assert scan_text('Hi, Sam. "Go!"') == [
        "Hi",
        Mark.COMMA,
        "Sam",
        Mark.FULL_STOP,
        Mark.OPEN_QUOTE,
        "Go",
        Mark.EXCLAMATION_MARK,
        Mark.CLOSE_QUOTE,
    ]
