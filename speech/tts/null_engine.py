"""The engine for machines with no text-to-speech: silence at reading pace.

It "speaks" silence lasting as long as the text would take at the chosen
rate, with every word's time ESTIMATED (evenly by characters), so read-aloud
highlighting can still be demonstrated. It is always available and is the
last in the fallback order.
"""

from __future__ import annotations

import numpy as np

from speech.tts.base import (
    AudioCallback,
    Availability,
    Synthesis,
    Synthesiser,
    UnknownVoice,
    Voice,
    WordBoundary,
)
from speech.tts.word_timing import word_spans

SAMPLE_RATE = 16_000
_LEAD_IN = 0.2  # seconds of silence before the first word, like a real voice


class NullSynthesiser(Synthesiser):
    """No voice: silent audio with estimated word times."""

    name = "none"
    description = "No voice: words are highlighted at reading pace, in silence."

    @classmethod
    def availability(cls) -> Availability:
        return Availability(True)

    @property
    def normal_rate(self) -> float:
        return 175.0

    def voices(self) -> list[Voice]:
        return []

    @property
    def voice(self) -> Voice | None:
        return None

    def set_voice(self, voice_id: str) -> Voice:
        raise UnknownVoice("There are no voices on this computer.")

    def _synthesise(self, text: str, on_audio: AudioCallback | None) -> Synthesis:
        spans = word_spans(text)
        seconds_per_word = 60.0 / self.rate
        first, last = (spans[0][0], spans[-1][1]) if spans else (0, 1)
        speaking = len(spans) * seconds_per_word
        # Even by characters, so long words take longer, as they do when spoken.
        words = tuple(
            WordBoundary(
                start,
                end - start,
                _LEAD_IN + (start - first) / max(1, last - first) * speaking,
                estimated=True,
            )
            for start, end in spans
        )
        total = _LEAD_IN * 2 + speaking
        samples = np.zeros(int(total * SAMPLE_RATE), dtype=np.int16)
        if on_audio is not None:
            on_audio(samples)
        return Synthesis(text, samples, SAMPLE_RATE, words, first_audio_after=0.0)
