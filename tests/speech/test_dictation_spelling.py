"""British spelling from breame's word lists, with the word's case kept."""

from __future__ import annotations

import pytest

from speech.dictation import DictationOptions, format_phrase
from speech.dictation_spelling import british_spelling, british_text


@pytest.mark.parametrize(
    ("word", "british"),
    [
        ("color", "colour"),
        ("Color", "Colour"),
        ("COLOR", "COLOUR"),
        ("favorite", "favourite"),
        ("organize", "organise"),
        ("center", "centre"),
        ("Center", "Centre"),
        # Straight from breame's lists, not from a list of our own.
        ("behavior", "behaviour"),
        ("aluminum", "aluminium"),
        ("analyze", "analyse"),
        ("traveling", "travelling"),
        ("pajamas", "pyjamas"),
        ("practicing", "practising"),
        # Hyphens and possessives.
        ("color-coded", "colour-coded"),
        ("neighbor's", "neighbour's"),
        ("Neighbors'", "Neighbours'"),
        # Already British, or no British form: unchanged.
        ("colour", "colour"),
        ("cat", "cat"),
        ("story", "story"),
        ("check", "check"),
        # Mixed case is a name or brand: left alone.
        ("iColor", "iColor"),
        # American forms that are British too for a common meaning.
        ("practice", "practice"),
        ("program", "program"),
        ("draft", "draft"),
        ("licensed", "licensed"),
        ("filter", "filter"),
        ("connection", "connection"),
        ("grams", "grams"),
    ],
)
def test_british_spelling_keeps_the_case(word, british):
    assert british_spelling(word) == british


@pytest.mark.parametrize(
    ("spoken", "british", "written"),
    [
        ("my favorite color is gray", True, "My favourite colour is grey"),
        ("meet at the center full stop", True, "Meet at the centre."),
        ("color", True, "Colour"),
        ("good practice in the program", True, "Good practice in the program"),
        ("my favorite color is gray", False, "My favorite color is gray"),
    ],
)
def test_dictation_writes_british_spelling_when_asked(spoken, british, written):
    assert format_phrase(spoken, DictationOptions(british=british)) == written


def test_engine_text_keeps_its_case_in_british_spelling():
    options = DictationOptions(commands=False, engine_punctuates=True)
    assert format_phrase("Color me in. The COLOR guide.", options) == (
        "Colour me in. The COLOUR guide."
    )


@pytest.mark.parametrize(
    ("engine_wrote", "shown"),
    [
        ("Clouds form when the vapor cools.", "Clouds form when the vapour cools."),
        ("The neighbor\u2019s color-coded map, COLOR!",
         "The neighbour\u2019s colour-coded map, COLOUR!"),
        ("My favorite, organized center.", "My favourite, organised centre."),
        ("A computer program weighs 5 tons.", "A computer program weighs 5 tons."),
        ("iColor phones, full stop.", "iColor phones, full stop."),
    ],
)
def test_engine_text_gets_british_spelling_and_keeps_its_punctuation(engine_wrote, shown):
    assert british_text(engine_wrote) == shown
