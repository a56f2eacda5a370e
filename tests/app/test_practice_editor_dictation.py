"""Dictating into the lesson editor window: the controller with a scripted engine.

The window, the editor, the dictation line, the controller and the
SpeechWorker's threads are real; only the recogniser and the microphone are
doubles (tests/app/speech_doubles.py). The real engine is in
test_practice_editor_dictation_live.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.practice.editor_window import LessonEditorWindow
from app.speech_worker import SpeechWorker
from speech.audio_devices import NO_MICROPHONE
from speech.stt.base import Final, ModelLoadError, Partial
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser, fake_device

LESSON = """---
title: Rain
subject: Geography
key_stage: KS2
year_group: Year 4
vocabulary:
  evaporation: When water turns into a gas.
---

## Where rain comes from

The sun warms the sea and the water rises.
"""
PARAGRAPH = "The sun warms the sea"


class Scripted:
    """A window whose dictation hears a scripted recogniser through a test microphone."""

    def __init__(self, qtbot, script=(), problems=(), factory=None) -> None:
        self.qtbot = qtbot
        self.recogniser = ScriptedRecogniser(script)
        self.rack = MicrophoneRack(problems)
        self.workers: list[SpeechWorker] = []

        def make_worker() -> SpeechWorker:
            worker = SpeechWorker(
                recogniser_factory=factory or (lambda: (self.recogniser, "Scripted", "scripted")),
                capture_factory=self.rack, list_inputs=lambda: [fake_device("Desk", 0, True)],
                dictation=True)
            self.workers.append(worker)
            return worker

        self.window = LessonEditorWindow(worker_factory=make_worker)
        # Closing at the end of a test leaves the dictated text (tested in
        # test_practice_editor_close.py).
        self.window.ask_unsaved_changes = lambda: "discard"
        qtbot.addWidget(self.window)
        self.window.editor.set_text(LESSON)
        self.window.show()
        self.editor = self.window.editor
        self.line = self.window.dictation_line

    def cursor_at(self, text: str, end: bool = False) -> None:
        """Put the cursor before (or after) the first ``text`` of the lesson text."""
        position = self.editor.text_edit.toPlainText().index(text) + (len(text) if end else 0)
        cursor = self.editor.text_edit.textCursor()
        cursor.setPosition(position)
        self.editor.text_edit.setTextCursor(cursor)

    def dictate(self) -> None:
        """Press Dictate on the tool bar and wait for the microphone."""
        button = self.window.dictation_toolbar.widgetForAction(self.window.dictate_action)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: self.window.dictation.is_listening())

    def hear(self, chunks: int = 1) -> None:
        self.rack.last.chunks(chunks)

    def stop(self) -> None:
        self.window.dictate_action.trigger()
        self.qtbot.waitUntil(lambda: not self.window.dictation.worker.is_busy())


@pytest.fixture
def scripted(qtbot):
    made: list[Scripted] = []

    def build(*args, **kwargs) -> Scripted:
        made.append(Scripted(qtbot, *args, **kwargs))
        return made[-1]

    yield build
    for item in made:
        if item.window.dictation is not None:
            item.window.dictation.shutdown()


def test_the_dictate_button_is_named_on_the_tool_bar_with_f9(scripted) -> None:
    s = scripted()
    action = s.window.dictate_action
    button = s.window.dictation_toolbar.widgetForAction(action)
    assert button.accessibleName() == "Dictate into the lesson text"
    assert action.isCheckable() and action.shortcut().toString() == "F9"
    assert "F9" in action.toolTip()
    assert s.window.dictation is None  # no engine until the teacher asks


def test_finals_go_in_at_the_cursor_and_partials_only_show(scripted) -> None:
    s = scripted([Partial("clouds form"), Final("clouds form in the sky full stop"),
                  Partial("then it rains")])
    s.cursor_at(PARAGRAPH)
    s.dictate()
    assert s.window.dictate_action.isChecked()
    s.hear(1)
    s.qtbot.waitUntil(lambda: s.line.partial_text() == "Clouds form")
    assert s.editor.text() == LESSON  # heard, not yet in the text
    assert s.line.partial.isVisible() and s.line.partial.styleSheet()  # a style of its own
    s.hear(1)
    s.qtbot.waitUntil(lambda: "Clouds form" in s.editor.text())
    assert s.editor.text() == LESSON.replace(
        PARAGRAPH, "Clouds form in the sky. " + PARAGRAPH)
    assert s.line.partial_text() == ""
    # The cursor is after the phrase, so the next one follows it.
    before, after = s.editor.text_around_cursor()
    assert before.endswith("sky. ") and after.startswith(PARAGRAPH)
    s.hear(1)
    s.qtbot.waitUntil(lambda: s.line.partial_text() == "Then it rains")
    assert "it rains" not in s.editor.text().lower()
    s.stop()
    assert not s.window.dictate_action.isChecked()
    assert s.line.partial_text() == ""  # a guess that never settled is not kept
    assert "it rains" not in s.editor.text().lower()


def test_scratch_that_takes_out_the_last_phrase_only(scripted) -> None:
    s = scripted([Final("the water evaporates full stop"), Final("new paragraph"),
                  Final("it forms clouds full stop"), Final("scratch that"),
                  Final("undo that"), Final("scratch that scratch that")])
    s.cursor_at("rises.", end=True)
    s.dictate()
    s.hear(3)
    s.qtbot.waitUntil(lambda: "clouds" in s.editor.text())
    dictated = "rises. The water evaporates.\n\nIt forms clouds."
    assert dictated in s.editor.text()
    s.hear(1)  # scratch that
    s.qtbot.waitUntil(lambda: "clouds" not in s.editor.text())
    assert "rises. The water evaporates.\n\n" in s.editor.text()
    assert "removed" in s.line.message_text()
    s.hear(1)  # undo that
    s.qtbot.waitUntil(lambda: "clouds" in s.editor.text())
    assert dictated in s.editor.text()
    s.hear(1)  # scratch that, twice: "It forms clouds." and the paragraph break
    s.qtbot.waitUntil(lambda: "clouds" not in s.editor.text())
    assert s.editor.text() == LESSON.replace("rises.", "rises. The water evaporates.")
    # The teacher's own text is never scratched.
    s.stop()


def test_each_phrase_is_one_step_of_undo_apart_from_typing(scripted, qtbot) -> None:
    s = scripted([Final("the water evaporates full stop"), Final("it forms clouds full stop")])
    s.cursor_at("rises.", end=True)
    s.dictate()
    s.hear(2)
    s.qtbot.waitUntil(lambda: "clouds" in s.editor.text())
    s.stop()
    s.editor.text_edit.setFocus()
    s.cursor_at("clouds.", end=True)
    qtbot.keyClicks(s.editor.text_edit, " Rain")
    assert "clouds. Rain" in s.editor.text()
    s.editor.undo()  # the typing
    assert "It forms clouds.\n" in s.editor.text() and "clouds. Rain" not in s.editor.text()
    s.editor.undo()  # the last phrase, whole
    assert "clouds" not in s.editor.text() and "The water evaporates." in s.editor.text()
    s.editor.undo()  # the first phrase
    assert s.editor.text() == LESSON
    assert not s.editor.is_modified()


def test_undo_that_after_a_change_in_the_lesson_details_undoes_nothing(scripted) -> None:
    s = scripted([Final("the water evaporates full stop"), Final("undo that")])
    s.cursor_at("rises.", end=True)
    s.dictate()
    s.hear(1)
    s.qtbot.waitUntil(lambda: "evaporates" in s.editor.text())
    s.qtbot.keyClicks(s.editor.details.title, " and clouds")
    s.hear(1)
    s.qtbot.waitUntil(lambda: "nothing to undo" in s.line.message_text())
    # Neither the teacher's change in the form nor the phrase before it was undone.
    assert "title: Rain and clouds\n" in s.editor.text()
    assert "The water evaporates." in s.editor.text()
    s.stop()


def test_undo_that_after_ctrl_z_and_a_new_change_leaves_the_new_change(scripted) -> None:
    # Ctrl+Z and then a change bring the history back to the same length as just after
    # the phrase; "undo that" must still see that the last change is not the phrase.
    s = scripted([Final("the water evaporates full stop"), Final("undo that")])
    s.cursor_at("rises.", end=True)
    s.dictate()
    s.hear(1)
    s.qtbot.waitUntil(lambda: "evaporates" in s.editor.text())
    s.qtbot.keyClick(s.editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.editor.text() == LESSON  # the phrase, undone by the teacher
    s.qtbot.keyClicks(s.editor.details.title, " and clouds")
    edited = LESSON.replace("title: Rain\n", "title: Rain and clouds\n")
    assert s.editor.text() == edited
    s.hear(1)  # undo that
    s.qtbot.waitUntil(lambda: "nothing to undo" in s.line.message_text())
    assert s.editor.text() == edited
    assert s.editor.details.title.text() == "Rain and clouds"
    s.stop()


def test_scratch_that_leaves_a_phrase_the_teacher_has_changed(scripted) -> None:
    s = scripted([Final("the water evaporates full stop"), Final("scratch that")])
    s.cursor_at("rises.", end=True)
    s.dictate()
    s.hear(1)
    s.qtbot.waitUntil(lambda: "evaporates" in s.editor.text())
    s.editor.replace_text(s.editor.text().replace("water evaporates", "sea evaporates"))
    s.hear(1)
    s.qtbot.waitUntil(lambda: "changed since" in s.line.message_text())
    assert "The sea evaporates." in s.editor.text()
    s.stop()


def _no_dialogs() -> bool:
    return QApplication.activeModalWidget() is None and not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_no_microphone_is_one_sentence_and_the_editor_keeps_working(scripted, qtbot) -> None:
    s = scripted([Final("here it is")], problems=[NO_MICROPHONE])
    s.window.dictate_action.trigger()
    s.qtbot.waitUntil(lambda: s.line.message_text() == NO_MICROPHONE)
    assert s.line.kind == "error" and s.line.message.text().startswith("Problem: ")
    s.qtbot.waitUntil(lambda: not s.window.dictation.worker.is_busy())
    assert not s.window.dictate_action.isChecked()
    assert _no_dialogs()
    s.editor.text_edit.setFocus()
    s.cursor_at("rises.", end=True)
    qtbot.keyClicks(s.editor.text_edit, " Typed.")
    assert "rises. Typed." in s.editor.text()
    # Plugged in now: Dictate again works and the old problem goes.
    s.dictate()
    assert s.line.message_text() != NO_MICROPHONE
    s.hear(1)
    s.qtbot.waitUntil(lambda: "Typed. Here it is" in s.editor.text())
    s.stop()


def test_a_missing_model_is_said_once_in_the_window(scripted) -> None:
    problem = "The speech model could not be loaded: it is missing."

    def factory():
        raise ModelLoadError(problem)

    s = scripted(factory=factory)
    s.window.dictate_action.trigger()
    s.qtbot.waitUntil(lambda: s.line.message_text() == problem)
    s.qtbot.waitUntil(lambda: not s.window.dictation.worker.is_busy())
    assert s.line.kind == "error" and not s.window.dictate_action.isChecked()
    assert s.editor.text() == LESSON and _no_dialogs()


def test_f9_in_the_text_starts_and_stops_dictation(scripted, qtbot) -> None:
    s = scripted([Final("rain falls full stop")])
    s.window.activateWindow()
    s.editor.text_edit.setFocus()
    qtbot.waitUntil(s.window.isActiveWindow)
    qtbot.keyClick(s.editor.text_edit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: s.window.dictation is not None and s.window.dictation.is_listening())
    assert s.window.dictate_action.isChecked() and s.line.is_listening()
    qtbot.keyClick(s.editor.text_edit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not s.window.dictation.worker.is_busy())
    assert not s.window.dictate_action.isChecked() and not s.line.is_listening()


def test_a_full_stop_said_after_a_typed_space_sits_against_the_word(scripted, qtbot) -> None:
    s = scripted([Final("full stop"), Final("scratch that")])
    s.editor.text_edit.setFocus()
    s.cursor_at("rises.", end=True)
    qtbot.keyClicks(s.editor.text_edit, " It forms clouds ")
    s.dictate()
    s.hear(1)
    s.qtbot.waitUntil(lambda: "clouds." in s.editor.text())
    assert "rises. It forms clouds. \n" in s.editor.text()  # not "clouds ."
    before, _after = s.editor.text_around_cursor()
    assert before.endswith("clouds. ")  # the next words follow the space
    s.hear(1)  # scratch that: the full stop goes, the teacher's space stays
    s.qtbot.waitUntil(lambda: "clouds." not in s.editor.text())
    assert "rises. It forms clouds \n" in s.editor.text()
    s.stop()
    s.editor.undo()  # the scratch, then the full stop: each one step of undo
    assert "rises. It forms clouds. \n" in s.editor.text()
    s.editor.undo()
    assert "rises. It forms clouds \n" in s.editor.text()
    s.editor.undo()  # the typing, untouched by dictation
    assert s.editor.text() == LESSON
