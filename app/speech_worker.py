"""Microphone to words off the GUI thread, reported as Qt signals.

Shared by dictation and live captions. The work happens on the threads of an
``app.speech_pipeline.SpeechPipeline`` (a capture thread per listening
session, one engine thread that owns the recogniser); this QObject is its
face on the GUI thread. The threads never hold it: they post through
``app.thread_relay``, and it re-emits what they report as the public signals
below, so whatever is connected to them runs on the GUI thread.

Nothing here joins or waits on a thread from the GUI thread: ``start()``
returns at once (the microphone opens on its own thread, the model loads on
the engine thread) and ``stop()`` only asks the capture to end; the words
still in flight arrive afterwards as a last ``final`` and then ``idle``.
Only closing waits for them, through ``stop_and_settle`` / ``wait_until_idle``
(a bounded local event loop, never a blocking join).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, SignalInstance

from app import thread_relay
from app.speech_pipeline import RecogniserFactory, SpeechPipeline, engine_display_name
from speech.audio import Capture
from speech.audio_devices import AudioDevice, input_devices
from speech.stt.loader import ModelLoader

__all__ = ["SpeechWorker", "engine_display_name"]

CaptureFactory = Callable[[str | None], Capture]


def _microphone(device: str | None) -> Capture:
    """The real microphone ``device`` (None: the default one)."""
    return Capture(device)


def key_words(words: Sequence[str]) -> list[str]:
    """A lesson's key words without the blank ones (a lesson file may leave one empty)."""
    return [w for w in words if str(w).strip()]


def worker_for(owner: QObject, worker: SpeechWorker | None, *, dictation: bool, engine: str,
               model_path: str | Path | None, microphone: str | None,
               vocabulary: Sequence[str]) -> SpeechWorker:
    """A controller's speech worker: ``worker`` if one is given, else a new one it owns.

    A given worker is set to ``microphone`` and the key words in
    ``vocabulary`` when they are given (tests and the screenshot scripts
    hand in workers with their own microphones).
    """
    words = key_words(vocabulary)
    if worker is None:
        return SpeechWorker(engine=engine, model_path=model_path, dictation=dictation,
                            device=microphone, vocabulary=words, parent=owner)
    if microphone:
        worker.set_device(microphone)
    if words:
        worker.set_vocabulary(words)
    return worker


class ListeningControls:
    """The controls every controller built on a SpeechWorker (``self.worker``) shares.

    Mixed into the dictation dock, the live captions and the lesson editor's
    dictation; each brings its own ``start``.
    """

    def stop(self) -> None:
        """Stop listening; the words still being recognised arrive when they settle."""
        self.worker.stop()

    def toggle(self) -> None:
        """Start when idle, stop when listening."""
        if self.worker.is_listening():
            self.stop()
        else:
            self.start()

    def is_listening(self) -> bool:
        """Whether the microphone is open."""
        return self.worker.is_listening()

    def set_vocabulary(self, words: Sequence[str]) -> None:
        """The lesson's key words, so the engine recognises them better."""
        self.worker.set_vocabulary(words)

    def set_engine(self, engine: str = "auto", model_path: str | Path | None = None) -> None:
        """Use another engine ("auto", "vosk", "whisper") or model; at once while listening."""
        self.worker.set_engine(engine, model_path)

    def preload(self) -> None:
        """Load the speech engine now, so the first Start is quick."""
        self.worker.preload()


class SpeechWorker(QObject):
    """Listens on a microphone and turns speech into text off the GUI thread.

    Signals (all emitted on the GUI thread):
        ``partial(text)`` words still being heard; ``final(text, words)`` a
        settled phrase with its ``Word`` timings (seconds from the start of the
        session); ``level(dbfs)`` about 20 times a second; ``error(message)``
        one plain sentence; ``listening_changed(bool)`` the microphone opened
        or closed; ``engine_ready(name)`` the engine is loaded;
        ``progress(message)`` while a model loads; ``idle()`` a session is
        over and its last words were delivered; ``microphones_found(list)`` of
        ``AudioDevice`` after ``list_microphones()``;
        ``vocabulary_unknown(list)`` key words the engine cannot use;
        ``model_replaced(message)`` the automatic choice's model would not load,
        so another is listening: one sentence saying so and where to put it
        right. ``error`` then carries the same sentence, so whatever shows
        problems shows this one too; a view that can tell "still listening"
        from "stopped" (the captions) listens for ``model_replaced`` first.
        ``behind(seconds)`` how much captured speech waits for the engine, in
        whole seconds, each time that changes (0 once it has caught up).

    ``engine`` is "auto", "vosk" or "whisper" (see ``speech.stt.choice``);
    ``dictation`` steers the engine towards spoken commands. ``device`` is a
    microphone name (or None for the default). ``recogniser_factory``,
    ``capture_factory`` and ``list_inputs`` replace the real engine,
    microphone and device list (controller tests).
    """

    partial = Signal(str)
    final = Signal(str, object)
    level = Signal(float)
    error = Signal(str)
    listening_changed = Signal(bool)
    engine_ready = Signal(str)
    progress = Signal(str)
    idle = Signal()
    microphones_found = Signal(object)
    vocabulary_unknown = Signal(object)
    model_replaced = Signal(str)
    behind = Signal(float)

    def __init__(
        self,
        *,
        engine: str = "auto",
        model_path: str | Path | None = None,
        dictation: bool = False,
        device: str | None = None,
        vocabulary: Sequence[str] = (),
        loader: ModelLoader | None = None,
        recogniser_factory: RecogniserFactory | None = None,
        capture_factory: CaptureFactory | None = None,
        list_inputs: Callable[[], list[AudioDevice]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        key = thread_relay.register(self)
        self._pipeline = SpeechPipeline(
            lambda kind, session, *args: thread_relay.post(key, (kind, session, args)),
            engine=engine, model_path=model_path, dictation=dictation,
            vocabulary=key_words(vocabulary), loader=loader,
            recogniser_factory=recogniser_factory)
        # A worker dropped without shutdown() still closes its microphone and ends its
        # threads. Not from ``destroyed`` as well: Qt emits that while Python frees the
        # worker, and a full test run crashed (segfault) in the call it made then.
        weakref.finalize(self, self._pipeline.quit)
        self._device = device or None
        self._engine_choice = (engine, str(model_path) if model_path else None)
        self._capture_factory = capture_factory or _microphone
        self._list_inputs = list_inputs or input_devices
        self._session = 0  # the newest session
        self._capturing = False  # a capture of the newest session is open or opening
        self._busy = False  # the engine has not finished the newest session
        self._listening = False
        self._restart = False  # start again once the current capture has closed
        self._stop_asked = 0  # the session whose capture was asked to stop
        self._closed = False
        self._shown = (0, "")  # (session, text) of the words shown but not yet settled
        self._given_up: set[int] = set()  # sessions whose shown words were settled as shown
        self._unwritten = 0.0  # speech left waiting when closing gave up on it
        self._behind = 0.0  # whole seconds of speech waiting for the engine, as last reported
        self.engine_key = ""  # "whisper", "vosk"... once the engine is ready
        self.engine_name = ""

    # ------------------------------------------------------------------ control (GUI thread)

    def start(self) -> bool:
        """Open the microphone and start recognising; False if it cannot start now.

        Returns at once. If the microphone is still closing from the last
        session, listening starts again as soon as it has closed.
        """
        if self._closed:
            return False
        if self._capturing:
            if self._stop_asked == self._session:
                self._restart = True
                return True
            return False
        self._session += 1
        self._capturing = True
        self._busy = True
        self._restart = False
        self._pipeline.begin(self._session, self._capture_factory(self._device))
        return True

    def stop(self) -> None:
        """Close the microphone; the words still being recognised follow as ``final``."""
        self._restart = False
        if self._pipeline.stop(self._session):
            self._stop_asked = self._session

    def is_listening(self) -> bool:
        """True from ``listening_changed(True)`` until ``listening_changed(False)``."""
        return self._listening

    def is_busy(self) -> bool:
        """True while a session is open or its last words are still being recognised."""
        return self._busy or self._capturing

    def set_device(self, device: str | None) -> None:
        """Use microphone ``device`` (a name, or None for the default) from the next start.

        While listening, the microphone is switched straight away.
        """
        device = device or None
        if device == self._device:
            return
        self._device = device
        if self._capturing and self._stop_asked != self._session:
            self.stop()
            self._restart = True

    def device(self) -> str | None:
        """The microphone asked for (None: the default one)."""
        return self._device

    def use_capture_factory(self, factory: CaptureFactory | None) -> None:
        """Hear what ``factory(device)`` captures from the next start (None: the microphone).

        ``factory`` makes an object with what the worker uses of
        ``speech.audio.Capture`` (``start``, ``events``, ``stop``, ``close``,
        ``input_rate``), e.g. one that plays a WAV file at real-time pace for
        a benchmark. A session already listening carries on with its own.
        """
        self._capture_factory = factory or _microphone

    def set_vocabulary(self, words: Sequence[str]) -> None:
        """Bias recognition towards a lesson's key words (empty: no bias); blanks are dropped."""
        self._pipeline.set_vocabulary(key_words(words))

    def set_engine(self, engine: str = "auto", model_path: str | Path | None = None) -> None:
        """Use another engine or model (loaded when it is first needed).

        While listening, the switch is made straight away, with the
        microphone left open: the words heard so far are finished by the
        engine that heard them, and what follows goes to the new one. The
        choice already in use changes nothing.
        """
        choice = (engine, str(model_path) if model_path else None)
        if choice == self._engine_choice:
            return
        self._engine_choice = choice
        self._pipeline.set_engine(engine, model_path)

    def preload(self) -> None:
        """Load the engine now, in the background, so the first start is quick."""
        if not self._closed:
            self._pipeline.preload()

    def list_microphones(self) -> None:
        """Look for microphones in the background; ``microphones_found`` follows."""
        self._pipeline.find_microphones(self._list_inputs)

    def session_started_at(self) -> float | None:
        """Wall-clock time (epoch seconds) when the newest session's microphone opened.

        Word times in ``final`` are seconds from this moment.
        """
        return self._pipeline.started_at(self._session)

    def wait_until_idle(self, timeout_s: float, until: SignalInstance | None = None) -> bool:
        """Wait up to ``timeout_s`` until the newest session has ended and its last words
        were delivered (``final``, then ``idle``); True when they were.

        For closing only (``stop()`` first). It runs a local event loop rather
        than blocking: the words arrive through it, and the window still paints.
        Input is held back meanwhile, so nothing new starts while it waits;
        with ``until`` (a signal that ends the wait early, e.g. a "Close now"
        button's) input is let through, for a modal dialog to take it.
        """
        if not self.is_busy():
            return True
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        if until is not None:
            until.connect(loop.quit)

        def settled(*_args) -> None:
            if not self.is_busy():
                loop.quit()

        # The capture's end and the engine's idle come from different threads, in either order.
        self.idle.connect(settled)
        self.listening_changed.connect(settled)
        try:
            timer.start(max(0, round(timeout_s * 1000)))
            loop.exec(QEventLoop.ProcessEventsFlag.AllEvents if until is not None
                      else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            timer.stop()
            self.idle.disconnect(settled)
            self.listening_changed.disconnect(settled)
            if until is not None:
                until.disconnect(loop.quit)
        return not self.is_busy()

    def stop_and_settle(self, timeout_s: float, until: SignalInstance | None = None) -> bool:
        """Close the microphone and wait up to ``timeout_s`` for the words already heard.

        For a window that is closing: the audio captured so far is recognised
        to its end (the end of the stream settles the last phrase), which
        arrives as ``final`` during the wait (``wait_until_idle``; ``until``
        ends it early). True when every word heard was delivered, and at once
        when nothing was heard. When the engine does not finish in time, the
        words last shown (``partial``) are delivered as ``final`` instead, and
        False returned; ``unwritten_seconds()`` then says how much speech was
        still waiting, which the engine will not write down.
        """
        if not self.is_busy():
            return True
        self.stop()
        if self.wait_until_idle(timeout_s, until):
            return True
        self._unwritten = self._pipeline.waiting_seconds()
        self._settle_as_shown()
        return False

    def waiting_seconds(self) -> float:
        """Seconds of captured speech waiting for the engine now (exact; ``behind`` is whole)."""
        return self._pipeline.waiting_seconds()

    def behind_seconds(self) -> float:
        """Whole seconds of speech waiting for the engine, as ``behind`` last said."""
        return self._behind

    def unwritten_seconds(self) -> float:
        """Speech still waiting when ``stop_and_settle`` gave up (0.0 when it did not)."""
        return self._unwritten

    def _settle_as_shown(self) -> None:
        """The engine is too slow to finish in time: the words on screen become ``final``.

        The pupil saw them, so they are kept rather than lost with the
        close. Anything the engine gives for that session afterwards is
        dropped, or those words would come twice.
        """
        session, text = self._shown
        self._shown = (0, "")
        if text.strip():
            self._given_up.add(session)
            self.final.emit(text, ())

    def shutdown(self) -> None:
        """Stop listening and let the threads end, without waiting for them."""
        self._restart = False
        self._closed = True
        self._pipeline.quit()

    # ------------------------------------------------------------------ from the threads

    def _on_relayed(self, message: tuple) -> None:
        kind, session, args = message
        current = session in (0, self._session)
        if session in self._given_up and kind in ("partial", "final"):
            return  # its words were settled as shown (``_settle_as_shown``)
        if kind == "partial" and current:
            self._shown = (session, args[0])
            self.partial.emit(args[0])
        elif kind == "final":
            if self._shown[0] == session:
                self._shown = (0, "")
            self.final.emit(args[0], args[1])  # an older session's last words still count
        elif kind == "level" and current and self._listening:
            self.level.emit(float(args[0]))
        elif kind == "error":
            self.error.emit(args[0])
        elif kind == "model_replaced":
            self.model_replaced.emit(args[0])
            self.error.emit(args[0])
        elif kind == "listening":
            self._on_listening(session, bool(args[0]))
        elif kind == "idle":
            if session == self._session:
                self._busy = False
                self.idle.emit()
        elif kind == "engine_ready":
            self.engine_name, self.engine_key = args[0], args[1]
            self.engine_ready.emit(args[0])
        elif kind == "progress":
            self.progress.emit(args[0])
        elif kind == "microphones":
            self.microphones_found.emit(list(args[0]))
        elif kind == "vocabulary_unknown":
            self.vocabulary_unknown.emit(list(args[0]))
        elif kind == "behind":
            self._behind = float(args[0])
            self.behind.emit(self._behind)

    def _on_listening(self, session: int, listening: bool) -> None:
        if listening:
            if session == self._session and self._capturing and not self._listening:
                self._listening = True
                self.listening_changed.emit(True)
            return
        self._pipeline.forget(session)
        if session != self._session:
            return
        self._capturing = False
        if self._restart and not self._closed:
            # Switching microphone: carry on listening on the new one.
            self._restart = False
            self.start()
            return
        # Also when the microphone never opened, so the panel shows it is off.
        self._listening = False
        self.listening_changed.emit(False)
