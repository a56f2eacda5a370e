"""Real parts: the pupil's Dictation panel and the lesson editor never both write down a voice.

espeak-ng speaks into the PulseAudio virtual microphone in real time; real
capture and the real Whisper engine (tiny.en, built in) hear it, through the
real DictationController with its panel and the real lesson editor window
with its Dictate action. Once the editor's Dictate is pressed, a sentence and
"scratch that" reach only the editor; the pupil's text stays as it was.
"""

from __future__ import annotations

import re

import pytest
import shiboken6

from app.dictation_controller import DictationController
from app.practice.editor_window import DISCARD, LessonEditorWindow
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from tests.fixtures.pulse import MIC_DEVICE
from widgets.dictation_panel import DictationPanel

pytestmark = [pytest.mark.pulse, pytest.mark.slow]

LESSON = """---
title: Rivers
---

## How rivers flow

Rivers begin in the hills.
"""
# Sentences Whisper tiny.en hears well from espeak-ng, each ended with a spoken command.
PUPIL = "Today we are going to write a story about a dragon. Full stop."
TEACHER = "The river flows down the mountain towards the sea. Full stop."
WAIT_MS = 90_000  # a guard against a hang on a busy machine, not a measurement


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


@pytest.fixture
def both(qtbot, tmp_path):
    engine = pytest.importorskip("speech.stt.whisper_engine").WhisperRecogniser
    if not engine.availability().available:
        pytest.skip(engine.availability().reason)
    panel = DictationPanel()
    qtbot.addWidget(panel)
    pupil = DictationController(
        panel, worker=SpeechWorker(engine="whisper", dictation=True, device=MIC_DEVICE),
        autosave=TranscriptAutosave(TranscriptStore(tmp_path / "t")))
    window = LessonEditorWindow(worker_factory=lambda: SpeechWorker(
        engine="whisper", dictation=True, device=MIC_DEVICE))
    window.ask_unsaved_changes = lambda: DISCARD
    window.editor.set_text(LESSON)
    window.show()
    yield panel, pupil, window
    pupil.shutdown()
    if shiboken6.isValid(window):
        window.close()
    pupil.autosave.wait_until_idle(10)


def test_after_the_editors_dictate_only_the_editor_hears_and_scratch_that_spares_the_pupil(
        qtbot, both, virtual_mic, speak):
    panel, pupil, window = both
    panel.toggle_listening()  # F9 in the main window
    qtbot.waitUntil(lambda: pupil.is_listening() and bool(pupil.worker.engine_key),
                    timeout=WAIT_MS)
    virtual_mic.play(speak(PUPIL))
    qtbot.waitUntil(lambda: panel.text().rstrip().endswith("."), timeout=WAIT_MS)
    virtual_mic.wait_until_played(60)
    assert {"story", "dragon"} <= set(_words(panel.text())), panel.text()
    pupils_text = panel.text()

    editor = window.editor
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.text_edit.setTextCursor(cursor)
    window.dictate_action.trigger()  # the teacher presses Dictate in the lesson editor
    dictation = window.dictation
    phrases: list[str] = []
    dictation.phrase_added.connect(phrases.append)
    qtbot.waitUntil(lambda: dictation.is_listening() and bool(dictation.worker.engine_key),
                    timeout=WAIT_MS)

    virtual_mic.play(speak(TEACHER))
    qtbot.waitUntil(lambda: bool(phrases) and phrases[-1].rstrip().endswith("."),
                    timeout=WAIT_MS)
    virtual_mic.wait_until_played(60)
    assert {"river", "mountain"} <= set(_words(editor.text())), editor.text()
    assert panel.text() == pupils_text

    virtual_mic.play(speak("Scratch that."))
    qtbot.waitUntil(lambda: editor.text() == LESSON, timeout=WAIT_MS)
    virtual_mic.wait_until_played(60)
    assert panel.text() == pupils_text
    assert "removed" not in panel.message()
    # The pupil's dictation stopped when Dictate was pressed, and its panel says why.
    assert not pupil.is_listening()
    assert "you started dictating in the lesson editor" in panel.message()
    window.dictate_action.trigger()
    qtbot.waitUntil(lambda: not dictation.worker.is_busy(), timeout=WAIT_MS)
