"""Which text-to-speech engine to use: the fallback order, like NVDA's synth drivers.

The computer's own voices (pyttsx3) first; the null engine (silence at
reading pace) when there are none, so read-aloud highlighting still works.
"""

from __future__ import annotations

from speech.tts.base import Synthesiser, SynthesisError
from speech.tts.null_engine import NullSynthesiser


def engine_classes() -> list[type[Synthesiser]]:
    """Every engine, best first. Importing them does not load any engine library."""
    from speech.tts.pyttsx3_engine import Pyttsx3Synthesiser

    return [Pyttsx3Synthesiser, NullSynthesiser]


def create_synthesiser(preferred: str | None = None) -> tuple[Synthesiser, str]:
    """The preferred engine (by ``name``) if it works, else the first that does.

    Returns the engine and a plain sentence saying why the preferred or best
    engine was not used ("" when it was).
    """
    classes = engine_classes()
    if preferred:
        classes.sort(key=lambda cls: cls.name != preferred)
    reasons = []
    for cls in classes:
        availability = cls.availability()
        if not availability.available:
            reasons.append(availability.reason)
            continue
        try:
            return cls(), " ".join(reasons)
        except SynthesisError as error:
            reasons.append(str(error))
    # NullSynthesiser is always available and cannot fail to start.
    raise AssertionError("no text-to-speech engine could start")
