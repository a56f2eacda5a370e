"""One dictation at a time: the pupil's Dictation panel and the lesson editor's Dictate.

Real panel, real editor window, real controllers and SpeechWorker threads;
the recognisers and microphones are doubles (tests/app/speech_doubles.py),
with a "room" that gives what is said to every microphone open at the time,
as one voice reaches every open microphone. The real engine and microphone
are in test_dictation_turns_live.py.
"""

from __future__ import annotations

import pytest

from app.practice.editor_window import LessonEditorWindow
from app.speech_worker import SpeechWorker
from speech.stt.base import Final, Partial
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.app.speech_doubles import MicrophoneRack, ScriptedRecogniser, fake_device

LESSON = """---
title: Rain
---

## Where rain comes from

The sun warms the sea.
"""


class Room:
    """Every microphone open now hears what is said (one chunk, one scripted step)."""

    def __init__(self, *racks: MicrophoneRack) -> None:
        self.racks = racks

    def say(self) -> None:
        for rack in self.racks:
            for mic in rack.made:
                if mic.started.is_set() and not mic.closed.is_set():
                    mic.chunks(1)


class Editor:
    """A lesson editor window whose Dictate hears a scripted recogniser."""

    def __init__(self, qtbot, script=(), at_flush=()) -> None:
        self.qtbot = qtbot
        self.recogniser = ScriptedRecogniser(script, at_flush)
        self.rack = MicrophoneRack()
        self.window = LessonEditorWindow(worker_factory=lambda: SpeechWorker(
            recogniser_factory=lambda: (self.recogniser, "Scripted", "scripted"),
            capture_factory=self.rack, list_inputs=lambda: [fake_device("Desk", 0, True)],
            dictation=True))
        self.window.ask_unsaved_changes = lambda: "discard"
        qtbot.addWidget(self.window)
        self.window.editor.set_text(LESSON)
        self.window.show()
        self.line = self.window.dictation_line

    def text(self) -> str:
        return self.window.editor.text()

    def dictate(self) -> None:
        """Press Dictate (F9 in the editor) and wait for the microphone."""
        self.window.dictate_action.trigger()
        self.qtbot.waitUntil(lambda: self.window.dictation.is_listening())


@pytest.fixture
def editor(qtbot):
    made: list[Editor] = []

    def build(*args, **kwargs) -> Editor:
        made.append(Editor(qtbot, *args, **kwargs))
        return made[-1]

    yield build
    for item in made:
        if item.window.dictation is not None:
            item.window.dictation.shutdown()


def test_dictating_in_the_editor_stops_the_pupils_dictation_and_says_so(
        rig, editor) -> None:  # noqa: F811
    r = rig([Final("rain falls full stop"), Final("the sea is warm full stop"),
             Final("scratch that")])
    e = editor([Final("the sea is warm full stop"), Final("scratch that")])
    room = Room(r.rack, e.rack)
    r.start()
    room.say()
    r.wait_for_text("Rain falls.")

    e.dictate()
    # The pupil's microphone closed; its text is kept, and the panel says why in one sentence.
    r.qtbot.waitUntil(lambda: not r.controller.is_listening())
    assert r.rack.last.closed.is_set()
    assert r.panel.message() == (
        "Dictation stopped because you started dictating in the lesson editor, "
        "so your words go to one place only. Press F9 to carry on.")
    assert r.panel.text() == "Rain falls."

    room.say()  # a sentence for the editor
    r.qtbot.waitUntil(lambda: "The sea is warm." in e.text())
    assert r.panel.text() == "Rain falls."
    room.say()  # "scratch that", for the editor
    r.qtbot.waitUntil(lambda: e.text() == LESSON)
    assert "removed" in e.line.message_text()
    assert r.panel.text() == "Rain falls."
    assert "removed" not in r.panel.message()
    assert r.recogniser.fed == 1  # the pupil's engine decoded nothing meant for the editor
    assert e.window.dictation.is_listening()


def test_starting_the_pupils_dictation_stops_the_editors_and_keeps_its_last_words(
        rig, editor) -> None:  # noqa: F811
    r = rig([Final("evaporation full stop")])
    # The teacher is part-way through a phrase when the pupil presses Start: it
    # settles as the editor's microphone closes, as stopping always lets it.
    e = editor([Partial("clouds form")], at_flush=[Final("clouds form full stop")])
    room = Room(r.rack, e.rack)
    e.window.editor.text_edit.moveCursor(e.window.editor.text_edit.textCursor().MoveOperation.End)
    e.dictate()
    room.say()
    r.qtbot.waitUntil(lambda: e.line.partial_text() == "Clouds form")

    r.start()
    r.qtbot.waitUntil(lambda: not e.window.dictation.is_listening())
    r.qtbot.waitUntil(lambda: "Clouds form." in e.text())
    note = ("Dictation stopped because you started dictating in the Dictation panel, "
            "so your words go to one place only. Press Dictate (F9) to carry on.")
    # The note stays after the last words went in, until Dictate is pressed again.
    assert e.line.message_text() == note
    assert not e.window.dictate_action.isChecked()

    room.say()
    r.wait_for_text("Evaporation.")
    assert e.text().count("Clouds form.") == 1 and "Evaporation" not in e.text()

    e.window.dictate_action.trigger()  # the teacher carries on: the pupil's stops in turn
    r.qtbot.waitUntil(lambda: e.window.dictation.is_listening())
    assert e.line.message_text() == ""
    r.qtbot.waitUntil(lambda: not r.controller.is_listening())
    assert "lesson editor" in r.panel.message()


def test_nothing_is_said_when_the_other_dictation_was_not_listening(
        rig, editor) -> None:  # noqa: F811
    r = rig([Final("rain falls full stop")])
    e = editor()
    e.dictate()
    e.window.dictate_action.trigger()  # the teacher stops it first
    r.qtbot.waitUntil(lambda: not e.window.dictation.worker.is_busy())
    r.start()
    assert e.line.message_text() == ""
    e.dictate()
    r.qtbot.waitUntil(lambda: not r.controller.is_listening())
    r.panel.toggle_listening()  # F9 in the main window again
    r.qtbot.waitUntil(r.controller.is_listening)
    assert "lesson editor" not in r.panel.message()  # the old note goes with the new start
