"""The status bar at 200%: a passing message and the speech status never overlap,
and nothing is cut off without a "…" and a tooltip with the whole text."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

ENGINE = "Dictation: English, built in"
VOICE = "Voice: English (Received Pronunciation)"
MESSAGE = "Speech recognition is ready: English, built in, listening in British English."


def _at_200(opened, width=1600):
    window = opened.open()
    window.set_ui_scale(2.0)
    window.resize(width, 1000)
    window.speech_status.set_engine(ENGINE)
    window.speech_status.set_voice(VOICE)
    QApplication.processEvents()
    return window


def _room_for_message(window) -> int:
    """Where Qt draws a message: from 6 px in to 2 px before the first permanent part."""
    status = window.speech_status
    return status.x() - 2 - 6 - 6


def _shows_whole_or_says_so(label, full: str) -> None:
    """Drawn whole, or shortened with "…" and whole in the tooltip; never cut off."""
    assert label.text() == full  # what a screen reader gets
    shown = getattr(label, "shown_text", label.text)()
    if shown != full:
        assert shown.endswith("…") and label.toolTip() == full
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()


def test_a_message_has_the_room_it_needs_and_the_microphone_stays(qtbot, opened):
    window = _at_200(opened)
    bar, status = window.statusBar(), window.speech_status
    window.show_status(MESSAGE)
    QApplication.processEvents()
    shown = bar.currentMessage()
    assert bar.fontMetrics().horizontalAdvance(shown) <= _room_for_message(window), \
        "the message runs under the speech status"
    assert shown == MESSAGE  # at 1600 px there is room for all of it
    assert status.microphone.isVisible() and status.microphone.text() == "Microphone off"
    bar.clearMessage()
    QApplication.processEvents()
    assert status.engine.isVisible() and status.voice.isVisible()
    _shows_whole_or_says_so(status.engine, ENGINE)
    _shows_whole_or_says_so(status.voice, VOICE)


def test_a_narrow_window_shortens_with_an_ellipsis_and_a_tooltip(qtbot, opened):
    window = _at_200(opened, width=900)
    bar, status = window.statusBar(), window.speech_status
    assert status.x() + status.width() <= bar.width()
    _shows_whole_or_says_so(status.engine, ENGINE)
    _shows_whole_or_says_so(status.voice, VOICE)
    assert status.engine.geometry().right() < status.voice.geometry().left()
    long = MESSAGE + " " + MESSAGE
    window.show_status(long)
    QApplication.processEvents()
    shown = bar.currentMessage()
    assert bar.fontMetrics().horizontalAdvance(shown) <= _room_for_message(window)
    assert shown.endswith("…") and bar.toolTip() == long
