"""The one small interface every streaming speech-to-text engine implements.

Feed 16 kHz mono int16 chunks (any length; the app sends 100 ms) and receive
events: ``Partial`` while a phrase is still being heard, ``Final`` when it
settles (with word timings), ``EngineError`` when something goes wrong.
An engine is used by one thread at a time.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

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


class ModelLoadError(Exception):
    """A speech model cannot be loaded; the message is one plain sentence."""


class DamagedModelError(ModelLoadError):
    """The model's files are all there, but the engine cannot use them (damaged)."""


Progress = Callable[[str], None]


class Recogniser(ABC):
    """A streaming recogniser. Construct it with a loaded model (see loader.py).

    The slow part, loading a model, is the class method ``load_model``; the
    loader calls it once per model and process. ``__init__(model, *,
    vocabulary=(), dictation=False, partials=True)`` is then cheap, so every
    stream (a dictation box, the captions window) gets its own recogniser.
    """

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    @classmethod
    @abstractmethod
    def availability(cls) -> Availability:
        """Whether this engine's library is importable and a model is present."""

    @classmethod
    def default_model_path(cls) -> Path | None:
        """The model this engine uses when none is named (None if it needs none)."""
        return None

    @classmethod
    def load_model(cls, path: Path | None, progress: Progress | None = None) -> Any:
        """Load the model at ``path`` (slow). Raises ModelLoadError with a plain message."""
        return None

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
