"""Read back (app/read_back.py): the pupil's dictation read aloud with each spoken word
highlighted in the dictation box, the text, its undo history and the caret left alone.

The panel and the dictation controller are real (tests/app/dictation_rig.py), as is
the read-aloud controller; the synthesiser and player are doubles here and real
(eSpeak NG, the PulseAudio virtual speaker) in the last test.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.read_aloud import ReadAloudController
from app.read_aloud_text import words_of
from app.read_back import attach_read_back
from tests.app.dictation_rig import rig  # noqa: F401 - the fixture
from tests.app.read_aloud_doubles import FakePlayer, SpySynthesiser, rivers_lesson
from tests.widgets.samples import make_view
from widgets.speech_highlight import spoken_word_colours

WAIT = 20_000
DICTATED = "My dog is called Rex. He likes to run in the park"
TYPED = " every day."
TEXT = DICTATED + TYPED


class Seen:
    """What the dictation box showed each time a word was highlighted."""

    def __init__(self, reader, box) -> None:
        self.words: list[str] = []
        self.marked: list[list[str]] = []  # the extra selections' texts: [sentence, word]
        self.colours: list[str] = []
        self.carets: list[int] = []
        self.texts: list[str] = []

        def seen(start: int, length: int, word: str) -> None:
            selections = box.extraSelections()
            self.words.append(word)
            self.marked.append([s.cursor.selectedText() for s in selections])
            self.colours.append(selections[-1].format.background().color().name())
            self.carets.append(box.textCursor().position())
            self.texts.append(box.toPlainText())

        reader.word_highlighted.connect(seen)


@pytest.fixture
def reading(qtbot, rig):  # noqa: F811 - the fixture
    made = []

    def make(delay: float = 0.01, real: bool = False):
        view = make_view(qtbot, rivers_lesson(), size=(500, 400))
        if real:
            from tests.fixtures.pulse import SPEAKER_DEVICE

            reader = ReadAloudController(view, device=SPEAKER_DEVICE)
        else:
            FakePlayer.instances.clear()
            FakePlayer.error = None
            FakePlayer.delay = delay
            spy = SpySynthesiser()
            reader = ReadAloudController(view, synthesiser_factory=lambda: (spy, ""),
                                         player_factory=FakePlayer)
        made.append(reader)
        qtbot.waitUntil(reader.voices_known, timeout=WAIT)
        r = rig()
        panel = r.panel
        panel.resize(420, 500)
        panel.show()
        qtbot.waitExposed(panel)
        attach_read_back(panel, r.controller, reader)
        # Dictated text, then a few words the pupil typed (an undo step of theirs).
        panel.set_text(DICTATED)
        box = panel.editor
        box.setFocus()
        box.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(box, TYPED)
        assert panel.text() == TEXT and box.can_undo()
        caret = box.textCursor()
        caret.setPosition(3)  # the pupil's place: after "My "
        box.setTextCursor(caret)
        return reader, panel, box

    yield make
    for reader in made:
        assert reader.shutdown(wait=10)


def _button_says(panel, text: str) -> bool:
    button = panel.read_back_button
    return button.text().replace("&", "") == text and button.accessibleName() == text


def test_read_back_highlights_each_word_in_the_dictation_box_and_changes_nothing(
        qtbot, reading):
    reader, panel, box = reading(delay=0.02)
    seen = Seen(reader, box)
    assert _button_says(panel, "Read back")

    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    assert _button_says(panel, "Stop reading back")
    qtbot.waitUntil(lambda: not reader.is_speaking(), timeout=WAIT)

    # Every word, in order, boxed in the pupil's text as it was spoken, its sentence shaded.
    assert seen.words == words_of(TEXT)
    sentences = ["My dog is called Rex.", "He likes to run in the park every day."]
    for word, marked in zip(seen.words, seen.marked, strict=True):
        assert marked[-1] == word
        assert marked[0] in sentences and word in marked[0]
    # The lesson's spoken-word blue, worked out for the box's own colours.
    palette = box.palette()
    from lessons.profile import Colours, Profile

    box_colour, _letters = spoken_word_colours(Profile(colours=Colours(
        text=palette.text().color().name(), background=palette.base().color().name())))
    assert set(seen.colours) == {box_colour}
    # Nothing of the pupil's moved: the text, the caret, the undo history.
    assert set(seen.texts) == {TEXT} and set(seen.carets) == {3}
    assert panel.text() == TEXT and box.textCursor().position() == 3
    assert box.extraSelections() == [], "the highlight goes when the reading ends"
    assert _button_says(panel, "Read back")
    assert box.undo_edit()
    while box.undo_edit():
        pass
    assert panel.text() == DICTATED, "the pupil's typing still undoes, all of it"
    # The reading never reached the lesson view.
    assert reader.view().extraSelections() == []


def test_pressing_stop_reading_back_stops_it(qtbot, reading):
    reader, panel, box = reading(delay=0.3)
    seen = Seen(reader, box)
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen.words) >= 2, timeout=WAIT)
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    assert not reader.is_speaking()
    assert _button_says(panel, "Read back")
    assert box.extraSelections() == []
    assert len(seen.words) < len(words_of(TEXT))


def test_typing_while_it_reads_back_stops_it_and_keeps_the_typing(qtbot, reading):
    reader, panel, box = reading(delay=0.3)
    seen = Seen(reader, box)
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen.words) >= 2, timeout=WAIT)
    box.setFocus()
    qtbot.keyClicks(box, "X")  # at the pupil's place, after "My "
    assert panel.text() == "My X" + TEXT[3:]
    assert not reader.is_speaking(), "the highlight would no longer fit the words"
    assert box.extraSelections() == []
    assert _button_says(panel, "Read back")
    heard = len(seen.words)
    qtbot.wait(700)
    assert len(seen.words) == heard, "no word is highlighted after the change"
    assert box.undo_edit() and panel.text() == TEXT


def test_the_lesson_reads_in_the_lesson_view_after_a_read_back(qtbot, reading):
    reader, panel, box = reading()
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reader.is_speaking(), timeout=WAIT)
    words = []
    reader.word_highlighted.connect(lambda _s, _n, word: words.append(word))
    assert reader.read_lesson()
    qtbot.waitUntil(lambda: not reader.is_speaking(), timeout=WAIT)
    assert words[:3] == ["Rivers", "Rivers", "start"]
    assert reader.highlighter.word() is None and box.extraSelections() == []
    assert _button_says(panel, "Read back"), "reading the lesson is not reading back"


@pytest.mark.slow
@pytest.mark.pulse
def test_read_back_with_espeak_highlights_the_words_in_the_box(qtbot, reading,
                                                               virtual_speaker):
    reader, panel, box = reading(real=True)
    assert reader.engine_name() == "pyttsx3"
    seen = Seen(reader, box)
    recording = virtual_speaker.start_recording()
    qtbot.mouseClick(panel.read_back_button, Qt.MouseButton.LeftButton)
    assert _button_says(panel, "Stop reading back")
    qtbot.waitUntil(lambda: not reader.is_speaking(), timeout=60_000)
    heard = virtual_speaker.stop_recording(recording)
    assert abs(heard).max() > 3000, "the speaker played it"
    assert seen.words == words_of(TEXT)
    assert all(marked[-1] == word for word, marked in zip(seen.words, seen.marked, strict=True))
    assert panel.text() == TEXT and set(seen.carets) == {3}
    assert _button_says(panel, "Read back")
