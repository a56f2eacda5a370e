"""Live captions: partials then settled, timed captions in the real CaptionsWindow."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.captions_controller import CaptionsController
from app.speech_worker import SpeechWorker
from speech.audio_devices import NO_MICROPHONE
from speech.stt.base import Final, ModelLoadError, Partial, Word
from tests.app.speech_doubles import (
    FileMicrophone,
    MicrophoneRack,
    ScriptedRecogniser,
    speech_16k,
)
from widgets.captions_window import CaptionsWindow


@pytest.fixture
def captions(qtbot):
    made = []

    def build(script=(), at_flush=(), problems=(), factory=None):
        window = CaptionsWindow()
        qtbot.addWidget(window)
        recogniser = ScriptedRecogniser(script, at_flush)
        rack = MicrophoneRack(problems)
        worker = SpeechWorker(
            recogniser_factory=factory or (lambda: (recogniser, "Scripted engine", "whisper")),
            capture_factory=rack, list_inputs=list)
        controller = CaptionsController(window, worker=worker)
        made.append(controller)
        return window, controller, rack

    yield build
    for controller in made:
        controller.shutdown()


def test_words_being_heard_then_settled_captions_with_their_times(qtbot, captions):
    hello = (Word("Good", 1.5, 1.8, 0.9), Word("morning,", 1.8, 2.2, 0.9))
    window, controller, rack = captions(
        [Partial("Good morning"), [Final("Good morning, everyone.", hello)],
         Partial("Today we")], at_flush=[Final("Today we learn about rivers.")])
    controller.start()
    assert window.isVisible()
    qtbot.waitUntil(controller.is_listening)
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: window.text._partial == "Good morning")
    assert window.history.entries() == []
    rack.last.chunks(2)
    qtbot.waitUntil(lambda: len(window.history.entries()) == 1)
    first = window.history.entries()[0]
    # Exactly as the engine wrote it: its capitals and punctuation, no dictation rules.
    assert first.text == "Good morning, everyone."
    started = datetime.fromtimestamp(controller.worker.session_started_at())
    assert first.at == started + timedelta(seconds=1.5)
    qtbot.waitUntil(lambda: window.text._partial == "Today we")
    controller.toggle()  # stop: the words still in flight settle
    qtbot.waitUntil(lambda: len(window.history.entries()) == 2)
    assert window.history.entries()[1].text == "Today we learn about rivers."
    assert window.text._finals[-2:] == ["Good morning, everyone.", "Today we learn about rivers."]
    qtbot.waitUntil(lambda: not controller.is_listening())


def test_spoken_command_words_are_not_turned_into_punctuation(qtbot, captions):
    window, controller, rack = captions([Final("put a full stop here full stop")])
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: len(window.history.entries()) == 1)
    assert window.history.entries()[0].text == "Put a full stop here full stop"


# The usability check with real speech: Whisper began a phrase with a small
# letter and it stayed so on the projector and in the saved history.
# (the engine's Final, the caption line)
CAPITALS = [
    ("Good morning, everyone.", "Good morning, everyone."),
    ("3 rivers meet here.", "3 rivers meet here."),
    ('"rivers" flow downhill.', '"Rivers" flow downhill.'),
    ("\u2026and the vapor rises.", "\u2026And the vapour rises."),
    ("open your books out.", "Open your books out."),
    ("rivers carry water to the sea.", "Rivers carry water to the sea."),
]


def test_each_settled_caption_starts_with_a_capital_on_screen_and_in_the_history(
        qtbot, captions, tmp_path):
    window, controller, rack = captions([Final(final) for final, _line in CAPITALS])
    window.set_lines(3)
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    rack.last.chunks(len(CAPITALS))
    qtbot.waitUntil(lambda: len(window.history.entries()) == len(CAPITALS))
    lines = [line for _final, line in CAPITALS]
    assert [entry.text for entry in window.history.entries()] == lines
    # The band, wrapped to its width, and what a screen reader is told.
    assert " ".join(window.shown_lines()).endswith("Rivers carry water to the sea.")
    assert window.text.accessibleDescription() == "Rivers carry water to the sea."
    saved = window.save_history(tmp_path / "captions.txt").read_text(encoding="utf-8")
    assert "] Rivers carry water to the sea." in saved and "] Open your books out." in saved
    assert "rivers carry" not in saved


def test_problems_are_reported_and_captions_go_back_to_idle(qtbot, captions):
    attempts = []
    recogniser = ScriptedRecogniser([Final("Working now.")])

    def factory():
        attempts.append(1)
        if len(attempts) == 1:
            raise ModelLoadError("The speech model is damaged.")
        return recogniser, "Scripted engine", "whisper"

    window, controller, rack = captions(problems=[None, NO_MICROPHONE], factory=factory)
    errors, statuses = [], []
    controller.error.connect(errors.append)
    controller.status_changed.connect(statuses.append)
    controller.start()
    qtbot.waitUntil(lambda: errors == ["The speech model is damaged."])
    qtbot.waitUntil(lambda: not controller.worker.is_busy())
    assert not controller.is_listening()
    controller.start()  # the model loads now, but there is no microphone
    qtbot.waitUntil(lambda: NO_MICROPHONE in errors)
    qtbot.waitUntil(lambda: not controller.worker.is_busy())
    assert NO_MICROPHONE in statuses
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: len(window.history.entries()) == 1)


def test_hiding_the_captions_with_escape_stops_listening(qtbot, captions):
    window, controller, rack = captions()
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not controller.is_listening())
    assert not window.isVisible() and rack.last.closed.is_set()


def test_turning_captions_off_puts_the_window_away(qtbot, captions):
    # The menu item and Ctrl+Shift+C toggle: off means off the projector too.
    window, controller, rack = captions(at_flush=[Final("The last words.")])
    controller.toggle()
    qtbot.waitUntil(controller.is_listening)
    assert window.isVisible()
    controller.toggle()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not controller.is_listening())
    assert rack.last.closed.is_set()
    qtbot.waitUntil(lambda: len(window.history.entries()) == 1)  # still settle, unseen
    controller.toggle()
    assert window.isVisible()
    qtbot.waitUntil(controller.is_listening)


def test_captions_are_in_british_spelling_with_the_engines_punctuation(qtbot, captions):
    window, controller, rack = captions(
        [Partial("Clouds form when the vapor"), Final("Clouds form when the vapor cools.")])
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: window.text._partial == "Clouds form when the vapour")
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: len(window.history.entries()) == 1)
    assert window.history.entries()[0].text == "Clouds form when the vapour cools."


@pytest.mark.slow
def test_real_whisper_captions_keep_the_engines_capitals_and_full_stop(qtbot, speak):
    engine = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    if not engine.availability().available:
        pytest.skip(engine.availability().reason)
    samples = speech_16k(speak("The river flows down the mountain towards the sea."))
    window = CaptionsWindow()
    qtbot.addWidget(window)
    worker = SpeechWorker(engine="whisper", list_inputs=list,
                          capture_factory=lambda device: FileMicrophone(samples))
    controller = CaptionsController(window, worker=worker)
    with qtbot.waitSignal(worker.idle, timeout=120_000):
        controller.start()
    controller.shutdown()
    texts = [entry.text for entry in window.history.entries()]
    assert texts, "no caption settled"
    caption = " ".join(texts)
    assert caption[0].isupper() and caption.rstrip().endswith(".")
    assert {"river", "mountain", "sea"} <= set(caption.lower().replace(".", "").split())


def test_the_window_says_when_it_listens_and_why_it_does_not(qtbot, captions):
    # On a projector the status bar is not seen: the captions themselves say why
    # nothing appears.
    window, controller, rack = captions([Final("Good morning.")], problems=[NO_MICROPHONE])
    controller.start()
    qtbot.waitUntil(lambda: window.state() == "problem")
    assert window.isVisible()
    assert window.notice() == f"Not listening: {NO_MICROPHONE}"
    qtbot.waitUntil(lambda: not controller.worker.is_busy())
    assert window.notice() == f"Not listening: {NO_MICROPHONE}"  # idle does not hide why
    controller.start()  # plugged in now
    assert window.state() in ("starting", "listening")
    qtbot.waitUntil(controller.is_listening)
    assert window.notice() == "Listening\u2026"
    rack.last.chunks(1)
    qtbot.waitUntil(lambda: window.shown_lines() == ["Good morning."])
    assert window.notice() == ""
