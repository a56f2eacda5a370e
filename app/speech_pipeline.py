"""The threads behind a SpeechWorker: microphone capture and the engine that owns the recogniser.

Plain Python, no QObject: the threads hold only this object, never a Qt
object, and report through a ``post(kind, session, *args)`` callable that
the worker gives (see ``app.thread_relay``).

* A **capture thread** per listening session runs ``speech.audio.Capture``:
  audio chunks are only enqueued for the engine; levels and errors are posted.
* One **engine thread** owns the recogniser for its whole life. It loads the
  model through ``speech.stt.loader.shared_loader()`` (dictation and captions
  share one model), feeds the audio in order and posts Partial, Final and
  EngineError events. Audio that arrives while the model loads waits in the
  queue, so speech said during loading is recognised once it is ready.

On a busy machine the engine can fall behind the microphone. The pipeline
counts the audio waiting for it and reports that as ``behind`` (whole
seconds, whenever it changes), and while more than ``CATCH_UP_START_S`` waits
it switches the recogniser's partial results off until it has caught up
(``_pace``): the Finals alone keep up far better, and a partial of old audio
is stale anyway.

The automatic choice falls back when its model will not load
(``speech.stt.fallback``): a damaged Vosk model gives way to the next one, in
the end the built-in Whisper model, and ``model_replaced`` says so once per
load (after ``engine_ready``). A model the teacher chose is not replaced: its
``error`` says how to carry on (``app.speech_fallback``).
"""

from __future__ import annotations

import atexit
import queue
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from speech.audio import AudioChunk, AudioError, Capture, Level
from speech.audio_devices import AudioDevice
from speech.stt.base import EngineError, Final, ModelLoadError, Partial, Recogniser
from speech.stt.loader import ModelLoader, shared_loader
from speech.stt.model_names import engine_display_name
from speech.stt.null_engine import NO_ENGINE_MESSAGE

#: Made on the engine thread: returns (recogniser, name to show, engine key).
RecogniserFactory = Callable[[], tuple[Recogniser, str, str]]
Post = Callable[..., None]
# How long the end of the process waits for microphones and the engine to stop
# (after the window has gone): a thread still inside PortAudio or Whisper when
# the interpreter tears down can crash the process on its way out.
EXIT_WAIT_S = 5.0
# Catching up. When more than CATCH_UP_START_S of captured audio waits for the
# engine, partial results are switched off (on a recogniser with a ``partials``
# flag) until less than CATCH_UP_END_S waits: a partial is re-decoded audio the
# Final corrects moments later, so behind it is pure cost, and its words are
# stale anyway. Vosk's partials are cheap, but it only falls this far behind on
# a machine that needs every saving. The gap between the two stops flapping.
CATCH_UP_START_S = 2.0
CATCH_UP_END_S = 0.5
SAMPLE_RATE = 16_000  # Capture delivers 16 kHz mono int16


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeechWorker", text)


class SpeechPipeline:
    """Capture threads and the engine thread for one SpeechWorker."""

    def __init__(
        self,
        post: Post,
        *,
        engine: str,
        model_path: str | Path | None,
        dictation: bool,
        vocabulary: Sequence[str],
        loader: ModelLoader | None,
        recogniser_factory: RecogniserFactory | None,
    ) -> None:
        self._post = post
        self._engine = engine
        self._model_path = model_path
        self._dictation = dictation
        self._vocabulary = tuple(vocabulary)
        self._loader = loader
        self._factory = recogniser_factory
        self._replaced = ""  # what the last load says about a model passed over
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._engine_thread: threading.Thread | None = None
        self._lock = threading.Lock()  # guards _captures and _started_at
        self._captures: dict[int, Capture] = {}
        self._started_at: dict[int, float] = {}
        self._threads: list[threading.Thread] = []
        self._quitting = threading.Event()
        # Audio queued for the engine and not yet taken (samples), and the whole
        # seconds of it last reported ("behind"); guarded by _backlog_lock.
        self._backlog_lock = threading.Lock()
        self._waiting = 0
        self._reported = 0
        self._catching_up = False  # engine thread only
        self._paused: Recogniser | None = None  # whose partials this pipeline switched off
        _PIPELINES.add(self)

    # ------------------------------------------------------------------ from the GUI thread

    def begin(self, session: int, capture: Capture) -> None:
        """Start a listening session on ``capture`` (it is opened on its own thread)."""
        self._ensure_engine_thread()
        with self._lock:
            self._captures[session] = capture
        self._inbox.put(("begin", session))
        self._spawn(self._capture_loop, f"capture-{session}", session, capture)

    def stop(self, session: int) -> bool:
        """Ask the session's microphone to close; False if it is already gone."""
        with self._lock:
            capture = self._captures.get(session)
        if capture is None:
            return False
        capture.stop()  # any thread; returns at once
        return True

    def forget(self, session: int) -> None:
        """The session's capture has ended: drop it (and older start times)."""
        with self._lock:
            self._captures.pop(session, None)
            self._started_at = {k: v for k, v in self._started_at.items() if k >= session}

    def started_at(self, session: int) -> float | None:
        """Wall-clock time (epoch seconds) when the session's microphone opened."""
        with self._lock:
            return self._started_at.get(session)

    def waiting_seconds(self) -> float:
        """Seconds of captured audio waiting for the engine (any thread)."""
        with self._backlog_lock:
            return self._waiting / SAMPLE_RATE

    def set_vocabulary(self, words: Sequence[str]) -> None:
        if self._engine_thread is None:
            self._vocabulary = tuple(words)
        else:
            self._inbox.put(("vocabulary", tuple(words)))

    def set_engine(self, engine: str, model_path: str | Path | None) -> None:
        if self._engine_thread is None:
            self._engine, self._model_path = engine, model_path
        else:
            self._inbox.put(("engine", engine, model_path))

    def preload(self) -> None:
        self._ensure_engine_thread()
        self._inbox.put(("load",))

    def find_microphones(self, list_inputs: Callable[[], list[AudioDevice]]) -> None:
        def find() -> None:
            try:
                devices = list_inputs()
            except Exception:  # noqa: BLE001 - no sound system at all: no microphones
                devices = []
            self._post("microphones", 0, devices)

        self._spawn(find, "list-microphones")

    def quit(self) -> None:
        """Close every microphone and end the engine thread; waits for nothing."""
        self._quitting.set()
        with self._lock:
            captures = list(self._captures.values())
        for capture in captures:
            capture.stop()
        if self._engine_thread is not None:
            self._inbox.put(("quit",))

    def wait_for_threads(self, deadline: float) -> None:
        """Join this pipeline's threads until ``deadline`` (process exit only)."""
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def running_threads(self) -> list[threading.Thread]:
        """This pipeline's threads that have not ended yet."""
        with self._lock:
            return [thread for thread in self._threads if thread.is_alive()]

    def _spawn(self, target: Callable, name: str, *args: object) -> threading.Thread:
        # Daemon: a stuck driver never keeps the app open; the exit hook below
        # still gives every thread a few seconds to finish cleanly.
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return thread

    # ------------------------------------------------------------------ capture thread

    def _capture_loop(self, session: int, capture: Capture) -> None:
        try:
            capture.start()
            if getattr(capture, "input_rate", None) is not None:  # the device opened
                with self._lock:
                    self._started_at[session] = time.time()
                self._post("listening", session, True)
            for event in capture.events():
                if isinstance(event, AudioChunk):
                    self._count_waiting(event.samples.size)
                    self._inbox.put(("audio", session, event.samples))
                elif isinstance(event, Level):
                    self._post("level", session, event.dbfs)
                elif isinstance(event, AudioError):
                    self._post("error", session, event.message)
        except Exception as error:  # noqa: BLE001 - a driver fault must not kill the app
            self._post("error", session,
                       _tr("The microphone stopped working: {error}").format(error=error))
        finally:
            try:
                capture.close()
            except Exception:  # noqa: BLE001, S110 - already closing; nothing to tell
                pass
            self._inbox.put(("end", session))
            self._post("listening", session, False)

    # ------------------------------------------------------------------ engine thread

    def _ensure_engine_thread(self) -> None:
        if self._engine_thread is None:
            self._engine_thread = self._spawn(self._engine_loop, "speech-engine")

    def _engine_loop(self) -> None:
        recogniser: Recogniser | None = None
        active = 0  # the session being recognised; its audio is fed, other audio dropped
        while True:
            command = self._inbox.get()
            kind = command[0]
            if kind == "quit" or self._quitting.is_set():
                return  # closing: no more decoding, whatever is queued
            if kind == "begin":
                session = command[1]
                if recogniser is None:
                    recogniser = self._load(session)
                active = 0
                if recogniser is not None and self._run(session, recogniser.reset):
                    active = session
            elif kind == "audio":
                session, samples = command[1], command[2]
                self._count_waiting(-samples.size)
                if session == active and recogniser is not None:
                    self._pace(recogniser)
                    if not self._deliver(session, lambda r=recogniser, s=samples: r.accept(s)):
                        active = 0
            elif kind == "end":
                session = command[1]
                if session == active and recogniser is not None:
                    self._deliver(session, recogniser.flush)
                    active = 0
                self._post("idle", session)
            elif kind == "vocabulary":
                self._vocabulary = command[1]
                if recogniser is not None:
                    self._apply_vocabulary(recogniser, active, clear=True)
            elif kind == "engine":
                self._engine, self._model_path = command[1], command[2]
                if active and recogniser is not None:
                    # Mid-session: what was heard so far is finished by the engine
                    # that heard it; the audio queued behind this goes to the new
                    # one, and the microphone never closes, so nothing is lost.
                    self._deliver(active, recogniser.flush)
                    recogniser = self._load(active)
                    if recogniser is None or not self._run(active, recogniser.reset):
                        active = 0
                else:
                    recogniser = None  # loaded when it is next needed
            elif kind == "load" and recogniser is None:
                recogniser = self._load(0)

    # ------------------------------------------------------------------ catching up

    def _count_waiting(self, samples: int) -> None:
        """Add ``samples`` to the audio waiting (negative: taken); report whole-second changes.

        Called from the capture thread (audio in) and the engine thread (audio
        taken), so "behind" also rises while the engine is inside a long decode.
        """
        with self._backlog_lock:
            self._waiting = max(0, self._waiting + samples)
            seconds = self._waiting // SAMPLE_RATE
            if seconds == self._reported:
                return
            self._reported = seconds
        self._post("behind", 0, float(seconds))

    def _pace(self, recogniser: Recogniser) -> None:
        """Switch partial results off while the engine is far behind, back on once caught up."""
        waiting = self.waiting_seconds()
        if waiting > CATCH_UP_START_S:
            self._catching_up = True
        elif waiting < CATCH_UP_END_S:
            self._catching_up = False
        if self._catching_up and self._paused is not recogniser:
            self._resume_partials()
            if getattr(recogniser, "partials", False) is True:
                recogniser.partials = False
                self._paused = recogniser
        elif not self._catching_up:
            self._resume_partials()

    def _resume_partials(self) -> None:
        if self._paused is not None:
            self._paused.partials = True
            self._paused = None

    def _load(self, session: int) -> Recogniser | None:
        """Load the engine; on failure say why and close the session's microphone."""
        self._post("progress", session, _tr("Getting speech recognition ready…"))
        self._replaced = ""
        try:
            if self._factory is not None:
                recogniser, name, key = self._factory()
            else:
                recogniser, name, key = self._load_real()
        except (ModelLoadError, ValueError) as error:
            self._fail(session, str(error))
            return None
        except Exception as error:  # noqa: BLE001 - any engine fault becomes a message
            self._fail(session, _tr("Speech recognition could not start: {error}").format(
                error=error))
            return None
        self._post("engine_ready", session, name, key)
        if self._replaced:
            # After engine_ready, so the sentence is not replaced by "ready".
            self._post("model_replaced", session, self._replaced)
        self._apply_vocabulary(recogniser, session)
        return recogniser

    def _load_real(self) -> tuple[Recogniser, str, str]:
        from app.speech_fallback import (
            chosen_model_failed_message,
            engine_unavailable_message,
            replaced_message,
        )
        from speech.stt.choice import EngineUnavailable, choose_engine
        from speech.stt.fallback import is_automatic, load_speech_model
        from speech.stt.null_engine import NullRecogniser

        try:
            # Waits here, on the engine thread, never on the GUI.
            outcome = load_speech_model(
                self._engine, self._model_path, loader=self._loader or shared_loader(),
                on_progress=lambda message: self._post("progress", 0, message))
        except EngineUnavailable as error:
            raise ModelLoadError(engine_unavailable_message(error)) from error
        except ModelLoadError as error:
            if is_automatic(self._engine, self._model_path):
                raise
            choice = choose_engine(self._engine, self._model_path)
            raise ModelLoadError(chosen_model_failed_message(
                error, choice.engine, choice.model_path or choice.engine.default_model_path())
            ) from error
        loaded = outcome.loaded
        if loaded.engine is NullRecogniser:
            raise ModelLoadError(NO_ENGINE_MESSAGE)
        recogniser = loaded.recogniser(dictation=self._dictation)
        self._replaced = replaced_message(outcome)
        return recogniser, engine_display_name(loaded.engine, loaded.path), loaded.engine.name

    def _apply_vocabulary(self, recogniser: Recogniser, session: int, clear: bool = False) -> None:
        """Give the engine the key words; ``clear`` also sends an empty list (no bias)."""
        words = list(self._vocabulary)
        if not words and not clear:
            return  # a fresh recogniser already listens for everything
        try:
            unknown = recogniser.set_vocabulary(words)
        except Exception as error:  # noqa: BLE001
            self._post("error", session, _tr("The lesson's key words could not be used: "
                                             "{error}").format(error=error))
            return
        self._post("vocabulary_unknown", session, list(unknown))

    def _deliver(self, session: int, step: Callable[[], list]) -> bool:
        """Run one engine step and post its events; False if the session must end."""
        try:
            events = step()
        except Exception as error:  # noqa: BLE001 - engines report their own; this is a fault
            self._fail(session, _tr("Speech recognition stopped working: {error}").format(
                error=error))
            return False
        for event in events:
            if isinstance(event, Partial):
                self._post("partial", session, event.text)
            elif isinstance(event, Final):
                self._post("final", session, event.text, event.words)
            elif isinstance(event, EngineError):
                self._fail(session, event.message)
                return False
        return True

    def _run(self, session: int, step: Callable[[], object]) -> bool:
        try:
            step()
        except Exception as error:  # noqa: BLE001
            self._fail(session, _tr("Speech recognition stopped working: {error}").format(
                error=error))
            return False
        return True

    def _fail(self, session: int, message: str) -> None:
        """Report ``message`` and close the session's microphone (its audio is dropped)."""
        self._post("error", session, message)
        self.stop(session)


_PIPELINES: weakref.WeakSet[SpeechPipeline] = weakref.WeakSet()


def wind_down(timeout: float = EXIT_WAIT_S) -> list[threading.Thread]:
    """Close every microphone, stop every engine, and wait up to ``timeout`` for their threads.

    Returns the threads still running: an engine inside a decode cannot be
    interrupted (``app.shutdown`` then ends the process without teardown).
    """
    pipelines = list(_PIPELINES)
    deadline = time.monotonic() + timeout
    for pipeline in pipelines:
        pipeline.quit()
    for pipeline in pipelines:
        pipeline.wait_for_threads(deadline)
    return [thread for pipeline in pipelines for thread in pipeline.running_threads()]


def _wind_down() -> None:
    """At process exit: close microphones, stop engines, wait a little for their threads."""
    wind_down(EXIT_WAIT_S)


# Before PortAudio's own exit handler (sounddevice registers one with atexit
# when it is first imported, on a worker thread): threading's exit hooks run
# before any atexit handler. Python without that hook falls back to atexit.
_register = getattr(threading, "_register_atexit", None)
if _register is not None:
    _register(_wind_down)
else:  # pragma: no cover - other Pythons
    atexit.register(_wind_down)
