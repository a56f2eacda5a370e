"""The highlight drift measurement (app/bench_read_aloud.py) on the virtual speaker.

Shapes and counts only: the figures themselves are reported, never asserted
(the machines are shared). Run with ``-s`` to see them.
"""

from __future__ import annotations

import json

import pytest

from app.bench_read_aloud import PARAGRAPH, measure_highlight_drift
from app.read_aloud_text import words_of
from tests.fixtures.pulse import SPEAKER_DEVICE

pytestmark = [pytest.mark.slow, pytest.mark.pulse]


def test_drift_is_measured_for_every_word_on_the_speaker(qtbot, virtual_speaker):
    # Two sentences keep the test short; the benchmark reads the whole paragraph.
    text = " ".join(PARAGRAPH.split(". ")[:2]) + "."
    recording = virtual_speaker.start_recording()
    report = measure_highlight_drift(text=text, device=SPEAKER_DEVICE)
    heard = virtual_speaker.stop_recording(recording)
    print(json.dumps(report, indent=2))
    assert report["error"] is None
    assert report["engine"] == "pyttsx3"
    assert report["voice"] == "English (Received Pronunciation)"
    assert report["words_in_text"] == len(words_of(text)) > 20
    assert report["words"] == report["words_highlighted"] == report["words_in_text"]
    # A word is never highlighted before the audio clock reaches it.
    assert 0 <= report["min_ms"] <= report["median_ms"] <= report["p90_ms"] <= report["max_ms"]
    assert isinstance(report["within_target"], bool)
    assert len(heard) and abs(heard).max() > 3000, "the paragraph was really played"


def test_no_speakers_gives_a_report_with_the_reason(qtbot, pulse):
    report = measure_highlight_drift(text="Hello there.", device=9999)
    assert report["median_ms"] is None and report["words"] == 0
    assert "not found" in report["error"]
    assert report["within_target"] is False
