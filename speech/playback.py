"""Play speech on an output device and say which word is being heard.

``Player.play`` opens a sounddevice ``OutputStream`` and yields events on the
calling (worker) thread: ``PlaybackStarted``, a ``WordStarted`` for each word
when the AUDIO CLOCK reaches it, ``PlaybackPaused``/``PlaybackResumed``, and
finally ``PlaybackFinished`` or ``PlaybackError``. ``pause``, ``resume`` and
``stop`` may be called from any thread and never hang.

The audio clock: every output callback records which samples it wrote and
PortAudio's ``outputBufferDacTime`` (when the first of them reaches the
speaker, on the stream's clock). The position heard now is therefore
``first_sample + (stream.time - dac_time) * rate`` for the latest block whose
time has come, capped at that block's end. While paused the callback writes
silence and records nothing, so the position stops where the sound stopped.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from speech.audio import close_stream_quietly
from speech.audio_devices import AudioDeviceError, resolve_device
from speech.tts.base import WordBoundary

SPEAKERS_GONE = "The speakers stopped working — they may have been unplugged."
SPEAKERS_REFUSED = (
    "The speakers would not start. Close other programs that use them, "
    "or choose other speakers, and try again."
)


@dataclass(frozen=True)
class PlaybackStarted:
    """Sound is starting: ``duration`` seconds of audio on ``device``."""

    duration: float
    device: str


@dataclass(frozen=True)
class WordStarted:
    """The audio clock has reached ``word`` (``position`` seconds into the audio)."""

    word: WordBoundary
    position: float


@dataclass(frozen=True)
class PlaybackPaused:
    """Paused at ``position`` seconds."""

    position: float


@dataclass(frozen=True)
class PlaybackResumed:
    """Carrying on from ``position`` seconds."""

    position: float


@dataclass(frozen=True)
class PlaybackFinished:
    """Playback ended: ``completed`` is False when it was stopped early."""

    completed: bool
    position: float


@dataclass(frozen=True)
class PlaybackError:
    """Playback failed; ``message`` is one sentence a teacher understands."""

    message: str


PlaybackEvent = (
    PlaybackStarted
    | WordStarted
    | PlaybackPaused
    | PlaybackResumed
    | PlaybackFinished
    | PlaybackError
)


class Player:
    """Plays one sound at a time on an output device (None: the default)."""

    def __init__(
        self,
        device: int | str | None = None,
        *,
        stall_timeout: float = 2.0,
        poll_interval: float = 0.01,
    ) -> None:
        self._device_request = device
        self.stall_timeout = stall_timeout
        self.poll_interval = poll_interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._done = threading.Event()
        self._paused = False
        self._data = np.zeros(0, dtype=np.float32)
        self._rate = 1
        self._written = 0
        self._all_written = False
        self._blocks: deque[tuple[int, int, float]] = deque(maxlen=256)
        self._latency = 0.0
        self._last_callback = 0.0
        self._stream = None
        self._sd = None

    # --- control (any thread) ---------------------------------------------------

    def stop(self) -> None:
        """Stop playing as soon as possible."""
        self._stop.set()
        self._wake.set()

    def pause(self) -> None:
        """Pause: silence until ``resume``; the audio clock stops with the sound."""
        self._paused = True
        self._wake.set()

    def resume(self) -> None:
        """Carry on from where ``pause`` stopped."""
        self._paused = False
        self._wake.set()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def position(self) -> float:
        """Seconds of the current sound heard so far, by the audio clock."""
        stream = self._stream
        if stream is None:
            return self._written / self._rate
        try:
            now = stream.time
        except Exception:  # noqa: BLE001 - a closed or broken stream has no clock
            return self._written / self._rate
        return self._frames_heard(now) / self._rate

    # --- playing (the worker thread) -----------------------------------------------

    def play(
        self, samples: np.ndarray, sample_rate: int, words: Sequence[WordBoundary] = ()
    ) -> Iterator[PlaybackEvent]:
        """Play mono ``samples`` (int16 or float) and yield events until the end.

        ``words`` are reported as ``WordStarted`` when the audio clock reaches
        their time. A ``stop`` that came before ``play`` ends it at once.
        """
        import sounddevice as sd

        self._sd = sd
        data = np.asarray(samples)
        if data.dtype == np.int16:
            data = data.astype(np.float32) / 32768.0
        data = np.ascontiguousarray(data.reshape(-1), dtype=np.float32)
        ordered = sorted(words, key=lambda word: word.time)
        try:
            device = resolve_device(self._device_request, "output")
        except AudioDeviceError as error:
            yield PlaybackError(str(error))
            return
        if not self._open(device, data, int(sample_rate)):
            yield PlaybackError(SPEAKERS_REFUSED)
            return
        duration = len(data) / sample_rate
        try:
            yield from self._run(device.name, ordered, duration)
        finally:
            self._close()
            self._stop.clear()
            self._paused = False

    def _open(self, device, data: np.ndarray, rate: int) -> bool:
        """Open and start the stream, resampling if the device refuses ``rate``."""
        sd = self._sd
        attempts = [(rate, data)]
        native = int(device.default_samplerate)
        if native and native != rate:
            attempts.append((native, None))
        for attempt_rate, attempt_data in attempts:
            if attempt_data is None:
                import soxr

                attempt_data = soxr.resample(data, rate, attempt_rate).astype(np.float32)
            self._data, self._rate = attempt_data, attempt_rate
            self._written, self._all_written = 0, False
            self._blocks.clear()
            self._done.clear()
            stream = None
            # Mono first; a device that refuses it gets the same sound on two channels.
            for channels in (1, 2) if device.output_channels >= 2 else (1,):
                try:
                    stream = sd.OutputStream(
                        device=device.index,
                        samplerate=attempt_rate,
                        channels=channels,
                        dtype="float32",
                        # Reading aloud can afford a larger buffer: word highlights
                        # follow the DAC clock, and a busy machine must not stutter.
                        latency="high",
                        callback=self._on_output,
                        finished_callback=self._on_finished,
                    )
                    break
                except (sd.PortAudioError, ValueError):
                    continue
            if stream is None:
                continue
            self._latency = float(stream.latency or 0.0)
            self._stream = stream
            self._last_callback = time.monotonic()
            try:
                stream.start()
            except sd.PortAudioError:
                self._close()
                continue
            return True
        return False

    def _run(
        self, device_name: str, words: list[WordBoundary], duration: float
    ) -> Iterator[PlaybackEvent]:
        yield PlaybackStarted(duration, device_name)
        next_word = 0
        was_paused = False
        while True:
            self._wake.wait(self.poll_interval)
            self._wake.clear()
            if self._stop.is_set():
                position = self.position
                self._close()
                yield PlaybackFinished(completed=False, position=position)
                return
            if self._paused != was_paused:
                was_paused = self._paused
                event = PlaybackPaused if was_paused else PlaybackResumed
                yield event(self.position)
            position = self.position
            while next_word < len(words) and words[next_word].time <= position:
                yield WordStarted(words[next_word], position)
                next_word += 1
            if self._done.is_set():
                self._close()
                if not self._all_written:
                    yield PlaybackError(SPEAKERS_GONE)
                    return
                # PortAudio has played every buffer: the rest of the words were heard.
                for word in words[next_word:]:
                    yield WordStarted(word, duration)
                yield PlaybackFinished(completed=True, position=duration)
                return
            if time.monotonic() - self._last_callback > self.stall_timeout:
                self._close()
                yield PlaybackError(SPEAKERS_GONE)
                return

    def _close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            close_stream_quietly(stream)

    # --- the audio thread ------------------------------------------------------------

    def _on_output(self, outdata, frames, time_info, status) -> None:
        self._last_callback = time.monotonic()
        if self._stop.is_set():
            outdata.fill(0)
            raise self._sd.CallbackAbort
        if self._paused:
            outdata.fill(0)
            return
        start = self._written
        chunk = self._data[start : start + frames]
        count = len(chunk)
        outdata[:count] = chunk[:, None]  # every channel (usually just one)
        outdata[count:] = 0
        if count:
            # Some host APIs report no DAC time: estimate it from the latency.
            dac_time = time_info.outputBufferDacTime or (time_info.currentTime + self._latency)
            self._blocks.append((start, count, dac_time))
        self._written = start + count
        if self._written >= len(self._data):
            self._all_written = True
            raise self._sd.CallbackStop

    def _on_finished(self) -> None:
        self._done.set()
        self._wake.set()

    def _frames_heard(self, now: float) -> int:
        """Frames that have reached the speaker by stream time ``now``."""
        blocks = list(self._blocks)  # a snapshot: the audio thread appends meanwhile
        for start, count, dac_time in reversed(blocks):
            if dac_time <= now:
                return start + min(count, int((now - dac_time) * self._rate))
        return blocks[0][0] if blocks else 0
