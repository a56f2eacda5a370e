"""``lesson-lab bench ui``: how the window feels while speech works (JSON).

Reported, each beside its target (never asserted anywhere):

* ``startup_s``: process start to a window that takes input
  (``app.startup.measure_startup``, median of a few runs), against
  ``startup_bare_s``, a bare QApplication and QMainWindow timed the same way
  in the same run, so ``startup_ratio`` is Lesson Lab's own overhead; target 2 s.
* ``peak_mb``: peak resident memory of the app process with the speech engine
  loaded, having dictated and read aloud, against ``peak_mb_bare`` (the bare
  window); target 500 MB.
* ``max_stall_ms_dictation`` and ``max_stall_ms_read_aloud``: the longest gap
  between ticks of a 5 ms QTimer on the GUI thread while dictation runs on
  real speech and while a lesson is read aloud, against
  ``max_stall_ms_idle`` (the same timer with the window at rest) and
  ``max_stall_ms_raw_whisper`` (the timer beside a bare window while
  faster-whisper alone loads and transcribes the same speech on a thread);
  target 50 ms. The app loads the dictation engine in the background a
  second after its window is up, so pressing F9 does not wait for it:
  ``max_stall_ms_loading`` is the longest stall from the window shown until
  that load is done (reported, no target; loading the model's tokenizer
  holds Python's lock for tens of milliseconds, in the raw engine too).
* ``highlight_drift_ms``: the median delay from a word's sound reaching the
  speakers to its highlight (``app.bench_read_aloud.measure_highlight_drift``);
  target 100 ms.

A machine with no microphone still needs speech to dictate: when
``pulseaudio`` is installed the benchmark starts a private server
(``app.bench_audio_devices``) whose virtual microphone hears espeak-ng
classroom sentences in real time and whose null-sink speaker takes the
read-aloud sound. Without it, the sentences go to the speech worker from a
WAV file at real-time pace, and read aloud uses the computer's own speakers
if it has any. ``audio`` in the JSON says which. A figure that cannot be
measured is null, with the reason in ``reasons``.
"""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from app.bench_ui_child import MARK as CHILD_MARK
from app.headless import offscreen_without_display

TARGETS = {"startup_s": 2.0, "peak_mb": 500.0, "max_stall_ms_dictation": 50.0,
           "max_stall_ms_read_aloud": 50.0, "highlight_drift_ms": 100.0}
BARE_MARK = "LESSON-LAB-BARE-READY "
ROOT = Path(__file__).resolve().parents[1]
LESSON = "The water cycle"
GAP_S = 1.0


def _progress(message: str) -> None:
    """Say what is being measured (stderr: stdout is the JSON)."""
    print(message, file=sys.stderr, flush=True)


def _child_env(extra: dict | None = None) -> dict:
    env = dict(os.environ, **(extra or {}))
    offscreen_without_display(env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _bare_child() -> int:
    """In a fresh process: a bare QApplication and QMainWindow, reported when interactive."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()

    def ready() -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(BARE_MARK + json.dumps({"peak_mb": round(peak, 1)}), flush=True)
        app.quit()

    QTimer.singleShot(0, ready)  # the first event-loop turn after show, as app/startup.py
    return app.exec()


def measure_bare_startup(timeout: float = 60.0) -> dict:
    """Start ``_bare_child`` in a new process; seconds until its window takes input."""
    command = [sys.executable, "-c", "import sys; from app.bench_ui import _bare_child; "
               "sys.exit(_bare_child())"]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env=_child_env(), cwd=str(ROOT))
    report = None
    try:
        for line in child.stdout:
            if line.startswith(BARE_MARK):
                report = {"startup_s": round(time.perf_counter() - started, 3),
                          **json.loads(line[len(BARE_MARK):])}
                break
        child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
    return report or {"startup_s": None, "peak_mb": None}


def _raw_whisper_child(wav: str) -> int:
    """In a fresh process: the 5 ms timer beside a bare window while faster-whisper, on a
    thread, imports, loads the bundled model and transcribes ``wav`` (the raw engine)."""
    import threading

    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.bench_ui_child import StallMeter, wait_until

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    meter, outcome = StallMeter(), {}

    def transcribe() -> None:
        try:
            from faster_whisper import WhisperModel

            from speech.audio_files import decode_audio_file
            from speech.stt.whisper_engine import WhisperRecogniser, WhisperSettings

            settings = WhisperSettings()
            model = WhisperModel(str(WhisperRecogniser.default_model_path()), device="cpu",
                                 compute_type="int8", cpu_threads=settings.cpu_threads,
                                 local_files_only=True)
            audio = decode_audio_file(wav).astype("float32") / 32768.0
            segments, _info = model.transcribe(audio, beam_size=settings.final_beam_size,
                                               language="en")
            outcome["text"] = " ".join(segment.text.strip() for segment in segments)
        except Exception as error:  # noqa: BLE001 - reported as the reason
            outcome["error"] = f"faster-whisper could not run: {error}"

    meter.start()
    threading.Thread(target=transcribe, daemon=True).start()
    wait_until(lambda: bool(outcome), 300)
    print(BARE_MARK + json.dumps({"stall": meter.stop(), **outcome}), flush=True)
    window.close()
    app.processEvents()
    return 0


def measure_raw_whisper_stall(wav: Path, timeout: float = 300.0) -> dict:
    """The raw-engine baseline for ``max_stall_ms_dictation`` (see ``_raw_whisper_child``)."""
    from speech.stt.whisper_engine import WhisperRecogniser

    available = WhisperRecogniser.availability()
    if not available.available:
        return {"error": available.reason}
    code = ("import sys; from app.bench_ui import _raw_whisper_child; "
            f"sys.exit(_raw_whisper_child({str(wav)!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_child_env(), cwd=str(ROOT), timeout=timeout + 30)
    for line in done.stdout.splitlines():
        if line.startswith(BARE_MARK):
            return json.loads(line[len(BARE_MARK):])
    last = (done.stderr.strip().splitlines() or ["no message"])[-1]
    return {"error": f"The raw Whisper measurement failed: {last}"}


def _speech(sentences: list[str], folder: Path) -> tuple[Path, float]:
    """espeak-ng says the sentences, a second apart, into one 16 kHz WAV; (path, seconds)."""
    import numpy as np

    from speech.audio_files import decode_audio_file, write_wav

    pieces = []
    for number, sentence in enumerate(sentences):
        wav = folder / f"sentence{number}.wav"
        subprocess.run(["espeak-ng", "-v", "en-gb", "-w", str(wav), sentence],
                       check=True, capture_output=True)
        pieces += [decode_audio_file(wav), np.zeros(int(GAP_S * 16000), dtype=np.int16)]
    samples = np.concatenate(pieces)
    path = write_wav(folder / "speech.wav", samples)
    return path, len(samples) / 16000


EXIT_GRACE_S = 30.0  # seconds the measuring app has to close after reporting


def _run_child(config: dict, env: dict, audio, timeout: float,
               module: str = "app.bench_ui_child") -> dict:
    """Run the measuring app process; speak into the virtual microphone when it listens."""
    # stderr to a file: sound libraries can write a lot there, and a full pipe
    # nobody reads would stop the child.
    stderr = tempfile.TemporaryFile(mode="w+")
    child = subprocess.Popen([sys.executable, "-m", module, json.dumps(config)],
                             stdout=subprocess.PIPE, stderr=stderr, text=True,
                             env=env, cwd=str(ROOT))
    result: dict = {"error": "The measuring app stopped before it reported."}
    deadline = time.monotonic() + timeout
    # A child that hangs without a word would hold the loop below for ever.
    watchdog = threading.Timer(timeout, child.kill)
    watchdog.start()
    try:
        for line in child.stdout:
            if not line.startswith(CHILD_MARK):
                continue
            message = json.loads(line[len(CHILD_MARK):])
            if message["event"] == "listening" and audio is not None:
                from speech.audio_files import decode_audio_file

                audio.say(decode_audio_file(config["speech_wav"]))
            elif message["event"] == "result":
                result = message
                break
            if time.monotonic() > deadline:
                break
        # With the figures in hand the child only has to close. Once in about forty
        # runs it has sat for minutes in the interpreter's exit with Whisper loaded,
        # so it gets a short while and is then stopped: nothing measured is lost.
        wait = EXIT_GRACE_S if result.get("event") == "result" else deadline - time.monotonic()
        child.communicate(timeout=max(5.0, wait))
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        if result.get("event") == "result":
            result["closing"] = f"did not close within {EXIT_GRACE_S:g} s of reporting; stopped"
    finally:
        watchdog.cancel()
    if time.monotonic() > deadline and result.get("event") != "result":
        result = {"error": f"The measuring app did not finish within {timeout:.0f} seconds."}
    stderr.seek(0)
    errors = stderr.read().strip()
    stderr.close()
    if "error" in result and errors:
        result["stderr"] = errors.splitlines()[-1]
    return result


def _drift(sentences: int, device: str | None, env: dict, timeout: float) -> dict:
    """measure_highlight_drift in its own process (its own read-aloud engine)."""
    from app.bench_read_aloud import PARAGRAPH

    text = " ".join(re.split(r"(?<=[.!?])\s+", PARAGRAPH)[:sentences])
    code = ("import json, sys; from app.bench_read_aloud import measure_highlight_drift; "
            "print('DRIFT ' + json.dumps(measure_highlight_drift("
            f"text={text!r}, device={device!r}, timeout={timeout!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=str(ROOT), timeout=timeout + 60)
    for line in done.stdout.splitlines():
        if line.startswith("DRIFT "):
            return json.loads(line[6:])
    last = (done.stderr.strip().splitlines() or ["no message"])[-1]
    return {"median_ms": None, "error": f"The drift measurement failed: {last}"}


def _has_speakers() -> bool:
    try:
        from speech.audio_devices import output_devices

        return bool(output_devices())
    except Exception:  # noqa: BLE001 - no sound system at all
        return False


def run(sentences: int = 3, read_seconds: float = 20.0, drift_sentences: int = 5,
        startup_runs: int = 3, timeout: float = 600.0) -> dict:
    """Measure everything; returns the JSON-ready report."""
    from app.bench_audio_devices import (
        MIC_DEVICE,
        SPEAKER_DEVICE,
        AudioDevicesUnavailable,
        VirtualAudio,
    )
    from app.bench_stt import BENCH_SENTENCES
    from app.startup import measure_startup

    reasons: dict[str, str] = {}
    _progress("Timing start-up…")
    startups = [measure_startup() for _ in range(startup_runs)]
    bares = [measure_bare_startup() for _ in range(startup_runs)]
    startup_s = statistics.median(s["startup_s"] for s in startups)
    bare_values = [b["startup_s"] for b in bares if b["startup_s"] is not None]
    bare_s = statistics.median(bare_values) if bare_values else None
    bare_mb = max((b["peak_mb"] for b in bares if b["peak_mb"] is not None), default=None)

    folder = Path(tempfile.mkdtemp(prefix="lesson-lab-bench-ui-"))
    wav, seconds = _speech(BENCH_SENTENCES[:sentences], folder)
    audio = None
    try:
        audio = VirtualAudio()
        audio.start()
        audio_note = {"microphone": "PulseAudio virtual microphone (a private server), "
                                    "espeak-ng speaking into it in real time",
                      "speakers": "PulseAudio null sink (a private server)"}
        microphone, speaker = MIC_DEVICE, SPEAKER_DEVICE
    except AudioDevicesUnavailable as error:
        audio = None
        microphone, speaker = None, None
        speakers = _has_speakers()
        audio_note = {"microphone": "a WAV file fed to the speech worker at real-time pace "
                                    f"(no virtual microphone: {error})",
                      "speakers": "the computer's default speakers" if speakers else "none"}
    try:
        env = _child_env(audio.env if audio else None)
        env["LESSON_LAB_DATA"] = str(folder / "data")
        config = {"audio": "device" if audio else "file", "speech_wav": str(wav),
                  "speech_seconds": seconds, "microphone": microphone, "speaker": speaker,
                  "read_seconds": read_seconds, "lesson": LESSON, "engine": "whisper"}
        _progress("Dictating and reading aloud in the app…")
        child = _run_child(config, env, audio, timeout)
        _progress("Timing faster-whisper on its own…")
        raw_whisper = measure_raw_whisper_stall(wav)
        if audio is not None or audio_note["speakers"] != "none":
            _progress("Measuring the highlight drift…")
            drift = _drift(drift_sentences, speaker, env, timeout=180.0)
        else:
            drift = {"median_ms": None, "error": "There are no speakers to read aloud to."}
    finally:
        if audio is not None:
            audio.stop()

    dictation = child.get("dictation", {})
    read_aloud = child.get("read_aloud", {})
    # A stretch whose speech part failed measured an idle window: no figure, a reason.
    for part in (dictation, read_aloud):
        if part.get("error") and part.get("stall"):
            part["stall_while_failing"] = part.pop("stall")
    report = {
        "startup_s": startup_s,
        "startup_bare_s": bare_s,
        "startup_ratio": round(startup_s / bare_s, 2) if bare_s else None,
        "peak_mb": child.get("peak_mb"),
        "peak_mb_bare": bare_mb,
        "max_stall_ms_dictation": (dictation.get("stall") or {}).get("max_ms"),
        "max_stall_ms_read_aloud": (read_aloud.get("stall") or {}).get("max_ms"),
        "max_stall_ms_idle": (child.get("idle") or {}).get("max_ms"),
        "max_stall_ms_loading": (child.get("loading") or {}).get("max_ms"),
        "max_stall_ms_raw_whisper": (raw_whisper.get("stall") or {}).get("max_ms"),
        "highlight_drift_ms": drift.get("median_ms"),
    }
    problems = {"peak_mb": child.get("error"),
                "max_stall_ms_dictation": child.get("error") or dictation.get("error"),
                "max_stall_ms_read_aloud": child.get("error") or read_aloud.get("error"),
                "highlight_drift_ms": drift.get("error"),
                "max_stall_ms_raw_whisper": raw_whisper.get("error")}
    notes = {}
    for key, value in report.items():
        if value is None:
            reasons[key] = problems.get(key) or "It could not be measured on this machine."
        elif problems.get(key):
            notes[key] = problems[key]  # measured, but something went wrong on the way
    report.update({
        "targets": TARGETS,
        "within_targets": {key: None if report[key] is None else report[key] < target
                           for key, target in TARGETS.items()},
        "reasons": reasons,
        "notes": notes,
        "audio": audio_note,
        "platform": child.get("platform", env.get("QT_QPA_PLATFORM", "default")),
        "startup": {"runs": [s["startup_s"] for s in startups], "bare_runs": bare_values,
                    "engine_modules_at_ready": startups[0].get("engine_modules")},
        "dictation": {"said": " ".join(BENCH_SENTENCES[:sentences]),
                      **{k: v for k, v in dictation.items() if k != "error"}},
        "read_aloud": {k: v for k, v in read_aloud.items() if k != "error"},
        "raw_whisper": raw_whisper,
        "highlight_drift": drift,
        "idle": child.get("idle"),
        "loading": child.get("loading"),
        "lesson": child.get("lesson"),
        "speech_s": round(seconds, 2),
    })
    if child.get("closing"):
        notes["closing"] = f"The measuring app {child['closing']}."
    return report
