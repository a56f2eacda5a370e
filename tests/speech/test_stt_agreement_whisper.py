"""The real Whisper recogniser's partials end no sentence, before their last word or at it.

The captions review: "Good morning. everyone. Today we are... looking at the
world." and "Can you tell me? where the water is? …" on the projector while
one sentence was being spoken (speech/stt/agreement.py kept the marks of
guesses cut off mid-sentence). espeak-ng says each long sentence, streamed in
100 ms chunks as the microphone gives it. The usability check with real
speech then found guesses cut off mid-sentence ending in a full stop before
the captions' "…" ("Good morning, yes. …", "Today we are going to... …").
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from speech.audio_files import decode_audio_file
from speech.stt.base import Final, Partial
from speech.stt.loader import shared_loader

LONG_SENTENCES = [
    "Can you tell me where the water in a cloud comes from when it has not rained for a week",
    "Good morning everyone today we are looking at the world and how the water moves around it",
]
# A full stop, question or exclamation mark with a word after it.
_MARK_BEFORE_A_WORD = re.compile(r"[.?!]+\s+\S")
# A sentence-ending mark (or "...") at the very end.
_MARK_AT_THE_END = re.compile(r"[.?!\u2026]$")


@pytest.fixture(scope="module")
def model():
    return shared_loader().load_now("whisper")


@pytest.mark.slow
@pytest.mark.parametrize("sentence", LONG_SENTENCES)
def test_no_partial_ends_a_sentence(model, speak, sentence):
    clip = decode_audio_file(speak(sentence))
    audio = np.concatenate([np.zeros(8_000, np.int16), clip, np.zeros(16_000, np.int16)])
    recogniser = model.recogniser()
    events = []
    for start in range(0, audio.size, 1_600):
        events.extend(recogniser.accept(audio[start : start + 1_600]))
    events.extend(recogniser.flush())
    partials = [e.text for e in events if isinstance(e, Partial)]
    assert len(partials) >= 2, "the sentence was long enough to be re-guessed"
    assert [e for e in events if isinstance(e, Final) and e.text]
    wrong = [text for text in partials if _MARK_BEFORE_A_WORD.search(text)]
    assert wrong == []
    ended = [text for text in partials if _MARK_AT_THE_END.search(text)]
    assert ended == []
