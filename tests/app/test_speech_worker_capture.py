"""SpeechWorker.use_capture_factory: hear a file (or any capture) instead of the microphone.

The benchmark (app/bench_ui_child.py) gives the window's own worker a WAV
file at real-time pace through this public method; these tests use that very
``FileCapture`` with real espeak-ng speech, and the real microphone path.
"""

from __future__ import annotations

import numpy as np
import pytest

from app.bench_ui_child import FileCapture
from app.speech_worker import SpeechWorker
from speech.audio_files import decode_audio_file
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser


class KeepingRecogniser(ScriptedRecogniser):
    """Keeps every chunk it is fed."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[np.ndarray] = []

    def accept(self, chunk: np.ndarray):
        self.heard.append(np.array(chunk))
        return super().accept(chunk)


@pytest.fixture
def worker():
    recogniser = KeepingRecogniser()
    made = SpeechWorker(recogniser_factory=lambda: (recogniser, "Scripted engine", "scripted"),
                        device="Classroom microphone")
    made.recogniser = recogniser
    yield made
    made.shutdown()


def test_a_worker_made_for_the_microphone_hears_a_file_instead(qtbot, worker, speak):
    wav = speak("Please open your books at page twelve.")
    expected = decode_audio_file(wav)
    asked: list[str | None] = []

    def file_instead(device):
        asked.append(device)
        return FileCapture(wav)

    worker.use_capture_factory(file_instead)
    errors: list[str] = []
    worker.error.connect(errors.append)
    assert worker.start()
    qtbot.waitUntil(worker.is_listening, timeout=10_000)
    whole = len(expected) // 1600 + 1
    qtbot.waitUntil(lambda: len(worker.recogniser.heard) >= whole, timeout=30_000)
    worker.stop()
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)

    assert errors == []
    assert asked == ["Classroom microphone"]  # the chosen microphone is passed on
    heard = np.concatenate(worker.recogniser.heard)
    np.testing.assert_array_equal(heard[:len(expected)], expected)


@pytest.mark.pulse
def test_none_gives_the_real_microphone_back(qtbot, worker, pulse):
    rack = MicrophoneRack()
    worker.use_capture_factory(rack)
    worker.set_device("No such microphone here")
    errors: list[str] = []
    worker.error.connect(errors.append)
    assert worker.start()
    qtbot.waitUntil(worker.is_listening, timeout=10_000)
    rack.last.chunks(2)
    worker.stop()
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
    assert [m.device_request for m in rack.made] == ["No such microphone here"]

    worker.use_capture_factory(None)
    assert worker.start()
    # The real Capture looks for the device, finds none by that name, and says so.
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(lambda: not worker.is_busy(), timeout=10_000)
    assert len(rack.made) == 1
    assert "No such microphone here" in errors[0] and "not found" in errors[0]
