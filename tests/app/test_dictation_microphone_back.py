"""After "no microphone", the message gives way once the microphone is plugged back in.

The panel used to keep "No microphone was found. Plug one in and try again."
on show after the microphone was back, until the pupil pressed F9. The
controller now looks at the microphones every few seconds while such a
message is on show, and says when one is ready.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import app.dictation_microphones as dictation_microphones
from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from speech.audio import MICROPHONE_GONE
from speech.audio_devices import NO_MICROPHONE
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.app.speech_doubles import ScriptedRecogniser, fake_device
from tests.speech.unplugging import plug_back_in
from widgets.dictation_panel import DictationPanel

FOUND = "Microphone found: press F9 to dictate."


@pytest.fixture(autouse=True)
def quick_looks(monkeypatch):
    """Look at the microphones every 100 ms rather than every 2 s."""
    monkeypatch.setattr(dictation_microphones, "MICROPHONE_LOOK_MS", 100)


def _looks(controller) -> list:
    """Counts each time the microphone list comes back."""
    seen = []
    controller.worker.microphones_found.connect(seen.append)
    return seen


def test_no_microphone_gives_way_once_the_microphone_is_back(rig):  # noqa: F811
    # The sound server's default device, with only the speakers' monitor behind it.
    inputs = [replace(fake_device("pulse", 0, True), records_the_speakers=True)]
    r = rig([], problems=[NO_MICROPHONE], devices=inputs)
    looks = _looks(r.controller)
    r.panel.toggle_listening()
    r.qtbot.waitUntil(lambda: r.panel.message() == NO_MICROPHONE)
    r.qtbot.waitUntil(lambda: len(looks) >= 2)  # looked again: still none
    assert r.panel.message() == NO_MICROPHONE and r.panel.message_bar.kind == "error"
    inputs[0] = fake_device("pulse", 0, True)  # plugged back in
    r.qtbot.waitUntil(lambda: r.panel.message() == FOUND)
    assert r.panel.message_bar.kind == "info"
    r.start()  # and F9 works
    assert r.panel.message() != FOUND


def test_a_stopped_microphone_still_listed_keeps_its_message(rig):  # noqa: F811
    # A named microphone that stopped: the list cannot tell whether it is back,
    # so "found" is never said for it; F9 tries it.
    r = rig([])
    r.start()
    looks = _looks(r.controller)
    r.rack.last.unplug(MICROPHONE_GONE)
    r.qtbot.waitUntil(lambda: r.panel.message() == MICROPHONE_GONE)
    r.qtbot.waitUntil(lambda: len(looks) >= 3)
    assert r.panel.message() == MICROPHONE_GONE and r.panel.message_bar.kind == "error"


@pytest.mark.pulse
def test_the_default_microphone_unplugged_and_back_is_said(qtbot, tmp_path, pulse, virtual_mic):
    """Real parts: the PulseAudio server, real capture and the real microphone list."""
    panel = DictationPanel()
    qtbot.addWidget(panel)
    worker = SpeechWorker(dictation=True, recogniser_factory=lambda: (
        ScriptedRecogniser(), "Scripted engine", "scripted"))
    controller = DictationController(
        panel, worker=worker, autosave=TranscriptAutosave(TranscriptStore(tmp_path / "t")))
    looks = _looks(controller)
    try:
        virtual_mic.unload()  # only the speakers' monitor is left
        try:
            panel.toggle_listening()
            qtbot.waitUntil(lambda: panel.message() == NO_MICROPHONE, timeout=15_000)
            qtbot.waitUntil(lambda: len(looks) >= 2, timeout=15_000)
            assert panel.message() == NO_MICROPHONE
        finally:
            plug_back_in(pulse, virtual_mic)
        qtbot.waitUntil(lambda: panel.message() == FOUND, timeout=15_000)
        panel.toggle_listening()
        qtbot.waitUntil(controller.is_listening, timeout=15_000)
    finally:
        controller.shutdown()
        controller.autosave.wait_until_idle(10)
