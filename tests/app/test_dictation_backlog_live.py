"""Real parts: the engine far behind the microphone when the window closes.

A busy machine is simulated by handing the real Whisper engine about 36 s
of espeak-ng speech at once (faster than real time), so a backlog forms
exactly as it does behind a live microphone on a slow computer. The window
closes straight away, with the microphone still open. Every sentence said
before the close must end up in the saved transcript. The controller, panel,
worker threads, pipeline, Whisper, autosave and store are real; only the
microphone is a double that delivers the audio it is given.
"""

from __future__ import annotations

import pytest

from app.dictation_controller import DictationController
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from tests.app.speech_doubles import (
    ManualMicrophone,
    queue_sentences_at_once,
    sentences_missing,
)
from tests.fixtures.spoken import CLASSROOM_SENTENCES
from widgets.dictation_panel import DictationPanel

pytestmark = pytest.mark.slow

# About 36 s of speech: several times what the old close waited for (5 s), and
# well inside the modal watchdog's patience (tests/fixtures/modal_watchdog.py).
SENTENCES = CLASSROOM_SENTENCES[:8]
HANG_GUARD_MS = 180_000  # never reached unless the engine hangs


def test_every_sentence_queued_before_the_close_is_in_the_saved_transcript(
        qtbot, tmp_path, speak):
    engine = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    if not engine.availability().available:
        pytest.skip(engine.availability().reason)
    panel = DictationPanel()
    qtbot.addWidget(panel)
    microphone = ManualMicrophone()
    worker = SpeechWorker(engine="whisper", dictation=True,
                          capture_factory=lambda _device: microphone)
    folder = tmp_path / "transcripts"
    autosave = TranscriptAutosave(TranscriptStore(folder))
    controller = DictationController(panel, worker=worker, autosave=autosave)
    behind: list[float] = []
    worker.behind.connect(behind.append)
    try:
        speech = queue_sentences_at_once(qtbot, worker, controller, microphone, speak,
                                         SENTENCES, HANG_GUARD_MS)
        assert worker.waiting_seconds() > 10, "no backlog formed: nothing to test"

        settled = controller.finish_last_words()  # the app's own time allowed
        controller.shutdown()
    finally:
        controller.shutdown()
    autosave.wait_until_idle(10)
    records = TranscriptStore(folder).transcripts()
    assert len(records) == 1, records
    missing = sentences_missing(records[0].text, SENTENCES)
    assert not missing, f"not in the saved transcript: {missing}\n{records[0].text}"
    assert settled and records[0].closed
    assert max(behind) >= 10, behind
    print(f"{speech.size / 16_000:.1f} s of speech queued; saved: {records[0].text!r}")
