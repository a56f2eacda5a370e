"""Choosing a text-to-speech engine: the best that works here, or the one asked for."""

from __future__ import annotations

from speech.tts.choose import create_synthesiser, engine_classes
from speech.tts.null_engine import NullSynthesiser
from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser


def test_the_computers_voices_come_first_and_silence_last():
    names = [cls.name for cls in engine_classes()]
    assert names == ["pyttsx3", "none"]
    assert all(cls.description for cls in engine_classes())


def test_the_best_available_engine_is_chosen():
    engine, reason = create_synthesiser()
    if Pyttsx3Synthesiser.availability().available:
        assert isinstance(engine, Pyttsx3Synthesiser) and reason == ""
    else:
        assert isinstance(engine, NullSynthesiser) and reason


def test_the_engine_asked_for_is_used():
    engine, reason = create_synthesiser("none")
    assert isinstance(engine, NullSynthesiser) and reason == ""
