"""Whisper decoding with the encoder sized to the audio, not padded to 30 seconds.

faster-whisper pads every window to 30 s before the encoder, so decoding a
3-second phrase costs as much as half a minute of speech, and the encoder's
self-attention grows with the square of its input: on a 2-core machine 30 s
takes about eight times as long as 10 s. The encoder accepts shorter input
(it uses the start of its position table), so here the audio is encoded at
its own length plus a little quiet, rounded up to whole seconds, and
faster-whisper's decoding then runs on that encoder output, with its prompt,
forced prefix and word alignment unchanged.

Whisper was trained on 30 s windows that end in quiet or padding. Heard with
less than about 6 s, tiny.en starts to say a short phrase twice over ("Please
open your book at page 12. Please open your book…"); from 10 s it
understands the 22 classroom sentences spoken one by one as well as with 30 s
(19.6% against 22.3% word errors, British voice), at an eighth of the
encoder's cost. Hence at least ``MIN_ENCODER_S``, and ``ENCODER_PAD_S`` of
quiet after the audio.

That is for the partial decodes, which hear one phrase. A Final heard with
its context (up to 28 s) still gets the full 30 s: on the classroom stream
a fitted encoder let the word errors rise from 7.3% to 11.2%.
"""

from __future__ import annotations

import dataclasses
import inspect
import math

import numpy as np

from speech.stt.base import SAMPLE_RATE

#: Quiet added after the audio the encoder hears (seconds).
ENCODER_PAD_S = 1.0
#: The least the encoder hears (seconds), however short the audio.
MIN_ENCODER_S = 10
_FRAMES_PER_SECOND = 100  # Whisper's log-Mel frames (10 ms hop)
_MAX_FRAMES = 3000  # 30 s: the encoder's whole position table


def encoder_frames(samples: int) -> int:
    """Log-Mel frames the encoder hears for ``samples`` of audio: whole seconds, 10 to 30."""
    seconds = max(MIN_ENCODER_S, math.ceil(samples / SAMPLE_RATE + ENCODER_PAD_S))
    return min(_MAX_FRAMES, seconds * _FRAMES_PER_SECOND)


def first_window_segments(native, audio: np.ndarray, *, fit: bool = True, **options):
    """faster-whisper's segments for float32 ``audio`` (at most 30 s).

    With ``fit`` the encoder hears ``encoder_frames`` of it, else the whole
    30 s window as faster-whisper pads it. ``options`` are
    ``WhisperModel.transcribe`` options (beam_size, prefix, initial_prompt,
    word_timestamps, max_new_tokens…); decoding is always English, at
    temperature 0 and without the previous window's text.
    """
    from faster_whisper.tokenizer import Tokenizer

    features = native.feature_extractor(audio)
    frames = encoder_frames(audio.size) if fit else _MAX_FRAMES
    heard = features[:, :frames]
    if heard.shape[-1] < frames:
        # The same padding faster-whisper gives a short window (zeros in log-Mel).
        heard = np.pad(heard, ((0, 0), (0, frames - heard.shape[-1])))
    encoded = native.encode(np.ascontiguousarray(heard))
    tokenizer = Tokenizer(
        native.hf_tokenizer, native.model.is_multilingual, task="transcribe", language="en"
    )
    return native.generate_segments(
        features, tokenizer, _options(native, tokenizer, options), False, encoded
    )


def _options(native, tokenizer, chosen: dict):
    """TranscriptionOptions: ``chosen``, else ``transcribe``'s own defaults."""
    from faster_whisper.transcribe import TranscriptionOptions, get_suppressed_tokens

    defaults = {
        name: parameter.default
        for name, parameter in inspect.signature(native.transcribe).parameters.items()
    }
    values = {**defaults, **chosen}
    fixed = {
        "temperatures": [0.0],
        "best_of": 1,
        "condition_on_previous_text": False,
        "multilingual": False,
        "clip_timestamps": "0",
        "suppress_tokens": get_suppressed_tokens(tokenizer, values["suppress_tokens"]),
    }
    fields = {field.name for field in dataclasses.fields(TranscriptionOptions)}
    return TranscriptionOptions(**{name: fixed.get(name, values.get(name)) for name in fields})
