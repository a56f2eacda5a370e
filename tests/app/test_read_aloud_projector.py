"""Read aloud while presenting (app/main_projector.py): the spoken word is highlighted on
the projector's slide, which scrolls to keep it in sight, and comes back to the main
view, from the same word, when the projector is left.

A real main window and projector; the synthesiser and player are doubles, and real
(eSpeak NG, the PulseAudio virtual speaker) in the last test.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.read_aloud import ReadAloudController
from app.read_aloud_text import find_place
from tests.app.main_window_helpers import choose
from tests.app.read_aloud_doubles import FakePlayer, SpySynthesiser

WAIT = 20_000
LESSON = "The water cycle"


class Words:
    """Each highlighted word, the view it was drawn in, and whether it was in sight there."""

    def __init__(self, reader) -> None:
        self.seen: list[tuple[str, object, bool, int]] = []

        def seen(start: int, length: int, word: str) -> None:
            view = reader.view()
            marked = [s.cursor.selectedText() for s in view.extraSelections()]
            assert marked and marked[-1] == word, "drawn in the view being read"
            cursor = view.textCursor()
            cursor.setPosition(start)
            rect = view.cursorRect(cursor)
            shown = view.viewport().rect().contains(rect)
            self.seen.append((word, view, shown, start))

        reader.word_highlighted.connect(seen)

    def on(self, view) -> list[str]:
        return [w for w, v, _s, _p in self.seen if v is view]


@pytest.fixture
def presenting(qtbot, opened):
    made = []

    def make(delay: float = 0.01, real: bool = False):
        window = opened.open()
        if real:
            from tests.fixtures.pulse import SPEAKER_DEVICE

            reader = ReadAloudController(window.view, window, device=SPEAKER_DEVICE)
        else:
            FakePlayer.instances.clear()
            FakePlayer.error = None
            FakePlayer.delay = delay
            spy = SpySynthesiser()
            reader = ReadAloudController(window.view, window,
                                         synthesiser_factory=lambda: (spy, ""),
                                         player_factory=FakePlayer)
        made.append(reader)
        window.attach_read_aloud(reader)
        qtbot.waitUntil(reader.voices_known, timeout=WAIT)
        choose(window, LESSON)
        projector = window.start_projector()
        qtbot.waitExposed(projector)
        QApplication.processEvents()
        return window, reader, projector

    yield make
    for reader in made:
        assert reader.shutdown(wait=10)


def _slide_with_more_below(qtbot, projector) -> None:
    """The first section that runs on below the screen, zoomed in until it does."""
    projector.next_section()
    while not projector.has_more_below():
        projector.view.zoom_in()
        QApplication.processEvents()
    projector.view.moveCursor(QTextCursor.MoveOperation.Start)
    projector.view.verticalScrollBar().setValue(0)


def test_f5_on_the_projector_highlights_the_words_on_the_slide_and_keeps_them_in_sight(
        qtbot, presenting):
    window, reader, projector = presenting()
    _slide_with_more_below(qtbot, projector)
    words = Words(reader)
    qtbot.keyClick(projector, Qt.Key.Key_F5)  # the window's key, lent to the projector
    qtbot.waitUntil(lambda: not reader.is_speaking(), timeout=WAIT)

    slide = projector.view
    assert words.seen and all(view is slide for _w, view, _s, _p in words.seen)
    text = slide.document().toPlainText()
    assert [w for w, *_ in words.seen][:3] == text.split()[:3]
    assert all(shown for _w, _v, shown, _p in words.seen), "every word in sight"
    assert slide.verticalScrollBar().value() > 0, "the slide scrolled to the words below"
    assert window.view.extraSelections() == [], "nothing is drawn behind the projector"


def test_leaving_the_projector_mid_sentence_carries_on_in_the_main_view_from_that_word(
        qtbot, presenting):
    window, reader, projector = presenting(delay=0.15)
    projector.next_section()
    words = Words(reader)
    slide = projector.view
    qtbot.keyClick(projector, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(words.seen) >= 4, timeout=WAIT)
    last_word, _view, _shown, start = words.seen[-1]
    slide_text = slide.document().toRawText()

    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert reader.is_speaking() and reader.view() is window.view
    qtbot.waitUntil(lambda: len(words.on(window.view)) >= 2, timeout=WAIT)
    reader.stop()

    main = [(w, p) for w, v, _s, p in words.seen if v is window.view]
    # The same word, at the same place in the lesson, then on from there.
    expected = find_place(slide_text, window.view.document().toRawText(), start)
    assert main[0] == (last_word, expected)
    assert main[0][1] > 0 and main[1][1] > main[0][1]
    assert words.seen[-1][1] is window.view


def test_paused_on_the_projector_stays_paused_at_the_word_in_the_main_view(
        qtbot, presenting):
    window, reader, projector = presenting(delay=0.15)
    projector.next_section()
    words = Words(reader)
    qtbot.keyClick(projector, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(words.seen) >= 3, timeout=WAIT)
    qtbot.keyClick(projector, Qt.Key.Key_F5)  # pause
    assert reader.is_paused()
    paused_at = words.seen[-1][0]
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert reader.is_paused() and reader.view() is window.view
    start, end = reader.highlighter.word()
    assert window.view.document().toPlainText()[start:end] == paused_at
    reader.resume()
    qtbot.waitUntil(lambda: len(words.on(window.view)) >= 2, timeout=WAIT)
    assert words.on(window.view)[0] == paused_at


@pytest.mark.slow
@pytest.mark.pulse
def test_f5_on_the_projector_with_espeak_highlights_on_the_slide(qtbot, presenting,
                                                                 virtual_speaker):
    window, reader, projector = presenting(real=True)
    assert reader.engine_name() == "pyttsx3"
    projector.next_section()
    words = Words(reader)
    recording = virtual_speaker.start_recording()
    qtbot.keyClick(projector, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(words.seen) >= 5, timeout=60_000)
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(words.on(window.view)) >= 1, timeout=60_000)
    reader.stop()
    heard = virtual_speaker.stop_recording(recording)
    assert abs(heard).max() > 3000, "the speaker played it"
    assert len(words.on(projector.view)) >= 5
    assert window.view.extraSelections() == []  # stopped: the highlight is gone
