"""Whisper's dictation prompt names every spoken command, so each one is written as asked.

Spoken by espeak-ng's British voice, streamed in 100 ms chunks through the
Whisper recogniser in dictation mode, each Final through the text rules as
the dictation panel applies them for Whisper. Before the prompt named them,
these came out as "code and" (colon), "semico when" (semicolon), "opened
racket" (open bracket) and "a new mat" (undo that): ``lesson-lab bench
commands`` found them, and its JSON has the rest.

Only the marks and the commands' words are checked: tiny.en mishears some
ordinary words of espeak-ng's voice, which is not what the prompt is for.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from app.bench_commands import hear  # 100 ms chunks, as the microphone gives them
from app.dictation_controller import engine_options
from speech.audio_files import decode_audio_file
from speech.dictation import DictationOptions, DictationState, apply_phrase
from speech.stt.loader import shared_loader

WHISPER_RULES = engine_options(DictationOptions(), "whisper")  # as the panel sets them
PAUSE = np.zeros(16_000, np.int16)  # the pupil pauses a second between phrases
COMMAND_WORDS = re.compile(r"colon|bracket|racket|quote|undo|scratch|stop|comma", re.IGNORECASE)


@pytest.fixture(scope="module")
def model():
    return shared_loader().load_now("whisper")


def dictate(model, speak, phrases: tuple[str, ...]) -> str:
    """The text the dictation panel shows after the pupil says ``phrases``, pausing between."""
    clips = [decode_audio_file(speak(phrase)) for phrase in phrases]
    audio = np.concatenate([PAUSE[:8_000], *(part for clip in clips for part in (clip, PAUSE))])
    state = DictationState()
    for final in hear(model.recogniser(dictation=True, partials=False), audio):
        state = apply_phrase(state, final.text, WHISPER_RULES)
    return state.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("phrases", "marks"),
    [
        (("you will need three things colon a pencil comma a ruler and a rubber full stop",),
         ":,."),
        (("it was raining semicolon we stayed inside full stop",), ";."),
        (("the tiger open bracket the largest cat close bracket lives in Asia full stop",),
         "()."),
        (("remember colon bring your kit on Wednesday semicolon we have a match full stop",),
         ":;."),
        (("we need one hundred and fifty grams of flour full stop", "scratch that", "undo that"),
         "."),
    ],
)
def test_each_spoken_command_is_written_as_its_mark(model, speak, phrases, marks):
    text = dictate(model, speak, phrases)
    assert "".join(re.findall(r"[.,:;()?!\u201c\u201d]", text)) == marks, text
    assert not COMMAND_WORDS.search(text), text
