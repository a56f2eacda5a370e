"""Choosing the read-aloud voice, speed and speaker.

A mixin for ``ReadAloudController`` (app/read_aloud.py), which holds the
state these methods read and change: the voices the engine found, the voice
and speed chosen, and the worker that plays the sound. A change made while
reading waits for the slider or menu to settle, then the current sentence
is read again with it (the controller's ``_settings_later``).
"""

from __future__ import annotations

import math

from app.read_aloud_text import format_rate
from speech.tts.base import RATE_SCALE_MAX, RATE_SCALE_MIN, Voice

#: One step of "faster" or "slower" (a multiple of normal speed).
RATE_STEP = 0.1


class VoiceAndSpeed:
    """The controller's voice, speed and speaker methods (mixed into ReadAloudController)."""

    def rate_scale(self) -> float:
        """The speed as a multiple of normal, 0.5 to 2."""
        return self._rate

    def set_rate_scale(self, scale: float) -> None:
        """Change the speed (clamped to 0.5x to 2x); a reading carries on at it."""
        scale = round(min(RATE_SCALE_MAX, max(RATE_SCALE_MIN, scale)), 2)
        if math.isclose(scale, self._rate):
            return
        self._rate = scale
        self.rate_changed.emit(scale)
        self.status_changed.emit(self.tr("Reading speed {speed}.").format(
            speed=format_rate(scale)))
        self._settings_later()

    def faster(self) -> None:
        """A little faster (one step of 0.1x)."""
        self.set_rate_scale(self._rate + RATE_STEP)

    def slower(self) -> None:
        """A little slower (one step of 0.1x)."""
        self.set_rate_scale(self._rate - RATE_STEP)

    def voices(self) -> list[Voice]:
        """The voices installed (empty until the engine has started, or when there are none)."""
        return list(self._voices or [])

    def voices_known(self) -> bool:
        """True once the engine has said which voices there are."""
        return self._voices is not None

    def engine_name(self) -> str:
        """The text-to-speech engine's name ("pyttsx3", "none"), or "" before it starts."""
        synthesiser = self._worker.synthesiser
        return synthesiser.name if synthesiser is not None else ""

    def engine_note(self) -> str:
        """Why no voice could be used (e.g. how to install eSpeak NG), or ""."""
        return self._engine_note

    def voice_id(self) -> str | None:
        """The voice chosen (kept for every reading until changed)."""
        return self._voice_id

    def voice_name(self) -> str:
        """The chosen voice's name, or "" when there is none (yet)."""
        for voice in self._voices or []:
            if voice.id == self._voice_id:
                return voice.name
        return ""

    def set_voice(self, voice_id: str) -> bool:
        """Use this voice from now on; a reading carries on with it. False if not installed."""
        if self._voices is not None and not any(v.id == voice_id for v in self._voices):
            self.error.emit(self.tr("That voice is not installed on this computer."))
            return False
        if voice_id == self._voice_id:
            return True
        self._voice_id = voice_id
        name = self.voice_name() or voice_id
        self.voice_changed.emit(name)
        self.status_changed.emit(self.tr("Voice: {name}.").format(name=name))
        self._settings_later()
        return True

    def output_device(self) -> str | None:
        """The speaker read aloud plays on (a name; None: the system default)."""
        return self._worker.device

    def set_output_device(self, device: str | None) -> None:
        """Play on ``device`` (None: the system default) from the next sound on."""
        self._worker.device = device or None  # the worker takes it for each new chunk
