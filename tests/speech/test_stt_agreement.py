"""Settled words of a partial keep no full stop, question mark or capital a later guess dropped,
and no partial ends in a sentence mark at all.

Whisper re-guesses a phrase as it grows; a guess cut off mid-sentence ends it
there ("Can you tell me?"). The captions review on the projector read "Good
morning. everyone. Today we are... looking at the world." because settled
words were kept as first shown. Each table is a run of guesses and what the
captions show after each one.
"""

from __future__ import annotations

import re

import pytest

from speech.stt.agreement import StablePrefix

# (guesses, what is shown after each)
TABLES = {
    "the review's greeting": (
        ["Good morning.",
         "Good morning, everyone.",
         "Good morning everyone. Today we are...",
         "Good morning everyone, today we are looking at the world."],
        ["Good morning",
         "Good morning, everyone",
         "Good morning everyone. Today we are",
         "Good morning everyone, today we are looking at the world"],
    ),
    "the review's question": (
        ["Can you tell me?",
         "Can you tell me where the water is?",
         "Can you tell me where the water in a cloud comes from?"],
        ["Can you tell me",
         "Can you tell me where the water is",
         "Can you tell me where the water in a cloud comes from"],
    ),
    "a capital the next guess drops": (
        ["Good morning. Everyone",
         "Good morning. Everyone is here",
         "Good morning everyone is here today"],
        ["Good morning. Everyone",
         "Good morning. Everyone is here",
         "Good morning everyone is here today"],
    ),
    # The newest guess hears another word where a settled one is: the settled
    # word stays (no flicker) but ends no sentence in the middle.
    "a settled word the newest guess disagrees with": (
        ["Can you tell me?",
         "Can you tell me? Where",
         "Can you tell may where the water is"],
        ["Can you tell me",
         "Can you tell me? Where",
         "Can you tell me where the water is"],
    ),
    "a settled last word the newest guess drops keeps no mark": (
        ["It is raining.", "It is raining.", "It is"],
        ["It is raining", "It is raining", "It is raining"],
    ),
    "a sentence the newest guess itself ends stays ended": (
        ["Sit down.", "Sit down. Open your", "Sit down. Open your books."],
        ["Sit down", "Sit down. Open your", "Sit down. Open your books"],
    ),
}

# The usability check with real speech (espeak-ng into a virtual microphone,
# real Whisper, the projector's captions): guesses cut off mid-sentence ended
# in a full stop before the captions' "…". (guesses, what is shown after each)
CUT_OFF = {
    "the greeting": (
        ["Good morning, yes.", "Good morning, everyone.",
         "Good morning everyone. Today we are going to..."],
        ["Good morning, yes", "Good morning, everyone",
         "Good morning everyone. Today we are going to"],
    ),
    "a new phrase": (
        ["open.", "open your book."],
        ["open", "open your book"],
    ),
    "another new phrase": (
        ["tonight.", "So now we will look.", "Today we will learn about wind."],
        ["tonight", "So now we will look", "Today we will learn about wind"],
    ),
    "a question and an exclamation": (
        ["Who knows?", "Who knows where rain comes from!"],
        ["Who knows", "Who knows where rain comes from"],
    ),
    "an ellipsis as a word of its own": (
        ["Today we are going to ...", "Today we are going to \u2026"],
        ["Today we are going to", "Today we are going to"],
    ),
    "a mark inside a closing quote or bracket": (
        ['He said "stop."', "We saw rain (lots of it!)"],
        ['He said "stop"', "We saw rain (lots of it)"],
    ),
    "a sentence inside the partial keeps its mark": (
        ["The water cycle. Please.", "The water cycle. Please look at the board."],
        ["The water cycle. Please", "The water cycle. Please look at the board"],
    ),
}


def _keys(text: str) -> list[str]:
    return [re.sub(r"[^\w']+", "", word.lower()) for word in text.split()]


@pytest.mark.parametrize("name", list(TABLES))
def test_settled_words_read_as_the_newest_guess_has_them(name):
    guesses, expected = TABLES[name]
    prefix = StablePrefix()
    shown = [prefix.update(guess)[0] for guess in guesses]
    assert shown == expected


@pytest.mark.parametrize("name", list(TABLES) + list(CUT_OFF))
def test_settled_words_stay_the_same_words_in_the_same_order(name):
    # The no-flicker promise: once stable, a word is never replaced by another.
    guesses, _expected = {**TABLES, **CUT_OFF}[name]
    prefix = StablePrefix()
    before: list[str] = []
    for guess in guesses:
        shown, stable = prefix.update(guess)
        assert shown.startswith(stable)
        now = _keys(stable)
        assert now[: len(before)] == before
        before = now


@pytest.mark.parametrize("name", list(CUT_OFF))
def test_a_partial_ends_in_no_sentence_mark(name):
    # The captions add "…" after a partial; the Final punctuates.
    guesses, expected = CUT_OFF[name]
    prefix = StablePrefix()
    shown = [prefix.update(guess)[0] for guess in guesses]
    assert shown == expected
    assert not [text for text in shown if re.search(r"[.?!\u2026]$", text)]


def test_the_stable_prefix_is_spelt_as_shown():
    prefix = StablePrefix()
    prefix.update("Can you tell me?")
    assert prefix.update("Can you tell me where") == (
        "Can you tell me where", "Can you tell me")
    assert prefix.stable == "Can you tell me"
