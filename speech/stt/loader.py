"""Loading speech models off the caller's thread, once per model and process.

Loading takes seconds (2 s for a small Vosk model, about 1 s for Whisper
tiny.en plus its checksum the first time), so the GUI thread never does it:
:meth:`ModelLoader.load` returns a ``concurrent.futures.Future`` at once and
loads on a daemon thread. Every request for the same engine and model folder
shares one load and one model object, even when two arrive together.

    loader = shared_loader()
    future = loader.load("whisper", on_ready=..., on_error=..., on_progress=...)
    recogniser = future.result().recogniser(vocabulary=["photosynthesis"])

A load that failed is tried again when asked for again (the teacher may have
put the files right), but it is also remembered, with the state of the
model's files at the time: :meth:`ModelLoader.failure` tells the automatic
choice (``speech.stt.fallback``) to pass over that model without loading it
again, until its files change.

Before a Vosk model is first loaded, it is tried in a child process unless
a trial already passed for the same files (``speech.stt.vosk_trial``): a
model that loads and then crashes the engine on its first decode fails
here, as a ``DamagedModelError``, instead of taking the app down at a
pupil's first word. Whisper is loaded as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from speech.stt.base import ModelLoadError, Recogniser
from speech.stt.folder_state import files_state


@dataclass(frozen=True)
class LoadedModel:
    """A model ready to use: make as many recognisers from it as there are streams."""

    engine: type[Recogniser]
    path: Path | None
    model: Any

    def recogniser(
        self, *, vocabulary: Sequence[str] = (), dictation: bool = False, partials: bool = True
    ) -> Recogniser:
        """A new streaming recogniser sharing this model (cheap)."""
        return self.engine(  # type: ignore[call-arg]
            self.model, vocabulary=vocabulary, dictation=dictation, partials=partials
        )


class ModelLoader:
    """Loads models on background threads and keeps each one for the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._futures: dict[tuple[str, str], Future[LoadedModel]] = {}
        # Failed loads: key -> (the model's files when it failed, the error).
        self._failed: dict[tuple[str, str], tuple[tuple, BaseException]] = {}
        self.loads_started = 0  # how many real loads ran (tests check sharing)

    def load(
        self,
        engine: str | type[Recogniser],
        model_path: str | Path | None = None,
        *,
        on_ready: Callable[[LoadedModel], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[str], None] | None = None,
    ) -> Future[LoadedModel]:
        """Start loading (or join a load in progress, or reuse a loaded model).

        ``on_ready`` / ``on_error`` run once the load settles, on the loading
        thread (or at once on this thread if it already had). A failed load is
        forgotten, so a later request tries again. ``on_progress`` receives
        plain status lines from a load this call starts.
        """
        engine_cls, path, key = _identify(engine, model_path)
        with self._lock:
            future = self._futures.get(key)
            start = future is None
            if start:
                future = Future()
                future.set_running_or_notify_cancel()
                self._futures[key] = future
                self.loads_started += 1
        if start:
            worker = threading.Thread(
                target=self._run,
                args=(key, future, engine_cls, path, on_progress),
                name=f"load-{engine_cls.name}",
                daemon=True,  # never hold up closing the app
            )
            worker.start()
        if on_ready or on_error:
            future.add_done_callback(lambda f: _notify(f, on_ready, on_error))
        return future

    def load_now(
        self, engine: str | type[Recogniser], model_path: str | Path | None = None
    ) -> LoadedModel:
        """Load and wait (command line and tests). Raises ModelLoadError."""
        return self.load(engine, model_path).result()

    def is_loaded(self, engine: str | type[Recogniser], model_path: str | Path | None = None):
        """Whether that model has finished loading successfully in this process."""
        _engine_cls, _path, key = _identify(engine, model_path)
        with self._lock:
            future = self._futures.get(key)
        return bool(future and future.done() and future.exception() is None)

    def failure(
        self, engine: str | type[Recogniser], model_path: str | Path | None = None
    ) -> BaseException | None:
        """The error of this model's last load in this process, if it failed and its
        files have not changed since (reads the folder: not on the GUI thread)."""
        _engine_cls, path, key = _identify(engine, model_path)
        with self._lock:
            failed = self._failed.get(key)
        if failed is None:
            return None
        files, error = failed
        return error if files == files_state(path) else None

    def _run(self, key, future, engine_cls, path, on_progress) -> None:
        try:
            if engine_cls.name == "vosk" and path is not None:
                from speech.stt.vosk_trial import check_before_first_use

                check_before_first_use(path, progress=on_progress)  # seconds, the first time
            model = engine_cls.load_model(path, progress=on_progress)
        except BaseException as error:  # noqa: BLE001 - handed to the caller via the future
            if not isinstance(error, ModelLoadError | KeyboardInterrupt | SystemExit):
                error = ModelLoadError(f"The {engine_cls.name} model could not be loaded: {error}")
            files = files_state(path)
            with self._lock:
                self._futures.pop(key, None)
                self._failed[key] = (files, error)
            future.set_exception(error)
            return
        with self._lock:
            self._failed.pop(key, None)
        future.set_result(LoadedModel(engine_cls, path, model))


def _identify(engine: str | type[Recogniser], model_path: str | Path | None):
    """(engine class, model folder or None, the key its load is kept under)."""
    engine_cls = _engine_class(engine)
    path = Path(model_path).expanduser().resolve() if model_path else None
    if path is None:
        default = engine_cls.default_model_path()
        path = Path(default).resolve() if default else None
    return engine_cls, path, (engine_cls.name, str(path) if path else "")


def _engine_class(engine: str | type[Recogniser]) -> type[Recogniser]:
    if isinstance(engine, str):
        from speech.stt.choice import engine_class

        return engine_class(engine)
    return engine


def _notify(future: Future, on_ready, on_error) -> None:
    error = future.exception()
    if error is None:
        if on_ready:
            on_ready(future.result())
    elif on_error:
        on_error(error)


_shared: ModelLoader | None = None
_shared_lock = threading.Lock()


def shared_loader() -> ModelLoader:
    """The process-wide loader every part of the app should use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ModelLoader()
        return _shared
