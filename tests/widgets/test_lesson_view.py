"""The lesson view as a reader meets it: colours on screen, the ruler, key words, zoom."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from lessons.presets import get_preset
from tests.widgets.samples import make_view, near, pixels, sample_lesson, yellow_on_black


def test_yellow_on_black_paints_yellow_text_on_black(qtbot):
    view = make_view(qtbot, profile=yellow_on_black())
    shot = pixels(view.viewport())
    black = near(shot, "#000000").mean()
    yellow = near(shot, "#ffff00", 60).mean()
    white = near(shot, "#ffffff", 30).mean()
    assert black > 0.6, "the background is black"
    assert yellow > 0.02, "the text is yellow"
    assert white < yellow, "no white page behind it"


def test_changing_the_profile_restyles_the_same_document(qtbot):
    view = make_view(qtbot)
    document = view.document()
    assert near(pixels(view.viewport()), "#ffffff").mean() > 0.6
    view.set_profile(get_preset("High contrast yellow on black"))
    assert view.document() is document, "restyled in place, not rebuilt"
    assert near(pixels(view.viewport()), "#000000").mean() > 0.6


def _ruler_rows(view, colour: str) -> np.ndarray:
    shot = pixels(view.viewport())
    # Count a row as in the band when a good share of it has the band's colour.
    return np.flatnonzero(near(shot, colour, 12).mean(axis=1) > 0.3)


def test_reading_ruler_band_follows_the_caret(qtbot):
    band_colour = "#80c0ff"
    profile = replace(
        yellow_on_black(ruler_lines=1, ruler_opacity=1.0),
        colours=replace(yellow_on_black().colours, ruler=band_colour),
    )
    view = make_view(qtbot, profile=profile)
    view.setFocus()
    rows_before = _ruler_rows(view, band_colour)
    assert rows_before.size > 0, "the band is painted"
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    rows_after = _ruler_rows(view, band_colour)
    assert rows_after.size > 0
    assert rows_after.min() > rows_before.max(), "the band moved down with the caret"
    band = view.ruler_band()
    caret = view.cursorRect()
    assert band.top() <= caret.center().y() <= band.bottom()


def test_reading_ruler_shows_the_chosen_number_of_lines(qtbot):
    heights = {}
    for lines in (1, 3, 5):
        view = make_view(qtbot, profile=yellow_on_black(ruler_lines=lines))
        cursor = view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)  # a body line
        view.setTextCursor(cursor)
        heights[lines] = view.ruler_band().height()
    assert heights[3] == heights[1] * 3
    assert heights[5] == heights[1] * 5


def test_ruler_outside_the_band_is_dimmed(qtbot):
    view = make_view(qtbot, profile=yellow_on_black())
    bright = near(pixels(view.viewport()), "#ffff00", 60).sum()
    view.set_profile(yellow_on_black(ruler_lines=1))
    dimmed = near(pixels(view.viewport()), "#ffff00", 60).sum()
    assert dimmed < bright / 3, "only the band's line keeps full-strength text"


def test_ruler_follows_the_mouse(qtbot):
    view = make_view(qtbot, profile=yellow_on_black(ruler_lines=1))
    top = view.ruler_band().center().y()
    qtbot.mouseMove(view.viewport(), QPoint(200, 400))
    assert abs(view.ruler_band().center().y() - 400) < view.ruler_band().height()
    assert view.ruler_band().center().y() > top


def test_overlay_tint_colours_the_page(qtbot):
    view = make_view(qtbot)
    view.set_profile(replace(view.profile(), overlay_colour="#0000ff", overlay_opacity=0.5))
    shot = pixels(view.viewport())
    page = near(shot, "#7f7fff", 6).mean()  # white seen through blue at half strength
    assert page > 0.5


def test_clicking_a_key_word_shows_its_meaning_large_and_esc_closes_it(qtbot):
    view = make_view(qtbot)
    start, end, _index = next(iter(view.lesson_document().vocabulary_ranges()))
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 2)
    point = view.cursorRect(cursor).center()
    with qtbot.waitSignal(view.vocabulary_activated) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    word, definition = signal.args
    assert word in ("evaporation", "condensation")
    popup = view.popup
    assert popup.isVisible()
    assert popup.definition_label.text() == definition
    assert popup.definition_label.font().pointSizeF() >= 24
    # A reader hears the word and its meaning, not the names "Word" and "Meaning"
    # (Qt gives a label no Text interface over AT-SPI: its name is all a reader gets).
    heard = [QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)
             for label in (popup.word_label, popup.definition_label)]
    assert heard == [f"Word: {word}", f"Meaning: {definition}"]
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_enter_on_a_key_word_at_the_caret_shows_its_meaning(qtbot):
    view = make_view(qtbot)
    view.setFocus()
    start, _end, _index = view.lesson_document().vocabulary_ranges()[0]
    cursor = view.textCursor()
    cursor.setPosition(start + 1)
    view.setTextCursor(cursor)
    with qtbot.waitSignal(view.vocabulary_activated):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.popup.isVisible()
    view.popup.reject()


def test_enter_elsewhere_shows_nothing(qtbot):
    view = make_view(qtbot)
    with qtbot.assertNotEmitted(view.vocabulary_activated):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.popup is None


def test_keyboard_zoom_and_reset(qtbot):
    view = make_view(qtbot)
    height = view.document().size().height()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > 1
    assert view.shown_profile().font_size_pt > view.profile().font_size_pt
    assert view.document().size().height() > height
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < 1
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == 1.0


def test_control_wheel_zooms(qtbot):
    view = make_view(qtbot)
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )
    with qtbot.waitSignal(view.zoom_changed):
        QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() > 1


def test_focus_mode_pages_with_ctrl_page_down(qtbot):
    lesson = sample_lesson()
    view = make_view(qtbot, lesson, yellow_on_black(focus_mode=True))
    assert view.section_count() == 4  # front, Evaporation, Condensation (+ sub), key words
    assert "Evaporation" not in view.toPlainText().split("\n")
    with qtbot.waitSignal(view.section_changed) as signal:
        qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == [1, 4]
    text = view.toPlainText()
    assert text.startswith("Evaporation")
    assert "Clouds are made of drops." not in text and "Where does rain come from?" not in text
    view.next_section()
    assert view.toPlainText().startswith("Condensation")
    assert "In the sky" in view.toPlainText(), "a sub-section stays with its section"
    qtbot.keyClick(view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert view.section_index() == 1


def test_caret_browsing_and_accessible_names(qtbot):
    view = make_view(qtbot)
    flags = view.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    assert view.isReadOnly()
    assert view.accessibleName() and view.accessibleDescription()
    before = view.textCursor().position()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() > before


def test_restyling_keeps_the_reading_place_and_the_caret(qtbot):
    view = make_view(qtbot, sample_lesson(paragraphs=12))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top_before = view.cursorForPosition(QPoint(0, 0)).position()
    cursor = view.cursorForPosition(QPoint(100, 100))
    view.setTextCursor(cursor)
    caret = cursor.position()
    view.set_profile(yellow_on_black(font_size_pt=20.0, line_height=1.8))
    view.zoom_in()  # straight after: the place must not drift
    assert view.textCursor().position() == caret
    qtbot.wait(50)  # the view lays out the rest when idle
    top_after = view.cursorForPosition(QPoint(0, 0)).position()
    block = view.document().findBlock(top_before)
    assert block.position() <= top_after <= block.position() + block.length() + 200
    assert bar.value() > 0


def test_f3_moves_between_key_words_and_enter_opens_one(qtbot):
    view = make_view(qtbot)
    view.activateWindow()  # the key-word keys work while the view has the keyboard
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(view, Qt.Key.Key_F3)
    first = view.textCursor()
    assert first.hasSelection()
    assert first.selectedText().lower() in ("evaporation", "condensation")
    qtbot.keyClick(view, Qt.Key.Key_F3)
    second = view.textCursor()
    assert second.selectionStart() > first.selectionStart(), "on to the next key word"
    with qtbot.waitSignal(view.vocabulary_activated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args[0].lower() == second.selectedText().lower()
    view.popup.reject()
