"""Spacing in em is explained in a teacher's words, and the number is kept.

Fails on the old wording, "Letter spacing: normal → 0.12 em", which left a
teacher to guess what an em is.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from lessons import profile_diff
from lessons.presets import load_presets
from lessons.profile import Profile
from lessons.profile_diff import describe_profile_changes

WORDS = [
    (0.05, "a twentieth of the text size"),
    (0.12, "about an eighth of the text size"),
    (0.16, "about a sixth of the text size"),
    (0.25, "a quarter of the text size"),
    (0.35, "about a third of the text size"),
    (0.5, "half the text size"),
    (0.55, "55% of the text size"),
    (1.0, "the text size"),
    (1.5, "one and a half times the text size"),
    (2.0, "twice the text size"),
    (2.5, "2.5 times the text size"),
]


@pytest.mark.parametrize("value, words", WORDS)
def test_em_in_words(value, words):
    assert profile_diff.em_words(value) == words


def test_letter_spacing_change_keeps_the_number_and_says_what_it_means():
    after = replace(Profile(), letter_spacing_em=0.12, word_spacing_em=0.35,
                    paragraph_spacing_em=1.5)
    assert describe_profile_changes(Profile(), after) == [
        "Letter spacing: normal → 0.12 em (about an eighth of the text size)",
        "Word spacing: normal → 0.35 em (about a third of the text size)",
        "Space between paragraphs: 1 em (the text size) → 1.5 em "
        "(one and a half times the text size)",
    ]


def test_every_preset_explains_each_em_it_mentions():
    presets = load_presets()
    assert presets
    mentioned = 0
    for preset in presets:
        for sentence in describe_profile_changes(Profile(), preset):
            for part in sentence.split(" → "):
                if " em" in part:
                    mentioned += 1
                    assert "em (" in part and "text size)" in part, sentence
    assert mentioned, "some built-in preset changes the spacing"
