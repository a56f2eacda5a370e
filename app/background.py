"""Run one slow function on a daemon thread and get its result back on the GUI thread.

For work with no Qt in it (scanning the lesson library, asking the speech
engines what they can do): the GUI thread never waits, and the answer arrives
as a queued signal, so the callback runs on the GUI thread. Work that makes
Qt objects of its own (an export lays out a QTextDocument) runs on a QThread
instead (``qt_thread=True``): Qt's text layout starts timers, which a plain
Python thread has no event dispatcher for ("QBasicTimer::start: current
thread's event dispatcher has already been destroyed"). Such a thread belongs
to the application, not to the window that started it: a window that goes
meanwhile (the practice window closed, taking its reflection log with it)
would otherwise destroy a running QThread, and Qt ends the process for that
("QThread: Destroyed while thread is still running"). The thread ends by
itself; :func:`wait_for_qt_threads` lets the file be finished before the app
quits (app/shutdown.py).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread

from app import thread_relay


class Background(QObject):
    """Starts jobs; each job's ``on_done(result)`` or ``on_error(error)`` runs on the GUI thread.

    The callbacks stay here, on the GUI thread: the job's thread holds only
    ``work`` and a number (app/thread_relay.py), so it can never drop the
    last reference to a window and destroy it off the GUI thread. ``work``
    itself must hold no Qt object.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = thread_relay.register(self)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._qt_threads: dict[int, QThread] = {}
        self._jobs = itertools.count(1)
        self.running = 0

    def run(self, work: Callable[[], object], on_done: Callable[[object], None],
            on_error: Callable[[BaseException], None] | None = None, name: str = "work",
            *, qt_thread: bool = False) -> None:
        """Call ``work()`` on a daemon thread (a QThread with ``qt_thread``), then
        ``on_done`` (or ``on_error``) here."""
        self.running += 1
        job = next(self._jobs)
        self._callbacks[job] = (on_done, on_error)
        if qt_thread:
            thread = _QtThread(work, self._key, job)
            thread.setObjectName(name)
            thread.finished.connect(thread.deleteLater)  # Qt's own way to free a QThread
            self._qt_threads[job] = thread
            thread.start()
            return
        threading.Thread(target=_run, args=(work, self._key, job), name=name,
                         daemon=True).start()

    def _on_relayed(self, payload: tuple) -> None:
        job, succeeded, value = payload
        self.running -= 1
        thread = self._qt_threads.pop(job, None)
        if thread is not None:
            thread.wait()  # its last step was to post this: it is ending
        on_done, on_error = self._callbacks.pop(job)
        callback = on_done if succeeded else on_error
        if callback is not None:
            callback(value)


def _run(work: Callable[[], object], key: int, job: int) -> None:
    try:
        result = work()
    except Exception as error:  # noqa: BLE001 - handed to on_error on the GUI thread
        thread_relay.post(key, (job, False, error))
        return
    thread_relay.post(key, (job, True, result))


def wait_for_qt_threads() -> None:
    """Wait for every ``qt_thread`` job still running (the app is quitting: a file
    being written is finished, and no QThread is destroyed while it runs)."""
    app = QCoreApplication.instance()
    for thread in app.findChildren(_QtThread) if app is not None else ():
        thread.wait()


class _QtThread(QThread):
    """A QThread for ``work`` (with an event dispatcher, for the Qt objects it makes),
    owned by the application so that it outlives the window that started it."""

    def __init__(self, work: Callable[[], object], key: int, job: int) -> None:
        super().__init__(QCoreApplication.instance())
        self._work, self._key, self._job = work, key, job

    def run(self) -> None:  # noqa: D102 - QThread's
        _run(self._work, self._key, self._job)
