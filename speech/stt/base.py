"""The one small interface every streaming speech-to-text engine implements.

Feed 16 kHz mono int16 chunks (any length; the app sends 100 ms) and receive
events: ``Partial`` while a phrase is still being heard, ``Final`` when it
settles (with word timings), ``EngineError`` when something goes wrong.
An engine is used by one thread at a time.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class Word:
    """One recognised word: seconds from the start of the stream, confidence 0..1."""

    text: str
    start: float
    end: float
    confidence: float


@dataclass(frozen=True)
class Partial:
    """Text heard so far in the current phrase; it may still change."""

    text: str
    # The leading part that will not change any more (a stable prefix policy).
    stable: str = ""


@dataclass(frozen=True)
class Final:
    """A settled phrase with its words in order."""

    text: str
    words: tuple[Word, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class EngineError:
    """Something went wrong; ``message`` is one sentence a teacher understands."""

    message: str


Event = Partial | Final | EngineError


@dataclass(frozen=True)
class Availability:
    """Whether an engine can run here, and if not, why not (plain English)."""

    available: bool
    reason: str = ""


class Recogniser(ABC):
    """A streaming recogniser. Construct it with a loaded model (see loader.py)."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    @classmethod
    @abstractmethod
    def availability(cls) -> Availability:
        """Whether this engine's library is importable and a model is present."""

    @abstractmethod
    def accept(self, chunk: np.ndarray) -> list[Event]:
        """Feed 16 kHz mono int16 samples; return any events they produced."""

    @abstractmethod
    def flush(self) -> list[Event]:
        """End of stream: settle whatever is pending and return the events."""

    @abstractmethod
    def reset(self) -> None:
        """Forget the current utterance and start afresh (times restart at 0)."""

    def set_vocabulary(self, words: Sequence[str]) -> list[str]:
        """Bias recognition towards a lesson's key words.

        Returns the words the engine could not use (unknown to its model),
        so the app can report them. The default engine ignores vocabulary.
        """
        return list(words)


def finals_text(events: Iterable[Event]) -> str:
    """The text of every ``Final`` in ``events``, joined with single spaces."""
    return " ".join(e.text for e in events if isinstance(e, Final) and e.text).strip()
