"""The stable-prefix policy for partial results (LocalAgreement-2).

While a phrase is still being spoken the engine re-guesses it again and again,
and a later guess may change earlier words. Words that already looked settled
must not flicker on a projector, so a word becomes *stable* once two
consecutive guesses agree on it (and on every word before it), as in
whisper_streaming's LocalAgreement-2. Stable words never change again until
the phrase is final.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"[^\w']+")


def _key(word: str) -> str:
    """A word compared without case or punctuation ("Water," == "water")."""
    return _PUNCTUATION.sub("", word.lower())


class StablePrefix:
    """Tracks one phrase's guesses and which leading words are settled."""

    def __init__(self) -> None:
        self._stable: list[str] = []
        self._previous: list[str] = []

    def update(self, hypothesis: str) -> tuple[str, str]:
        """Take a new guess; return (text to show, its stable prefix).

        The text shown is the stable words followed by the rest of the new
        guess, so a shown-stable word is never replaced.
        """
        words = hypothesis.split()
        agreed = 0
        for old, new in zip(self._previous, words, strict=False):
            if _key(old) != _key(new):
                break
            agreed += 1
        if agreed > len(self._stable):
            # Keep the words as first shown; only grow.
            self._stable.extend(self._previous[len(self._stable) : agreed])
        self._previous = words
        shown = self._stable + words[len(self._stable) :]
        return " ".join(shown), " ".join(self._stable)

    @property
    def stable(self) -> str:
        """The settled prefix of the current phrase."""
        return " ".join(self._stable)

    def clear(self) -> None:
        """Start a new phrase."""
        self._stable = []
        self._previous = []
