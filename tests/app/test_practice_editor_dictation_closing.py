"""Closing the lesson editor while the teacher is still dictating: the phrase being said goes in.

The window, the editor, the dictation line, the controller and the
SpeechWorker's threads are real; the recogniser is a double whose last phrase
settles only at the end of the stream (``flush``), after a delay, as a final
Whisper decode does (tests/app/closing_doubles.py), and the microphone is
driven by the test. The real engine is in test_practice_editor_dictation_live.py.

The Save / Discard / Cancel question is answered through the window's
``ask_unsaved_changes`` seam, which also records the text it was asked about.
"""

from __future__ import annotations

import contextlib
import re
import threading

import pytest
import shiboken6

from app.practice.editor_window import CANCEL, DISCARD, SAVE, LessonEditorWindow
from app.speech_worker import SpeechWorker
from lessons.library import user_folder
from speech.stt.base import Final
from tests.app.closing_doubles import SlowEndRecogniser
from tests.app.main_window_helpers import choose
from tests.app.speech_doubles import MicrophoneRack, fake_device

LESSON = """---
title: Tides
subject: Geography
key_stage: KS2
year_group: Year 4
---

## The sea

The moon pulls on the sea.
"""
ANCHOR = "The moon pulls on the sea."
SETTLED = "the tide comes in full stop"
LAST = "and the tide goes out"
DECODE_S = 0.5  # the last phrase takes this long to settle, on the engine thread


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def _lessons() -> set:
    """The lessons in the user's folder (shared by the whole test session)."""
    return set(user_folder().glob("*.md")) if user_folder().exists() else set()


class Closing:
    """An editor window whose dictation hears a scripted recogniser; it deletes itself on close."""

    def __init__(self, qtbot, recogniser, parent=None) -> None:
        self.qtbot = qtbot
        self.recogniser = recogniser
        self.rack = MicrophoneRack()
        self.window = LessonEditorWindow(parent, worker_factory=lambda: SpeechWorker(
            recogniser_factory=lambda: (self.recogniser, "Scripted engine", "scripted"),
            capture_factory=self.rack, list_inputs=lambda: [fake_device("Desk")],
            dictation=True))
        self.window.editor.set_text(LESSON)
        self.window.show()
        self.editor = self.window.editor
        self.asked: list[tuple[str, str]] = []  # (answer, the text it was asked about)
        self.answer(DISCARD)

    def answer(self, answer: str) -> None:
        def ask() -> str:
            self.asked.append((answer, self.editor.text()))
            return answer

        self.window.ask_unsaved_changes = ask

    def speaking(self, settle_first: bool = True) -> None:
        """Dictate at the end of the paragraph: one phrase settles, the next is still being said."""
        cursor = self.editor.text_edit.textCursor()
        cursor.setPosition(self.editor.text_edit.toPlainText().index(ANCHOR) + len(ANCHOR))
        self.editor.text_edit.setTextCursor(cursor)
        self.window.dictate_action.trigger()
        self.qtbot.waitUntil(lambda: self.window.dictation.is_listening())
        if settle_first:
            self.rack.last.chunks(1)
            self.qtbot.waitUntil(lambda: "tide comes in" in self.editor.text().lower())
        self.rack.last.chunks(2)  # still queued or being recognised at the close


@pytest.fixture
def closing(qtbot):
    made: list[Closing] = []

    def build(recogniser, parent=None) -> Closing:
        made.append(Closing(qtbot, recogniser, parent))
        return made[-1]

    yield build
    for item in made:
        if shiboken6.isValid(item.window):  # a test that kept it open
            item.answer(DISCARD)
            item.window.last_words_wait_s = 0.0
            item.window.close()


def _slow_end(settle_first: bool = True) -> SlowEndRecogniser:
    """A recogniser that settles SETTLED at the first chunk (if asked), and LAST at the end."""
    settled = [Final(SETTLED)] if settle_first else []
    return SlowEndRecogniser(settled, at_flush=[Final(LAST)], delay_s=DECODE_S)


def test_the_phrase_being_said_is_in_the_text_offered_for_saving(closing) -> None:
    c = closing(_slow_end())
    c.speaking()
    settled = c.editor.text()
    c.answer(SAVE)
    c.editor.ask_lesson_name = lambda suggestion: "Tides kept at the close"
    before = _lessons()

    assert c.window.close()

    assert c.recogniser.fed == 3, "audio heard before the close was dropped"
    assert c.recogniser.flushes == 1
    [(answer, offered)] = c.asked
    assert "tide goes out" in offered.lower(), offered
    # In at the cursor, after the phrase already there, and nowhere else.
    end = settled.index(ANCHOR) + len(ANCHOR)
    cut = settled.index("\n", end)
    assert offered.startswith(settled[:cut]) and offered.endswith(settled[cut:])
    assert _words(offered[cut:len(offered) - len(settled) + cut]) == _words(LAST)
    saved = sorted(_lessons() - before)
    try:
        assert [p.name for p in saved] == ["tides-kept-at-the-close.md"]
        assert "and the tide goes out" in saved[0].read_text(encoding="utf-8").lower()
    finally:
        for path in saved:
            path.unlink()


def test_without_finishing_the_last_words_they_are_lost(closing) -> None:
    # The old close order (the dictation shut first), kept as a check that the test above can fail.
    c = closing(_slow_end())
    c.speaking()
    settled = c.editor.text()
    c.window.dictation.shutdown()

    assert c.window.close()

    [(_answer, offered)] = c.asked
    assert offered == settled and "goes out" not in offered


def test_a_phrase_said_into_an_unchanged_lesson_makes_closing_ask(closing) -> None:
    c = closing(_slow_end(settle_first=False))
    c.speaking(settle_first=False)
    assert not c.editor.is_modified()  # nothing has settled yet

    assert c.window.close()

    [(answer, offered)] = c.asked
    assert answer == DISCARD and "tide goes out" in offered.lower()


def test_cancel_keeps_the_phrase_as_one_undo_step_with_dictation_stopped(closing) -> None:
    c = closing(_slow_end())
    c.speaking()
    settled = c.editor.text()
    c.answer(CANCEL)

    assert not c.window.close()

    assert c.window.isVisible()
    text = c.editor.text()
    assert "tide goes out" in text.lower() and text == c.asked[0][1]
    # Dictation stays stopped, and the line says so plainly.
    dictation = c.window.dictation
    assert not dictation.is_listening() and not dictation.worker.is_busy()
    assert not c.window.dictate_action.isChecked() and not c.window.dictation_line.is_listening()
    message = c.window.dictation_line.message_text()
    assert c.window.dictation_line.kind == "info"
    assert "Dictation stopped" in message and "Dictate (F9)" in message, message
    # The phrase went in as any phrase: one step of undo takes it out whole.
    c.editor.undo()
    assert c.editor.text() == settled
    c.editor.redo()
    assert c.editor.text() == text
    # Pressing Dictate again carries on, after the phrase.
    c.recogniser.script = [[Final("and in again full stop")]]
    c.window.dictate_action.trigger()
    c.qtbot.waitUntil(dictation.is_listening)
    c.rack.last.chunks(1)
    c.qtbot.waitUntil(lambda: "in again" in c.editor.text())
    assert c.editor.text().lower().index("goes out") < c.editor.text().index("in again")


def test_a_second_close_while_the_last_words_settle_is_ignored(closing) -> None:
    c = closing(_slow_end())
    c.speaking()
    again: list[bool] = []
    # The microphone closes during the wait: a second click on the close button then.
    c.window.dictation.worker.listening_changed.connect(
        lambda listening: again.append(c.window.close()))

    assert c.window.close()

    assert len(again) == 1
    [(_answer, offered)] = c.asked  # asked once, about the text with the last words
    assert "tide goes out" in offered.lower()


@contextlib.contextmanager
def _engine_stuck_at_the_end(closing):
    """An editor with one phrase settled whose engine never finishes the last one."""
    release = threading.Event()
    recogniser = SlowEndRecogniser([Final(SETTLED)], at_flush=[Final(LAST)], release=release)
    try:
        c = closing(recogniser)
        c.speaking()
        yield c, recogniser, c.editor.text()
    finally:
        release.set()  # lets the engine thread end


def test_an_engine_that_never_finishes_does_not_hold_the_close(closing) -> None:
    with _engine_stuck_at_the_end(closing) as (c, recogniser, settled):
        c.window.last_words_wait_s = 0.5

        assert c.window.close()

        assert recogniser.flush_began.is_set(), "the engine was not asked to finish"
        [(_answer, offered)] = c.asked
        assert offered == settled


def test_close_now_in_the_editor_says_what_was_not_written_down(closing) -> None:
    from tests.app.catching_up_doubles import press_close_now

    with _engine_stuck_at_the_end(closing) as (c, _recogniser, settled):
        c.window.last_words_wait_s = 60.0  # only Close now ends the wait
        seen: list[str] = []
        press_close_now(seen)

        assert c.window.close()

        assert seen and seen[0].startswith("Writing down your last words"), seen
        message = c.window.dictation.line.message_text()
        assert "written down" in message and message.endswith(
            "Everything written before them is in the lesson."), message
        [(_answer, offered)] = c.asked
        assert offered == settled


def test_closing_the_main_window_puts_the_editors_last_words_in_first(
        closing, opened) -> None:
    main = opened.open()
    choose(main, "The water cycle")
    c = closing(_slow_end(), parent=main)
    c.speaking()
    c.answer(CANCEL)

    assert not main.close()

    assert main.isVisible() and c.window.isVisible()
    assert "tide goes out" in c.asked[0][1].lower()
    assert not c.window.dictation.is_listening()
    c.answer(DISCARD)
    assert main.close()
    assert [answer for answer, _text in c.asked] == [CANCEL, DISCARD]
