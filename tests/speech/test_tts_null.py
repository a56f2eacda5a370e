"""The null engine: silence at reading pace, with estimated word times."""

from __future__ import annotations

import numpy as np
import pytest

from speech.tts.base import UnknownVoice
from speech.tts.null_engine import NullSynthesiser


def test_silence_with_every_word_estimated_in_order():
    engine = NullSynthesiser()
    text = "Add the two numbers,\n  then write the answer."
    synthesis = engine.synthesise(text)
    assert [w.word(text) for w in synthesis.words] == [
        "Add",
        "the",
        "two",
        "numbers",
        "then",
        "write",
        "the",
        "answer",
    ]
    assert all(w.estimated for w in synthesis.words)
    times = [w.time for w in synthesis.words]
    assert times == sorted(times) and times[-1] < synthesis.duration
    assert not np.any(synthesis.samples)


def test_pace_follows_the_rate():
    engine = NullSynthesiser()
    text = "one two three four five six seven eight nine ten"
    engine.set_rate_scale(2.0)
    fast = engine.synthesise(text).duration
    engine.set_rate_scale(0.5)
    slow = engine.synthesise(text).duration
    assert fast < slow / 2


def test_it_has_no_voices():
    engine = NullSynthesiser()
    assert engine.voices() == [] and engine.voice is None
    assert NullSynthesiser.availability().available
    with pytest.raises(UnknownVoice):
        engine.set_voice("anything")
