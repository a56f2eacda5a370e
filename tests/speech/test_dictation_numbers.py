"""Spoken numbers to digits: an option, off by default."""

from __future__ import annotations

import pytest

from speech.dictation import DictationOptions, format_phrase
from speech.dictation_numbers import read_number

NUMBERS = DictationOptions(numbers=True)


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("twenty five", "25"),
        ("three hundred and five", "305"),
        ("one thousand two hundred", "1200"),
        ("one hundred and twenty three", "123"),
        ("two thousand and twenty", "2020"),
        ("a hundred", "100"),
        ("a thousand", "1000"),
        ("nineteen hundred", "1900"),
        ("twenty five hundred", "2500"),
        ("three hundred thousand", "300000"),
        ("two million three hundred thousand and one", "2300001"),
        ("seven", "7"),
        ("eleven", "11"),
        ("ninety", "90"),
        ("zero", "0"),
        ("nought", "0"),
        ("twenty-five", "25"),
        ("forty-two", "42"),
        ("twenty one", "21"),
        ("one hundred", "100"),
    ],
)
def test_spoken_numbers_become_digits(spoken, written):
    assert format_phrase(spoken, NUMBERS) == written


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        # "one" on its own is usually a pronoun, so it stays a word.
        ("one of them", "One of them"),
        ("no one came", "No one came"),
        ("this one is mine", "This one is mine"),
        # In a sentence, and next to commands.
        ("i have twenty five pupils", "I have 25 pupils"),
        ("page three hundred and five full stop", "Page 305."),
        ("we need twenty five comma thirty", "We need 25, 30"),
        # "and" joins only after hundred or a scale word.
        ("five and six", "5 and 6"),
        ("three hundred and cake", "300 and cake"),
        ("salt and pepper", "Salt and pepper"),
        # Two numbers in a row stay two numbers.
        ("twenty twenty", "20 20"),
        ("three hundred two hundred", "300 200"),
        ("one thousand one thousand", "1000 1000"),
        ("two thousand five thousand", "2000 5000"),
        ("three hundred and five hundred", "300 and 500"),
        ("one two three", "One 2 3"),
        # A hyphenated word that is not one number is left alone.
        ("one-to-one support", "One-to-one support"),
        ("a hundred-year-old tree", "A hundred-year-old tree"),
        # Words that are not numbers, and "a" without a scale word.
        ("a cat and a dog", "A cat and a dog"),
        ("often and tenth", "Often and tenth"),
    ],
)
def test_numbers_in_sentences(spoken, written):
    assert format_phrase(spoken, NUMBERS) == written


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("twenty five", "Twenty five"),
        ("three hundred and five", "Three hundred and five"),
        ("i have two cats", "I have two cats"),
    ],
)
def test_numbers_stay_words_by_default(spoken, written):
    assert format_phrase(spoken, DictationOptions()) == written


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("twenty five pupils", (25, 2)),
        ("three hundred and", (300, 2)),
        ("pupils", None),
        ("and five", None),
        ("", None),
    ],
)
def test_read_number_says_how_many_words_it_used(words, found):
    assert read_number(words.split(), 0) == found
