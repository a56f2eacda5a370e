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

When a write fails (a full or read-only disk) ``save_failed`` says so once,
and the disk thread tries the newest text again every ``RETRY_S`` seconds
on its own, so once room is made the text is safe again without the pupil
having to type or say another word; ``saved`` then follows.
"""

from __future__ import annotations

import atexit
import queue
import threading
import time
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from app import thread_relay
from app.transcript_export import ExportError, export_transcript
from app.transcript_store import TranscriptStore

DEFAULT_INTERVAL_MS = 1000
# How long the end of the process may wait for the last save (not the GUI thread:
# it runs from atexit, after the window has gone).
EXIT_WAIT_S = 5.0
# How often a failed write is tried again while nothing new comes to write.
RETRY_S = 5.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("TranscriptAutosave", text)


class _Disk:
    """The disk thread and everything it touches (plain Python: it never holds a QObject)."""

    def __init__(self, store: TranscriptStore, post: Callable[..., None],
                 retry_s: float = RETRY_S) -> None:
        self.store = store
        self.retry_s = retry_s
        self._post = post
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._latest = ""
        self._version = 0  # bumped for every text handed over
        self._written_version = 0
        self._written_text: str | None = None
        self._failing = False
        self._ended = False

    def submit(self, job: Callable[[], None]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="transcript-disk", daemon=True)
            self._thread.start()
            _LIVE.add(self)
        self._jobs.put(job)

    def hand_over(self, text: str) -> None:
        """Make ``text`` the newest text to write, and ask for a write."""
        with self._lock:
            if text == self._latest and self._version:
                return
            self._latest = text
            self._version += 1
        self.submit(self.write_latest)

    def write_latest(self) -> None:
        with self._lock:
            version, text = self._version, self._latest
        if version == self._written_version:
            return
        if not text and self._written_text is None:
            self._written_version = version  # nothing dictated yet: no file needed
            return
        try:
            self.store.save(text)
        except OSError as error:
            self._failed(error)
            return
        self._failing = False
        self._written_version = version
        self._written_text = text
        self._post("saved", text)

    def recover(self) -> None:
        self._post("recovered", self.store.recover())

    def _failed(self, error: OSError) -> None:
        """Say once that writing fails (until a write works again); retries follow."""
        if not self._failing:
            self._failing = True
            self._post("save_failed", str(error))

    def restore(self) -> None:
        try:
            text = self.store.restore_recovered()
        except OSError as error:
            # The text is in the panel, and its old file is not marked finished, so
            # it is offered again next time if it cannot be saved in the meantime.
            self._failed(error)
            return
        self._post("restored", text)

    def discard(self) -> None:
        try:
            self.store.discard_recovered()
        except OSError:
            pass  # not marked finished: the text is offered again next time, nothing lost

    def export(self, text: str, path: str, fmt: str | None) -> None:
        try:
            written = export_transcript(text, path, fmt)
        except ExportError as error:
            self._post("export_failed", str(error))
            return
        self._post("exported", str(written))

    def close(self) -> None:
        try:
            self.store.mark_closed()
        except OSError:
            pass  # the text is saved; only the "finished" mark is missing
        raise _Quit

    def wait_until_idle(self, timeout: float) -> bool:
        waiter = _Waiter()
        with self._lock:
            if self._thread is None or self._ended:
                return True
            self._jobs.put(waiter)
        return waiter.done.wait(timeout)

    def _run(self) -> None:
        while True:
            try:
                # While writing fails, try the newest text again now and then.
                job = self._jobs.get(timeout=self.retry_s if self._failing else None)
            except queue.Empty:
                job = self.write_latest
            try:
                job()
            except _Quit:
                with self._lock:
                    self._ended = True
                self._release_waiters()
                return
            except Exception as error:  # noqa: BLE001 - keep the thread alive for the next save
                self._post("save_failed", _tr("Your dictation could not be saved: {error}")
                           .format(error=error))


    def _release_waiters(self) -> None:
        """After the last job: let anyone waiting for the thread carry on."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if isinstance(job, _Waiter):
                job()


class _Waiter:
    """A job that only says "everything before me is done"."""

    def __init__(self) -> None:
        self.done = threading.Event()

    def __call__(self) -> None:
        self.done.set()


class _Quit(Exception):
    """Ends the disk thread after its last job."""


def _end_thread() -> None:
    raise _Quit


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

    def __init__(
        self,
        store: TranscriptStore | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        retry_s: float = RETRY_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        key = thread_relay.register(self)
        # Making a store touches no disk; its first save creates the folder.
        self._disk = _Disk(store if store is not None else TranscriptStore(),
                           lambda kind, *args: thread_relay.post(key, (kind, args)),
                           retry_s)
        # Dropped without close() (like a crash): the text stays offered; the thread
        # ends. Not from ``destroyed`` as well: Qt emits that while Python frees the
        # object, and a call into Python from there crashed a test run.
        weakref.finalize(self, self._disk.submit, _end_thread)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        self._pending: str | None = None  # changed, waiting for the timer
        self._closed = False

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
        self._disk.hand_over(text)

    def flush(self) -> None:
        """Save a pending typed change now instead of waiting for the timer."""
        self._timer.stop()
        self._flush()

    def recover(self) -> None:
        """Look for text left by a session that did not close; ``recovered`` follows."""
        self._disk.submit(self._disk.recover)

    def restore(self) -> None:
        """Take the recovered text into this session; ``restored(text)`` follows."""
        self._disk.submit(self._disk.restore)

    def discard(self) -> None:
        """Decline the recovered text (it stays in the kept history)."""
        self._disk.submit(self._disk.discard)

    def export(self, text: str, path: str, fmt: str | None) -> None:
        """Save ``text`` as a .txt or .docx file; ``exported`` or ``export_failed`` follows."""
        disk = self._disk
        disk.submit(lambda: disk.export(text, path, fmt))

    def close(self, finished: bool = True) -> None:
        """Normal close: write what is pending, then mark the transcript finished.

        With ``finished`` False (speech was left unwritten at the close) the
        text is written but not marked finished, so the next start offers it
        back (``recover``) instead of filing it away unannounced.

        Returns at once; the end of the process waits (up to a few seconds,
        after the window has gone) for the disk thread to finish.
        """
        if self._closed:
            return
        self.flush()
        self._closed = True
        self._disk.submit(self._disk.close if finished else _end_thread)

    def store(self) -> TranscriptStore:
        """The store; only the disk thread reads or writes through it."""
        return self._disk.store

    def wait_until_idle(self, timeout: float) -> bool:
        """Block until every job posted so far is done (tests and process exit only)."""
        return self._disk.wait_until_idle(timeout)

    # ------------------------------------------------------------------ private

    @Slot()
    def _flush(self) -> None:
        if self._pending is not None:
            text, self._pending = self._pending, None
            self._disk.hand_over(text)

    def _on_relayed(self, message: tuple) -> None:
        kind, args = message
        getattr(self, kind).emit(*args)


_LIVE: weakref.WeakSet[_Disk] = weakref.WeakSet()


def finish_saving(timeout: float = EXIT_WAIT_S) -> bool:
    """Wait, up to ``timeout`` seconds in all, for every autosave's writes and close marks.

    True when all are on disk. For the end of the process (``app.shutdown``),
    which may end it without running the exit hook below.
    """
    deadline = time.monotonic() + timeout
    done = [disk.wait_until_idle(max(0.0, deadline - time.monotonic())) for disk in list(_LIVE)]
    return all(done)


@atexit.register
def _finish_disk_jobs() -> None:
    """At process exit, give the last saves and close marks time to reach the disk."""
    for disk in list(_LIVE):
        disk.wait_until_idle(EXIT_WAIT_S)
