"""The captions' note that they are running behind: boxed, in their colours, lines kept still."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from lessons.contrast import contrast_ratio
from widgets.caption_settings import MIN_FONT_PT, CaptionSettings
from widgets.captions_window import CaptionsWindow


@pytest.fixture
def said(monkeypatch):
    announced: list[tuple[str, bool]] = []
    monkeypatch.setattr("widgets.captions_window.announce",
                        lambda _source, text, assertive=False: announced.append((text, assertive)))
    return announced


@pytest.fixture
def captions(qtbot):
    def build(**settings) -> CaptionsWindow:
        window = CaptionsWindow(CaptionSettings(**{"lines": 2, "font_size_pt": 48, **settings}))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.add_final("Good morning, everyone.", datetime(2026, 3, 4, 9, 0, 0))
        window.add_final("Today we are looking at rivers.", datetime(2026, 3, 4, 9, 0, 5))
        return window
    return build


def _lines_on_screen(window: CaptionsWindow) -> tuple[QPoint, QPoint, int]:
    text = window.text
    return text.mapToGlobal(QPoint(0, 0)), text.mapToGlobal(text.rect().bottomLeft()), text.height()


@pytest.mark.parametrize("placement", ["bottom", "top", "floating"])
def test_the_note_shows_beside_the_lines_and_they_do_not_move(qtbot, captions, said, placement):
    window = captions(placement=placement)
    qtbot.wait(50)
    before = _lines_on_screen(window)
    lines = window.shown_lines()
    height = window.height()

    window.set_running_behind(True)
    qtbot.wait(50)

    note = window.running_behind_note()
    assert note.startswith("Captions are running behind"), note
    assert window.note.isVisible()
    assert window.height() > height  # the window grew to hold the note...
    assert _lines_on_screen(window) == before  # ...and the caption lines stayed put
    assert window.shown_lines() == lines  # no line given up for it
    label = window.note.label  # all its words in sight, wrapped or not
    assert label.height() >= label.heightForWidth(label.width()), (label.size(), label.text())
    assert label.width() <= label.maximumWidth()  # the box hugs its words
    strip = window.note.geometry()
    text = window.text.geometry()
    if placement == "bottom":  # away from the screen's edge
        assert strip.bottom() < text.top()
        assert window.frameGeometry().bottom() == window.screen().availableGeometry().bottom()
    else:
        assert strip.top() > text.bottom()
    assert said == [(note, False)]  # announced once, politely

    window.set_running_behind(True)  # still behind: not said again
    window.set_running_behind(False)
    qtbot.wait(50)
    assert window.running_behind_note() == ""
    assert not window.note.isVisible()
    assert window.height() == height
    assert _lines_on_screen(window) == before
    assert said == [(note, False)]  # catching up is shown by the captions themselves


def test_the_note_is_never_a_caption_or_in_the_history(captions, tmp_path):
    window = captions()
    window.set_running_behind(True)
    window.add_final("The water cycle has four stages.")
    window.set_running_behind(False)
    note = window.note.text()
    assert not any("running behind" in line for line in window.shown_lines())
    assert [entry.text for entry in window.history.entries()] == [
        "Good morning, everyone.", "Today we are looking at rivers.",
        "The water cycle has four stages."]
    saved = window.save_history(tmp_path / "captions.txt").read_text(encoding="utf-8")
    assert "running behind" not in saved and note not in saved


@pytest.mark.parametrize("scheme", ["yellow-on-black", "white-on-black", "black-on-white"])
def test_the_note_follows_the_colours_and_the_size(captions, scheme):
    window = captions(scheme=scheme)
    window.set_running_behind(True)
    foreground, background = window.colours()
    style = window.note.label.styleSheet()
    # Boxed in the text colour (not told apart by colour alone), in the captions' colours.
    assert f"color: {foreground}" in style and f"background: {background}" in style
    assert f"solid {foreground}" in style
    assert contrast_ratio(foreground, background) >= 7
    size = window.note.label.font().pointSizeF()
    assert MIN_FONT_PT <= size < window.text.font().pointSizeF()
    assert window.note.label.font().family() == window.text.font().family()
    window.bigger()
    assert window.note.label.font().pointSizeF() > size  # larger captions, larger note
    for _ in range(8):
        window.smaller()
    assert window.note.label.font().pointSizeF() == MIN_FONT_PT  # never below the smallest captions
    assert window.height() == window.text.height_for_lines() + window.note.height()  # shrank too
    assert window.text.height() == window.text.height_for_lines()
    window.set_scheme("white-on-black" if scheme != "white-on-black" else "black-on-white")
    assert window.colours()[0] in window.note.label.styleSheet()


def test_a_problem_takes_the_place_of_the_note(captions, said):
    window = captions()
    window.set_running_behind(True)
    window.show_problem("The microphone was unplugged.")
    assert window.running_behind_note() == ""
    assert window.notice().startswith("Not listening: The microphone was unplugged.")


def test_inside_a_presentation_the_band_grows_for_the_note(qtbot, captions):
    window = captions()
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1200, 800)
    window.embed(host)
    lines = window.text.height_for_lines()
    assert window.height() == lines
    window.set_running_behind(True)
    assert window.height() == lines + window.note.height_for(
        window.width() - window._side.sizeHint().width())
    window.set_running_behind(False)
    assert window.height() == lines


def test_a_screen_reader_hears_the_notes_words_after_they_were_announced(captions):
    # Qt gives a label no Text interface over AT-SPI: its name is all a reader gets. It
    # was "Note about the captions", whatever the note said.
    from PySide6.QtGui import QAccessible

    window = captions()
    window.set_running_behind(True)
    heard = QAccessible.queryAccessibleInterface(window.note.label).text(QAccessible.Text.Name)
    assert heard == f"Note about the captions: {window.running_behind_note()}"
