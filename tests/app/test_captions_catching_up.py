"""A busy machine: the captions fall behind the speaker, the window says so, then they catch up.

The captions window, controller, worker threads and pipeline are real; the
recogniser is a double that is slow (each chunk takes a while, as a Whisper
decode does on a busy machine) and gives partial results only while its
``partials`` flag is on, as the real engines do. The microphone double
delivers seconds of audio at once, so a backlog forms as it would behind a
real microphone on a slow machine.
"""

from __future__ import annotations

import threading

import pytest

from app.captions_controller import CaptionsController
from app.speech_worker import SpeechWorker
from tests.app.catching_up_doubles import SlowRecogniser
from tests.app.speech_doubles import MicrophoneRack
from widgets.caption_settings import CaptionSettings
from widgets.captions_window import CaptionsWindow

LONG = 100  # 10 s of audio, delivered at once
HANG_GUARD_MS = 60_000


@pytest.fixture
def said(monkeypatch):
    announced: list[str] = []
    monkeypatch.setattr("widgets.captions_window.announce",
                        lambda _source, text, assertive=False: announced.append(text))
    return announced


@pytest.fixture
def captions(qtbot):
    made: list[CaptionsController] = []

    def build(recogniser: SlowRecogniser):
        window = CaptionsWindow(CaptionSettings(lines=2, font_size_pt=36))
        qtbot.addWidget(window)
        rack = MicrophoneRack()
        worker = SpeechWorker(
            recogniser_factory=lambda: (recogniser, "Scripted engine", "whisper"),
            capture_factory=rack, list_inputs=list)
        controller = CaptionsController(window, worker=worker)
        made.append(controller)
        return window, controller, rack

    yield build
    for controller in made:
        controller.shutdown()


def test_the_captions_say_they_are_running_behind_until_they_catch_up(qtbot, captions, said):
    # 10 s queued at once, 40 ms a chunk: more than 3 s waits for longer than the
    # 2 s the captions wait before saying so.
    gate = threading.Event()
    recogniser = SlowRecogniser(delay_s=0.04, gate=gate)
    window, controller, rack = captions(recogniser)
    worker = controller.worker
    behind: list[float] = []
    notes: list[str] = []  # the note on show as each lateness report arrives
    worker.behind.connect(lambda s: (behind.append(s), notes.append(window.running_behind_note())))
    statuses: list[str] = []
    controller.status_changed.connect(statuses.append)
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    rack.last.chunks(LONG)
    qtbot.waitUntil(rack.last.caught_up)  # all 10 s waits for the engine
    gate.set()
    qtbot.waitUntil(lambda: recogniser.fed == LONG and behind and behind[-1] == 0,
                    timeout=HANG_GUARD_MS)

    assert max(behind) >= 9, behind
    shown = [note for note in notes if note]
    assert shown, f"the captions never said they were behind: {notes}"
    assert shown[0].startswith("Captions are running behind"), shown[0]
    # Taken away once caught up (after being up long enough to read).
    qtbot.waitUntil(lambda: window.running_behind_note() == "", timeout=10_000)
    assert not window.note.isVisible()
    # Said to a screen reader once, not again in the status bar.
    assert [text for text in said if "running behind" in text] == [shown[0]], said
    assert shown[0] not in statuses, statuses
    # The captions still came, none of them the note.
    qtbot.waitUntil(lambda: len(window.history.entries()) >= LONG // recogniser.final_every)
    history = [entry.text for entry in window.history.entries()]
    assert history[:5] == [f"Phrase {n}" for n in range(1, 6)], history  # each with a capital
    assert not [text for text in history if "behind" in text], history
    assert not [line for line in window.shown_lines() if "behind" in line]


def test_a_moment_behind_puts_up_no_note(qtbot, captions, said):
    # Each Final decode on a busy machine lets a few seconds pile up, drained at
    # once afterwards: no note flickering on and off every sentence.
    gate = threading.Event()
    recogniser = SlowRecogniser(gate=gate)
    window, controller, rack = captions(recogniser)
    behind: list[float] = []
    controller.worker.behind.connect(behind.append)
    controller.start()
    qtbot.waitUntil(controller.is_listening)
    for _ in range(3):
        rack.last.chunks(50)  # 5 s waits while the engine is busy...
        qtbot.waitUntil(rack.last.caught_up)
        gate.set()  # ...and drains in a moment
        qtbot.waitUntil(lambda: behind and behind[-1] == 0)
        gate.clear()
    assert max(behind) >= 4, behind
    qtbot.wait(2500)  # longer than the captions wait before saying so
    assert window.running_behind_note() == ""
    assert not [text for text in said if "behind" in text], said
