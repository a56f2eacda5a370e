"""Three wirings of app/controllers.py in a real main window, each with a test.

Recovery offered at start, Read back reaching read aloud, and the microphone
chosen being remembered. The window, the panel, the controllers, the
transcript store and the settings file are real; only the answer to the
restore question, the read-aloud call and the list of microphones are doubles,
as each test is about the wiring, not the engines.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.controllers import attach_controllers
from app.settings import AppSettings, settings_path
from app.transcript_store import TranscriptStore, transcripts_dir
from tests.app.main_window_helpers import Opened, choose
from tests.app.speech_doubles import fake_device


@pytest.fixture
def made(qtbot, tmp_path, monkeypatch):
    """Windows on a data folder of this test's own: its settings and its transcripts."""
    # Both read LESSON_LAB_DATA when made, so a bare AppSettings() or
    # TranscriptStore() finds this test's files, and no other test's crash is offered.
    monkeypatch.setenv("LESSON_LAB_DATA", str(tmp_path / "data"))
    opened = Opened(qtbot, tmp_path)
    opened.settings_path = settings_path()
    yield opened
    opened.close_all()


def _crashed_session(text: str) -> None:
    """A run that dictated ``text`` and was killed: saved, never marked closed."""
    crashed = TranscriptStore()
    crashed.save(text)
    del crashed  # its lock goes with it, as when the process is killed
    gc.collect()


def test_text_left_by_a_crash_is_offered_at_start_and_brought_back(qtbot, made):
    text = "Rain falls from the clouds and fills the rivers."
    _crashed_session(text)
    window = made.open()
    attach_controllers(window, ("dictation",))
    controller = window.dictation
    asked = []
    # The look-up answers on the disk thread through a queued signal, so the
    # question cannot have been asked before the event loop runs again.
    controller.ask_restore = lambda offered: asked.append(offered) or True
    with qtbot.waitSignal(controller.recovery_finished, timeout=10_000) as done:
        pass  # attach_dictation offered it; nothing else does here
    assert done.args == [True]
    assert asked == [text]
    assert window.dictation_panel.text() == text
    # Brought into this session: the next start has nothing left to offer.
    qtbot.waitUntil(lambda: TranscriptStore(transcripts_dir()).recover() is None)


def test_read_back_in_the_dock_reads_the_dictated_text_aloud(qtbot, made):
    window = made.open()
    assert attach_controllers(window, ("read aloud",)) == ["read aloud"]
    asked = []
    # Replaced before dictation attaches, as the wiring connects to this attribute.
    # Read back reads the dock's own text box, to highlight each word in it.
    window.read_aloud.read_in = lambda box, text: asked.append((box, text)) or True
    assert attach_controllers(window, ("dictation",)) == ["dictation"]
    panel = window.dictation_panel
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "My river story")
    assert panel.text() == "My river story"
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    assert asked == [(panel.editor, "My river story")]


def test_read_back_without_read_aloud_says_so_in_the_dock(qtbot, made):
    window = made.open()
    assert window.read_aloud is None  # as when the computer's voices could not start
    assert attach_controllers(window, ("dictation",)) == ["dictation"]
    panel = window.dictation_panel
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "My river story")
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    assert "could not start" in panel.message()
    assert panel.text() == "My river story"


def test_the_microphone_chosen_in_the_dock_is_remembered(qtbot, made, monkeypatch):
    microphones = [fake_device("Desk microphone", 0, default=True),
                   fake_device("USB headset", 1)]
    # The real worker lists microphones on its own thread; it lists these.
    monkeypatch.setattr("app.speech_worker.input_devices", lambda: microphones)
    window = made.open()
    assert window.settings.input_device == ""
    attach_controllers(window, ("dictation",))
    box = window.dictation_panel.microphones
    qtbot.waitUntil(lambda: box.count() == 2 and box.isEnabled())
    assert box.currentData() == "Desk microphone"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # the pupil picks the next one
    assert box.currentData() == "USB headset"
    assert window.settings.input_device == "USB headset"
    assert AppSettings().input_device == "USB headset"
    assert window.dictation.worker.device() == "USB headset"


def test_the_word_bank_under_the_pupils_text_is_the_lessons_key_words(qtbot, made):
    window = made.open()
    attach_controllers(window, ("dictation",))
    bank = window.dictation_panel.word_bank
    choose(window, "The water cycle")
    qtbot.waitUntil(lambda: window.lesson.title == "The water cycle")
    assert bank.words() == [entry.word for entry in window.lesson.vocabulary]
    assert "evaporation" in bank.words()
    choose(window, "Cells")
    qtbot.waitUntil(lambda: window.lesson.title == "Cells")
    assert bank.words() == [entry.word for entry in window.lesson.vocabulary]
    assert "evaporation" not in bank.words()
    panel = window.dictation_panel
    panel.set_text("Plants are made of")
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.mouseClick(bank.button_for(bank.words()[0]), Qt.MouseButton.LeftButton)
    assert panel.text() == f"Plants are made of {bank.words()[0]}"


def test_hear_it_in_the_word_bank_reads_the_key_word_and_its_meaning(qtbot, made):
    window = made.open()
    assert attach_controllers(window, ("read aloud",)) == ["read aloud"]
    asked = []
    # Replaced before dictation attaches, as the wiring connects to this attribute.
    window.read_aloud.speak_vocabulary = lambda word, meaning: asked.append((word, meaning))
    attach_controllers(window, ("dictation",))
    choose(window, "The water cycle")
    qtbot.waitUntil(lambda: window.lesson.title == "The water cycle")
    bank = window.dictation_panel.word_bank
    meanings = {entry.word: entry.definition for entry in window.lesson.vocabulary}
    assert not bank.hear_button.isEnabled()  # no word shown yet
    qtbot.waitUntil(lambda: bank.button_for("evaporation").isVisible())
    bank.button_for("evaporation").setFocus()
    qtbot.waitUntil(lambda: bank.meaning.text().startswith("evaporation: "))
    qtbot.mouseClick(bank.hear_button, Qt.MouseButton.LeftButton)
    assert asked == [("evaporation", meanings["evaporation"])]
    assert window.dictation_panel.text() == ""  # hearing a word does not write it


def test_without_read_aloud_the_word_bank_offers_no_hear_it(qtbot, made):
    window = made.open()
    assert window.read_aloud is None
    attach_controllers(window, ("dictation",))
    choose(window, "The water cycle")
    bank = window.dictation_panel.word_bank
    qtbot.waitUntil(lambda: bool(bank.words()))
    assert bank.hear_button.isHidden()
    menu = bank._menu(bank.button_for("evaporation"))
    assert [action.text() for action in menu.actions()] == ["Put “evaporation” in your writing"]


def test_the_lessons_key_words_stand_out_in_the_live_captions(qtbot, made):
    window = made.open()
    attach_controllers(window, ("captions",))
    choose(window, "The water cycle")
    qtbot.waitUntil(lambda: window.lesson.title == "The water cycle")
    text = window.captions_window.text
    text.add_final("The sun's heat causes evaporation from the sea.")
    assert text.key_words_shown() == ["evaporation"]
    choose(window, "Cells")
    qtbot.waitUntil(lambda: window.lesson.title == "Cells")
    assert text.key_words_shown() == []


def test_the_word_bank_and_spoken_commands_stay_folded_as_left(qtbot, made):
    window = made.open()
    attach_controllers(window, ("dictation",))
    panel = window.dictation_panel
    assert panel.word_bank.toggle.isChecked() and panel.commands.is_expanded()  # at first
    qtbot.mouseClick(panel.word_bank.toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.commands.toggle, Qt.MouseButton.LeftButton)
    made.close_all()
    window = made.open()  # the next start, on the same settings file
    attach_controllers(window, ("dictation",))
    panel = window.dictation_panel
    assert not panel.word_bank.toggle.isChecked()
    assert not panel.commands.is_expanded()
