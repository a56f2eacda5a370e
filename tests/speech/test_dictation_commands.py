"""Spoken commands, spacing and capitals for one phrase (speech.dictation.format_phrase)."""

from __future__ import annotations

import pytest

from speech.dictation import COMMAND_PHRASES, DictationOptions, format_phrase

PLAIN = DictationOptions()


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        # Each punctuation command, at the end of an utterance.
        ("the cat sat full stop", "The cat sat."),
        ("the cat sat period", "The cat sat."),
        ("hello comma", "Hello,"),
        ("are you ready question mark", "Are you ready?"),
        ("stop exclamation mark", "Stop!"),
        ("stop exclamation point", "Stop!"),
        ("you will need colon", "You will need:"),
        ("it rained semicolon", "It rained;"),
        # Commands at the start of an utterance.
        ("full stop the end", ". The end"),
        ("comma and then", ", and then"),
        ("question mark why", "? Why"),
        # Commands alone.
        ("full stop", "."),
        ("comma", ","),
        ("colon", ":"),
        ("quote", "\u201c"),
        ("close bracket", ")"),
        # Consecutive commands.
        ("really question mark exclamation mark", "Really?!"),
        ("see below colon new line", "See below:\n"),
        ("the end full stop new paragraph", "The end.\n\n"),
        ("close bracket full stop", ")."),
        ("wait comma quote stop unquote", "Wait, \u201cstop\u201d"),
        # Commands in the middle, with spacing both sides.
        ("first comma second comma third", "First, second, third"),
        ("i came full stop i saw full stop", "I came. I saw."),
        ("why question mark because", "Why? Because"),
        ("wow exclamation mark that is big", "Wow! That is big"),
        ("three things colon eggs semicolon milk", "Three things: eggs; milk"),
        # Brackets: no space inside, a space outside.
        ("a dog open bracket a puppy close bracket barked", "A dog (a puppy) barked"),
        ("open bracket aside close bracket", "(Aside)"),
        ("end full stop open bracket next close bracket", "End. (Next)"),
        # Quote and unquote: curly speech marks, no space inside.
        ("she said quote hello unquote", "She said \u201chello\u201d"),
        ("quote help exclamation mark unquote shouted tom", "\u201cHelp!\u201d shouted tom"),
        ("he said quote yes unquote full stop", "He said \u201cyes\u201d."),
        # Words that merely contain a command stay words.
        ("a fuller stoppage", "A fuller stoppage"),
        ("a comma-separated list", "A comma-separated list"),
        ("a periodic table", "A periodic table"),
        ("the colonel waved", "The colonel waved"),
        ("two semicolons", "Two semicolons"),
        ("commas and colons", "Commas and colons"),
        ("a newline character", "A newline character"),
        ("quoted and unquoted", "Quoted and unquoted"),
        # Talking about a mark rather than asking for it.
        ("find a quote from the poem", "Find a quote from the poem"),
        # "quote" said as a verb stays a word; an "unquote" to come makes it marks.
        ("you can quote me on that", "You can quote me on that"),
        ("try to quote the poem", "Try to quote the poem"),
        ("please quote them exactly", "Please quote them exactly"),
        ("you should not quote him", "You should not quote him"),
        ("she said quote it is mine unquote", "She said \u201cit is mine\u201d"),
        ("i want to quote quote hello unquote", "I want to quote \u201chello\u201d"),
        ("he said quote me unquote", "He said \u201cme\u201d"),
        # "open quote" / "close quote" / "end quote", as other dictation software says.
        ("mrs smith said open quote stop close quote", "Mrs smith said \u201cstop\u201d"),
        ("he said quote hello end quote full stop", "He said \u201chello\u201d."),
        # "speech marks" and "inverted commas", as pupils in England are taught to say.
        ("tom said open speech marks help close speech marks full stop",
         "Tom said \u201chelp\u201d."),
        ("open inverted commas stop close inverted commas", "\u201cStop\u201d"),
        ("the giant roared opens speech marks who is there",
         "The giant roared \u201cwho is there"),
        ("put the speech marks round it", "Put the speech marks round it"),
        ("use the open speech marks", "Use the open speech marks"),
        ("open the door and close the window", "Open the door and close the window"),
        ("add a full stop here", "Add a full stop here"),
        ("start a new paragraph", "Start a new paragraph"),
        ("the question mark goes last", "The question mark goes last"),
        ("i said that full stop", "I said that."),
        # "period" counts only where the phrase ends or a command follows.
        ("we have maths in period three", "We have maths in period three"),
        ("a period of time", "A period of time"),
        ("the end period new paragraph", "The end.\n\n"),
        # Capitals: the start, after . ? ! and "I" with its contractions.
        ("i think i'm right", "I think I'm right"),
        ("i've said i'll go and i'd stay", "I've said I'll go and I'd stay"),
        ("ice is nice", "Ice is nice"),
        ("yes full stop no", "Yes. No"),
        ("a new line new line is not a sentence", "A new line\nis not a sentence"),
        # Engine spellings of commands.
        ("it rained semi colon", "It rained;"),
        ("the end fullstop", "The end."),
        ("the end full-stop", "The end."),
    ],
)
def test_spoken_commands_become_punctuation(spoken, written):
    assert format_phrase(spoken, PLAIN) == written


@pytest.mark.parametrize(
    ("before", "spoken", "written"),
    [
        # A phrase joins the text before it with one space ...
        ("The cat", "sat down", " sat down"),
        # ... and starts a sentence after . ? ! even across phrases.
        ("The cat sat.", "the dog ran", " The dog ran"),
        ("Ready?", "yes", " Yes"),
        ("Stop!", "now", " Now"),
        ("One,", "two", " two"),
        # Punctuation attaches to the previous phrase.
        ("The cat sat", "full stop", "."),
        ("Hello", "comma there", ", there"),
        # After an opening bracket or speech mark: no space.
        ("She said \u201c", "hello", "hello"),
        ("A dog (", "a puppy", "a puppy"),
        ("He said \u201chi\u201d", "and left", " and left"),
        ("(It was late.)", "then", " Then"),
        ('She typed "', "hello", "hello"),
        # New paragraph: exactly one blank line, and a capital next.
        ("The end.", "new paragraph", "\n\n"),
        ("The end.", "new paragraph next part", "\n\nNext part"),
        ("Line one\n", "new paragraph", "\n"),
        ("Line one\n\n", "new paragraph", ""),
        ("Line one", "new line next", "\nnext"),
        ("The end.\n\n", "new line", "\n"),
        # Nothing to break at the top of a document.
        ("", "new paragraph", ""),
        ("", "new line hello", "Hello"),
    ],
)
def test_phrases_join_the_text_before_them(before, spoken, written):
    assert format_phrase(spoken, PLAIN, after=before) == written


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("hello comma world full stop", "Hello comma world full stop"),
        ("scratch that", "Scratch that"),
        ("new paragraph", "New paragraph"),
    ],
)
def test_commands_can_be_switched_off(spoken, written):
    assert format_phrase(spoken, DictationOptions(commands=False)) == written


@pytest.mark.parametrize("spoken", ["scratch that", "delete that", "undo that", "Scratch that."])
def test_editing_commands_add_no_text(spoken):
    assert format_phrase(spoken, PLAIN, after="Some text.") == ""


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("the cat will scratch that", "The cat will scratch that"),
        ("please delete that file", "Please delete that file"),
        ("undo that knot", "Undo that knot"),
    ],
)
def test_editing_commands_inside_a_sentence_are_words(spoken, written):
    assert format_phrase(spoken, PLAIN) == written


@pytest.mark.parametrize(
    ("before", "spoken", "written"),
    [
        # A bare "quote" while speech marks are open closes them: Whisper often
        # hears "unquote" as "quote" (the weak "un" lost), and speech marks never nest.
        ("", "quote help exclamation mark quote shouted tom", "\u201cHelp!\u201d shouted tom"),
        ("", "the sign said quote keep out quote", "The sign said \u201ckeep out\u201d"),
        ("", "she said quote hello unquote then quote bye quote",
         "She said \u201chello\u201d then \u201cbye\u201d"),
        # ... also when they were opened in an earlier phrase.
        ("She said \u201chello", "quote and left", "\u201d and left"),
        ("She said \u201chello\u201d.", "quote yes quote", " \u201cYes\u201d"),
        # Inside speech marks "quote" the verb and "a quote" stay words, and the
        # unquote to come closes the marks already open.
        ("", "she said quote I will quote the poem unquote",
         "She said \u201cI will quote the poem\u201d"),
        ("", "he said quote you can quote me unquote", "He said \u201cyou can quote me\u201d"),
        ("", "she said quote it is a quote from the poem unquote",
         "She said \u201cit is a quote from the poem\u201d"),
        ("She said \u201chello", "try to quote it", " try to quote it"),
        # "open quote" says what it means.
        ("", "quote one open quote two", "\u201cOne \u201ctwo"),
    ],
)
def test_quote_said_again_closes_the_speech_marks(before, spoken, written):
    assert format_phrase(spoken, PLAIN, after=before) == written


@pytest.mark.parametrize(
    ("spoken", "common", "written"),
    [
        ("it was lovely common", True, "It was lovely,"),
        ("common", True, ","),
        ("a common mistake", True, "A common mistake"),
        ("common sense tells us", True, "Common sense tells us"),
        ("it was lovely common", False, "It was lovely common"),
        ("it was lovely comma", False, "It was lovely,"),
    ],
)
def test_common_is_a_comma_only_when_asked_and_only_at_the_end(spoken, common, written):
    options = DictationOptions(common_means_comma=common)
    assert format_phrase(spoken, options) == written


@pytest.mark.parametrize("command", COMMAND_PHRASES, ids=lambda c: c.phrase)
def test_every_listed_command_is_obeyed(command):
    if command.phrase.endswith("that"):
        # Editing commands work as a whole phrase and add no text.
        assert format_phrase(command.phrase, PLAIN, after="Word") == ""
        assert format_phrase(f"word {command.phrase}", PLAIN) == f"Word {command.phrase}"
    else:
        written = format_phrase(f"word {command.phrase}", PLAIN)
        assert command.phrase.split()[-1] not in written.lower()
        assert written.startswith("Word")
        assert written != "Word"


def test_every_listed_command_has_a_description():
    phrases = [command.phrase for command in COMMAND_PHRASES]
    assert len(phrases) == len(set(phrases))
    assert all(command.description.strip() for command in COMMAND_PHRASES)
    assert {"full stop", "new paragraph", "scratch that", "undo that"} <= set(phrases)
