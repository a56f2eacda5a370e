"""lesson-lab bench tts: the JSON a reader compares, from the real engine."""

import json
import subprocess
import sys


def test_bench_tts_reports_first_audio_against_the_raw_engine():
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "tts", "--repeats", "1"],
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["engine"] == "pyttsx3"
    for key in ("first_audio_s", "synth_s", "raw_synth_s", "overhead", "raw_first_audio_s"):
        assert report[key] is not None and report[key] > 0, key
    # The first audio comes before the whole synthesis is done.
    assert report["first_audio_s"] <= report["synth_s"]
    words = [p["words"] for p in report["passages"]]
    assert words == sorted(words)
    assert all(p["audio_s"] > 0.2 * p["words"] for p in report["passages"])


def test_bench_tts_refuses_a_silly_repeat_count():
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "tts", "--repeats", "0"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "--repeats" in done.stderr
