"""Microphone to words on background threads, reported as Qt signals.

Shared by dictation and live captions. Two kinds of thread do the work, and
the GUI thread only ever posts to them and receives signals back:

* a **capture thread** per listening session runs ``speech.audio.Capture``:
  its events are only enqueued (audio for the engine) or relayed (levels,
  errors), never processed there;
* one **engine thread** per worker owns the recogniser for its whole life. It
  loads the model through ``speech.stt.loader.shared_loader()`` (so dictation
  and captions share one model), feeds it the audio in order and relays its
  Partial, Final and EngineError events.

Everything the threads report goes through one queued signal to the worker on
the GUI thread, which re-emits it as the public signals below, so whatever
is connected to them runs on the GUI thread. Nothing here joins or waits on
a thread from the GUI thread; ``stop()`` only asks the capture to end, and the
words still in flight arrive afterwards as a final ``final``.

Speech said while the model is still loading is kept: the microphone opens
at once and its audio waits in the engine's queue until the model is ready.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from speech.audio import AudioChunk, AudioDevice, AudioError, Capture, Level, input_devices
from speech.stt.base import EngineError, Final, ModelLoadError, Partial, Recogniser
from speech.stt.loader import ModelLoader, shared_loader
from speech.stt.null_engine import NO_ENGINE_MESSAGE

#: Made on the engine thread: returns (recogniser, name to show, engine key).
RecogniserFactory = Callable[[], tuple[Recogniser, str, str]]
CaptureFactory = Callable[[str | None], Capture]


def _tr(text: str) -> str:
    # Not QObject.tr: worker threads call this too.
    return QCoreApplication.translate("SpeechWorker", text)


def engine_display_name(engine: type[Recogniser], path: Path | None) -> str:
    """A short name for the panel, such as "Whisper tiny.en (built in)"."""
    head = engine.description.split(":", 1)[0].strip() or engine.name
    default = engine.default_model_path()
    if path is None or (default is not None and Path(default).resolve() == Path(path).resolve()):
        built_in = engine.name == "whisper"
        return _tr("{name} (built in)").format(name=head) if built_in else head
    return f"{head} ({Path(path).name})"


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
        ``vocabulary_unknown(list)`` key words the engine cannot use.

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

    # The threads' only way back: one queued signal carrying (kind, session, args).
    _relayed = Signal(object)

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
        self._relayed.connect(self._on_relayed, Qt.ConnectionType.QueuedConnection)
        self._engine = engine
        self._model_path = model_path
        self._dictation = dictation
        self._device = device or None
        self._vocabulary = tuple(vocabulary)
        self._loader = loader
        self._recogniser_factory = recogniser_factory
        self._capture_factory = capture_factory or (lambda device: Capture(device))
        self._list_inputs = list_inputs or input_devices
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._engine_thread: threading.Thread | None = None
        self._lock = threading.Lock()  # guards _captures and _started_at
        self._captures: dict[int, Capture] = {}
        self._started_at: dict[int, float] = {}
        self._session = 0  # the newest session (GUI thread)
        self._capturing = False  # a capture of the newest session is open or opening
        self._busy = False  # the engine has not finished the newest session
        self._listening = False
        self._restart = False  # start again once the current capture has closed
        self._stop_asked = 0  # the session whose capture was asked to stop
        self._closed = False
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
        self._ensure_engine_thread()
        self._session += 1
        session = self._session
        capture = self._capture_factory(self._device)
        with self._lock:
            self._captures[session] = capture
        self._capturing = True
        self._busy = True
        self._restart = False
        self._inbox.put(("begin", session))
        threading.Thread(
            target=self._capture_loop, args=(session, capture),
            name=f"capture-{session}", daemon=True,  # never hold up closing the app
        ).start()
        return True

    def stop(self) -> None:
        """Close the microphone; the words still being recognised follow as ``final``."""
        self._restart = False
        with self._lock:
            capture = self._captures.get(self._session)
        if capture is not None:
            self._stop_asked = self._session
            capture.stop()  # any thread; returns at once

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

    def set_vocabulary(self, words: Sequence[str]) -> None:
        """Bias recognition towards a lesson's key words (empty: no bias)."""
        self._vocabulary = tuple(words)
        if self._engine_thread is not None:
            self._inbox.put(("vocabulary", tuple(words)))

    def set_engine(self, engine: str = "auto", model_path: str | Path | None = None) -> None:
        """Use another engine or model from the next start (loaded then)."""
        self._engine, self._model_path = engine, model_path
        if self._engine_thread is not None:
            self._inbox.put(("engine", engine, model_path))

    def preload(self) -> None:
        """Load the engine now, in the background, so the first start is quick."""
        if not self._closed:
            self._ensure_engine_thread()
            self._inbox.put(("load",))

    def list_microphones(self) -> None:
        """Look for microphones in the background; ``microphones_found`` follows."""
        threading.Thread(target=self._find_microphones, name="list-microphones",
                         daemon=True).start()

    def session_started_at(self) -> float | None:
        """Wall-clock time (epoch seconds) when the newest session's microphone opened.

        Word times in ``final`` are seconds from this moment.
        """
        with self._lock:
            return self._started_at.get(self._session)

    def shutdown(self) -> None:
        """Stop listening and let the threads end, without waiting for them."""
        self.stop()
        self._closed = True
        if self._engine_thread is not None:
            self._inbox.put(("quit",))

    # ------------------------------------------------------------------ capture thread

    def _capture_loop(self, session: int, capture: Capture) -> None:
        try:
            capture.start()
            if getattr(capture, "input_rate", None) is not None:  # the device opened
                with self._lock:
                    self._started_at[session] = time.time()
                self._relay("listening", session, True)
            for event in capture.events():
                if isinstance(event, AudioChunk):
                    self._inbox.put(("audio", session, event.samples))
                elif isinstance(event, Level):
                    self._relay("level", session, event.dbfs)
                elif isinstance(event, AudioError):
                    self._relay("error", session, event.message)
        except Exception as error:  # noqa: BLE001 - a driver fault must not kill the app
            self._relay("error", session,
                        _tr("The microphone stopped working: {error}").format(error=error))
        finally:
            try:
                capture.close()
            except Exception:  # noqa: BLE001, S110 - already closing; nothing to tell
                pass
            self._inbox.put(("end", session))
            self._relay("listening", session, False)

    # ------------------------------------------------------------------ engine thread

    def _ensure_engine_thread(self) -> None:
        if self._engine_thread is None:
            self._engine_thread = threading.Thread(
                target=self._engine_loop, name="speech-engine", daemon=True)
            self._engine_thread.start()

    def _engine_loop(self) -> None:
        recogniser: Recogniser | None = None
        active = 0  # the session being recognised; its audio is fed, other audio dropped
        while True:
            command = self._inbox.get()
            kind = command[0]
            if kind == "quit":
                return
            if kind == "begin":
                session = command[1]
                if recogniser is None:
                    recogniser = self._load(session)
                active = 0
                if recogniser is not None and self._run(session, recogniser.reset):
                    active = session
            elif kind == "audio":
                session, samples = command[1], command[2]
                if session == active and recogniser is not None:
                    if not self._deliver(session, lambda r=recogniser, s=samples: r.accept(s)):
                        active = 0
            elif kind == "end":
                session = command[1]
                if session == active and recogniser is not None:
                    self._deliver(session, recogniser.flush)
                    active = 0
                self._relay("idle", session)
            elif kind == "vocabulary":
                self._vocabulary = command[1]
                if recogniser is not None:
                    self._apply_vocabulary(recogniser, active, clear=True)
            elif kind == "engine":
                self._engine, self._model_path = command[1], command[2]
                recogniser, active = None, 0
            elif kind == "load" and recogniser is None:
                recogniser = self._load(0)

    def _load(self, session: int) -> Recogniser | None:
        """Load the engine (on the engine thread); report failure and stop the session."""
        self._relay("progress", session, _tr("Getting speech recognition ready…"))
        try:
            if self._recogniser_factory is not None:
                recogniser, name, key = self._recogniser_factory()
            else:
                recogniser, name, key = self._load_real()
        except (ModelLoadError, ValueError) as error:
            self._fail(session, str(error))
            return None
        except Exception as error:  # noqa: BLE001 - any engine fault becomes a message
            self._fail(session, _tr("Speech recognition could not start: {error}").format(
                error=error))
            return None
        self._relay("engine_ready", session, name, key)
        self._apply_vocabulary(recogniser, session)
        return recogniser

    def _load_real(self) -> tuple[Recogniser, str, str]:
        from speech.stt.choice import choose_engine
        from speech.stt.null_engine import NullRecogniser

        choice = choose_engine(self._engine, self._model_path)
        if choice.engine is NullRecogniser:
            raise ModelLoadError(NO_ENGINE_MESSAGE)
        loader = self._loader or shared_loader()
        future = loader.load(
            choice.engine, choice.model_path,
            on_progress=lambda message: self._relay("progress", 0, message))
        loaded = future.result()  # waits here, on the engine thread, never on the GUI
        recogniser = loaded.recogniser(dictation=self._dictation)
        return recogniser, engine_display_name(choice.engine, loaded.path), choice.engine.name

    def _apply_vocabulary(self, recogniser: Recogniser, session: int, clear: bool = False) -> None:
        """Give the engine the key words; ``clear`` also sends an empty list (no bias)."""
        words = list(self._vocabulary)
        if not words and not clear:
            return  # a fresh recogniser already listens for everything
        try:
            unknown = recogniser.set_vocabulary(words)
        except Exception as error:  # noqa: BLE001
            self._relay("error", session, _tr("The lesson's key words could not be used: "
                                              "{error}").format(error=error))
            return
        self._relay("vocabulary_unknown", session, list(unknown))

    def _deliver(self, session: int, step: Callable[[], list]) -> bool:
        """Run one engine step and relay its events; False if the session must end."""
        try:
            events = step()
        except Exception as error:  # noqa: BLE001 - engines report their own; this is a fault
            self._fail(session, _tr("Speech recognition stopped working: {error}").format(
                error=error))
            return False
        for event in events:
            if isinstance(event, Partial):
                self._relay("partial", session, event.text)
            elif isinstance(event, Final):
                self._relay("final", session, event.text, event.words)
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
        self._relay("error", session, message)
        with self._lock:
            capture = self._captures.get(session)
        if capture is not None:
            capture.stop()

    def _find_microphones(self) -> None:
        try:
            devices = self._list_inputs()
        except Exception:  # noqa: BLE001 - no sound system at all: no microphones
            devices = []
        self._relay("microphones", 0, devices)

    # ------------------------------------------------------------------ back on the GUI thread

    def _relay(self, kind: str, session: int, *args: object) -> None:
        try:
            self._relayed.emit((kind, session, args))
        except RuntimeError:
            pass  # the worker was deleted while this thread finished; nobody is listening

    @Slot(object)
    def _on_relayed(self, message: tuple) -> None:
        kind, session, args = message
        current = session in (0, self._session)
        if kind == "partial" and current:
            self.partial.emit(args[0])
        elif kind == "final":
            self.final.emit(args[0], args[1])  # an older session's last words still count
        elif kind == "level" and current and self._listening:
            self.level.emit(float(args[0]))
        elif kind == "error":
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

    def _on_listening(self, session: int, listening: bool) -> None:
        if listening:
            if session == self._session and self._capturing and not self._listening:
                self._listening = True
                self.listening_changed.emit(True)
            return
        with self._lock:
            self._captures.pop(session, None)
            self._started_at = {k: v for k, v in self._started_at.items() if k >= session}
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
