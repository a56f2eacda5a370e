"""Closing the main window: nothing unsaved is lost, and a Cancel changes nothing.

A lesson editor (or practice window) opened from the main window is asked
first, with its own Save / Discard / Cancel (answered through its seam, so
no modal dialog is left open); a Cancel keeps both windows open with
dictation still listening and nothing saved. Then the phrase a pupil is
saying reaches the transcript before the window goes.

The dictation here is the real controller, panel, worker threads, autosave
and store, with a scripted recogniser and microphone
(tests/app/speech_doubles.py).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QTextCursor

from app import settings as keys
from app.dictation_controller import DictationController
from app.practice import open_practice
from app.practice.editor_window import CANCEL, DISCARD, SAVE
from app.speech_worker import SpeechWorker
from app.transcript_autosave import TranscriptAutosave
from app.transcript_store import TranscriptStore
from lessons.library import user_folder
from lessons.loader import load_lesson
from speech.stt.base import Final
from tests.app.closing_doubles import SlowEndRecogniser
from tests.app.main_window_helpers import choose
from tests.app.speech_doubles import MicrophoneRack, fake_device

LESSON = "The water cycle"
SETTLED = "the rain falls on the hills"
LAST = "and runs down to the sea"


# Each test leaves its windows answered (pytest-qt closes them before `opened` ends).


class Dictating:
    """The window's dictation, listening to a pupil (scripted)."""

    def __init__(self, qtbot, window, folder) -> None:
        self.qtbot = qtbot
        self.recogniser = SlowEndRecogniser([Final(SETTLED)], at_flush=[Final(LAST)],
                                            delay_s=0.5)
        self.rack = MicrophoneRack()
        worker = SpeechWorker(
            recogniser_factory=lambda: (self.recogniser, "Scripted engine", "scripted"),
            capture_factory=self.rack, list_inputs=lambda: [fake_device("Desk microphone")],
            dictation=True)
        self.store = TranscriptStore(folder)
        self.autosave = TranscriptAutosave(self.store)
        self.controller = DictationController(window.dictation_panel, worker=worker,
                                              autosave=self.autosave)
        # Closing with unsaved text asks "Save your dictation?": answered here as
        # Don't save (tests/app/test_main_window_close_dictation.py asks it for real).
        self.asked: list[str] = []
        self.answer = "discard"
        self.controller.ask_save_on_close = lambda: self.asked.append(self.answer) or self.answer
        window.attach_dictation(self.controller)

    def say_a_phrase_and_begin_another(self) -> None:
        self.controller.start()
        self.qtbot.waitUntil(self.controller.is_listening)
        self.rack.last.chunks(1)
        self.qtbot.waitUntil(lambda: "rain falls" in self.controller.text().lower())
        self.rack.last.chunks(2)

    def saved(self):
        self.autosave.wait_until_idle(10)
        records = TranscriptStore(self.store.folder).transcripts()
        assert len(records) == 1, records
        return records[0]


def _window_with_editor(opened, answer: str):
    window = opened.open()
    choose(window, LESSON)
    editor = window.open_lesson_editor()
    editor.asked = []

    def ask() -> str:
        editor.asked.append(answer)
        return answer

    editor.ask_unsaved_changes = ask
    cursor = editor.editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nA line added before the bell.\n")
    assert editor.has_unsaved_work()
    return window, editor


def _lessons() -> set:
    return set(user_folder().glob("*.md")) if user_folder().exists() else set()


def test_cancel_in_the_editor_keeps_everything_open_and_untouched(qtbot, opened, tmp_path):
    window, editor = _window_with_editor(opened, CANCEL)
    dictating = Dictating(qtbot, window, tmp_path / "transcripts")
    dictating.controller.start()
    qtbot.waitUntil(dictating.controller.is_listening)
    assert window.settings.data(keys.GEOMETRY).isEmpty()
    before = _lessons()

    assert not window.close()

    assert editor.asked == [CANCEL]
    assert window.isVisible() and editor.isVisible()
    assert editor.editor.text().endswith("A line added before the bell.\n")
    assert dictating.controller.is_listening(), "dictation stopped though the close was cancelled"
    assert window.settings.data(keys.GEOMETRY).isEmpty(), "settings were saved though cancelled"
    assert _lessons() == before
    # Still working: the pupil's next phrase goes in as usual.
    dictating.rack.last.chunks(1)
    qtbot.waitUntil(lambda: "rain falls" in dictating.controller.text().lower())

    editor.ask_unsaved_changes = lambda: DISCARD
    assert window.close()
    assert not dictating.controller.is_listening()


def test_discard_closes_the_editor_and_then_the_window(qtbot, opened):
    window, editor = _window_with_editor(opened, DISCARD)
    before = _lessons()

    assert window.close()

    assert editor.asked == [DISCARD]
    assert not window.isVisible()
    assert not shiboken6.isValid(editor) or not editor.isVisible()
    assert _lessons() == before
    assert not window.settings.data(keys.GEOMETRY).isEmpty()


def test_save_saves_a_new_lesson_then_closes_both(qtbot, opened):
    window, editor = _window_with_editor(opened, SAVE)
    editor.editor.ask_lesson_name = lambda suggestion: "Water cycle kept at the close"
    before = _lessons()

    assert window.close()

    assert editor.asked == [SAVE]
    saved = sorted(_lessons() - before)
    try:
        assert [p.name for p in saved] == ["water-cycle-kept-at-the-close.md"]
        result = load_lesson(saved[0])
        assert result.lesson is not None and result.lesson.title == "Water cycle kept at the close"
        assert "A line added before the bell." in saved[0].read_text(encoding="utf-8")
    finally:
        for path in saved:
            path.unlink()
    assert not window.isVisible()


def test_a_practice_session_not_saved_can_keep_the_window_open(qtbot, opened):
    window = opened.open()
    practice = open_practice(window, "year10-dyslexia-visual-stress-inspector-calls")
    practice.choose_profile("Dyslexia")
    assert practice.has_unsaved_work()
    practice.ask_save_before_closing = lambda: "cancel"

    assert not window.close()
    assert window.isVisible() and practice.isVisible()

    practice.ask_save_before_closing = lambda: "discard"
    assert window.close()
    assert not window.isVisible()


def test_closing_while_a_pupil_speaks_saves_the_phrase_still_being_recognised(
        qtbot, opened, tmp_path):
    window = opened.open()
    dictating = Dictating(qtbot, window, tmp_path / "transcripts")
    dictating.say_a_phrase_and_begin_another()
    settled = dictating.controller.text()

    assert window.close()

    record = dictating.saved()
    assert record.closed, "the transcript was not marked as closed normally"
    assert record.text.startswith(settled) and "down to the sea" in record.text.lower()
    assert dictating.recogniser.flushes == 1
