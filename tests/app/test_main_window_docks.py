"""A window made narrower takes the width from the docks too, not only from the lesson."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.controllers import attach_controllers


def test_wide_docks_give_way_when_the_window_is_made_narrower(qtbot, opened):
    window = opened.open()
    assert attach_controllers(window, ("dictation",)) == ["dictation"]
    window.resize(1400, 900)
    library, dictation = window.library_dock, window.dictation_dock
    window.resizeDocks([library, dictation], [400, 600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: library.width() >= 390 and dictation.width() >= 590)

    window.resize(1300, 900)  # as on a smaller screen, or a layout saved on a wider one

    # Qt alone took all 100 px from the lesson (288 px left); the docks now give
    # way to their natural widths, so the lesson keeps its share.
    qtbot.waitUntil(lambda: window.centralWidget().width() >= 450)
    assert library.width() < 400 and dictation.width() < 600


def test_the_lesson_keeps_its_share_when_the_read_aloud_bar_is_put_above_it(qtbot, opened):
    # At first start the read-aloud message bar, added when the speech controllers
    # attach, left the lesson 278 px of a 1400-px window and the docks 555 px each.
    window = opened.open()
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.centralWidget().width() >= 0.4 * window.width())
    assert attach_controllers(window, ("read aloud",)) == ["read aloud"]
    qtbot.wait(200)  # the window lays itself out again
    assert window.centralWidget().isAncestorOf(window.read_aloud_message)
    assert window.centralWidget().width() >= 0.4 * window.width()
