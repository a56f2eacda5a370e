"""Word boundaries from engine events: pure rules, table-tested (no audio)."""

from __future__ import annotations

import numpy as np
import pytest

from speech.tts.base import Voice, WordBoundary, pick_british_voice
from speech.tts.word_timing import (
    align_word_events,
    estimate_word_times,
    voiced_region,
    word_spans,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hello,  world!", ["Hello", "world"]),
        ("The café's 12 pupils—read\naloud.", ["The", "café's", "12", "pupils", "read", "aloud"]),
        ("e.g. 3.5 kg, well-known “quotes”", ["e.g", "3.5", "kg", "well-known", "quotes"]),
        ("  \n ... !", []),
        ("don’t stop_here", ["don’t", "stop", "here"]),
    ],
)
def test_word_spans_index_the_original_text(text, words):
    assert [text[start:end] for start, end in word_spans(text)] == words


def test_events_are_attached_to_the_word_they_start_in():
    text = "Hello,  world!\nThe end."
    # Offsets as eSpeak NG gives them: starts right, lengths not needed.
    events = [(0, 0.0), (8, 0.5), (15, 1.1), (19, 1.3)]
    words = align_word_events(text, events, duration=2.0)
    assert [w.word(text) for w in words] == ["Hello", "world", "The", "end"]
    assert [w.time for w in words] == [0.0, 0.5, 1.1, 1.3]
    assert not any(w.estimated for w in words)


def test_an_event_on_punctuation_belongs_to_the_next_word():
    text = "Say “quoted” now"
    words = align_word_events(text, [(0, 0.0), (4, 0.4), (13, 0.9)], duration=1.2)
    assert [(w.word(text), w.time, w.estimated) for w in words] == [
        ("Say", 0.0, False),
        ("quoted", 0.4, False),
        ("now", 0.9, False),
    ]


def test_words_without_events_are_interpolated_and_marked_estimated():
    text = "one two three four"
    words = align_word_events(text, [(0, 0.0), (14, 3.0)], duration=4.0)
    assert [w.estimated for w in words] == [False, True, True, False]
    times = [w.time for w in words]
    assert times == sorted(times)
    assert 0.0 < times[1] < times[2] < 3.0


def test_words_after_the_last_event_are_placed_before_the_end_of_the_audio():
    text = "alpha beta gamma"
    words = align_word_events(text, [(0, 0.2)], duration=2.0)
    assert [w.estimated for w in words] == [False, True, True]
    assert 0.2 < words[1].time < words[2].time <= 2.0


def test_an_event_out_of_order_is_not_trusted():
    text = "first second third"
    words = align_word_events(text, [(0, 1.0), (6, 0.5), (13, 2.0)], duration=3.0)
    assert words[1].estimated
    assert words[0].time < words[1].time < words[2].time


def test_no_words_gives_no_boundaries():
    assert align_word_events("... !", [(0, 0.0)], duration=1.0) == ()


def test_estimates_spread_words_across_the_voiced_part_only():
    rate = 16_000
    audio = np.zeros(rate * 3, dtype=np.int16)
    audio[rate : rate * 2] = 8000  # sound from 1 s to 2 s
    begin, end = voiced_region(audio, rate)
    assert begin == pytest.approx(1.0, abs=0.02)
    assert end == pytest.approx(2.0, abs=0.02)
    words = estimate_word_times("aa bb cc", audio, rate)
    assert all(w.estimated for w in words)
    assert words[0].time == pytest.approx(1.0, abs=0.02)
    assert 1.0 < words[1].time < words[2].time < 2.0


def test_word_boundary_gives_its_word():
    assert WordBoundary(4, 5, 0.3).word("The water cycle") == "water"


@pytest.mark.parametrize(
    ("voices", "expected"),
    [
        (
            [
                Voice("gmw/en-us", "English (America)", "en-us"),
                Voice("gmw/en", "English (Great Britain)", "en-gb"),
                Voice("gmw/en-gb-x-rp", "English (Received Pronunciation)", "en-gb-x-rp"),
            ],
            "gmw/en-gb-x-rp",
        ),
        (
            [Voice("gmw/en-us", "English (America)", "en-us"), Voice("gmw/en", "English", "en-gb")],
            "gmw/en",
        ),
        (
            [
                Voice("TTS_MS_EN-US_ZIRA", "Microsoft Zira Desktop - English (United States)"),
                Voice("TTS_MS_EN-GB_HAZEL", "Microsoft Hazel Desktop - English (Great Britain)"),
            ],
            "TTS_MS_EN-GB_HAZEL",
        ),
        ([Voice("com.apple.voice.Daniel", "Daniel", "en_GB")], "com.apple.voice.Daniel"),
        ([Voice("fr", "French", "fr"), Voice("en-us", "English (America)", "en-us")], "en-us"),
        ([Voice("fr", "French", "fr")], None),
        ([], None),
    ],
)
def test_the_default_voice_is_british_where_there_is_one(voices, expected):
    chosen = pick_british_voice(voices)
    assert (chosen.id if chosen else None) == expected
