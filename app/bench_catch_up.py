"""How far dictation falls behind on a busy machine: the real pipeline, paced speech.

Run it pinned to one core with busy loops beside it (a slow laptop with a
browser open)::

    taskset -c 1 .venv/bin/python -m app.bench_catch_up --busy 2 --sentences 16

The bench's espeak-ng classroom sentences (``app.bench_stt``) are played into
an ``app.speech_pipeline.SpeechPipeline`` at real-time pace, 100 ms at a time,
as a microphone delivers them; the pipeline's engine thread runs the real
Whisper recogniser. ``--busy N`` starts N busy-loop processes (they inherit
this process's CPU affinity, so ``taskset`` puts them on the same core) and
ends them by PID at the end.

Prints JSON: the most audio waiting for the engine in each ``--every`` seconds
(``backlog_s``; fed minus taken, so it works on any version of the pipeline),
its maximum, ``final_lag_s`` (from the last audio fed to the engine being
idle), the partial and final decodes, and the share of the sentences' words
found in the Finals (``word_recall``). Works on older versions of the pipeline
too, so "before" and "after" can be compared with the same command.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

CHUNK = 1600  # 100 ms at 16 kHz


class _Counting:
    """The real recogniser, counting the audio it takes (``partials`` passes through)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.taken = 0  # samples

    @property
    def partials(self) -> bool:
        return self.inner.partials

    @partials.setter
    def partials(self, value: bool) -> None:
        self.inner.partials = value

    def accept(self, chunk):
        events = self.inner.accept(chunk)
        self.taken += len(chunk)
        return events

    def flush(self):
        return self.inner.flush()

    def reset(self) -> None:
        self.inner.reset()

    def set_vocabulary(self, words):
        return self.inner.set_vocabulary(words)


class _PacedMicrophone:
    """A capture double that delivers ``samples`` at real-time pace, then ends."""

    input_rate = 16_000.0

    def __init__(self, samples: np.ndarray) -> None:
        self.samples = samples
        self.fed = 0
        self.finished_at: float | None = None
        self._stop = threading.Event()

    def start(self) -> None:
        pass

    def events(self):
        from speech.audio import AudioChunk, Stopped

        began = time.monotonic()
        for start in range(0, self.samples.size, CHUNK):
            end = min(self.samples.size, start + CHUNK)
            delay = began + end / 16_000 - time.monotonic()
            if delay > 0 and self._stop.wait(delay):
                break
            self.fed = end
            yield AudioChunk(self.samples[start:end])
        self.finished_at = time.monotonic()
        yield Stopped()

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        pass


def run(sentences: int, every_s: float, cpu_threads: int | None = None) -> dict:
    """Play ``sentences`` through the pipeline and measure how far behind the engine falls."""
    from app.bench_stt import build_audio
    from app.speech_pipeline import SpeechPipeline
    from speech.audio_files import decode_audio_file
    from speech.stt.loader import shared_loader

    with tempfile.TemporaryDirectory() as folder:
        plan = build_audio(Path(folder), sentences, "en-gb", 160)
        samples = decode_audio_file(plan["wav"])
    if cpu_threads:
        from speech.stt.whisper_engine import WhisperRecogniser

        model = WhisperRecogniser.load_model(None, cpu_threads=cpu_threads)
        counting = _Counting(WhisperRecogniser(model, dictation=True))
    else:  # as the app loads it
        counting = _Counting(shared_loader().load_now("whisper").recogniser(dictation=True))
    events: queue.SimpleQueue = queue.SimpleQueue()
    pipeline = SpeechPipeline(
        lambda kind, session, *args: events.put((time.monotonic(), kind, args)),
        engine="whisper", model_path=None, dictation=True, vocabulary=(), loader=None,
        recogniser_factory=lambda: (counting, "Whisper", "whisper"))
    microphone = _PacedMicrophone(samples)
    began = time.monotonic()
    pipeline.begin(1, microphone)
    finals: list[str] = []
    backlog: list[tuple[float, float]] = []
    idle_at = None
    next_sample = began + every_s
    peak = 0.0
    while idle_at is None:
        try:
            at, kind, args = events.get(timeout=0.05)
        except queue.Empty:
            at, kind, args = time.monotonic(), "", ()
        if kind == "final":
            finals.append(args[0])
        elif kind == "idle":
            idle_at = at
        # The most audio waiting at any moment of each ``every_s`` stretch.
        peak = max(peak, (microphone.fed - counting.taken) / 16_000)
        if time.monotonic() >= next_sample:
            backlog.append((round(time.monotonic() - began, 1), round(peak, 1)))
            next_sample += every_s
            peak = 0.0
    pipeline.quit()
    said = re.findall(r"[a-z']+", " ".join(plan["sentences"]).lower())
    heard = set(re.findall(r"[a-z']+", " ".join(finals).lower()))
    inner = counting.inner
    return {
        "speech_s": round(samples.size / 16_000, 1),
        "sentences": sentences,
        "cpus_allowed": len(os.sched_getaffinity(0)),
        "backlog_s": backlog,
        "max_backlog_s": max(b for _t, b in backlog) if backlog else 0.0,
        "final_lag_s": round(idle_at - (microphone.finished_at or idle_at), 1),
        "partial_decodes": getattr(inner, "partial_decodes", None),
        "final_decodes": getattr(inner, "final_decodes", None),
        "word_recall": round(float(np.mean([w in heard for w in said])), 3),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=16)
    parser.add_argument("--busy", type=int, default=0, help="busy-loop processes beside it")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between backlog samples")
    parser.add_argument("--cpu-threads", type=int, default=0,
                        help="Whisper's CTranslate2 threads (default: as the app chooses)")
    options = parser.parse_args(argv)
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
             for _ in range(options.busy)]
    try:
        result = run(options.sentences, options.every, options.cpu_threads or None)
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()
    result["busy_loops"] = options.busy
    result["cpu_threads"] = options.cpu_threads or "app default"
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
