"""The speech worker: capture and engine on their own threads, results as Qt signals.

A scripted recogniser and a microphone the test drives (tests/app/speech_doubles.py)
stand in for the engine and the sound card; the real ones are used in
test_dictation_controller_live.py and the vocabulary test.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from app.speech_worker import SpeechWorker, engine_display_name
from speech.audio import MICROPHONE_GONE
from speech.audio_devices import NO_MICROPHONE
from speech.stt.base import EngineError, Final, ModelLoadError, Partial, Word
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser, fake_device


class Recorder:
    """Everything a worker emits, in order, with the thread it arrived on."""

    def __init__(self, worker: SpeechWorker) -> None:
        self.events: list[tuple] = []
        self.gui_thread = QThread.currentThread()
        self.off_gui = 0
        for name in ("partial", "final", "level", "error", "listening_changed",
                     "engine_ready", "progress", "idle", "vocabulary_unknown",
                     "microphones_found"):
            getattr(worker, name).connect(
                lambda *args, name=name: self._record(name, args))

    def _record(self, name: str, args: tuple) -> None:
        if QThread.currentThread() is not self.gui_thread:
            self.off_gui += 1
        self.events.append((name, *args))

    def names(self, *wanted: str) -> list[tuple]:
        return [e for e in self.events if e[0] in wanted]

    def has(self, *wanted: str) -> bool:
        return bool(self.names(*wanted))


@pytest.fixture
def make_worker():
    made: list[SpeechWorker] = []

    def _make(recogniser=None, rack=None, factory=None, **kwargs) -> SpeechWorker:
        if factory is None:
            def factory():
                return recogniser, "Scripted engine", "scripted"
        worker = SpeechWorker(recogniser_factory=factory, capture_factory=rack, **kwargs)
        made.append(worker)
        return worker

    yield _make
    for worker in made:
        worker.shutdown()


def test_events_arrive_in_order_on_the_gui_thread_from_one_engine_thread(qtbot, make_worker):
    word = Word("cycle", 0.1, 0.4, 0.9)
    recogniser = ScriptedRecogniser(
        [Partial("the water"), [], [Partial("the water cycle"), Final("the water cycle", (word,))]],
        at_flush=[Final("is on")])
    rack = MicrophoneRack()
    worker = make_worker(recogniser, rack)
    seen = Recorder(worker)

    assert worker.start()
    qtbot.waitUntil(worker.is_listening)
    rack.last.level(-20.0)
    rack.last.chunks(3)
    qtbot.waitUntil(lambda: seen.has("final"))
    worker.stop()
    qtbot.waitUntil(lambda: seen.has("idle"))

    assert seen.off_gui == 0
    assert [e[0] for e in seen.names("partial", "final", "idle")] == [
        "partial", "partial", "final", "final", "idle"]
    assert seen.names("final")[0] == ("final", "the water cycle", (word,))
    assert seen.names("final")[1][1] == "is on"  # flushed after stop: nothing lost
    assert seen.names("level") == [("level", -20.0)]
    assert seen.names("engine_ready") == [("engine_ready", "Scripted engine")]
    assert seen.names("listening_changed") == [
        ("listening_changed", True), ("listening_changed", False)]
    assert recogniser.fed == 3 and recogniser.resets == 1 and recogniser.flushes == 1
    assert recogniser.threads == {"speech-engine"}
    assert worker.engine_key == "scripted" and not worker.is_busy()
    assert rack.last.closed.is_set()


def test_speech_while_the_engine_loads_is_kept_and_the_gui_is_not_held(qtbot, make_worker):
    release = threading.Event()
    recogniser = ScriptedRecogniser([[], [Final("said early")]])

    def slow_factory():
        release.wait(20)  # a model load that takes a while
        return recogniser, "Slow engine", "scripted"

    rack = MicrophoneRack()
    worker = make_worker(factory=slow_factory, rack=rack)
    seen = Recorder(worker)
    worker.start()  # returns at once although the engine is not ready
    qtbot.waitUntil(worker.is_listening)
    rack.last.chunks(2)
    qtbot.waitUntil(lambda: seen.has("progress"))
    assert not seen.names("final", "engine_ready")
    release.set()
    qtbot.waitUntil(lambda: seen.has("final"))
    assert seen.names("final")[0][1] == "said early"


def test_an_engine_that_will_not_load_reports_once_and_a_retry_works(qtbot, make_worker):
    recogniser = ScriptedRecogniser([Final("second time lucky")])
    attempts = []

    def flaky_factory():
        attempts.append(1)
        if len(attempts) == 1:
            raise ModelLoadError("The speech model is damaged.")
        return recogniser, "Scripted engine", "scripted"

    rack = MicrophoneRack()
    worker = make_worker(factory=flaky_factory, rack=rack)
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(lambda: seen.has("error") and not worker.is_busy())
    assert seen.names("error") == [("error", "The speech model is damaged.")]
    assert not worker.is_listening()
    assert rack.last.closed.is_set()  # the microphone was not left open

    assert worker.start()
    qtbot.waitUntil(worker.is_listening)
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: seen.has("final"))
    assert seen.names("final")[0][1] == "second time lucky"
    assert len(seen.names("error")) == 1


def test_an_engine_error_mid_session_stops_listening(qtbot, make_worker):
    recogniser = ScriptedRecogniser([Final("first"), EngineError("Whisper stopped working.")])
    rack = MicrophoneRack()
    worker = make_worker(recogniser, rack)
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(worker.is_listening)
    rack.last.chunks(4)
    qtbot.waitUntil(lambda: not worker.is_busy())
    assert seen.names("final", "error") == [
        ("final", "first", ()), ("error", "Whisper stopped working.")]
    assert recogniser.fed == 2  # the audio after the error was dropped
    assert seen.names("listening_changed")[-1] == ("listening_changed", False)


def test_no_microphone_is_an_error_and_listening_never_starts(qtbot, make_worker):
    rack = MicrophoneRack(problems=[NO_MICROPHONE])
    worker = make_worker(ScriptedRecogniser(), rack)
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_busy())
    assert seen.names("error") == [("error", NO_MICROPHONE)]
    assert seen.names("listening_changed") == [("listening_changed", False)]


def test_an_unplugged_microphone_keeps_the_words_already_heard(qtbot, make_worker):
    recogniser = ScriptedRecogniser([Partial("rivers flow")], at_flush=[Final("rivers flow")])
    rack = MicrophoneRack()
    worker = make_worker(recogniser, rack)
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(worker.is_listening)
    rack.last.chunks(1)
    rack.last.unplug(MICROPHONE_GONE)
    qtbot.waitUntil(lambda: not worker.is_busy())
    assert ("error", MICROPHONE_GONE) in seen.events
    assert seen.names("final") == [("final", "rivers flow", ())]
    assert not worker.is_listening()


def test_choosing_another_microphone_while_listening_switches_to_it(qtbot, make_worker):
    rack = MicrophoneRack()
    worker = make_worker(ScriptedRecogniser(), rack, device="Desk microphone")
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(worker.is_listening)
    worker.set_device("USB headset")
    qtbot.waitUntil(lambda: len(rack.made) == 2 and rack.last.started.is_set())
    assert [m.device_request for m in rack.made] == ["Desk microphone", "USB headset"]
    assert rack.made[0].closed.is_set()
    assert worker.is_listening()
    # The panel never saw the microphone go off in between.
    assert seen.names("listening_changed") == [("listening_changed", True)]


def test_choosing_another_engine_while_listening_switches_at_once_and_loses_nothing(
        qtbot, make_worker):
    # The words heard so far are finished by the engine that heard them; the
    # microphone stays open and what follows goes to the new engine.
    old = ScriptedRecogniser([Partial("the river")], at_flush=[Final("the river")])
    new = ScriptedRecogniser([Partial("flows")], at_flush=[Final("flows")])
    loads: list[str] = []

    def factory():
        loads.append("new" if loads else "old")
        return (new, "New engine", "new") if len(loads) > 1 else (old, "Old engine", "old")

    rack = MicrophoneRack()
    worker = make_worker(factory=factory, rack=rack)
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(worker.is_listening)
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: seen.has("partial"))
    worker.set_engine("vosk", "/models/vosk-model-small-en-gb")
    worker.set_engine("vosk", "/models/vosk-model-small-en-gb")  # the same again: nothing to do
    rack.last.chunks(1)  # heard while the new engine loads: kept for it
    qtbot.waitUntil(lambda: seen.names("partial")[-1:] == [("partial", "flows")])
    worker.stop()
    qtbot.waitUntil(lambda: not worker.is_busy())
    assert seen.names("final") == [("final", "the river", ()), ("final", "flows", ())]
    assert seen.names("engine_ready") == [("engine_ready", "Old engine"),
                                          ("engine_ready", "New engine")]
    assert old.fed == 1 and old.flushes == 1 and new.fed == 1 and new.flushes == 1
    assert loads == ["old", "new"]
    assert len(rack.made) == 1  # one microphone, open throughout
    assert seen.names("listening_changed") == [
        ("listening_changed", True), ("listening_changed", False)]


def test_another_engine_chosen_while_idle_is_used_at_the_next_start(qtbot, make_worker):
    loads: list[str] = []

    def factory():
        loads.append("engine")
        return ScriptedRecogniser(), f"Engine {len(loads)}", "scripted"

    rack = MicrophoneRack()
    worker = make_worker(factory=factory, rack=rack)
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(worker.is_listening)
    worker.stop()
    qtbot.waitUntil(lambda: not worker.is_busy())
    worker.set_engine("whisper")
    assert len(rack.made) == 1  # nothing opens by itself
    worker.start()
    qtbot.waitUntil(lambda: ("engine_ready", "Engine 2") in seen.events)
    assert loads == ["engine", "engine"]


def test_stop_then_start_at_once_listens_again(qtbot, make_worker):
    rack = MicrophoneRack()
    worker = make_worker(ScriptedRecogniser(), rack)
    worker.start()
    qtbot.waitUntil(worker.is_listening)
    worker.stop()
    assert worker.start()  # while the first microphone is still closing
    qtbot.waitUntil(lambda: len(rack.made) == 2 and worker.is_listening())


def test_key_words_reach_the_engine_and_unknown_ones_are_reported(qtbot, make_worker):
    recogniser = ScriptedRecogniser(unknown=["Æthelflæd"])
    rack = MicrophoneRack()
    worker = make_worker(recogniser, rack, vocabulary=["oxbow", " ", "Æthelflæd"])
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(lambda: seen.has("vocabulary_unknown"))
    assert recogniser.vocabulary == ["oxbow", "Æthelflæd"]
    assert seen.names("vocabulary_unknown") == [("vocabulary_unknown", ["Æthelflæd"])]
    worker.set_vocabulary(["", "meander"])  # a lesson may leave a key word blank
    qtbot.waitUntil(lambda: recogniser.vocabulary == ["meander"])


def test_microphones_are_listed_in_the_background(qtbot, make_worker):
    devices = [fake_device("Desk microphone", 0, True), fake_device("USB headset", 3)]
    worker = make_worker(ScriptedRecogniser(), MicrophoneRack(), list_inputs=lambda: devices)
    with qtbot.waitSignal(worker.microphones_found) as found:
        worker.list_microphones()
    assert found.args == [devices]


def test_the_real_loader_reports_a_damaged_model_in_plain_words(qtbot, tmp_path):
    broken = tmp_path / "vosk-model-small-en-gb"
    (broken / "am").mkdir(parents=True)
    worker = SpeechWorker(engine="vosk", model_path=broken, capture_factory=MicrophoneRack())
    seen = Recorder(worker)
    worker.start()
    qtbot.waitUntil(lambda: seen.has("error") and not worker.is_busy())
    worker.shutdown()
    message = seen.names("error")[0][1]
    assert "model" in message.lower() and "Traceback" not in message
    assert not seen.names("engine_ready")


def test_models_are_named_as_tools_speech_models_names_them():
    whisper = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    vosk = pytest.importorskip("speech.stt.vosk_engine").VoskRecogniser
    if whisper.default_model_path() is None:
        pytest.skip("the bundled Whisper model is not installed")
    assert engine_display_name(whisper, None) == "English, built in"
    assert engine_display_name(whisper, whisper.default_model_path()) == "English, built in"
    assert engine_display_name(vosk, Path("/usb/vosk-model-small-en-gb-0.15")) == (
        "English (UK), small")
    # A folder the catalogue does not know: the engine and the folder's name.
    assert engine_display_name(vosk, Path("/usb/our-school-model")) == "Vosk (our-school-model)"
