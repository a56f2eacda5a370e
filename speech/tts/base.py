"""The one small interface every text-to-speech engine implements.

An engine synthesises text to mono 16-bit samples together with one
``WordBoundary`` per word (character offset and length into the ORIGINAL
text, and the time in the audio where the word starts), so the lesson view
can highlight the word being spoken. ``speak`` plays that audio through
``speech.playback.Player`` and reports each word against the audio clock;
``stop``, ``pause`` and ``resume`` act on it from any thread.

Rates are words per minute, or a scale from 0.5x to 2x of the engine's normal
rate. An engine is used by one thread at a time (``stop``/``pause``/``resume``
excepted).
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
import threading
import wave
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import numpy as np

if TYPE_CHECKING:
    from speech.playback import PlaybackEvent, Player

RATE_SCALE_MIN = 0.5
RATE_SCALE_MAX = 2.0

AudioCallback = Callable[[np.ndarray], None]


class SynthesisError(Exception):
    """A text-to-speech problem; ``str(error)`` is one sentence a teacher understands."""


class UnknownVoice(SynthesisError):
    """The voice asked for is not installed."""


class RateOutOfRange(SynthesisError):
    """The speaking rate asked for is outside what the engine allows."""


class SynthesisCancelled(SynthesisError):
    """``stop`` was called while the text was being synthesised."""


@dataclass(frozen=True)
class Voice:
    """One installed voice. ``language`` is the engine's code, e.g. ``en-gb-x-rp``."""

    id: str
    name: str
    language: str = ""
    gender: str | None = None


@dataclass(frozen=True)
class WordBoundary:
    """Where a word is: ``text[offset:offset + length]``, spoken from ``time`` seconds.

    ``estimated`` is True when the engine gave no time for this word and it
    was placed by interpolation (never silently guessed).
    """

    offset: int
    length: int
    time: float
    estimated: bool = False

    def word(self, text: str) -> str:
        """The word itself, taken from the text that was synthesised."""
        return text[self.offset : self.offset + self.length]


@dataclass(frozen=True)
class Synthesis:
    """Synthesised speech: mono int16 samples, their rate and the word boundaries."""

    text: str
    samples: np.ndarray
    sample_rate: int
    words: tuple[WordBoundary, ...] = field(default_factory=tuple)
    # Seconds from the request to the engine's first audio samples (None if
    # it produced none): what ``lesson-lab bench tts`` reports.
    first_audio_after: float | None = None

    @property
    def duration(self) -> float:
        """Length of the audio in seconds."""
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0

    def write_wav(self, path: str | Path) -> Path:
        """Write the audio as a 16-bit mono WAV file; a clear error if that fails."""
        path = Path(path)
        # Built in memory first: a wave writer that fails to open its file
        # leaves an object that complains again when garbage-collected.
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self.sample_rate)
            wav.writeframes(np.ascontiguousarray(self.samples, dtype="<i2").tobytes())
        try:
            _write_whole(path, buffer.getvalue())
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise SynthesisError(
                    f"Could not save the sound file {path}: the disk is full. Delete some "
                    "files or choose another place, then try again. Nothing was lost."
                ) from error
            reason = error.strerror or str(error)
            raise SynthesisError(f"Could not save the sound file {path}: {reason}.") from error
        return path


def _write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    A temporary file beside it, flushed to the disk, then put in its place in
    one step: a full disk leaves a sound file saved there before as it was,
    never cut short. The same pattern as lessons/atomic_file.py, which speech/
    may not import (see the import-linter contracts in pyproject.toml).
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp's owner-only 0600 is wrong for a file pupils take home: the umask decides.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Availability:
    """Whether an engine can run here, and if not, why not (plain English)."""

    available: bool
    reason: str = ""


_BRITISH_HINTS = ("en-gb", "en_gb", "great britain", "united kingdom", "british")


def english_rank(voice: Voice) -> int | None:
    """How British an English voice is: 0 Received Pronunciation, 1 standard
    British English, 2 another British accent, 3 other English; None if not English."""
    language = voice.language.lower().replace("_", "-")
    described = f"{voice.id} {voice.name} {voice.language}".lower()
    if language == "en-gb-x-rp" or "received pronunciation" in described:
        return 0
    if language == "en-gb" or "(great britain)" in described:
        return 1
    if any(hint in described for hint in _BRITISH_HINTS):
        return 2
    if language == "en" or language.startswith("en-") or "english" in described:
        return 3
    return None


def pick_british_voice(voices: Sequence[Voice]) -> Voice | None:
    """The voice to use by default: British English if there is one, else any English.

    Received Pronunciation first, then standard British English, then other
    British accents, then any English voice. None when there is no English voice.
    """
    ranked = [(english_rank(voice), i, voice) for i, voice in enumerate(voices)]
    ranked = [item for item in ranked if item[0] is not None]
    return min(ranked)[2] if ranked else None


#: espeak-ng keeps invented and auxiliary languages (Klingon, Quenya, Lojban,
#: Esperanto…) in its "art" group. Nobody in a classroom in England needs them.
_INVENTED_LANGUAGES = "art/"


def classroom_voices(voices: Sequence[Voice]) -> tuple[list[Voice], list[Voice]]:
    """The voices worth offering a class: (English, other languages).

    A voice is English by its language code (by its name only when the
    engine gives no code: "Mandarin, latin as English" is not English).
    English voices go British first (``english_rank``), then by name; the
    other languages by name. Invented languages are left out.
    """

    def english(voice: Voice) -> bool:
        code = voice.language.lower().replace("_", "-")
        if code:
            return code == "en" or code.startswith("en-")
        return english_rank(voice) is not None

    kept = [v for v in voices if not v.id.startswith(_INVENTED_LANGUAGES)]
    return (sorted((v for v in kept if english(v)), key=lambda v: (english_rank(v), v.name)),
            sorted((v for v in kept if not english(v)), key=lambda v: v.name))


class Synthesiser(ABC):
    """A text-to-speech engine. Subclasses implement the abstract methods."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self) -> None:
        self._rate: float = self.normal_rate
        self._player: Player | None = None
        self._stop_requested = threading.Event()
        # Whether speech should be paused. Kept here, not only in the player,
        # because a pause may come while the text is still being synthesised
        # (no player yet); the player is then started paused. The lock makes
        # "which player, and is it paused" one step for pause, resume and speak.
        self._paused = False
        self._speaking = False  # inside speak(): a pause only means something then
        self._pause_lock = threading.Lock()

    # --- what the engine can do -------------------------------------------------

    @classmethod
    @abstractmethod
    def availability(cls) -> Availability:
        """Whether this engine's library and voices are usable on this machine."""

    @property
    @abstractmethod
    def normal_rate(self) -> float:
        """The engine's normal speaking rate in words per minute (scale 1.0)."""

    @abstractmethod
    def voices(self) -> list[Voice]:
        """Every installed voice."""

    @property
    @abstractmethod
    def voice(self) -> Voice | None:
        """The voice in use (None if the engine has no voices)."""

    @abstractmethod
    def set_voice(self, voice_id: str) -> Voice:
        """Use the voice with this id; raise ``UnknownVoice`` if it is not installed."""

    @abstractmethod
    def _synthesise(self, text: str, on_audio: AudioCallback | None) -> Synthesis:
        """Engine-specific synthesis of non-empty ``text`` at the current voice and rate."""

    def _cancel_synthesis(self) -> None:
        """Interrupt a synthesis in progress (engines that can, override this)."""
        return None

    # --- voices and rate --------------------------------------------------------

    def default_voice(self) -> Voice | None:
        """The voice the app starts with: British English where one is installed."""
        voices = self.voices()
        return pick_british_voice(voices) or (voices[0] if voices else None)

    @property
    def min_rate(self) -> float:
        """The slowest rate allowed, in words per minute (0.5x normal)."""
        return self.normal_rate * RATE_SCALE_MIN

    @property
    def max_rate(self) -> float:
        """The fastest rate allowed, in words per minute (2x normal)."""
        return self.normal_rate * RATE_SCALE_MAX

    @property
    def rate(self) -> float:
        """The speaking rate in words per minute."""
        return self._rate

    def set_rate(self, words_per_minute: float) -> None:
        """Set the rate in words per minute; ``RateOutOfRange`` outside 0.5x to 2x normal."""
        low, high = round(self.min_rate), round(self.max_rate)
        if not low <= words_per_minute <= high:
            raise RateOutOfRange(f"Choose a speaking rate between {low} and {high} words a minute.")
        self._rate = float(words_per_minute)

    @property
    def rate_scale(self) -> float:
        """The rate as a multiple of the engine's normal rate (0.5 to 2.0)."""
        return self._rate / self.normal_rate

    def set_rate_scale(self, scale: float) -> None:
        """Set the rate as a multiple of normal; ``RateOutOfRange`` outside 0.5 to 2."""
        if not RATE_SCALE_MIN <= scale <= RATE_SCALE_MAX:
            raise RateOutOfRange("Choose a speaking speed between half and double normal speed.")
        self._rate = self.normal_rate * scale

    # --- synthesis --------------------------------------------------------------

    def synthesise(self, text: str, on_audio: AudioCallback | None = None) -> Synthesis:
        """Synthesise ``text`` to samples and word boundaries.

        ``on_audio`` (optional) receives each block of int16 samples as soon as
        the engine makes it, on the engine's own thread: keep it quick.
        Raises ``SynthesisError`` for empty text or an engine failure.
        """
        if not text or not text.strip():
            raise SynthesisError("There is no text to read aloud.")
        return self._synthesise(text, on_audio)

    def save_wav(self, text: str, path: str | Path) -> Synthesis:
        """Synthesise ``text`` into a WAV file at ``path`` and return the synthesis."""
        synthesis = self.synthesise(text)
        synthesis.write_wav(path)
        return synthesis

    # --- speaking ----------------------------------------------------------------

    def speak(self, text: str, device: int | str | None = None) -> Iterator[PlaybackEvent]:
        """Speak ``text`` on an output device, yielding playback events as they happen.

        Run it on a worker thread and iterate: ``PlaybackStarted``, one
        ``WordStarted`` per word when the audio clock reaches it, then
        ``PlaybackFinished`` (or ``PlaybackError``). ``stop``, ``pause`` and
        ``resume`` may be called from any other thread meanwhile.
        """
        self._stop_requested.clear()
        with self._pause_lock:
            self._speaking = True
        try:
            yield from self._synthesise_and_play(text, device)
        finally:
            # A pause belongs to this reading: the next one starts unpaused.
            with self._pause_lock:
                self._player = None
                self._paused = False
                self._speaking = False

    def _synthesise_and_play(self, text: str, device: int | str | None) -> Iterator[PlaybackEvent]:
        from speech.playback import PlaybackError, PlaybackFinished, Player

        try:
            synthesis = self.synthesise(text)
        except SynthesisCancelled:
            yield PlaybackFinished(completed=False, position=0.0)
            return
        except SynthesisError as error:
            yield PlaybackError(str(error))
            return
        if self._stop_requested.is_set():
            yield PlaybackFinished(completed=False, position=0.0)
            return
        player = Player(device)
        with self._pause_lock:
            self._player = player
            if self._paused:  # pause() came while synthesising: start paused
                player.pause()
        if self._stop_requested.is_set():  # stop() came before the player existed
            player.stop()
        yield from player.play(synthesis.samples, synthesis.sample_rate, synthesis.words)

    def stop(self) -> None:
        """Stop speaking (or synthesising) as soon as possible. Safe from any thread."""
        self._stop_requested.set()
        self._cancel_synthesis()
        with self._pause_lock:
            self._paused = False
            player = self._player
        if player is not None:
            player.stop()

    def pause(self) -> None:
        """Pause speech; ``resume`` carries on from the same word. Safe from any thread.

        A pause while the text is still being synthesised is kept: the sound
        starts paused. It lasts until ``resume`` or ``stop``, or until that
        ``speak`` ends. Outside ``speak`` there is nothing to pause.
        """
        with self._pause_lock:
            if not self._speaking:
                return
            self._paused = True
            if self._player is not None:
                self._player.pause()

    def resume(self) -> None:
        """Carry on after ``pause``. Safe from any thread."""
        with self._pause_lock:
            self._paused = False
            if self._player is not None:
                self._player.resume()

    @property
    def paused(self) -> bool:
        """True between ``pause`` and ``resume`` (or ``stop``)."""
        return self._paused

    @property
    def position(self) -> float:
        """Seconds of the sound now being spoken that have been heard, by the audio clock.

        0.0 when nothing is playing. While paused it stays where the sound stopped.
        """
        player = self._player
        return player.position if player is not None else 0.0

    def close(self) -> None:
        """Release the engine (stop any speech first)."""
        self.stop()
