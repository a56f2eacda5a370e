"""Microphone to text: the virtual microphone, real capture and the real Whisper engine."""

from __future__ import annotations

import re

import numpy as np
import pytest

from speech.audio import AudioChunk, AudioError, Capture, Stopped
from tests.fixtures.pulse import MIC_DEVICE

whisper_engine = pytest.importorskip("speech.stt.whisper_engine")
from speech.stt.base import EngineError, Final  # noqa: E402

pytestmark = [pytest.mark.pulse, pytest.mark.slow]

# Whisper tiny.en hears this espeak-ng sentence right when given it as a file;
# this test is about the path from the microphone, not about accuracy (the
# word error rate tests cover that).
SENTENCE = "The river flows down the mountain towards the sea."


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def test_a_sentence_spoken_into_the_microphone_comes_out_as_text(virtual_mic, speak):
    availability = whisper_engine.WhisperRecogniser.availability()
    if not availability.available:
        pytest.skip(availability.reason)
    model = whisper_engine.WhisperRecogniser.load_model(None)
    recogniser = whisper_engine.WhisperRecogniser(model)
    wav = speak(SENTENCE)

    capture = Capture(MIC_DEVICE)
    capture.start()
    events, chunks = [], 0
    played = False
    # Half a second of room first, the sentence in real time, then 1.5 s of quiet
    # so the recogniser hears the phrase end.
    while True:
        event = capture.next_event(timeout=20)
        assert event is not None and not isinstance(event, (AudioError, Stopped)), event
        if not isinstance(event, AudioChunk):
            continue
        chunks += 1
        events += recogniser.accept(event.samples)
        if chunks == 5:
            duration = virtual_mic.play(wav)
            end_chunk = chunks + int(duration * 10) + 15
            played = True
        if played and chunks >= end_chunk:
            break
    capture.stop()
    for event in capture.events(timeout=10):
        if isinstance(event, AudioChunk):
            events += recogniser.accept(event.samples)
    events += recogniser.flush()

    assert not [e for e in events if isinstance(e, EngineError)]
    heard = " ".join(e.text for e in events if isinstance(e, Final))
    expected = _words(SENTENCE)
    found = set(_words(heard))
    assert np.mean([word in found for word in expected]) >= 0.75, heard
    assert {"river", "mountain", "sea"} <= found, heard
