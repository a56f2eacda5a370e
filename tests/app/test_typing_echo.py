"""Speak as I type (app/typing_echo.py): the pupil's typing in the dictation panel said
by read aloud, with a spy synthesiser and a fake player (the controller's unit tests).
The real voice and speaker: tests/app/test_typing_echo_real.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal

from app.typing_echo import TypingEcho
from speech.typing_echo import BOTH, OFF, SENTENCES, WORDS
from tests.app.read_aloud_doubles import FakePlayer, rivers_lesson
from tests.app.test_read_aloud import Harness
from tests.widgets.samples import make_view
from widgets.dictation_panel import DictationPanel

WAIT = 10_000


class Dictation(QObject):
    """Stands in for the dictation controller: only whether it listens."""

    listening_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.listening = False

    def is_listening(self) -> bool:
        return self.listening

    def listen(self, on: bool) -> None:
        self.listening = on
        self.listening_changed.emit(on)


class Rig:
    def __init__(self, qtbot, mode: str, **options) -> None:
        self.qtbot = qtbot
        self.reader = Harness(qtbot, make_view(qtbot, rivers_lesson(), size=(700, 500)),
                              **options)
        self.panel = DictationPanel()
        qtbot.addWidget(self.panel)
        self.dictation = Dictation()
        self.echo = TypingEcho(self.panel, self.reader.controller, self.dictation, mode)
        self.said: list[str] = []
        self.echo.said.connect(self.said.append)
        self.panel.editor.setFocus()

    def type(self, text: str) -> None:
        for character in text:  # each echo has its turn, as a pupil's keys would
            self.qtbot.keyClicks(self.panel.editor, character)
            self.qtbot.wait(5)

    def spoken(self) -> list[str]:
        """What the voice was given (a word on its own gets a full stop, to be said as one)."""
        self.qtbot.waitUntil(lambda: len(self.reader.spy.calls) >= len(self.said),
                             timeout=WAIT)
        return [text for text, _voice, _rate in self.reader.spy.calls]


@pytest.fixture
def rig(qtbot):
    made = []

    def make(mode, **options):
        made.append(Rig(qtbot, mode, **options))
        return made[-1]

    yield make
    for r in made:
        r.reader.close()


@pytest.mark.parametrize(("mode", "said"), [
    (WORDS, ["The", "cat", "sat", "Is", "it", "warm"]),
    (SENTENCES, ["The cat sat.", "Is it warm?"]),
    (BOTH, ["The", "cat", "The cat sat.", "Is", "it", "Is it warm?"]),
    (OFF, []),
])
def test_typed_words_or_sentences_are_said_as_they_are_finished(qtbot, rig, mode, said):
    r = rig(mode)
    r.type("The cat sat. Is it warm?")
    assert r.said == said
    assert [text.rstrip(".") for text in r.spoken()] == [text.rstrip(".") for text in said]
    # Quietly: nothing in the status bar, and read aloud never seems to be reading.
    assert r.reader.statuses == [] and r.reader.speaking == [] and r.reader.words == []
    assert r.reader.errors == []


def test_each_echo_cuts_off_the_one_before(qtbot, rig):
    r = rig(WORDS, delay=0.5)  # half a second a word: a fast typist is quicker
    r.type("The ")
    qtbot.waitUntil(lambda: len(FakePlayer.instances) == 1, timeout=WAIT)
    r.type("cat ")
    qtbot.waitUntil(lambda: len(FakePlayer.instances) == 2, timeout=WAIT)
    assert FakePlayer.instances[0]._stop.is_set()
    assert r.spoken() == ["The.", "cat."]


def test_an_echo_never_cuts_off_a_reading_of_the_lesson(qtbot, rig):
    r = rig(WORDS, delay=0.2)
    assert r.reader.controller.read_lesson()
    r.type("The cat ")
    assert r.said == []
    assert r.reader.controller.is_speaking()
    r.reader.controller.stop()
    r.type("sat ")
    assert r.said == ["sat"]


def test_nothing_is_said_while_dictation_listens_and_starting_it_stops_an_echo(qtbot, rig):
    r = rig(SENTENCES, delay=0.5)
    r.type("The cat sat.")
    qtbot.waitUntil(lambda: len(FakePlayer.instances) == 1, timeout=WAIT)
    r.dictation.listen(True)  # the microphone must not hear the echo
    assert FakePlayer.instances[0]._stop.is_set()
    r.type(" It ran.")
    assert r.said == ["The cat sat."]
    r.dictation.listen(False)
    r.type(" Gone.")
    assert r.said == ["The cat sat.", "Gone."]


def test_choosing_off_in_the_menu_stops_an_echo_and_says_no_more(qtbot, rig):
    r = rig(SENTENCES, delay=0.5)
    modes = r.echo.actions(r.panel)
    assert [a.text() for a in modes.actions()] == [
        "&Off", "&Words", "&Sentences", "Words &and sentences"]
    assert modes.checkedAction().data() == SENTENCES
    r.type("The cat sat.")
    qtbot.waitUntil(lambda: len(FakePlayer.instances) == 1, timeout=WAIT)
    modes.actions()[0].trigger()
    assert r.echo.mode == OFF and FakePlayer.instances[0]._stop.is_set()
    r.type(" It ran.")
    assert r.said == ["The cat sat."]


def test_an_echo_that_cannot_be_said_stops_speak_as_i_type_with_one_message(qtbot, rig):
    from tests.app.read_aloud_doubles import SpySynthesiser

    r = rig(WORDS, synthesiser=SpySynthesiser(fail_with="No speakers were found."))
    r.type("The ")
    stopped = ("Speak as I type has stopped: No speakers were found. Choose it again in "
               "Dictation › Speak as I type to try again.")
    qtbot.waitUntil(lambda: r.panel.message() == stopped, timeout=WAIT)
    r.type("cat sat ")
    assert r.panel.text() == "The cat sat "  # the pupil's keys still type
    assert r.said == ["The"] and len(r.reader.spy.calls) == 1
    assert r.reader.errors == []  # in the pupil's panel, not the lesson's bar
    r.echo.set_mode(WORDS)  # chosen again: tried again
    r.type("on ")
    assert r.said == ["The", "on"]



def test_with_no_voice_at_all_speak_as_i_type_says_so_once(qtbot):
    from app.read_aloud import ReadAloudController
    from speech.tts.base import SynthesisError

    def no_engine():
        raise SynthesisError("eSpeak NG is not installed.")

    reader = ReadAloudController(make_view(qtbot, rivers_lesson(), size=(700, 500)),
                                 synthesiser_factory=no_engine, player_factory=FakePlayer)
    qtbot.waitUntil(reader.voices_known, timeout=WAIT)
    panel = DictationPanel()
    qtbot.addWidget(panel)
    echo = TypingEcho(panel, reader, Dictation(), WORDS)
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "The cat ")
    assert panel.message() == (
        "Speak as I type has stopped: Reading aloud cannot start: eSpeak NG is not installed. "
        "Choose it again in Dictation › Speak as I type to try again.")
    assert panel.text() == "The cat " and echo.mode == WORDS
    assert reader.shutdown(wait=5)


def test_choosing_off_never_stops_a_reading_of_the_lesson(qtbot, rig):
    r = rig(WORDS, delay=0.2)
    assert r.reader.controller.read_lesson()
    r.echo.set_mode(OFF)  # Speak as I type › Off while the lesson is read to the class
    assert r.reader.controller.is_speaking()
    assert not FakePlayer.instances or not FakePlayer.instances[0]._stop.is_set()
