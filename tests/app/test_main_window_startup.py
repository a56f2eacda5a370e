"""Start-up: the window is up before any speech engine is imported (in a fresh process)."""

from __future__ import annotations

import sys

from app.startup import ENGINE_MODULES, measure_startup, process_age


def test_the_window_opens_with_no_speech_engine_imported():
    report = measure_startup(timeout=120)
    assert report["window_visible"] is True
    assert report["engine_modules"] == [], "engines load after the window is up"
    assert "numpy" not in report["heavy_modules"], "the simulations load when first used"
    assert report["startup_s"] > 0
    if sys.platform.startswith("linux"):
        # The child's own age and the parent's timing describe the same wait.
        assert 0 < report["process_age_s"] <= report["startup_s"] + 0.05


def test_with_the_background_work_too_the_app_opens_and_closes_cleanly():
    # measure_startup raises if the app stops before its window is ready.
    report = measure_startup(timeout=120, background=True)
    # Still none at the moment measured: the background work starts after it.
    assert report["engine_modules"] == []
    assert {"faster_whisper", "vosk", "pyttsx3"} <= set(ENGINE_MODULES)


def test_process_age_is_small_and_positive_here():
    age = process_age()
    if age is not None:
        assert age > 0
