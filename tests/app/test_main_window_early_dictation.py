"""F9 pressed before dictation is ready is remembered, not thrown away.

A real main window, its Dictation panel and a real DictationController
attached as app/controllers.py attaches it; the recogniser and the
microphone are doubles (tests/app/speech_doubles.py), as these tests are
about the window's part, not the engine's.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from tests.app.main_window_helpers import Opened
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser, fake_device

READY = "Getting dictation ready… It starts listening by itself in a moment."
CANCELLED = ("Dictation was cancelled before it was ready, so it is not listening. "
             "Press F9 to start it.")


@pytest.fixture
def made(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    opened = Opened(qtbot, tmp_path)
    controllers: list[DictationController] = []
    yield opened, controllers
    for controller in controllers:
        controller.shutdown()
        controller.autosave.wait_until_idle(10)
    opened.close_all()


def _attach(window, controllers, tmp_path) -> MicrophoneRack:
    """Attach a dictation controller as the app does once the speech parts are imported."""
    rack = MicrophoneRack()
    recogniser = ScriptedRecogniser()
    worker = SpeechWorker(recogniser_factory=lambda: (recogniser, "Scripted engine", "scripted"),
                          capture_factory=rack, list_inputs=lambda: [fake_device("Desk", 0, True)],
                          dictation=True)
    controller = DictationController(
        window.dictation_panel, worker=worker,
        autosave=TranscriptAutosave(TranscriptStore(tmp_path / "t")), parent=window)
    controllers.append(controller)
    window.attach_dictation(controller)
    return rack


def test_an_early_f9_starts_dictation_as_soon_as_it_is_attached(qtbot, made, tmp_path):
    opened, controllers = made
    window = opened.open()
    panel = window.dictation_panel
    window.act.dictate.trigger()  # F9, before the speech parts are ready
    assert panel.message() == READY
    assert not panel.is_listening()

    _attach(window, controllers, tmp_path)
    controller = window.dictation
    qtbot.waitUntil(controller.is_listening)
    assert panel.is_listening() and panel.toggle_button.text() == "Stop dictation"
    qtbot.waitUntil(lambda: panel.message() == "Listening. Say “full stop” to end a sentence.")
    window.act.dictate.trigger()  # F9 again stops it, as always
    qtbot.waitUntil(lambda: not controller.is_listening())


def test_a_second_early_f9_cancels_and_says_so(qtbot, made, tmp_path):
    opened, controllers = made
    window = opened.open()
    panel = window.dictation_panel
    window.act.dictate.trigger()
    window.act.dictate.trigger()
    assert panel.message() == CANCELLED

    rack = _attach(window, controllers, tmp_path)
    qtbot.wait(50)  # the turn on which a remembered press would start it
    assert rack.made == [] and not window.dictation.is_listening()
    assert panel.message() == CANCELLED
    window.act.dictate.trigger()  # now it simply starts
    qtbot.waitUntil(window.dictation.is_listening)


def test_hold_to_talk_let_go_before_it_was_ready_does_not_start_later(qtbot, made, tmp_path):
    opened, controllers = made
    window = opened.open()
    panel = window.dictation_panel
    qtbot.mousePress(panel.hold_button, Qt.MouseButton.LeftButton)
    assert panel.message() == READY
    qtbot.mouseRelease(panel.hold_button, Qt.MouseButton.LeftButton)
    assert panel.message() == CANCELLED
    rack = _attach(window, controllers, tmp_path)
    qtbot.wait(50)
    assert rack.made == []


def test_without_an_early_press_the_panel_says_when_dictation_is_ready(qtbot, made, tmp_path):
    opened, controllers = made
    window = opened.open()
    _attach(window, controllers, tmp_path)
    panel = window.dictation_panel
    loading: list[str] = []
    window.dictation.worker.progress.connect(loading.append)
    window.dictation.preload()  # as the app does a second after the window opens
    qtbot.waitUntil(lambda: bool(window.dictation.worker.engine_key))
    assert loading  # "Getting speech recognition ready…" was shown in the panel meanwhile
    qtbot.waitUntil(lambda: panel.message() ==
                    "Dictation is ready. Press F9 or Start dictation to begin.")
    window.act.dictate.trigger()
    qtbot.waitUntil(lambda: panel.message() == "Listening. Say “full stop” to end a sentence.")


def test_while_listening_the_model_loading_is_told_in_a_pupils_words(qtbot, made, tmp_path):
    # The third review: after an early F9, "Checking the Whisper model file…" showed in
    # the panel beside "Microphone is live". The panel now says the pupil is heard; the
    # status bar keeps the loading steps.
    opened, controllers = made
    window = opened.open()
    panel = window.dictation_panel
    window.act.dictate.trigger()
    _attach(window, controllers, tmp_path)
    controller = window.dictation
    qtbot.waitUntil(controller.is_listening)
    statuses: list[str] = []
    controller.status_changed.connect(statuses.append)
    controller.worker.progress.emit("Checking the built-in English speech model…")
    assert panel.message() == ("Listening. Your words will appear as soon as the speech "
                               "model has loaded.")
    assert statuses == ["Checking the built-in English speech model…"]
    controller.worker.engine_ready.emit("English, built in")
    assert panel.message() == "Listening. Say “full stop” to end a sentence."
    window.act.dictate.trigger()
    qtbot.waitUntil(lambda: not controller.is_listening())
