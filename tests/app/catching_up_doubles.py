"""Doubles for the catching-up and closing tests (controller tests only).

``SlowRecogniser``: slow like Whisper on a busy machine, with partial results
only while its ``partials`` flag is on, as the real engines do.
``press_close_now``: presses "Close now" in the closing window once it shows.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.last_words import LastWordsDialog
from speech.stt.base import Final, Partial
from tests.app.speech_doubles import ScriptedRecogniser


class SlowRecogniser(ScriptedRecogniser):
    """Takes ``delay_s`` a chunk; a Final every ``final_every`` chunks; partials only when on.

    ``gate`` holds the first chunk back until the test has queued its audio;
    ``stuck_at`` makes chunk number ``stuck_at`` wait for ``release`` (an
    engine that has fallen hopelessly behind).
    """

    def __init__(self, *, delay_s: float = 0.0, final_every: int = 20,
                 gate: threading.Event | None = None, stuck_at: int = 0,
                 release: threading.Event | None = None, at_flush=()) -> None:
        super().__init__(at_flush=at_flush)
        self.partials = True
        self.delay_s = delay_s
        self.final_every = final_every
        self.gate = gate
        self.stuck_at = stuck_at
        self.release = release
        self.partials_on: list[bool] = []  # the flag at each chunk
        self.lock = threading.Lock()

    def accept(self, chunk):
        if self.gate is not None:
            self.gate.wait()
        with self.lock:
            self.fed += 1
            number = self.fed
            self.partials_on.append(self.partials)
        if number == self.stuck_at and self.release is not None:
            self.release.wait()
        time.sleep(self.delay_s)
        if number % self.final_every == 0:
            return [Final(f"phrase {number // self.final_every}")]
        return [Partial(f"words at {number}")] if self.partials else []


def press_close_now(seen: list[str]) -> None:
    """Once the closing window shows, note what it says in ``seen`` and press Close now."""

    def press() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, LastWordsDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, press)
            return
        seen.append(dialogs[0].text())
        dialogs[0].close_button.click()

    QTimer.singleShot(50, press)
