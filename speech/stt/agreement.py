"""The stable-prefix policy for partial results (LocalAgreement-2).

While a phrase is still being spoken the engine re-guesses it again and again,
and a later guess may change earlier words. Words that already looked settled
must not flicker on a projector, so a word becomes *stable* once two
consecutive guesses agree on it (and on every word before it), as in
whisper_streaming's LocalAgreement-2. Stable words never change again until
the phrase is final: the same words, in the same order.

Their spelling does follow the newest guess, though. A guess cut off in the
middle of a sentence ends it there ("Can you tell me?"), and the next guess,
hearing more, takes that back ("Can you tell me where the water is"). Kept as
first shown, those marks stayed in the settled words ("Can you tell me? where
the water is? …"), and a pupil reading the captions mostly read the wrong
punctuation. So a settled word is shown as the newest guess spells it (its
capital and its marks); where the newest guess has some other word there, the
settled word keeps its last spelling without a sentence-ending mark (. ? !).

A partial never ends a sentence at all, not even with its last word: that is
the word a guess was cut off at, so its full stop was Whisper's guess that the
speaker had finished ("Good morning, yes." while "everyone" was still being
said), and the captions' "…" after it made a doubled mark ("Today we are
going to... …"). So the last word shown loses its . ? ! or … (or "...") too,
and a last "word" that is nothing but such marks goes. The "…" the captions
add says the words are unfinished; the Final is what finally punctuates.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"[^\w']+")
# Marks that end a sentence, with any closing quote or bracket after them.
_SENTENCE_END = re.compile(r"(?<=[^\s.?!\u2026])[.?!\u2026]+(?=[\"'\u2019\u201d)\]]*$)")
# A "word" that is only such marks (Whisper's "to ..." as well as "to...").
_ONLY_MARKS = re.compile(r"[.?!\u2026\"'\u2019\u201d)\]]+")


def _key(word: str) -> str:
    """A word compared without case or punctuation ("Water," == "water")."""
    return _PUNCTUATION.sub("", word.lower())


def _without_sentence_end(word: str) -> str:
    """``word`` without the . ? ! or … that ends it ("me?" -> "me", "to..." -> "to")."""
    return _SENTENCE_END.sub("", word)


class StablePrefix:
    """Tracks one phrase's guesses and which leading words are settled."""

    def __init__(self) -> None:
        self._stable: list[str] = []  # settled words, as the newest guess that had them spells them
        self._previous: list[str] = []
        self._shown_stable = ""  # the stable prefix as last shown

    def update(self, hypothesis: str) -> tuple[str, str]:
        """Take a new guess; return (text to show, its stable prefix).

        The text shown is the stable words followed by the rest of the new
        guess, so a shown-stable word is never replaced by another word (see
        the module's notes for how it is spelt).
        """
        words = hypothesis.split()
        agreed = 0
        for old, new in zip(self._previous, words, strict=False):
            if _key(old) != _key(new):
                break
            agreed += 1
        if agreed > len(self._stable):
            self._stable.extend(words[len(self._stable) : agreed])  # only grow
        # Settled words the new guess has too take its spelling.
        confirmed = [
            index < len(words) and _key(words[index]) == _key(word)
            for index, word in enumerate(self._stable)
        ]
        for index, same in enumerate(confirmed):
            if same:
                self._stable[index] = words[index]
        self._previous = words
        shown = self._stable + words[len(self._stable) :]
        # A settled word the new guess does not confirm ends no sentence.
        for index, same in enumerate(confirmed):
            if not same:
                shown[index] = _without_sentence_end(shown[index])
        # Nor does the partial itself: its last word is where the guess was cut off.
        while shown and _ONLY_MARKS.fullmatch(shown[-1]):
            shown.pop()
        if shown:
            shown[-1] = _without_sentence_end(shown[-1])
        self._shown_stable = " ".join(shown[: len(self._stable)])
        return " ".join(shown), self._shown_stable

    @property
    def stable(self) -> str:
        """The settled prefix of the current phrase, as last shown."""
        return self._shown_stable

    def clear(self) -> None:
        """Start a new phrase."""
        self._stable = []
        self._previous = []
        self._shown_stable = ""
