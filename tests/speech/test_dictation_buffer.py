"""A dictated document across phrases: scratch that, undo that, previews."""

from __future__ import annotations

import pytest

from speech.dictation import (
    Change,
    DictationOptions,
    DictationState,
    apply_phrase,
    preview_phrase,
)

PLAIN = DictationOptions()


def dictate(*phrases: str, options: DictationOptions = PLAIN, state=None) -> DictationState:
    state = state if state is not None else DictationState()
    for phrase in phrases:
        state = apply_phrase(state, phrase, options)
    return state


@pytest.mark.parametrize(
    ("phrases", "text"),
    [
        (["the cat sat", "on the mat", "full stop"], "The cat sat on the mat."),
        (["the cat sat full stop", "the dog ran full stop"], "The cat sat. The dog ran."),
        (["hello", "comma", "how are you", "question mark"], "Hello, how are you?"),
        (
            ["first part full stop new paragraph", "second part full stop"],
            "First part.\n\nSecond part.",
        ),
        (["first part full stop", "new paragraph", "second part"], "First part.\n\nSecond part"),
        (["dear sam comma", "new line", "thank you"], "Dear sam,\nthank you"),
        (["she said quote", "hello", "unquote full stop"], "She said \u201chello\u201d."),
        (["a dog open bracket", "a puppy", "close bracket barked"], "A dog (a puppy) barked"),
        # scratch that after several phrases removes only the last one.
        (["one cat", "two dogs", "three mice", "scratch that"], "One cat two dogs"),
        (["one cat", "two dogs", "delete that"], "One cat"),
        (["one cat", "two dogs", "scratch that", "scratch that"], ""),
        (["the end", "full stop", "scratch that"], "The end"),
        (["one cat", "scratch that scratch that"], ""),
        # scratch that as the first phrase: nothing to remove, no crash.
        (["scratch that"], ""),
        (["scratch that", "hello"], "Hello"),
        # undo that undoes the last change, including a scratch.
        (["one cat", "two dogs", "scratch that", "undo that"], "One cat two dogs"),
        (["one cat", "two dogs", "undo that"], "One cat"),
        (["one cat", "two dogs", "scratch that", "scratch that", "undo that"], "One cat"),
        (
            ["one cat", "two dogs", "scratch that", "scratch that", "undo that", "undo that"],
            "One cat two dogs",
        ),
        (["undo that"], ""),
        (["hello", "undo that", "undo that"], ""),
        # After a scratch, capitals follow the text that is left.
        (["the end full stop", "scratch that", "and more"], "And more"),
        (["the end", "full stop", "scratch that", "and more"], "The end and more"),
    ],
)
def test_phrases_build_the_document(phrases, text):
    assert dictate(*phrases).text == text


@pytest.mark.parametrize(
    ("phrases", "change"),
    [
        (["hello"], Change.ADDED),
        (["hello", "scratch that"], Change.SCRATCHED),
        (["scratch that"], Change.NOTHING_TO_SCRATCH),
        (["hello", "undo that"], Change.UNDONE),
        (["undo that"], Change.NOTHING_TO_UNDO),
        (["   "], Change.NOTHING_HEARD),
        (["new paragraph"], Change.NOTHING_HEARD),
    ],
)
def test_the_state_says_what_the_last_phrase_did(phrases, change):
    assert dictate(*phrases).change is change


def test_a_phrase_that_changes_nothing_is_not_a_step_for_undo():
    state = dictate("one cat", "two dogs", "scratch that", "   ", "scratch that", "undo that")
    # The empty phrase and nothing-to-scratch do not count: undo restores "One cat".
    assert state.text == "One cat"
    assert dictate("one", "undo that", "scratch that", "undo that").text == ""


def test_scratch_that_never_removes_the_starting_text():
    start = DictationState(base="Typed by hand.")
    state = dictate("dictated", "scratch that", "scratch that", state=start)
    assert state.text == "Typed by hand."
    assert state.change is Change.NOTHING_TO_SCRATCH
    assert dictate("more words", state=start).text == "Typed by hand. More words"


def test_a_long_dictation_can_be_undone_step_by_step():
    state = dictate(*[f"word {n} full stop" for n in range(2000)], options=PLAIN)
    assert state.text.startswith("Word 0. Word 1.")
    # The undo history is not in the repr, or it would grow with the square.
    assert len(repr(state)) < 3 * len(state.text)
    for _ in range(1999):
        state = apply_phrase(state, "undo that", PLAIN)
    assert state.text == "Word 0."


@pytest.mark.parametrize(
    ("whisper_phrases", "text"),
    [
        (["I think so. Full stop."], "I think so."),
        (["Hello, Sam.", "Question, Mark?"], "Hello Sam?"),
        (["The end.", "New. Paragraph.", "Next bit."], "The end\n\nNext bit"),
        (["Wow.", "Exclamation. Mark!"], "Wow!"),
        (["Scratch that."], ""),
        (["One thing.", "Another thing.", "Scratch that."], "One thing"),
    ],
)
def test_whisper_phrases_follow_the_pupils_commands(whisper_phrases, text):
    options = DictationOptions(engine_punctuates=True)
    assert dictate(*whisper_phrases, options=options).text == text


@pytest.mark.parametrize(
    ("committed", "partial", "preview"),
    [
        (["the cat sat full stop"], "the dog", " The dog"),
        (["the cat"], "sat full", " sat full"),
        (["the cat"], "sat full stop", " sat."),
        (["we have maths in"], "period", " period"),
        (["hello"], "scratch that", ""),
        (["hello"], "scratch", " scratch"),
    ],
)
def test_preview_shows_partial_text_with_the_same_rules(committed, partial, preview):
    state = dictate(*committed)
    before = state.text
    assert preview_phrase(partial, PLAIN, after=state.text) == preview
    assert state.text == before


def test_preview_leaves_period_and_common_for_the_final_phrase():
    options = DictationOptions(common_means_comma=True)
    assert preview_phrase("it was common", options, after="") == "It was common"
    state = apply_phrase(DictationState(), "it was common", options)
    assert state.text == "It was,"
    assert apply_phrase(DictationState(), "the end period", options).text == "The end."
