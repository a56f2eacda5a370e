"""Spacing is a share of the text size, as the profile editor shows it, never in em.

Fails on the old wordings: "Letter spacing: normal → 0.12 em", which left a
teacher to guess what an em is, and then "0.12 em (about an eighth of the text
size)", which the usability review still found to be jargon beside the
profile editor's "12% of the text size".
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


def test_spacing_changes_are_shares_of_the_text_size_as_the_profile_editor_shows_them():
    after = replace(Profile(), letter_spacing_em=0.12, word_spacing_em=0.35,
                    paragraph_spacing_em=1.5, line_height=1.5)
    assert describe_profile_changes(Profile(), after) == [
        "Letter spacing: normal → 12% of the text size (about an eighth)",
        "Word spacing: normal → 35% of the text size (about a third)",
        "Line spacing: 120% of the text size → 150% of the text size",
        "Space between paragraphs: 100% of the text size → 150% of the text size",
    ]


def test_no_preset_change_is_said_in_em():
    presets = load_presets()
    assert presets
    mentioned = 0
    for preset in presets:
        for sentence in describe_profile_changes(Profile(), preset):
            assert " em" not in sentence, sentence
            if "spacing" in sentence.lower():
                mentioned += 1
                assert "% of the text size" in sentence, sentence
    assert mentioned, "some built-in preset changes the spacing"
