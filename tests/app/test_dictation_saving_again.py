"""After a full disk, the pupil is told when their dictation is being saved again.

The disk thread tries again by itself once there is room (app/transcript_autosave.py),
but the red "could not be saved" stayed on show in the panel: a pupil (or the
teacher helping) could not tell that the text was safe again. A real full disk
(a tiny tmpfs, tests/fixtures/small_disk.py; root only, skipped elsewhere).
"""

from __future__ import annotations

import pytest

from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser, fake_device
from tests.fixtures.small_disk import SmallDisk
from widgets.dictation_panel import DictationPanel

AGAIN = "Your dictation is being saved again."


@pytest.fixture
def disk(tmp_path):
    with SmallDisk(tmp_path / "disk") as mounted:
        yield mounted


def test_the_problem_goes_once_the_text_is_saved_again(qtbot, disk):
    panel = DictationPanel()
    qtbot.addWidget(panel)
    recogniser = ScriptedRecogniser(())
    worker = SpeechWorker(recogniser_factory=lambda: (recogniser, "Scripted", "scripted"),
                          capture_factory=MicrophoneRack(()),
                          list_inputs=lambda: [fake_device("Desk microphone", 0, True)],
                          dictation=True)
    autosave = TranscriptAutosave(TranscriptStore(disk.path / "transcripts"),
                                  interval_ms=50, retry_s=0.2)
    controller = DictationController(panel, worker=worker, autosave=autosave)
    try:
        disk.fill()
        controller.set_text("Our class went to Brook Farm.")
        qtbot.waitUntil(lambda: "the disk is full" in panel.message(), timeout=10_000)
        assert panel.message_bar.kind == "error"

        disk.free()  # the teacher makes room; nobody types or speaks

        qtbot.waitUntil(lambda: panel.message() == AGAIN, timeout=10_000)
        assert panel.message_bar.kind == "info"
        assert panel.text() == "Our class went to Brook Farm."
    finally:
        controller.shutdown()
        autosave.wait_until_idle(10)
