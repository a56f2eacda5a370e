"""When dictation is late enough to tell the pupil: lateness that lasts, not a moment's.

On a busy machine the engine falls behind the microphone. A
:class:`CatchingUp` watches a ``SpeechWorker``'s ``behind`` signal and says
``started`` once more than ``BEHIND_NOTICE_S`` of speech has waited for
``BEHIND_NOTICE_AFTER_MS``, and ``ended`` once less than a second waits, but
not before the message has been up for ``MIN_SHOWN_MS``.

Why the wait: each Final decode on a busy machine lets a few seconds pile up
that drain within a moment of it (measured in the soak harness, the app on
one core beside busy loops: about 3 s, gone in 0.1-1 s, every sentence).
Telling the pupil about those would flicker a message on and off, and a
screen reader would announce it, every sentence. Why the least time on show:
in the same harness, an engine hovering 3-5 s behind came in and out of it
every few seconds, so the message flashed up for 0.1-0.8 s at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QTimer, Signal, Slot

from app.speech_worker import SpeechWorker

BEHIND_NOTICE_S = 3.0
BEHIND_NOTICE_AFTER_MS = 2000
CAUGHT_UP_S = 1.0
MIN_SHOWN_MS = 4000


def catching_up_message() -> str:
    """What the pupil is told while the engine catches up."""
    return QCoreApplication.translate(
        "DictationController",
        "Catching up: the computer is busy, so your words will appear in a few seconds.")


class CatchingUp(QObject):
    """``started()`` when the worker is lastingly behind, ``ended()`` when it has caught up."""

    started = Signal()
    ended = Signal()

    def __init__(self, worker: SpeechWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.active = False  # between started and ended
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BEHIND_NOTICE_AFTER_MS)
        self._timer.timeout.connect(self._on_still_behind)
        self._shown = QElapsedTimer()  # since started
        self._end_timer = QTimer(self)  # caught up before MIN_SHOWN_MS: end then
        self._end_timer.setSingleShot(True)
        self._end_timer.timeout.connect(self._end_if_caught_up)
        worker.behind.connect(self._on_behind)

    @Slot(float)
    def _on_behind(self, seconds: float) -> None:
        if seconds >= BEHIND_NOTICE_S:
            self._end_timer.stop()
            if not self.active and not self._timer.isActive():
                self._timer.start()
        elif seconds < CAUGHT_UP_S:
            self._timer.stop()
            if self.active:
                self._end_timer.start(max(0, MIN_SHOWN_MS - self._shown.elapsed()))

    @Slot()
    def _end_if_caught_up(self) -> None:
        if self.active and self._worker.behind_seconds() < CAUGHT_UP_S:
            self.active = False
            self.ended.emit()

    @Slot()
    def _on_still_behind(self) -> None:
        # Only once the engine is loaded: speech said while it loads waits by design,
        # and "Getting speech recognition ready…" already says why.
        if self._worker.behind_seconds() >= BEHIND_NOTICE_S and self._worker.engine_key:
            self.active = True
            self._shown.start()
            self.started.emit()
