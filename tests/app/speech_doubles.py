"""Doubles for controller unit tests only: a scripted recogniser and a microphone the test drives.

Never the only test of an engine or of capture: tests/speech and the
real-part tests in tests/app use the real ones.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Iterable, Sequence

import numpy as np

from speech.audio import AudioChunk, AudioError, Level, Stopped
from speech.audio_devices import AudioDevice
from speech.stt.base import Event, Recogniser


class ScriptedRecogniser(Recogniser):
    """Returns the next scripted list of events for each chunk it is fed.

    ``script`` is a list with one entry per chunk: a list of events (or one
    event). ``at_flush`` is what ``flush()`` returns. Records what it was told.
    """

    name = "scripted"
    description = "Scripted: a test double"

    def __init__(self, script: Iterable = (), at_flush: Sequence[Event] = (),
                 unknown: Sequence[str] = ()) -> None:
        self.script: list[list[Event]] = [
            list(step) if isinstance(step, list | tuple) else [step] for step in script]
        self.at_flush = list(at_flush)
        self.unknown = set(unknown)
        self.fed = 0
        self.resets = 0
        self.flushes = 0
        self.vocabulary: list[str] | None = None
        self.threads: set[str] = set()

    @classmethod
    def availability(cls):  # pragma: no cover - never listed
        raise NotImplementedError

    def accept(self, chunk: np.ndarray) -> list[Event]:
        self.threads.add(threading.current_thread().name)
        self.fed += 1
        return self.script.pop(0) if self.script else []

    def flush(self) -> list[Event]:
        self.flushes += 1
        events, self.at_flush = self.at_flush, []
        return events

    def reset(self) -> None:
        self.resets += 1

    def set_vocabulary(self, words: Sequence[str]) -> list[str]:
        self.vocabulary = list(words)
        return [w for w in words if w in self.unknown]


_STOP = object()


class ManualMicrophone:
    """A capture double: the test says what it hears with ``chunks``, ``level`` and ``unplug``.

    ``problem`` makes it fail at once, as ``Capture`` does with no microphone.
    """

    def __init__(self, device: str | None = None, problem: str | None = None) -> None:
        self.device_request = device
        self.problem = problem
        self.input_rate: float | None = None
        self.started = threading.Event()
        self.closed = threading.Event()
        self._events: queue.SimpleQueue = queue.SimpleQueue()
        self._given = 0  # events the test has given
        self._handled = 0  # events the worker has taken and handled

    # --- what the worker calls ---------------------------------------------------------

    def start(self) -> None:
        if self.problem is None:
            self.input_rate = 16_000.0
        self.started.set()

    def events(self):
        if self.problem is not None:
            yield AudioError(self.problem)
            yield Stopped()
            return
        while True:
            item = self._events.get()
            if item is _STOP:
                yield Stopped()
                return
            yield item
            self._handled += 1  # the worker asks for the next event once it has handled this
            if isinstance(item, AudioError):
                yield Stopped()
                return

    def stop(self) -> None:
        self._events.put(_STOP)

    def close(self) -> None:
        self.closed.set()

    # --- what the test calls ---------------------------------------------------------

    def chunks(self, count: int = 1) -> None:
        """Deliver ``count`` chunks of 100 ms of quiet."""
        for _ in range(count):
            self._give(AudioChunk(np.zeros(1600, dtype=np.int16)))

    def hear(self, samples: np.ndarray) -> None:
        """Deliver ``samples`` (16 kHz int16) in chunks of 100 ms, all at once."""
        for start in range(0, len(samples), 1600):
            self._give(AudioChunk(np.asarray(samples[start:start + 1600], dtype=np.int16)))

    def caught_up(self) -> bool:
        """True once the worker has taken and handled everything given so far.

        A real microphone delivers 100 ms at a time, so the worker is always
        about caught up; ``hear`` delivers seconds at once.
        """
        return self._handled >= self._given

    def level(self, dbfs: float) -> None:
        self._give(Level(dbfs))

    def unplug(self, message: str) -> None:
        self._give(AudioError(message))

    def _give(self, event) -> None:
        self._given += 1
        self._events.put(event)


class MicrophoneRack:
    """A capture factory that remembers each microphone it made (newest last)."""

    def __init__(self, problems: Sequence[str | None] = ()) -> None:
        self.made: list[ManualMicrophone] = []
        self._problems = list(problems)

    def __call__(self, device: str | None) -> ManualMicrophone:
        problem = self._problems.pop(0) if self._problems else None
        mic = ManualMicrophone(device, problem)
        self.made.append(mic)
        return mic

    @property
    def last(self) -> ManualMicrophone:
        return self.made[-1]


def fake_device(name: str, index: int = 0, default: bool = False) -> AudioDevice:
    """An input device as ``speech.audio_devices.input_devices`` lists it."""
    return AudioDevice(index, name, "ALSA", 48_000.0, 1, 0, default, False)


class FileMicrophone(ManualMicrophone):
    """Real recorded speech (16 kHz int16) as a microphone that hears it, then stops.

    The audio is delivered as fast as it is taken, with quiet before and after
    so the engine hears where the phrase ends. Used with real engines where
    real-time playback through PulseAudio would only add minutes.
    """

    def __init__(self, samples: np.ndarray, device: str | None = None,
                 lead_s: float = 0.5, tail_s: float = 1.5) -> None:
        super().__init__(device)
        audio = np.concatenate([np.zeros(int(lead_s * 16_000), dtype=np.int16),
                                np.asarray(samples, dtype=np.int16),
                                np.zeros(int(tail_s * 16_000), dtype=np.int16)])
        for start in range(0, len(audio), 1600):
            self._events.put(AudioChunk(audio[start:start + 1600]))
        self._events.put(_STOP)


def speech_16k(path) -> np.ndarray:
    """A WAV file's samples at 16 kHz mono int16 (as Capture delivers them)."""
    import soxr

    from tests.fixtures.spoken import read_wav_int16

    samples, rate = read_wav_int16(path)
    return soxr.resample(samples, rate, 16_000).astype(np.int16)


def queue_sentences_at_once(qtbot, worker, controller, microphone, speak, sentences,
                            timeout_ms: int) -> np.ndarray:
    """Load the engine, start listening, and give ``microphone`` (a ManualMicrophone)
    every sentence at once, a second's pause after each: a backlog forms as behind a
    live microphone on a slow computer. Returns the speech given."""
    worker.preload()
    qtbot.waitUntil(lambda: bool(worker.engine_key), timeout=timeout_ms)
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    gap = np.zeros(16_000, dtype=np.int16)
    speech = np.concatenate([piece for sentence in sentences
                             for piece in (speech_16k(speak(sentence)), gap)])
    microphone.hear(speech)
    qtbot.waitUntil(microphone.caught_up)  # all of it is waiting for the engine
    return speech


def sentences_missing(text: str, sentences: Sequence[str]) -> list[str]:
    """The sentences most of whose words (60%) are not in ``text``."""
    heard = set(re.findall(r"[a-z']+", text.lower()))
    return [s for s in sentences
            if np.mean([w in heard for w in re.findall(r"[a-z']+", s.lower())]) < 0.6]
