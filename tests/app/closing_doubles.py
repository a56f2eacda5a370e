"""A recogniser double for closing tests: its last phrase settles only at the end of the stream.

As a final Whisper decode does, ``flush`` takes a while (``delay_s``) before
it gives the last phrase; with ``release`` it does not end until that event
is set (a decode that never finishes). For controller tests only.
"""

from __future__ import annotations

import threading
import time

from tests.app.speech_doubles import ScriptedRecogniser


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
