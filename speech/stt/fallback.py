"""Loading the speech model: the automatic choice passes over a model that will not load.

"Auto" (the engine ``"auto"`` with no model folder) tries its candidates in
order: every installed English Vosk model, then the bundled Whisper model,
then the null engine. A candidate that fails to load (a damaged model
imported from a USB stick, say) is passed over for the next, and the caller
is told which were passed over and why, so it can say so. A model that
failed before in this process, and whose files have not changed since
(``ModelLoader.failure``), is passed over without loading it again.

A model or engine the teacher chose is loaded as it is: if it fails, the
caller gets its ``ModelLoadError`` and says so. Nothing else is chosen
behind the teacher's back.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from speech.stt.base import DamagedModelError, ModelLoadError, Recogniser
from speech.stt.choice import AUTO, EngineChoice, choose_engine
from speech.stt.loader import LoadedModel, ModelLoader, shared_loader
from speech.stt.null_engine import NO_ENGINE_MESSAGE, NullRecogniser
from speech.stt.whisper_engine import WhisperRecogniser


@dataclass(frozen=True)
class PassedOver:
    """A model the automatic choice could not load, and the error it gave."""

    engine: type[Recogniser]
    path: Path | None
    error: BaseException

    @property
    def damaged(self) -> bool:
        """True when its files are all there but the engine cannot use them."""
        return isinstance(self.error, DamagedModelError)


@dataclass(frozen=True)
class LoadOutcome:
    """The model loaded, whether "auto" chose it, and the models passed over first."""

    loaded: LoadedModel
    automatic: bool
    passed_over: tuple[PassedOver, ...] = ()


def is_automatic(preference: str, model_path: str | Path | None) -> bool:
    """Whether this is the automatic choice (which may fall back), not the teacher's own."""
    return preference.strip().lower() == AUTO and not model_path


def automatic_candidates() -> list[EngineChoice]:
    """What "auto" tries, in order (reads the models folder: not on the GUI thread)."""
    from speech.stt.installed import installed_vosk_models
    from speech.stt.vosk_engine import VoskRecogniser

    candidates = []
    if importlib.util.find_spec("vosk") is not None:
        candidates += [EngineChoice(VoskRecogniser, path, "an installed English Vosk model")
                       for path in installed_vosk_models(english_only=True)]
    if WhisperRecogniser.availability().available:
        candidates.append(EngineChoice(WhisperRecogniser, None, "the bundled Whisper model"))
    candidates.append(EngineChoice(NullRecogniser, None, "no other engine can run"))
    return candidates


def automatic_vosk_model(loader: ModelLoader | None = None) -> Path | None:
    """The Vosk model "auto" takes now: the first English one not known to fail to load."""
    loader = loader or shared_loader()
    for candidate in automatic_candidates():
        if candidate.engine.name != "vosk":
            return None
        if loader.failure(candidate.engine, candidate.model_path) is None:
            return candidate.model_path
    return None


def load_speech_model(
    preference: str = AUTO,
    model_path: str | Path | None = None,
    *,
    loader: ModelLoader | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> LoadOutcome:
    """Load the model for ``preference`` and ``model_path``, waiting for it (call off the GUI).

    The automatic choice falls back as the module says; a chosen engine or
    model raises its ``ModelLoadError``, and ``choose_engine``'s
    ``UnknownEngine`` / ``EngineUnavailable`` pass through.
    """
    loader = loader or shared_loader()
    if not is_automatic(preference, model_path):
        choice = choose_engine(preference, model_path)
        loaded = loader.load(choice.engine, choice.model_path, on_progress=on_progress).result()
        return LoadOutcome(loaded, automatic=False)
    passed: list[PassedOver] = []
    for candidate in automatic_candidates():
        remembered = loader.failure(candidate.engine, candidate.model_path)
        if remembered is not None:
            passed.append(PassedOver(candidate.engine, candidate.model_path, remembered))
            continue
        future = loader.load(candidate.engine, candidate.model_path, on_progress=on_progress)
        try:
            loaded = future.result()
        except ModelLoadError as error:
            passed.append(PassedOver(candidate.engine, candidate.model_path, error))
            continue
        return LoadOutcome(loaded, automatic=True, passed_over=tuple(passed))
    raise ModelLoadError(NO_ENGINE_MESSAGE)  # the null engine always loads: a safeguard
