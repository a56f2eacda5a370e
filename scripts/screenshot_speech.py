"""What the screenshot scripts that run real Whisper share: speech, a queued microphone, waiting.

Used by scripts/screenshots_captions_behind.py and
scripts/screenshots_dictation_behind.py. espeak-ng speaks the sentences
(``spoken``); ``QueuedMicrophone`` hands all of that audio to the engine at
once, faster than real time, so the engine falls behind as it does on a busy
computer; ``wait_until`` runs the Qt event loop until the picture is ready.

The scripts put the repository on ``sys.path`` before importing this module.
"""

from __future__ import annotations

import queue
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEventLoop, QTimer

from speech.audio import AudioChunk, Stopped

CHUNK = 1600  # 100 ms at 16 kHz, as the real capture delivers it


def wait_until(condition: Callable[[], object], timeout_s: float = 180.0,
               failure: str = "Gave up waiting; try again.") -> None:
    """Run the event loop until ``condition()`` holds; exit with ``failure`` after ``timeout_s``."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: condition() and loop.quit())
    timer.start(20)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    if not condition():
        raise SystemExit(failure)


def pause(seconds: float) -> None:
    """Let the window system lay out and paint for ``seconds``."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class QueuedMicrophone:
    """A capture that hands the engine all the audio it is given at once, then waits to be stopped.

    It stands in for ``speech.audio.Capture`` (``capture_factory``): Xvfb has
    no sound card, and audio faster than real time is what makes the backlog.
    """

    def __init__(self, samples: np.ndarray) -> None:
        self.input_rate: float | None = None
        self._events: queue.SimpleQueue = queue.SimpleQueue()
        for start in range(0, len(samples), CHUNK):
            self._events.put(AudioChunk(samples[start:start + CHUNK]))

    def start(self) -> None:
        self.input_rate = 16_000.0

    def events(self):
        while (event := self._events.get()) is not None:
            yield event
        yield Stopped()

    def stop(self) -> None:
        self._events.put(None)

    def close(self) -> None:
        pass


def spoken(sentences: list[str]) -> np.ndarray:
    """The sentences in espeak-ng's British voice, 16 kHz, a second's pause after each."""
    from speech.audio_files import decode_audio_file

    pieces = []
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(sentences):
            wav = Path(folder) / f"{number}.wav"
            subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "150", "-w", str(wav), text],
                           check=True, capture_output=True)
            pieces += [decode_audio_file(wav), np.zeros(16_000, dtype=np.int16)]
    return np.concatenate(pieces).astype(np.int16)
