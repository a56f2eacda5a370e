"""Whisper's loops are cut back; ordinary repetition in speech is kept."""

import pytest

from speech.stt.base import Word
from speech.stt.repeats import drop_loops, drop_text_loops


@pytest.mark.parametrize(
    ("heard", "kept"),
    [
        ("the sea and the sky rain rain rain rain rain", "the sea and the sky rain"),
        ("rain, rain, rain, rain,", "rain,"),
        ("Boudicca Boudicca Boudicca led the Iceni", "Boudicca led the Iceni"),
        ("heat the water heat the water heat the water until it boils",
         "heat the water until it boils"),
        # Two in a row is ordinary speech ("very, very"), and so is a repeat apart.
        ("it was very very cold", "it was very very cold"),
        ("the water cycle moves the water round", "the water cycle moves the water round"),
        ("no no", "no no"),
        ("", ""),
        ("a b a b", "a b a b"),
        ("a b a b a b c", "a b c"),
    ],
)
def test_loops_are_cut_to_one(heard, kept):
    assert drop_text_loops(heard) == kept


def test_word_timings_stay_with_the_words_kept():
    words = [Word("sky", 0.0, 0.4, 0.9)] + [
        Word("rain", 0.5 + i, 0.9 + i, 0.3) for i in range(6)
    ] + [Word("falls", 7.0, 7.4, 0.8)]
    kept = drop_loops(words, key=lambda w: w.text)
    assert [w.text for w in kept] == ["sky", "rain", "falls"]
    assert kept[1].start == 0.5 and kept[2].start == 7.0
