"""Keeping the pupil's dictation safe on disk without the GUI thread touching the disk.

A :class:`TranscriptAutosave` owns an ``app.transcript_store.TranscriptStore``
and one background thread that does every disk job in order: autosaves,
recovery, restoring or discarding recovered text, exports (.txt/.docx) and
the final "closed normally" mark. Results come back as Qt signals on the GUI
thread.

Two ways to save:

* ``changed(text)`` after a typed edit: a one-second QTimer gathers a burst of
  keystrokes into one write;
* ``save_now(text)`` after each recognised phrase: written at once, so a
  crash or SIGKILL loses at most the phrase being spoken.

Saves never queue up behind each other: a write always takes the newest text,
and a job that finds it already written does nothing.
"""

from __future__ import annotations

import atexit
import queue
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from app.transcript_export import ExportError, export_transcript
from app.transcript_store import TranscriptStore

DEFAULT_INTERVAL_MS = 1000
# How long the end of the process may wait for the last save (not the GUI thread:
# it runs from atexit, after the window has gone).
EXIT_WAIT_S = 5.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("TranscriptAutosave", text)


class TranscriptAutosave(QObject):
    """Throttled, crash-safe saving and recovery of one dictation transcript.

    Signals: ``saved(text)`` after a write; ``save_failed(message)`` when a
    write fails (once until a write works again); ``recovered(object)`` with a
    ``RecoveredTranscript`` or None after ``recover()``; ``restored(text)``
    after ``restore()``; ``exported(path)`` / ``export_failed(message)``
    after ``export()``.
    """

    saved = Signal(str)
    save_failed = Signal(str)
    recovered = Signal(object)
    restored = Signal(str)
    exported = Signal(str)
    export_failed = Signal(str)

    _relayed = Signal(object)

    def __init__(
        self,
        store: TranscriptStore | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._relayed.connect(self._on_relayed, Qt.ConnectionType.QueuedConnection)
        # Making a store touches no disk; its first save creates the folder.
        self._store = store if store is not None else TranscriptStore()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        self._pending: str | None = None  # changed, waiting for the timer
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._latest = ""
        self._version = 0  # bumped for every text handed to the disk thread
        self._written_version = 0
        self._written_text: str | None = None
        self._failing = False
        self._closed = False
        _LIVE.add(self)

    # ------------------------------------------------------------------ GUI thread

    def changed(self, text: str) -> None:
        """The text changed (typed): save it within ``interval_ms``."""
        if self._closed:
            return
        self._pending = text
        if not self._timer.isActive():
            self._timer.start()

    def save_now(self, text: str) -> None:
        """Save ``text`` straight away (after each recognised phrase)."""
        if self._closed:
            return
        self._timer.stop()
        self._pending = None
        self._hand_over(text)

    def flush(self) -> None:
        """Save a pending typed change now instead of waiting for the timer."""
        self._timer.stop()
        self._flush()

    def recover(self) -> None:
        """Look for text left by a session that did not close; ``recovered`` follows."""
        self._post(lambda: self._relay("recovered", self.store().recover()))

    def restore(self) -> None:
        """Take the recovered text into this session; ``restored(text)`` follows."""
        self._post(lambda: self._relay("restored", self.store().restore_recovered()))

    def discard(self) -> None:
        """Decline the recovered text (it stays in the kept history)."""
        self._post(lambda: self.store().discard_recovered())

    def export(self, text: str, path: str, fmt: str | None) -> None:
        """Save ``text`` as a .txt or .docx file; ``exported`` or ``export_failed`` follows."""
        def job() -> None:
            try:
                written = export_transcript(text, path, fmt)
            except ExportError as error:
                self._relay("export_failed", str(error))
                return
            self._relay("exported", str(written))

        self._post(job)

    def close(self) -> None:
        """Normal close: write what is pending, then mark the transcript finished.

        Returns at once; the end of the process waits (up to a few seconds,
        after the window has gone) for the disk thread to finish.
        """
        if self._closed:
            return
        self.flush()
        self._closed = True

        def finish() -> None:
            try:
                self.store().mark_closed()
            except OSError:
                pass  # the text is saved; only the "finished" mark is missing

        self._post(finish)

    def store(self) -> TranscriptStore:
        """The store; only the disk thread reads or writes through it."""
        return self._store

    def wait_until_idle(self, timeout: float) -> bool:
        """Block until every job posted so far is done (tests and process exit only)."""
        if self._thread is None:
            return True
        done = threading.Event()
        self._jobs.put(done.set)
        return done.wait(timeout)

    # ------------------------------------------------------------------ private

    @Slot()
    def _flush(self) -> None:
        if self._pending is not None:
            text, self._pending = self._pending, None
            self._hand_over(text)

    def _hand_over(self, text: str) -> None:
        with self._lock:
            if text == self._latest and self._version:
                return
            self._latest = text
            self._version += 1
        self._post(self._write_latest)

    def _post(self, job: Callable[[], None]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="transcript-disk", daemon=True)
            self._thread.start()
        self._jobs.put(job)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except Exception as error:  # noqa: BLE001 - keep the thread alive for the next save
                self._relay("save_failed", _tr("Your dictation could not be saved: {error}")
                            .format(error=error))

    def _write_latest(self) -> None:
        with self._lock:
            version, text = self._version, self._latest
        if version == self._written_version:
            return
        if not text and self._written_text is None:
            self._written_version = version  # nothing dictated yet: no file needed
            return
        try:
            self.store().save(text)
        except OSError as error:
            if not self._failing:
                self._failing = True
                self._relay("save_failed", str(error))
            return
        self._failing = False
        self._written_version = version
        self._written_text = text
        self._relay("saved", text)

    def _relay(self, kind: str, *args: object) -> None:
        try:
            self._relayed.emit((kind, args))
        except RuntimeError:
            pass  # deleted at exit: nobody is listening

    @Slot(object)
    def _on_relayed(self, message: tuple) -> None:
        kind, args = message
        getattr(self, kind).emit(*args)


_LIVE: weakref.WeakSet[TranscriptAutosave] = weakref.WeakSet()


@atexit.register
def _finish_disk_jobs() -> None:
    """At process exit, give the last saves and close marks time to reach the disk."""
    for autosave in list(_LIVE):
        try:
            autosave.wait_until_idle(EXIT_WAIT_S)
        except RuntimeError:
            pass


def transcript_file(autosave: TranscriptAutosave) -> Path:
    """Where the current session's transcript is written (for messages and tests)."""
    return autosave.store().path
