"""The measuring process of ``lesson-lab bench ui``: the real app, timed from inside.

    python -m app.bench_ui_child CONFIG_JSON

Started by ``app/bench_ui.py``. It opens Lesson Lab as ``lesson-lab`` does
(``app.gui.make_window``, controllers attached in the background), opens a
lesson, and runs a QTimer on the GUI thread every 5 ms whose longest gap
between two ticks is the longest time the window could not respond
(a *stall*). Four stretches are measured:

0. ``loading``: from the window shown until the dictation engine has loaded
   in the background (the library scan, the controllers, the model);
1. ``idle``: the window at rest (the raw baseline: the timer's own jitter);
2. ``dictation``: from pressing F9 (the window's own action) until the last
   words are in after F9 again, with the real speech engine on real audio:
   either the microphone named in the config (the parent speaks into it in
   real time once this process prints ``listening``) or, with no such
   microphone, a WAV file fed to the speech worker at real-time pace
   (:class:`FileCapture`, in place of the microphone: nothing else changes);
3. ``read_aloud``: reading the lesson aloud for ``read_seconds``.

Then it prints the result and its peak resident memory (the speech engine
loaded) and closes. Lines on stdout start with ``LESSON-LAB-BENCH `` and hold
JSON: ``{"event": "listening"}`` and, last, ``{"event": "result", ...}``.
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time
from pathlib import Path

MARK = "LESSON-LAB-BENCH "
TICK_MS = 5
LONG_GAP_MS = 30.0  # gaps longer than this are listed with when they began
TAIL_S = 2.0  # after the speech ends, for its last phrase to settle


def say(event: str, **fields: object) -> None:
    """One line for the parent."""
    print(MARK + json.dumps({"event": event, **fields}), flush=True)


class StallMeter:
    """A 5 ms timer on the GUI thread; the longest gap between its ticks is the worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.long: list[tuple[float, float]] = []  # (seconds into the stretch, gap ms)
        self._last = self._began = 0.0

    def start(self) -> None:
        self.gaps, self.long = [], []
        self._last = self._began = time.perf_counter()
        self.timer.start()

    def elapsed(self) -> float:
        """Seconds since the stretch began (to place events beside long gaps)."""
        return round(time.perf_counter() - self._began, 2)

    def stop(self) -> dict:
        """Stop and summarise the stretch in milliseconds."""
        self.timer.stop()
        gaps = sorted(self.gaps)
        if not gaps:
            return {"max_ms": None, "p99_ms": None, "ticks": 0, "over_50ms": 0}
        worst = sorted(self.long, key=lambda item: -item[1])[:8]
        return {"max_ms": round(gaps[-1], 1),
                "p99_ms": round(gaps[min(len(gaps) - 1, int(0.99 * len(gaps)))], 1),
                "ticks": len(gaps), "over_50ms": sum(1 for g in gaps if g > 50.0),
                "longest_at_s": [[at, round(ms, 1)] for at, ms in sorted(worst)]}

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000.0
        self.gaps.append(gap)
        if gap > LONG_GAP_MS:
            self.long.append((round(now - self._began - gap / 1000.0, 2), gap))
        self._last = now


class FileCapture:
    """A microphone that hears a WAV file, then quiet, at real-time pace.

    It offers what the speech worker uses of ``speech.audio.Capture``:
    ``start()``, ``events()`` (100 ms ``AudioChunk``s and ``Level``s, then
    ``Stopped``), ``stop()`` from any thread, ``close()`` and ``input_rate``.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.input_rate: float | None = None
        self._stop = threading.Event()
        self._samples = None

    def start(self) -> None:
        from speech.audio_files import decode_audio_file

        self._samples = decode_audio_file(self.path)
        self.input_rate = 16_000.0

    def events(self, timeout: float | None = None):
        import numpy as np

        from speech.audio import CHUNK_SAMPLES, AudioChunk, Level, Stopped, level_dbfs

        samples, started, index = self._samples, time.monotonic(), 0
        while not self._stop.is_set():
            due = started + index * CHUNK_SAMPLES / 16_000
            if self._stop.wait(max(0.0, due - time.monotonic())):
                break
            chunk = samples[index * CHUNK_SAMPLES:(index + 1) * CHUNK_SAMPLES]
            if len(chunk) < CHUNK_SAMPLES:  # the file is over: quiet, as a room is
                chunk = np.concatenate([chunk, np.zeros(CHUNK_SAMPLES - len(chunk), np.int16)])
            index += 1
            yield Level(level_dbfs(chunk))
            yield AudioChunk(chunk)
        yield Stopped()

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self._stop.set()


def wait_until(predicate, timeout: float) -> bool:
    """Run the event loop until ``predicate()`` is true or ``timeout`` seconds pass."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: (predicate() or time.monotonic() > deadline) and loop.quit())
    if predicate():
        return True
    poll.start()
    loop.exec()
    poll.stop()
    return bool(predicate())


def _dictate(window, meter: StallMeter, config: dict) -> dict:
    controller = window.dictation
    worker = controller.worker
    texts = {"partials": 0, "finals": 0}
    timeline: dict[str, float] = {}  # seconds into the stretch when each first happened

    def count(kind: str) -> None:
        texts[kind + "s"] += 1
        timeline.setdefault(f"first_{kind}_s", meter.elapsed())

    worker.partial.connect(lambda _t: count("partial"))
    worker.final.connect(lambda *_a: count("final"))
    worker.engine_ready.connect(lambda _n: timeline.setdefault("engine_ready_s", meter.elapsed()))
    controller.listening_changed.connect(
        lambda on: on and timeline.setdefault("listening_s", meter.elapsed()))
    errors: list[str] = []
    worker.error.connect(errors.append)
    if config["audio"] == "file":
        # No microphone that hears speech: the WAV stands in for it, at the same pace.
        wav = config["speech_wav"]
        worker.use_capture_factory(lambda _device: FileCapture(wav))
    meter.start()
    started = time.monotonic()
    window.act.dictate.trigger()  # F9
    if not wait_until(controller.is_listening, 120):
        stall = meter.stop()
        return {"stall": stall, "error": errors[0] if errors else "Dictation did not start."}
    say("listening")
    wait_until(lambda: bool(errors), config["speech_seconds"] + TAIL_S)
    panel = window.dictation_panel
    wait_until(lambda: bool(errors) or (panel.text().strip() and not panel.partial()), 60)
    window.act.dictate.trigger()  # F9 again
    wait_until(lambda: not worker.is_busy(), 120)
    stall = meter.stop()
    return {"stall": stall, "error": errors[0] if errors else None,
            "engine": worker.engine_name, "engine_key": worker.engine_key,
            "text": controller.text(), "seconds": round(time.monotonic() - started, 2),
            "timeline": timeline, **texts}


def _read_aloud(window, meter: StallMeter, config: dict) -> dict:
    reader = window.read_aloud
    errors: list[str] = []
    words = [0]
    reader.error.connect(errors.append)
    reader.word_highlighted.connect(lambda *_a: words.__setitem__(0, words[0] + 1))
    timeline: dict[str, float] = {}
    reader.word_highlighted.connect(
        lambda *_a: timeline.setdefault("first_word_s", meter.elapsed()))
    wait_until(reader.voices_known, 60)
    meter.start()
    started = time.monotonic()
    reader.read_lesson()
    # The reading time counts from the first spoken word: on a busy machine the
    # voice and the sound device can take a few seconds to start.
    wait_until(lambda: bool(errors) or words[0] > 0, 60)
    speaking = time.monotonic()
    wait_until(lambda: bool(errors) or not reader.is_speaking()
               or time.monotonic() - speaking > config["read_seconds"], config["read_seconds"] + 60)
    reader.stop()
    wait_until(lambda: not reader.is_speaking(), 10)
    stall = meter.stop()
    return {"stall": stall, "error": errors[0] if errors else None,
            "engine": reader.engine_name(), "voice": reader.voice_name(),
            "words_highlighted": words[0], "seconds": round(time.monotonic() - started, 2),
            "timeline": timeline}


def main(argv: list[str] | None = None) -> int:
    """Open the app, measure, print the result."""
    config = json.loads((argv or sys.argv[1:])[0])
    from PySide6.QtWidgets import QApplication

    from app.dictation_unsaved import close_without_asking
    from app.settings import AppSettings

    app = QApplication(sys.argv[:1])
    settings = AppSettings()
    settings.engine = config.get("engine", "auto")
    settings.input_device = config.get("microphone") or ""
    settings.output_device = config.get("speaker") or ""
    settings.welcome_shown = True
    settings.sync()
    from app.gui import make_window

    meter = StallMeter()
    window = make_window(app)
    meter.start()
    ready = wait_until(lambda: window.dictation is not None and window.read_aloud is not None
                       and bool(window.library.entries()), 120)
    if not ready:
        say("result", error="The window's speech controllers did not start.")
        return 1
    # The app loads the dictation engine a second after the window is up
    # (app/gui.py), so F9 starts at once; that load is timed on its own.
    wait_until(lambda: bool(window.dictation.worker.engine_name), 120)
    loading = meter.stop()
    window.library.select_title(config.get("lesson", ""))
    meter.start()
    wait_until(lambda: False, config.get("idle_seconds", 2.0))
    idle = meter.stop()
    dictation = _dictate(window, meter, config)
    read_aloud = _read_aloud(window, meter, config)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    say("result", loading=loading, idle=idle, dictation=dictation, read_aloud=read_aloud,
        peak_mb=round(peak_kb / 1024, 1), platform=app.platformName(),
        lesson=window.lesson.title if window.lesson else None)
    close_without_asking(window)
    app.processEvents()
    window.deleteLater()
    from app.shutdown import finish

    return finish(0)  # as the app ends (app/gui.py): a decode still running is not waited on


if __name__ == "__main__":
    sys.exit(main())
