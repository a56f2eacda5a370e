"""Real parts: live captions far behind the speaker say so, then catch up with every sentence.

A busy machine is simulated by handing the real Whisper engine about 55 s
of espeak-ng speech at once (faster than real time), so a backlog forms
exactly as it does behind a live microphone on a slow computer. The captions
window, controller, worker threads, pipeline and Whisper are real; only the
microphone is a double that delivers the audio it is given.
"""

from __future__ import annotations

import time

import pytest

from app.captions_controller import CaptionsController
from app.speech_worker import SpeechWorker
from tests.app.speech_doubles import (
    ManualMicrophone,
    queue_sentences_at_once,
    sentences_missing,
)
from tests.fixtures.spoken import CLASSROOM_SENTENCES
from widgets.caption_settings import CaptionSettings
from widgets.captions_window import CaptionsWindow

pytestmark = pytest.mark.slow

SENTENCES = CLASSROOM_SENTENCES[:12]
HANG_GUARD_MS = 180_000  # never reached unless the engine hangs
LAST_DECODE_MS = 60_000  # the last sentence's decode, on a busy machine


def _missing(window) -> list[str]:
    """The sentences most of whose words no caption in the history has."""
    return sentences_missing(" ".join(entry.text for entry in window.history.entries()),
                             SENTENCES)


def test_captions_behind_whisper_say_so_then_catch_up(qtbot, tmp_path, speak, monkeypatch):
    engine = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    if not engine.availability().available:
        pytest.skip(engine.availability().reason)
    announced: list[str] = []
    monkeypatch.setattr("widgets.captions_window.announce",
                        lambda _source, text, assertive=False: announced.append(text))
    window = CaptionsWindow(CaptionSettings(lines=2, font_size_pt=36, placement="bottom"))
    qtbot.addWidget(window)
    microphone = ManualMicrophone()
    worker = SpeechWorker(engine="whisper", list_inputs=list,
                          capture_factory=lambda _device: microphone)
    controller = CaptionsController(window, worker=worker)
    behind: list[float] = []
    worker.behind.connect(behind.append)
    try:
        speech = queue_sentences_at_once(qtbot, worker, controller, microphone, speak,
                                         SENTENCES, HANG_GUARD_MS)
        assert worker.waiting_seconds() > 8, "no backlog formed: nothing to test"

        qtbot.waitUntil(lambda: window.running_behind_note() != "" or (
            behind[-1] == 0 and worker.waiting_seconds() == 0), timeout=HANG_GUARD_MS)
        note = window.running_behind_note()
        assert note, f"caught up without a word about it: behind {behind}"
        shown_at = time.monotonic()  # for the printed figure only, never asserted
        assert window.note.isVisible()
        assert not [line for line in window.shown_lines() if note in line]
        qtbot.waitUntil(lambda: window.running_behind_note() == "", timeout=HANG_GUARD_MS)
        shown_for = time.monotonic() - shown_at
        assert worker.behind_seconds() < 1, behind
        # Caught up with the audio, the last sentence may still be in its decode.
        try:
            qtbot.waitUntil(lambda: not _missing(window), timeout=LAST_DECODE_MS)
        except qtbot.TimeoutError:
            pass  # said below, with the captions there are
    finally:
        controller.shutdown()

    assert note.startswith("Captions are running behind"), note
    assert announced.count(note) == 1, announced
    history = [entry.text for entry in window.history.entries()]
    missing = _missing(window)
    assert not missing, f"not captioned: {missing}\n{history}"
    saved = window.save_history(tmp_path / "captions.txt").read_text(encoding="utf-8")
    assert note not in saved and "behind" not in saved.lower(), saved
    print(f"{speech.size / 16_000:.1f} s of speech queued; most behind {max(behind):.0f} s; "
          f"note shown {shown_for:.1f} s; {len(history)} captions")
