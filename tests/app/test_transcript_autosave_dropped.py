"""An autosave dropped without close() (its window never shut down) ends its disk thread."""

from __future__ import annotations

import gc
import weakref

from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore

SENTENCE = "The river flows down the mountain towards the sea."


def test_a_dropped_autosave_keeps_the_text_and_ends_its_thread(qtbot, tmp_path):
    autosave = TranscriptAutosave(TranscriptStore(tmp_path / "transcripts"))
    autosave.save_now(SENTENCE)
    assert autosave.wait_until_idle(10)
    thread, gone = autosave._disk._thread, weakref.ref(autosave)
    assert thread is not None and thread.is_alive()
    gc.disable()
    try:
        del autosave
        assert gone() is None  # freed here, by its last reference going
    finally:
        gc.enable()
    thread.join(10)
    assert not thread.is_alive()
    # Not closed as finished: the pupil's text is still offered next time.
    offered = TranscriptStore(tmp_path / "transcripts").recover()
    assert offered is not None and offered.text == SENTENCE
