"""Capture speech from a microphone for recognition.

``Capture`` records from a chosen input device at the device's own rate
(sounddevice ``InputStream``), converts to 16 kHz mono int16 with a streaming
soxr resampler, and delivers ``AudioChunk`` events of 100 ms (1600 samples)
and ``Level`` events (dBFS) about 20 times a second. The audio callback only
enqueues; all the work happens on the thread that iterates ``events()``.

Problems never raise and never hang: they arrive as one ``AudioError`` with a
sentence a teacher understands, followed by ``Stopped``. Everything captured
before a problem is delivered first.

sounddevice is imported lazily: importing it starts PortAudio, which lists the
devices once. Listing and choosing devices is in speech/audio_devices.py.
"""

from __future__ import annotations

import contextlib
import math
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from speech.audio_devices import NO_MICROPHONE, AudioDevice, AudioDeviceError, resolve_device
from speech.sound_server import SpeakersWatch, records_the_speakers, speakers_watch

SAMPLE_RATE = 16_000
CHUNK_SAMPLES = 1_600  # 100 ms at 16 kHz
LEVEL_SAMPLES = 800  # 50 ms: about 20 level readings a second
SILENCE_DBFS = -100.0  # the floor reported for digital silence
# How long an open microphone may deliver nothing before it counts as gone.
# Unplugging ends the stream at once (PortAudio's finished callback), so this
# only catches a driver that hangs without saying so; it is generous because
# a busy computer can hold audio back for a second or two.
STALL_TIMEOUT = 5.0
# A watch that wakes late (the computer was too busy to run this thread)
# counts at most this much towards a stall: the device is judged only over
# time the consumer was really watching it, never over time it was not run.
_MAX_WATCH_STEP = 0.25
# How often a capture through a sound server checks that it still records a
# microphone, not the speakers' monitor (speech/sound_server.py).
SOURCE_CHECK_S = 2.0

MICROPHONE_GONE = (
    "The microphone stopped working — it may have been unplugged. Your text so far is kept."
)
MICROPHONE_REFUSED = (
    "The microphone would not start. Close other programs that use it, or choose another "
    "microphone, and try again."
)


# --- capture events ----------------------------------------------------------


@dataclass(frozen=True)
class AudioChunk:
    """16 kHz mono int16 samples: 1600 of them (100 ms), except perhaps the last."""

    samples: np.ndarray


@dataclass(frozen=True)
class Level:
    """The input level over the last 50 ms, in dBFS (0 is full scale, -100 silence)."""

    dbfs: float


@dataclass(frozen=True)
class AudioError:
    """Capture failed; ``message`` is one sentence a teacher understands."""

    message: str


@dataclass(frozen=True)
class Stopped:
    """Capture has ended; nothing follows."""


CaptureEvent = AudioChunk | Level | AudioError | Stopped


def level_dbfs(samples: np.ndarray) -> float:
    """RMS level of int16 ``samples`` in dBFS, floored at ``SILENCE_DBFS``."""
    if len(samples) == 0:
        return SILENCE_DBFS
    rms = math.sqrt(float(np.mean(np.square(samples.astype(np.float64))))) / 32768.0
    if rms <= 0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 20.0 * math.log10(rms))


class _Ended:
    """Queue marker: the stream finished (PortAudio's finished callback)."""


class Capture:
    """Record a microphone as 100 ms chunks of 16 kHz mono int16, with levels.

    Use from one worker thread::

        capture = Capture(device)
        capture.start()
        for event in capture.events():
            ...   # AudioChunk, Level, AudioError, then Stopped (always last)

    ``stop()`` may be called from any thread. ``stall_timeout`` is how long
    the device may deliver nothing, while this thread watches it, before it
    counts as gone; a stream that has really stopped counts as gone at once.
    """

    def __init__(
        self,
        device: int | str | None = None,
        *,
        samplerate: float | None = None,
        stall_timeout: float = STALL_TIMEOUT,
    ) -> None:
        self._device_request = device
        self._samplerate_request = samplerate
        self.stall_timeout = stall_timeout
        self.device: AudioDevice | None = None
        self.input_rate: float | None = None
        self._raw: queue.SimpleQueue = queue.SimpleQueue()
        self._pending: list[CaptureEvent] = []
        self._stream = None
        self._resampler = None
        self._buffer = np.zeros(0, dtype=np.int16)
        self._level_buffer = np.zeros(0, dtype=np.int16)
        self._stop = threading.Event()
        self._started = False
        self._finished = False
        # Progress as the audio thread sees it (callbacks so far), and how long
        # the consumer has watched without any (see ``_watch``).
        self._callbacks = 0
        self._seen_callbacks = 0
        self._quiet = 0.0
        self._last_watch = 0.0
        self.overflows = 0
        # Recording through a sound server: is it still a microphone?
        self._speakers_watch: SpeakersWatch | None = None
        self._next_source_check = 0.0

    # --- control (any thread) ---------------------------------------------------

    def start(self) -> None:
        """Open the device and start recording. Problems become events, not exceptions."""
        if self._started:
            return
        self._started = True
        import sounddevice as sd  # lazily: importing it starts PortAudio
        try:
            self.device = resolve_device(self._device_request, "input")
        except AudioDeviceError as error:
            self._fail(str(error))
            return
        if records_the_speakers(self.device.name, self.device.host_api):
            self._fail(NO_MICROPHONE)  # only the speakers' monitor (speech/sound_server.py)
            return
        # Through a sound server the stream may later be moved to the speakers:
        # it is found on the server as it opens, and checked every SOURCE_CHECK_S.
        watch = self._speakers_watch = speakers_watch(self.device.name, self.device.host_api)
        self._next_source_check = time.monotonic() + SOURCE_CHECK_S
        with watch.opening() if watch is not None else contextlib.nullcontext():
            self._open_stream(sd)

    def _open_stream(self, sd) -> None:
        """Open the device at a rate and channel count it accepts, or fail."""
        import soxr

        if self._samplerate_request:
            rates = [float(self._samplerate_request)]  # asked for: no substitutes
        else:
            # The device's own rate first; common rates if a driver refuses it.
            rates = list(dict.fromkeys([self.device.default_samplerate, 48_000.0, 44_100.0]))
        channel_counts = [1, 2] if self.device.input_channels >= 2 else [1]
        for rate in rates:
            for channels in channel_counts:
                # Ready before the stream starts: the consumer may already be waiting.
                self._resampler = soxr.ResampleStream(
                    rate, SAMPLE_RATE, 1, dtype="float32", quality="HQ"
                )
                self._quiet, self._last_watch = 0.0, time.monotonic()
                try:
                    self._stream = sd.InputStream(
                        device=self.device.index,
                        samplerate=rate,
                        channels=channels,
                        dtype="float32",
                        callback=self._on_audio,
                        finished_callback=self._on_finished,
                    )
                    self._stream.start()
                except (sd.PortAudioError, ValueError):
                    self._close_stream()
                    self._discard_queued()  # nothing from a failed attempt counts
                    continue
                self.input_rate = rate
                return
        self._resampler = None
        self._fail(MICROPHONE_REFUSED)

    def stop(self) -> None:
        """Stop recording; ``events()`` delivers what is left, then ``Stopped``."""
        self._stop.set()
        self._raw.put(None)  # wake the consumer

    def close(self) -> None:
        """Release the device at once (for clean-up when nobody iterates ``events``)."""
        self._stop.set()
        self._close_stream()

    def __enter__(self) -> Capture:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # --- the audio thread: enqueue only ------------------------------------------

    def _on_audio(self, indata, frames, time_info, status) -> None:
        self._callbacks += 1  # the device's own progress, whether or not anyone reads it
        if status.input_overflow:
            self.overflows += 1
        # A device that would not open in mono is mixed down here (cheap).
        mono = indata[:, 0].copy() if indata.shape[1] == 1 else indata.mean(axis=1)
        self._raw.put(mono)

    def _on_finished(self) -> None:
        self._raw.put(_Ended())

    # --- the consumer thread --------------------------------------------------------

    def events(self, timeout: float | None = None) -> Iterator[CaptureEvent]:
        """Yield events until ``Stopped`` (always the last one).

        With ``timeout``, also stop after that many seconds without an event
        (the iterator then simply ends, and capture carries on).
        """
        while True:
            event = self.next_event(timeout)
            if event is None:
                return
            yield event
            if isinstance(event, Stopped):
                return

    def next_event(self, timeout: float | None = None) -> CaptureEvent | None:
        """The next event, or None if ``timeout`` seconds pass without one."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._pending:
            if self._finished:
                return Stopped()
            if not self._started:
                if self._stop.is_set():  # stopped before it ever started
                    self._started = True
                    self._finish()
                    continue
                self.start()
                continue
            wait = 0.05
            if deadline is not None:
                wait = min(wait, deadline - time.monotonic())
                if wait <= 0:
                    return None
            try:
                item = self._raw.get(timeout=wait)
            except queue.Empty:
                item = False
            self._handle(item)
        return self._pending.pop(0)

    def _handle(self, item) -> None:
        if isinstance(item, np.ndarray):
            self._quiet, self._last_watch = 0.0, time.monotonic()
            self._process(item, last=False)
            watch = self._speakers_watch
            if watch is not None and self._last_watch >= self._next_source_check:
                self._next_source_check = self._last_watch + SOURCE_CHECK_S
                if watch.moved_to_the_speakers():
                    # The microphone went and the server moved us to the speakers.
                    self._fail(MICROPHONE_GONE)
            return
        if self._stop.is_set():
            self._finish()
            return
        if isinstance(item, _Ended):
            self._fail(MICROPHONE_GONE)
            return
        stream = self._stream
        if stream is not None and (not stream.active or self._watch() > self.stall_timeout):
            self._fail(MICROPHONE_GONE)

    def _watch(self) -> float:
        """Seconds this thread has watched the device deliver nothing.

        A wake-up that comes late adds at most ``_MAX_WATCH_STEP``: when the
        whole process was held up (a busy computer), the device was not being
        watched, and its audio is about to arrive. Any callback since the last
        look starts the count again, even if its audio is not yet read.
        """
        now = time.monotonic()
        step = min(max(0.0, now - self._last_watch), _MAX_WATCH_STEP)
        self._last_watch = now
        callbacks = self._callbacks
        if callbacks != self._seen_callbacks:
            self._seen_callbacks = callbacks
            self._quiet = 0.0
        else:
            self._quiet += step
        return self._quiet

    def _process(self, block: np.ndarray, last: bool) -> None:
        resampled = self._resampler.resample_chunk(block.reshape(-1, 1), last=last)
        scaled = np.clip(np.rint(resampled[:, 0] * 32768.0), -32768, 32767).astype(np.int16)
        self._buffer = np.concatenate([self._buffer, scaled])
        while len(self._buffer) >= CHUNK_SAMPLES:
            self._pending.append(AudioChunk(self._buffer[:CHUNK_SAMPLES]))
            self._buffer = self._buffer[CHUNK_SAMPLES:]
        self._level_buffer = np.concatenate([self._level_buffer, scaled])
        while len(self._level_buffer) >= LEVEL_SAMPLES:
            self._pending.append(Level(level_dbfs(self._level_buffer[:LEVEL_SAMPLES])))
            self._level_buffer = self._level_buffer[LEVEL_SAMPLES:]

    def _discard_queued(self) -> None:
        while True:
            try:
                self._raw.get_nowait()
            except queue.Empty:
                return

    def _drain_and_flush(self) -> None:
        """Close the device, process audio still queued, and deliver the remainder."""
        self._close_stream()
        while True:
            try:
                item = self._raw.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, np.ndarray) and self._resampler is not None:
                self._process(item, last=False)
        if self._resampler is not None:
            self._process(np.zeros(0, dtype=np.float32), last=True)
            self._resampler = None
        if len(self._buffer):
            self._pending.append(AudioChunk(self._buffer))
            self._buffer = np.zeros(0, dtype=np.int16)

    def _finish(self) -> None:
        self._drain_and_flush()
        self._pending.append(Stopped())
        self._finished = True

    def _fail(self, message: str) -> None:
        self._drain_and_flush()
        self._pending.append(AudioError(message))
        self._pending.append(Stopped())
        self._finished = True

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            close_stream_quietly(stream)
            if self._speakers_watch is not None:
                self._speakers_watch.close()


def close_stream_quietly(stream, timeout: float = 3.0) -> bool:
    """Abort and close a PortAudio stream without ever hanging the caller.

    The work runs on a helper thread joined with a timeout: a driver that
    never returns leaves only that thread behind. Returns True if it closed.
    """

    def _close() -> None:
        try:
            stream.abort(ignore_errors=True)
        finally:
            stream.close(ignore_errors=True)

    closer = threading.Thread(target=_close, name="close-audio-stream", daemon=True)
    closer.start()
    closer.join(timeout)
    return not closer.is_alive()
