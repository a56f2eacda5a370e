"""Real parts: dictating into the lesson editor window through a microphone.

espeak-ng speaks the phrases; they go into the PulseAudio virtual microphone
in real time; real capture and the real Whisper engine (tiny.en, built in)
hear them; the window's Dictate action, its controller and the editor are
the real ones. The last test closes the window while the teacher is still
speaking: the words heard must be in the text offered for saving.
"""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
import shiboken6

from app.practice.editor_window import DISCARD, SAVE, LessonEditorWindow
from app.speech_worker import SpeechWorker
from lessons.library import user_folder
from tests.fixtures.pulse import MIC_DEVICE
from tests.fixtures.spoken import read_wav_int16

pytestmark = [pytest.mark.pulse, pytest.mark.slow]

LESSON = """---
title: Rivers
subject: Geography
key_stage: KS2
year_group: Year 4
---

## How rivers flow

Rivers begin in the hills.

## Where rivers end
"""
# A sentence Whisper tiny.en hears well from espeak-ng, ended with a spoken command.
SPOKEN = "The river flows down the mountain towards the sea. Full stop."
WORDS = ["the", "river", "flows", "down", "the", "mountain", "towards", "the", "sea"]
# Said without a pause, so it cannot settle by itself before the window closes mid-way.
HEARD_BEFORE_CLOSE = "The river flows down the mountain towards the sea"
STILL_SPEAKING = HEARD_BEFORE_CLOSE + " and then it winds slowly across the wide green valley."
HANG_GUARD_S = 120.0  # never reached unless the engine hangs; the window's own bound is 5 s


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


@pytest.fixture
def whisper_window(qtbot):
    engine = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    if not engine.availability().available:
        pytest.skip(engine.availability().reason)
    window = LessonEditorWindow(worker_factory=lambda: SpeechWorker(
        engine="whisper", dictation=True, device=MIC_DEVICE))
    window.ask_unsaved_changes = lambda: DISCARD
    window.editor.set_text(LESSON)
    window.show()
    yield window
    if shiboken6.isValid(window):
        window.close()


def _put_cursor_after(editor, text: str) -> int:
    """Put the editor's cursor just after ``text``; return that position in the file."""
    anchor = editor.text().index(text) + len(text)
    cursor = editor.text_edit.textCursor()
    # The text box holds the lesson text, which comes after the details in the file.
    cursor.setPosition(anchor - (len(editor.text()) - len(editor.text_edit.toPlainText())))
    editor.text_edit.setTextCursor(cursor)
    return anchor


def _start_dictating(qtbot, window, phrases: list[str]):
    """Press Dictate and wait until the engine listens; each phrase put in goes to ``phrases``."""
    window.dictate_action.trigger()
    dictation = window.dictation
    dictation.phrase_added.connect(phrases.append)
    qtbot.waitUntil(lambda: dictation.is_listening() and bool(dictation.worker.engine_key),
                    timeout=60_000)
    return dictation


def test_spoken_words_land_in_the_editor_at_the_cursor(
        qtbot, whisper_window, virtual_mic, speak):
    window = whisper_window
    editor = window.editor
    anchor = _put_cursor_after(editor, "Rivers begin in the hills.")
    partials: list[str] = []
    phrases: list[str] = []
    dictation = _start_dictating(qtbot, window, phrases)
    dictation.worker.partial.connect(partials.append)
    assert window.dictate_action.isChecked()

    virtual_mic.play(speak(SPOKEN))
    # The sentence may settle in more than one phrase; the spoken full stop ends it.
    qtbot.waitUntil(lambda: bool(phrases) and phrases[-1].rstrip().endswith("."),
                    timeout=60_000)
    text = editor.text()
    # Only what was said went in, and only at the cursor.
    assert text.startswith(LESSON[:anchor]) and text.endswith(LESSON[anchor:])
    added = text[anchor:len(text) - len(LESSON) + anchor]
    heard = _words(added)
    assert np.mean([w in heard for w in WORDS]) >= 0.75, added
    assert {"river", "mountain", "sea"} <= set(heard), added
    # The spoken command became the full stop; the sentence starts with a space and a capital.
    assert added.startswith(" The ") and added.rstrip().endswith("."), added
    assert "full" not in heard and "stop" not in heard, added
    # Words were shown while being heard, before they went in.
    assert partials
    assert "".join(phrases) == added
    # "Scratch that", said aloud, takes the last phrase out again, and only it.
    virtual_mic.play(speak("Scratch that."))
    without_last = LESSON[:anchor] + "".join(phrases[:-1]) + LESSON[anchor:]
    qtbot.waitUntil(lambda: editor.text() == without_last, timeout=60_000)
    assert "removed" in window.dictation_line.message_text()
    window.dictate_action.trigger()
    qtbot.waitUntil(lambda: not dictation.worker.is_busy(), timeout=60_000)
    assert not window.dictate_action.isChecked()
    assert window.dictation_line.partial_text() == ""
    # The editor's Undo brings the scratched phrase back in one step: the words end in the text.
    editor.undo()
    assert editor.text() == text
    assert _words(editor.text()).count("mountain") == 1


def test_a_phrase_said_as_the_window_closes_is_offered_for_saving(
        qtbot, whisper_window, virtual_mic, speak):
    window = whisper_window
    editor = window.editor
    anchor = _put_cursor_after(editor, "Rivers begin in the hills.")
    offered: list[str] = []

    def ask() -> str:
        offered.append(editor.text())
        return SAVE

    window.ask_unsaved_changes = ask
    editor.ask_lesson_name = lambda suggestion: "Rivers said at the close"
    # The shared machine may be slow: the bound here only guards against a hang.
    window.last_words_wait_s = HANG_GUARD_S
    phrases: list[str] = []
    _start_dictating(qtbot, window, phrases)
    before = set(user_folder().glob("*.md")) if user_folder().exists() else set()

    # The teacher is still speaking when the window is closed: the words up to "sea"
    # have gone into the microphone, with no pause yet that would settle them.
    samples, rate = read_wav_int16(speak(HEARD_BEFORE_CLOSE))
    heard_s = len(samples) / rate + 0.3
    start = virtual_mic.clip_samples_written
    virtual_mic.play(speak(STILL_SPEAKING))
    assert virtual_mic.wait_for_clip_seconds(heard_s, timeout=60, since=start)
    assert not phrases, "the phrase settled before the close: nothing to test"
    assert editor.text() == LESSON

    try:
        began = time.monotonic()
        assert window.close()
        took = time.monotonic() - began
        assert len(offered) == 1
        text = offered[0]
        # Only what was said went in, and only at the cursor.
        assert text.startswith(LESSON[:anchor]) and text.endswith(LESSON[anchor:]), text
        added = text[anchor:len(text) - len(LESSON) + anchor]
        heard = _words(added)
        assert np.mean([w in heard for w in WORDS]) >= 0.75, added
        assert {"river", "mountain", "sea"} <= set(heard), added
        saved = sorted(set(user_folder().glob("*.md")) - before)
        assert [p.name for p in saved] == ["rivers-said-at-the-close.md"]
        assert added in saved[0].read_text(encoding="utf-8")
        print(f"the last words went in {took:.2f} s after the close: {added!r}")
    finally:
        for path in set(user_folder().glob("*.md")) - before:
            path.unlink()
        # The rest of the sentence still plays into the microphone: let it end before the
        # next test listens.
        virtual_mic.wait_until_played(60)
