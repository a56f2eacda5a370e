"""A private PulseAudio server with a virtual microphone and speaker, for the benchmark.

``lesson-lab bench ui`` and ``scripts/screenshots_e2e`` need a microphone
that hears a known sentence and speakers that take sound, on any machine
(a build server has neither). When ``pulseaudio`` is installed,
:class:`VirtualAudio` starts one of its own (its own folder and socket, so
the user's sound is never touched) with:

- a ``module-pipe-source`` microphone, fed in real time by a thread that
  writes 10 ms blocks by the clock: the queued speech, silence otherwise;
- a ``module-null-sink`` speaker (sound played to it goes nowhere).

A process given :attr:`VirtualAudio.env` reaches them through ALSA's
``pulse`` plugin (libasound2-plugins) under the device names
:data:`MIC_DEVICE` and :data:`SPEAKER_DEVICE`. The test suite has its own
copy of this set-up (tests/fixtures/pulse.py, which needs pytest).
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

RATE = 16_000
BLOCK_S = 0.01
MIC_SOURCE = "lesson_lab_bench_mic"
SPEAKER_SINK = "lesson_lab_bench_speaker"
MIC_DEVICE = "virtual_microphone"  # ALSA device names, as sounddevice lists them
SPEAKER_DEVICE = "virtual_speakers"
_SYSTEM_ALSA_CONF = Path("/usr/share/alsa/alsa.conf")


class AudioDevicesUnavailable(RuntimeError):
    """Virtual devices cannot be made here; the message says why in one sentence."""


def why_unavailable() -> str | None:
    """Why :class:`VirtualAudio` cannot start on this machine, or None when it can."""
    for tool in ("pulseaudio", "pactl"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install pulseaudio pulseaudio-utils)."
    if not _SYSTEM_ALSA_CONF.exists():
        return f"ALSA's configuration {_SYSTEM_ALSA_CONF} is missing."
    return None


def _die_with_parent() -> None:
    """In the child: ask Linux to end it if the parent dies first."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class VirtualAudio:
    """One private PulseAudio server with a virtual microphone and speaker.

    Use as a context manager; ``say(samples)`` queues 16 kHz mono int16
    speech for the microphone, ``wait_until_said`` waits for it to be heard.
    """

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="lesson-lab-audio-"))
        self.socket = self.root / "native"
        self.fifo = self.root / "mic.fifo"
        self.env: dict[str, str] = {}
        self._process: subprocess.Popen | None = None
        self._queue: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._said = threading.Event()
        self._said.set()
        self._stop = threading.Event()
        self._feeder: threading.Thread | None = None

    def __enter__(self) -> VirtualAudio:
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def start(self) -> None:
        """Start the server and the microphone's feeder; raises AudioDevicesUnavailable."""
        reason = why_unavailable()
        if reason:
            raise AudioDevicesUnavailable(reason)
        (self.root / "client.conf").write_text("autospawn = no\n")
        (self.root / "daemon.conf").write_text("exit-idle-time = -1\n")
        for folder in ("run", "config"):
            (self.root / folder).mkdir()
        env = {k: v for k, v in os.environ.items()
               if k not in ("PULSE_SERVER", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
        env.update(HOME=str(self.root), XDG_RUNTIME_DIR=str(self.root / "run"),
                   PULSE_RUNTIME_PATH=str(self.root / "run"),
                   PULSE_STATE_PATH=str(self.root / "state"),
                   XDG_CONFIG_HOME=str(self.root / "config"),
                   PULSE_CONFIG=str(self.root / "daemon.conf"))
        self._process = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--use-pid-file=no",
             "--disable-shm=yes", f"--log-target=file:{self.root / 'pulse.log'}",
             "--load", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
             "--load", f"module-null-sink sink_name={SPEAKER_SINK} rate=48000 channels=2",
             "--load", f"module-pipe-source source_name={MIC_SOURCE} file={self.fifo} "
             f"format=s16le rate={RATE} channels=1"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent)
        self.env = {"PULSE_SERVER": f"unix:{self.socket}",
                    "PULSE_CLIENTCONFIG": str(self.root / "client.conf"),
                    "ALSA_CONFIG_PATH": str(self._alsa_config())}
        deadline = time.monotonic() + 15
        while self._pactl("info") is None:
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AudioDevicesUnavailable("PulseAudio did not start.")
            time.sleep(0.1)
        self._pactl("set-default-source", MIC_SOURCE)
        self._pactl("set-default-sink", SPEAKER_SINK)
        self._feeder = threading.Thread(target=self._feed, name="virtual-mic", daemon=True)
        self._feeder.start()

    def say(self, samples: np.ndarray) -> float:
        """Queue 16 kHz mono int16 speech for the microphone; returns its length in seconds."""
        with self._lock:
            self._queue.append(np.asarray(samples, dtype=np.int16))
            self._said.clear()
        return len(samples) / RATE

    def wait_until_said(self, timeout: float) -> bool:
        """Wait until everything queued has gone into the microphone."""
        return self._said.wait(timeout)

    def stop(self) -> None:
        """Stop the feeder and the server (by its PID), and remove the folder."""
        self._stop.set()
        if self._feeder is not None:
            self._feeder.join(timeout=5)
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ private

    def _pactl(self, *args: str) -> str | None:
        done = subprocess.run(["pactl", *args], env={**os.environ, **self.env},
                              capture_output=True, text=True, timeout=10)
        return done.stdout if done.returncode == 0 else None

    def _alsa_config(self) -> Path:
        def pcm(name: str, device: str, description: str) -> str:
            return (f"pcm.{name} {{\n  type pulse\n  device {device}\n"
                    f'  hint {{ show on description "{description}" }}\n}}\n')

        path = self.root / "asound.conf"
        path.write_text(f"<{_SYSTEM_ALSA_CONF}>\n"
                        + pcm(MIC_DEVICE, MIC_SOURCE, "Lesson Lab benchmark microphone")
                        + pcm(SPEAKER_DEVICE, SPEAKER_SINK, "Lesson Lab benchmark speaker"))
        return path

    def _next_block(self, frames: int) -> bytes:
        block = np.zeros(frames, dtype=np.int16)
        filled = 0
        with self._lock:
            while filled < frames and self._queue:
                clip = self._queue[0]
                take = min(frames - filled, len(clip))
                block[filled:filled + take] = clip[:take]
                filled += take
                if take == len(clip):
                    self._queue.pop(0)
                else:
                    self._queue[0] = clip[take:]
            if not self._queue:
                self._said.set()
        return block.tobytes()

    def _feed(self) -> None:
        # A pipe source reads nothing while nobody records: blocks that do not fit
        # are dropped, as a real microphone's sound is lost when no one listens.
        while not self.fifo.exists() and not self._stop.is_set():
            time.sleep(0.01)
        fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 4096)
        except OSError:
            pass
        frames, start, blocks = int(RATE * BLOCK_S), time.monotonic(), 0
        try:
            while not self._stop.is_set():
                delay = start + blocks * BLOCK_S - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                blocks += 1
                try:
                    os.write(fd, self._next_block(frames))
                except BlockingIOError:
                    pass
                except OSError as error:
                    if error.errno == errno.EPIPE:
                        return
                    raise
        finally:
            os.close(fd)
