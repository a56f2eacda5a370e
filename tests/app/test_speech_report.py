"""What speech works here, asked of the real engines (app/speech_report.py)."""

from __future__ import annotations

import pytest

from app.speech_report import (
    SpeechReportLoader,
    engine_status_text,
    speech_report,
    voice_status_text,
)


@pytest.fixture(scope="module")
def report():
    return speech_report()


def test_the_bundled_whisper_model_and_the_computers_voices_are_found(report):
    names = [engine.name for engine in report.engines]
    assert names[:2] == ["vosk", "whisper"]
    whisper = report.engines[1]
    assert whisper.available and report.dictation_works
    assert report.chosen_engine == whisper.description, "no English Vosk model in the tests"
    assert report.english_voices and report.default_voice.startswith("English")
    assert voice_status_text(report) == f"Voice: {report.default_voice}"


def test_the_status_follows_the_engine_preference(report):
    # The model as Tools > Speech models and the dictation panel name it.
    assert engine_status_text(report) == "Dictation: English, built in"
    assert engine_status_text(report, "whisper") == "Dictation: English, built in"
    vosk = report.engines[0]
    assert not vosk.available and "Vosk model" in vosk.reason
    assert engine_status_text(report, "vosk") == "Dictation: Vosk cannot run"


def test_the_loader_answers_on_the_gui_thread(qtbot):
    loader = SpeechReportLoader(report=lambda: "the report")
    with qtbot.waitSignal(loader.ready, timeout=10000) as ready:
        loader.start()
    assert ready.args == ["the report"]

    def broken():
        raise RuntimeError("espeak-ng has gone")

    failing = SpeechReportLoader(report=broken)
    with qtbot.waitSignal(failing.failed, timeout=10000) as failed:
        failing.start()
    assert failed.args == ["espeak-ng has gone"]


def test_the_loader_can_be_dropped_while_its_thread_works(qtbot):
    # The thread must hold no reference to the loader: when a loader dropped
    # on the GUI thread was last held by its thread, it was destroyed there
    # and the test run crashed (a segmentation fault in a later test).
    import gc
    import threading
    import weakref

    from app.speech_report import SpeechReportLoader

    release = threading.Event()
    seen = []

    def report():
        release.wait(10)
        seen.append(threading.current_thread().name)
        return "report"

    loader = SpeechReportLoader(report=report)
    loader.start()
    thread, gone = loader._thread, weakref.ref(loader)
    del loader
    gc.collect()
    assert gone() is None  # freed here, on the GUI thread, while its thread still works
    release.set()
    thread.join(10)
    qtbot.wait(50)  # the relayed answer finds no loader and is dropped
    assert seen == ["speech-report"]
