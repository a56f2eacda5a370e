"""lesson-lab bench ui: the JSON shape, from a small real run (timings reported, never asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from app.bench_ui_child import FileCapture
from speech.audio import CHUNK_SAMPLES, AudioChunk, Level, Stopped
from speech.audio_files import decode_audio_file

METRICS = ("startup_s", "peak_mb", "max_stall_ms_dictation", "max_stall_ms_read_aloud",
           "highlight_drift_ms")
BASELINES = ("startup_bare_s", "peak_mb_bare", "max_stall_ms_idle", "max_stall_ms_raw_whisper",
             "max_stall_ms_loading")


@pytest.mark.slow
def test_bench_ui_reports_every_figure_or_says_why_not():
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "ui", "--sentences", "1",
         "--read-seconds", "3", "--drift-sentences", "1", "--startup-runs", "1"],
        capture_output=True, text=True, timeout=400,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for key in METRICS + BASELINES:
        assert key in report, key
        value = report[key]
        if value is None:
            assert report["reasons"].get(key), f"{key} is null without a reason"
        else:
            assert isinstance(value, (int, float)) and value > 0, (key, value)
    assert set(report["targets"]) == set(METRICS)
    assert set(report["within_targets"]) == set(METRICS)
    assert report["audio"]["microphone"] and report["audio"]["speakers"]
    # Dictation ran on real speech with the real engine (when it could run at all).
    if report["max_stall_ms_dictation"] is not None:
        dictation = report["dictation"]
        assert dictation["engine_key"] in ("whisper", "vosk")
        assert dictation["finals"] >= 1 and dictation["text"].strip()
        assert dictation["stall"]["ticks"] > 0
        # The app had loaded the engine in the background: F9 did not wait for it.
        assert "engine_ready_s" not in dictation["timeline"], dictation["timeline"]
        assert report["loading"]["ticks"] > 0
    if report["max_stall_ms_read_aloud"] is not None:
        assert report["read_aloud"]["words_highlighted"] > 0
    if report["startup_bare_s"] is not None:
        assert report["startup_ratio"] == pytest.approx(
            report["startup_s"] / report["startup_bare_s"], rel=0.02)
    assert report["startup"]["engine_modules_at_ready"] == []


def test_a_measuring_app_that_never_closes_after_reporting_keeps_its_figures(monkeypatch):
    from app import bench_ui

    monkeypatch.setattr(bench_ui, "EXIT_GRACE_S", 1.0)
    result = bench_ui._run_child({}, dict(os.environ), None, timeout=300,
                                 module="tests.app.bench_child_hung_after_report")
    assert result["event"] == "result" and result["peak_mb"] == 1.0
    # Stopped after the grace, not waited on until the 300 s watchdog.
    assert "did not close within 1 s of reporting" in result["closing"]


def test_bench_ui_refuses_settings_out_of_range():
    for args in (["--sentences", "0"], ["--read-seconds", "1"], ["--drift-sentences", "9"],
                 ["--startup-runs", "0"]):
        done = subprocess.run([sys.executable, "-m", "app.cli", "bench", "ui", *args],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode != 0
        assert "Traceback" not in done.stderr and args[0] in done.stderr


def test_the_file_microphone_plays_the_file_then_quiet_at_real_time_pace(speak):
    wav = speak("Please open your books at page twelve.")
    expected = decode_audio_file(wav)
    capture = FileCapture(wav)
    capture.start()
    assert capture.input_rate == 16_000
    chunks, levels = [], 0
    started = time.monotonic()
    for event in capture.events():
        if isinstance(event, AudioChunk):
            chunks.append(event.samples)
            if len(chunks) * CHUNK_SAMPLES >= len(expected) + 3 * CHUNK_SAMPLES:
                capture.stop()
        elif isinstance(event, Level):
            levels += 1
        else:
            assert isinstance(event, Stopped)
    heard = np.concatenate(chunks)
    assert all(len(chunk) == CHUNK_SAMPLES for chunk in chunks)
    np.testing.assert_array_equal(heard[:len(expected)], expected)
    assert not heard[len(expected):].any(), "after the file, quiet"
    assert levels == len(chunks)
    # Paced like a microphone: it took about as long as the audio lasts.
    assert time.monotonic() - started >= 0.9 * (len(chunks) - 1) * CHUNK_SAMPLES / 16_000
