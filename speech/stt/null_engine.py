"""The engine of last resort: hears nothing, and says so once.

Used when neither Vosk nor Whisper can run, so the app still opens and the
dictation panel can explain why no words appear.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from speech.stt.base import Availability, EngineError, Event, Recogniser

NO_ENGINE_MESSAGE = (
    "No speech recognition is available on this computer, so dictation is switched off."
)


class NullRecogniser(Recogniser):
    """Accepts audio and returns no words; the first chunk gives one EngineError."""

    name = "none"
    description = "No speech recognition: a stand-in when no other engine can run."

    @classmethod
    def availability(cls) -> Availability:
        """Always available."""
        return Availability(True)

    def __init__(
        self,
        model: Any = None,
        *,
        vocabulary: Sequence[str] = (),
        dictation: bool = False,
        partials: bool = True,
    ) -> None:
        self._told = False

    def accept(self, chunk: np.ndarray) -> list[Event]:
        """Return the explanation once, then nothing."""
        if self._told:
            return []
        self._told = True
        return [EngineError(NO_ENGINE_MESSAGE)]

    def flush(self) -> list[Event]:
        """Nothing is ever pending."""
        return []

    def reset(self) -> None:
        """Nothing to forget."""
