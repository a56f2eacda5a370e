"""Vosk: word-by-word streaming recognition with any Vosk model folder.

The only module that imports ``vosk``. Partial results arrive as the pupil
speaks, finals carry word timings and confidences, and a lesson's key words
can limit what the model listens for (Vosk's run-time grammar).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from speech.stt import vosk_files
from speech.stt.agreement import StablePrefix
from speech.stt.base import (
    SAMPLE_RATE,
    Availability,
    DamagedModelError,
    EngineError,
    Event,
    Final,
    ModelLoadError,
    Partial,
    Progress,
    Recogniser,
    Word,
)

# Kaldi prints warnings (for example for every unknown grammar word) at level
# -1; we report those ourselves, so show nothing below errors.
_VOSK_LOG_LEVEL = -2
# Not words: the grammar's "anything else" token and silence markers.
_NOT_WORDS = frozenset({"[unk]", "<unk>", "!sil", "<eps>"})
_native_stderr_lock = threading.Lock()
# Ask for partial text at most every 0.2 s of audio: often enough to follow
# speech word by word, rarely enough to keep Vosk's own cost on top.
_PARTIAL_EVERY = SAMPLE_RATE // 5


@dataclass(frozen=True)
class VoskModel:
    """A loaded Vosk model and where it came from."""

    path: Path
    native: object  # vosk.Model

    @property
    def vocabulary(self) -> frozenset[str] | None:
        """Every word the model knows, or None if the folder does not say."""
        return vosk_files.model_vocabulary(self.path)

    @property
    def supports_vocabulary(self) -> bool:
        """Whether a word list can limit recognition (lookahead models only)."""
        return vosk_files.supports_vocabulary(self.path)


class VoskRecogniser(Recogniser):
    """A streaming Vosk recogniser for one audio stream."""

    name = "vosk"
    description = "Vosk: live word-by-word results and lesson word lists; needs a Vosk model."

    @classmethod
    def availability(cls) -> Availability:
        """Available when vosk imports and an English Vosk model is installed."""
        import importlib.util

        if importlib.util.find_spec("vosk") is None:
            return Availability(False, "The vosk library is not installed.")
        if cls.default_model_path() is None:
            return Availability(False, "No English Vosk model is installed.")
        return Availability(True)

    @classmethod
    def default_model_path(cls) -> Path | None:
        """The first installed English Vosk model, if any."""
        from speech.stt.installed import installed_vosk_models

        models = installed_vosk_models(english_only=True)
        return models[0] if models else None

    @classmethod
    def load_model(cls, path: Path | None, progress: Progress | None = None) -> VoskModel:
        """Check then load the model folder at ``path`` (about 2 s for a small model)."""
        if path is None:
            path = cls.default_model_path()
            if path is None:
                raise ModelLoadError("No English Vosk model is installed.")
        path = Path(path).expanduser().resolve()
        problem = vosk_files.describe_problem(path)
        if problem:
            raise ModelLoadError(problem)
        if progress:
            progress(f"Loading the speech model {path.name}…")
        import vosk

        vosk.SetLogLevel(_VOSK_LOG_LEVEL)
        try:
            with _quiet_native_stderr():
                native = vosk.Model(str(path))
                # The decoding graph of a lookahead model (graph/HCLr.fst) is only
                # read here: a damaged one still loads as a model. One recogniser
                # (a tenth of a second) finds it now, while another model can
                # still be chosen, not at the pupil's first word.
                vosk.KaldiRecognizer(native, SAMPLE_RATE)
        except Exception as error:  # vosk raises a bare Exception
            raise DamagedModelError(
                f"The Vosk model in {path} could not be loaded: "
                "its files are damaged or incomplete."
            ) from error
        return VoskModel(path=path, native=native)

    def __init__(
        self,
        model: VoskModel,
        *,
        vocabulary: Sequence[str] = (),
        dictation: bool = False,  # Vosk writes no punctuation of its own: nothing to steer
        partials: bool = True,
    ) -> None:
        self.model = model
        self.partials = partials
        self.unknown_words: list[str] = []
        self._grammar: list[str] | None = None
        self._prefix = StablePrefix()
        self._last_partial = ""
        self._samples_fed = 0
        self._samples_at_reset = 0
        self._since_partial = 0
        self._new_recogniser()
        if vocabulary:
            self.set_vocabulary(vocabulary)

    def _new_recogniser(self) -> None:
        import vosk

        if self._grammar:
            self._native = vosk.KaldiRecognizer(
                self.model.native, SAMPLE_RATE, json.dumps(self._grammar, ensure_ascii=False)
            )
        else:
            self._native = vosk.KaldiRecognizer(self.model.native, SAMPLE_RATE)
        self._native.SetWords(True)
        self._native.SetPartialWords(True)
        # Times restart at 0 with a new native recogniser.
        self._samples_fed = self._samples_at_reset = 0

    def accept(self, chunk: np.ndarray) -> list[Event]:
        """Feed 16 kHz mono int16 samples; return Partial/Final events."""
        samples = np.ascontiguousarray(chunk, dtype=np.int16)
        if samples.size == 0:
            return []
        self._samples_fed += samples.size
        try:
            ended = self._native.AcceptWaveform(samples.tobytes())
            if ended:
                return self._final(self._native.Result())
            self._since_partial += samples.size
            if not self.partials or self._since_partial < _PARTIAL_EVERY:
                return []
            self._since_partial = 0
            text = self._clean_text(json.loads(self._native.PartialResult()).get("partial", ""))
        except Exception as error:  # noqa: BLE001 - never let the library kill the stream
            return [EngineError(f"Vosk stopped working: {error}")]
        if text == self._last_partial:
            return []
        self._last_partial = text
        shown, stable = self._prefix.update(text)
        return [Partial(shown, stable)]

    def flush(self) -> list[Event]:
        """End of stream: return the last phrase as a Final."""
        try:
            return self._final(self._native.FinalResult())
        except Exception as error:  # noqa: BLE001
            return [EngineError(f"Vosk stopped working: {error}")]

    def reset(self) -> None:
        """Forget the current phrase; times restart at 0."""
        self._native.Reset()
        # Vosk keeps counting time across Reset(); remember where 0 now is.
        self._samples_at_reset = self._samples_fed
        self._prefix.clear()
        self._last_partial = ""

    def set_vocabulary(self, words: Sequence[str]) -> list[str]:
        """Listen only for ``words`` (phrases allowed); return those the model cannot use.

        An empty list listens for everything again. A model with a fixed
        graph cannot be limited, so then every word is returned.
        """
        phrases = [" ".join(w.lower().split()) for w in words if w.strip()]
        if not phrases:
            self._grammar = None
            self.unknown_words = []
            self._new_recogniser()
            return []
        if not self.model.supports_vocabulary:
            self.unknown_words = list(words)
            return list(words)
        known = self.model.vocabulary
        usable, unknown = [], []
        originals = [w for w in words if w.strip()]
        for original, phrase in zip(originals, phrases, strict=True):
            if known is None or all(part in known for part in phrase.split()):
                usable.append(phrase)
            else:
                unknown.append(original)
        self.unknown_words = unknown
        if usable:
            # "[unk]" lets other speech be heard as "something else" rather
            # than forced onto a key word, where the model has it.
            grammar = usable + (["[unk]"] if known is None or "[unk]" in known else [])
            self._grammar = grammar
        else:
            self._grammar = None
        self._prefix.clear()
        self._last_partial = ""
        self._new_recogniser()
        return unknown

    def _final(self, result_json: str) -> list[Event]:
        result = json.loads(result_json)
        offset = self._samples_at_reset / SAMPLE_RATE
        words = tuple(
            Word(
                text=item["word"],
                start=max(0.0, float(item["start"]) - offset),
                end=max(0.0, float(item["end"]) - offset),
                confidence=min(1.0, max(0.0, float(item.get("conf", 1.0)))),
            )
            for item in result.get("result", [])
            if item.get("word", "").lower() not in _NOT_WORDS
        )
        text = " ".join(w.text for w in words) or self._clean_text(result.get("text", ""))
        had_partial = bool(self._last_partial)
        self._prefix.clear()
        self._last_partial = ""
        if not text and not had_partial:
            return []
        return [Final(text, words)]

    @staticmethod
    def _clean_text(text: str) -> str:
        return " ".join(w for w in text.split() if w.lower() not in _NOT_WORDS)


@contextlib.contextmanager
def _quiet_native_stderr():
    """Keep Kaldi's and OpenFst's C-level error lines off the terminal while loading.

    Their errors are replaced by our own plain message. Only the process's
    file descriptor 2 is redirected, briefly, and one load at a time.
    """
    with _native_stderr_lock:
        try:
            saved = os.dup(2)
        except OSError:
            yield
            return
        with tempfile.TemporaryFile() as sink:
            try:
                os.dup2(sink.fileno(), 2)
                yield
            finally:
                os.dup2(saved, 2)
                os.close(saved)


def raw_transcribe(model: VoskModel, samples: np.ndarray) -> str:
    """The library alone on a whole recording, with no streaming around it (for the bench)."""
    import vosk

    native = vosk.KaldiRecognizer(model.native, SAMPLE_RATE)
    native.AcceptWaveform(np.ascontiguousarray(samples, dtype=np.int16).tobytes())
    return json.loads(native.FinalResult()).get("text", "")
