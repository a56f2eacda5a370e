"""Doubles for the read-aloud controller's unit tests, and a small lesson to read.

``SpySynthesiser`` records every text it is asked to synthesise with the
voice and speed in force, and returns silent audio with one word every
``WORD_SECONDS``. ``FakePlayer`` "plays" it by yielding the same events as
``speech.playback.Player``, one word every ``delay`` seconds of real time,
honouring pause, resume and stop from other threads. The real engine and
the real player are tested in test_read_aloud_real.py.
"""

from __future__ import annotations

import threading
import time

import numpy as np

from lessons.model import Lesson, Paragraph, Section, Span, VocabularyEntry
from speech.playback import (
    PlaybackError,
    PlaybackFinished,
    PlaybackPaused,
    PlaybackResumed,
    PlaybackStarted,
    WordStarted,
)
from speech.tts.base import (
    Availability,
    Synthesis,
    Synthesiser,
    SynthesisError,
    UnknownVoice,
    Voice,
    WordBoundary,
)
from speech.tts.word_timing import word_spans

WORD_SECONDS = 0.25
RATE = 16_000

VOICES = [
    Voice("gmw/en-us", "English (America)", "en-us"),
    Voice("gmw/en-gb-x-rp", "English (Received Pronunciation)", "en-gb-x-rp"),
    Voice("gmw/en", "English (Great Britain)", "en-gb"),
    Voice("roa/fr", "French (France)", "fr-fr"),
]


def rivers_lesson() -> Lesson:
    """Three short sections; "erosion" is a key word."""
    return Lesson(
        title="Rivers",
        vocabulary=(VocabularyEntry("erosion", "When water wears away rock and soil."),),
        sections=(
            Section("", 2, (Paragraph((Span("Rivers start high up in hills. "
                                            "They flow down to the sea."),), 3),), 3),
            Section("How rivers flow", 2, (
                Paragraph((Span("Water always flows downhill. It carves a valley as it "
                                "goes. This is called erosion. Fast rivers carry stones."),),
                          6),
            ), 5),
            Section("Floods", 2, (
                Paragraph((Span("Heavy rain can make a river burst its banks."),), 9),
            ), 8),
        ),
    )


class SpySynthesiser(Synthesiser):
    """Records (text, voice id, rate scale) for each synthesis; silent audio, known times."""

    name = "spy"
    description = "A test double."

    def __init__(self, voices=None, fail_with: str | None = None) -> None:
        self._voices = list(VOICES if voices is None else voices)
        self.calls: list[tuple[str, str | None, float]] = []
        self.fail_with = fail_with
        self.thread_names: set[str] = set()
        super().__init__()
        self._voice = self.default_voice()

    @classmethod
    def availability(cls) -> Availability:
        return Availability(True)

    @property
    def normal_rate(self) -> float:
        return 175.0

    def voices(self) -> list[Voice]:
        return list(self._voices)

    @property
    def voice(self) -> Voice | None:
        return self._voice

    def set_voice(self, voice_id: str) -> Voice:
        for voice in self._voices:
            if voice.id == voice_id:
                self._voice = voice
                return voice
        raise UnknownVoice(f"The voice “{voice_id}” is not installed on this computer.")

    def _synthesise(self, text, on_audio) -> Synthesis:
        self.thread_names.add(threading.current_thread().name)
        self.calls.append((text, self._voice.id if self._voice else None, self.rate_scale))
        if self.fail_with:
            raise SynthesisError(self.fail_with)
        spans = word_spans(text)
        words = tuple(WordBoundary(a, b - a, 0.1 + i * WORD_SECONDS)
                      for i, (a, b) in enumerate(spans))
        samples = np.zeros(int((0.2 + len(spans) * WORD_SECONDS) * RATE), dtype=np.int16)
        return Synthesis(text, samples, RATE, words, 0.0)

    def spoken_text(self) -> str:
        """Everything synthesised, joined."""
        return " ".join(text for text, _voice, _rate in self.calls)


class FakePlayer:
    """Yields playback events like ``speech.playback.Player``, one word per ``delay``."""

    instances: list[FakePlayer] = []
    delay = 0.01
    error: str | None = None  # when set, play() fails with it like a missing speaker

    def __init__(self, device=None) -> None:
        self.device = device
        self._stop = threading.Event()
        self._paused = threading.Event()
        self.position = 0.0
        self.played_words: list[WordBoundary] = []
        FakePlayer.instances.append(self)

    def stop(self) -> None:
        self._stop.set()

    def pause(self) -> None:
        self._paused.set()

    def resume(self) -> None:
        self._paused.clear()

    def play(self, samples, sample_rate, words=()):
        if FakePlayer.error:
            yield PlaybackError(FakePlayer.error)
            return
        yield PlaybackStarted(len(samples) / sample_rate, str(self.device))
        was_paused = False
        for word in sorted(words, key=lambda w: w.time):
            deadline = time.monotonic() + self.delay
            while time.monotonic() < deadline or self._paused.is_set():
                if self._stop.is_set():
                    yield PlaybackFinished(False, self.position)
                    return
                if self._paused.is_set() != was_paused:
                    was_paused = self._paused.is_set()
                    yield (PlaybackPaused if was_paused else PlaybackResumed)(self.position)
                time.sleep(0.002)
            if self._stop.is_set():
                yield PlaybackFinished(False, self.position)
                return
            self.position = word.time
            self.played_words.append(word)
            yield WordStarted(word, word.time)
        yield PlaybackFinished(True, len(samples) / sample_rate)
