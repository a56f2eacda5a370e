"""Remove the loops Whisper sometimes falls into ("rain rain rain rain …").

Given a hint such as a lesson's key words, a small Whisper model can repeat
one word or a short phrase dozens of times. People almost never say the
same word or phrase three times in a row, so a run of three or more is cut
back to one. Pure functions: they work on any sequence, with a key that
says what counts as "the same".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

LONGEST_LOOP = 4  # words in the longest repeated phrase looked for
RUN_TO_CUT = 3  # this many repeats in a row is a loop, not speech


def _plain(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalnum() or c == "'")


def drop_loops(items: Sequence[T], key: Callable[[T], str] = str) -> list[T]:
    """``items`` with every run of 3+ repeats of a 1–4 item phrase cut to one."""
    keys = [_plain(key(item)) for item in items]
    kept: list[T] = []
    kept_keys: list[str] = []
    i = 0
    while i < len(items):
        cut = False
        for size in range(1, LONGEST_LOOP + 1):
            phrase = keys[i : i + size]
            if len(phrase) < size or not all(phrase):
                break
            repeats = 1
            while keys[i + repeats * size : i + (repeats + 1) * size] == phrase:
                repeats += 1
            if repeats >= RUN_TO_CUT:
                kept.extend(items[i : i + size])
                kept_keys.extend(phrase)
                i += repeats * size
                cut = True
                break
        if not cut:
            kept.append(items[i])
            kept_keys.append(keys[i])
            i += 1
    return kept


def drop_text_loops(text: str) -> str:
    """The same for plain text, word by word."""
    return " ".join(drop_loops(text.split()))
