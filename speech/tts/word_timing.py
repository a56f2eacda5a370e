"""Where each word of a text falls in synthesised audio.

Pure functions, no engine: they turn an engine's word events (a character
position and a time) into one boundary per word of the ORIGINAL text, so
``text[b.offset:b.offset + b.length]`` is always the word, whatever
punctuation, spacing or line breaks surround it.

Engines are not exact about words: eSpeak NG gives a reliable start position
for each word but sometimes a wrong length (``café's`` comes back as 4
characters), reads ``3.5`` as three words, or starts a word's event on the
punctuation before it. So the words come from our own tokeniser, and each
engine event is attached to the word it starts in (or, failing that, the next
word). A word with no event of its own gets a time interpolated between its
neighbours, and is marked ``estimated``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import numpy as np

from speech.tts.base import WordBoundary

# Letters and digits, with inner apostrophes, full stops and hyphens kept in
# the word: "café's", "e.g", "3.5", "well-known", "don’t".
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of the words in ``text``, in order."""
    return [match.span() for match in _WORD.finditer(text)]


def align_word_events(
    text: str, events: Iterable[tuple[int, float]], duration: float
) -> tuple[WordBoundary, ...]:
    """One boundary per word of ``text`` from engine events ``(char_offset, seconds)``.

    ``char_offset`` is 0-based into ``text``; ``duration`` is the length of the
    audio, used to place words the engine said nothing about at the end.
    """
    spans = word_spans(text)
    if not spans:
        return ()
    starts = [start for start, _ in spans]
    direct: dict[int, float] = {}
    following: dict[int, float] = {}
    for offset, seconds in sorted(events, key=lambda event: event[1]):
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < spans[index][1]:
            direct.setdefault(index, seconds)
        elif index + 1 < len(spans):
            following.setdefault(index + 1, seconds)
    times: list[float | None] = []
    latest = -1.0
    for index in range(len(spans)):
        seconds = direct.get(index, following.get(index))
        # A time earlier than a previous word's means the event was attached
        # to the wrong word: drop it and interpolate instead.
        if seconds is not None and seconds < latest:
            seconds = None
        if seconds is not None:
            latest = seconds
        times.append(seconds)
    return _fill_gaps(spans, times, duration)


def _fill_gaps(
    spans: Sequence[tuple[int, int]], times: Sequence[float | None], duration: float
) -> tuple[WordBoundary, ...]:
    """Boundaries for ``spans``; missing times interpolated by character position."""
    known = [i for i, seconds in enumerate(times) if seconds is not None]
    result = []
    for index, (start, end) in enumerate(spans):
        seconds = times[index]
        if seconds is not None:
            result.append(WordBoundary(start, end - start, float(seconds)))
            continue
        before = max((i for i in known if i < index), default=None)
        after = min((i for i in known if i > index), default=None)
        left_pos, left_time = (spans[before][0], times[before]) if before is not None else (0, 0.0)
        if after is not None:
            right_pos, right_time = spans[after][0], times[after]
        else:
            right_pos, right_time = spans[-1][1], max(duration, left_time)
        share = (start - left_pos) / max(1, right_pos - left_pos)
        estimate = left_time + share * (right_time - left_time)
        result.append(WordBoundary(start, end - start, float(estimate), estimated=True))
    return tuple(result)


def voiced_region(
    samples: np.ndarray, sample_rate: int, threshold_db: float = -45.0
) -> tuple[float, float]:
    """Seconds where sound starts and ends in ``samples`` (int16), ignoring quiet edges."""
    if len(samples) == 0:
        return 0.0, 0.0
    frame = max(1, sample_rate // 100)
    count = len(samples) // frame
    if count == 0:
        return 0.0, len(samples) / sample_rate
    frames = samples[: count * frame].astype(np.float64).reshape(count, frame)
    rms = np.sqrt(np.mean(frames**2, axis=1)) / 32768.0
    loud = np.nonzero(rms > 10 ** (threshold_db / 20))[0]
    if len(loud) == 0:
        return 0.0, len(samples) / sample_rate
    return loud[0] * frame / sample_rate, (loud[-1] + 1) * frame / sample_rate


def estimate_word_times(
    text: str, samples: np.ndarray, sample_rate: int
) -> tuple[WordBoundary, ...]:
    """ESTIMATED boundaries, for engines that give no times: spread by characters.

    Words are placed across the voiced part of the audio in proportion to
    their character position. Every boundary is marked ``estimated``.
    """
    spans = word_spans(text)
    if not spans:
        return ()
    begin, end = voiced_region(samples, sample_rate)
    first, last = spans[0][0], spans[-1][1]
    width = max(1, last - first)
    return tuple(
        WordBoundary(start, stop - start, begin + (start - first) / width * (end - begin), True)
        for start, stop in spans
    )
