"""Run one slow function on a daemon thread and get its result back on the GUI thread.

For work with no Qt in it (scanning the lesson library, asking the speech
engines what they can do): the GUI thread never waits, and the answer arrives
as a queued signal, so the callback runs on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class Background(QObject):
    """Starts jobs; each job's ``on_done(result)`` or ``on_error(error)`` runs on the GUI thread."""

    _finished = Signal(object, object)  # callback, argument

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._finished.connect(self._deliver)
        self.running = 0

    def run(self, work: Callable[[], object], on_done: Callable[[object], None],
            on_error: Callable[[BaseException], None] | None = None, name: str = "work") -> None:
        """Call ``work()`` on a daemon thread, then ``on_done`` (or ``on_error``) here."""
        self.running += 1

        def target() -> None:
            try:
                result = work()
            except Exception as error:  # noqa: BLE001 - handed to on_error on the GUI thread
                self._emit(on_error, error)
                return
            self._emit(on_done, result)

        threading.Thread(target=target, name=name, daemon=True).start()

    def _emit(self, callback, argument) -> None:
        try:
            self._finished.emit(callback, argument)
        except RuntimeError:  # the window closed while the job ran
            pass

    def _deliver(self, callback, argument) -> None:
        self.running -= 1
        if callback is not None:
            callback(argument)
