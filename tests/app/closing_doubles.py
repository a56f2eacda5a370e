"""Doubles for closing tests (controller tests only).

``SlowEndRecogniser``: its last phrase settles only at the end of the stream.
As a final Whisper decode does, ``flush`` takes a while (``delay_s``) before
it gives the last phrase; with ``release`` it does not end until that event
is set (a decode that never finishes).

``SpeakingMicrophone``: hears given speech, then stays open (the pupil has
not stopped), for the real engine.
"""

from __future__ import annotations

import threading
import time

import numpy as np

from speech.audio import AudioChunk
from tests.app.speech_doubles import ManualMicrophone, ScriptedRecogniser


class SlowEndRecogniser(ScriptedRecogniser):
    """Settles its last phrase only at the end of the stream, after ``delay_s``;
    with ``release`` given, not before that event is set."""

    def __init__(self, *args, delay_s: float = 0.0, release: threading.Event | None = None,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.delay_s = delay_s
        self.release = release
        self.flush_began = threading.Event()

    def flush(self):
        self.flush_began.set()
        if self.release is not None:
            self.release.wait()
        time.sleep(self.delay_s)
        return super().flush()


class SpeakingMicrophone(ManualMicrophone):
    """A capture double that hears the samples it is given and stays open after them."""

    def say(self, samples: np.ndarray) -> None:
        """Hear ``samples`` (16 kHz int16), in chunks of 100 ms, as fast as they are taken."""
        for start in range(0, len(samples), 1600):
            self._events.put(AudioChunk(samples[start:start + 1600]))
