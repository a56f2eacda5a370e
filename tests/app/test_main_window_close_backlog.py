"""Closing the main window while dictation is far behind the microphone.

The real main window, dictation controller, panel, worker threads, pipeline
and autosave; a scripted slow recogniser and a microphone double that hands
over seconds of speech at once (a busy machine). The closing window says how
much speech is left; "Close now" closes the app and the status bar and panel
say how much was not written down; the text written is saved and left on
offer for the next start.
"""

from __future__ import annotations

import threading

import numpy as np

from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from tests.app.catching_up_doubles import SlowRecogniser, press_close_now
from tests.app.speech_doubles import MicrophoneRack, fake_device


def test_close_now_closes_the_window_and_says_what_was_not_written_down(
        qtbot, opened, tmp_path):
    window = opened.open()
    release = threading.Event()
    recogniser = SlowRecogniser(final_every=5, stuck_at=10, release=release)
    rack = MicrophoneRack()
    worker = SpeechWorker(recogniser_factory=lambda: (recogniser, "Scripted engine", "scripted"),
                          capture_factory=rack, list_inputs=lambda: [fake_device("Desk mic")],
                          dictation=True)
    folder = tmp_path / "transcripts"
    autosave = TranscriptAutosave(TranscriptStore(folder))
    controller = DictationController(window.dictation_panel, worker=worker, autosave=autosave)
    controller.ask_save_on_close = lambda: "discard"
    window.attach_dictation(controller)
    statuses: list[str] = []
    controller.status_changed.connect(statuses.append)
    try:
        controller.start()
        qtbot.waitUntil(controller.is_listening)
        rack.last.hear(np.zeros(16_000 * 8, dtype=np.int16))  # 8 s of speech at once
        qtbot.waitUntil(lambda: recogniser.fed == 10)  # stuck, 7 s still waiting
        # Phrase 1's Final comes to the window as a queued signal, a moment later.
        qtbot.waitUntil(lambda: "phrase 1" in controller.text().lower())
        written = controller.text()
        seen: list[str] = []
        press_close_now(seen)

        assert window.close()

        assert seen == ["Writing down your last words… about 7 seconds of speech left."], seen
        assert not window.isVisible()
        lost = ("The last 7 seconds of speech were not written down. Everything written "
                "before them is saved, and Lesson Lab offers it back when it next starts.")
        assert lost in statuses
        assert window.dictation_panel.message() == lost
        autosave.wait_until_idle(10)
        records = TranscriptStore(folder).transcripts()
        assert len(records) == 1 and records[0].text == written and not records[0].closed
    finally:
        release.set()
