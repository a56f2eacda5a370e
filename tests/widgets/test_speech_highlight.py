"""The spoken word highlighted in a real lesson view: colours on screen, scrolling, the ruler."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QColor, QTextCursor

from lessons.contrast import blend, contrast_ratio
from lessons.model import Lesson, Paragraph, Section, Span
from lessons.presets import load_presets
from tests.widgets.samples import (
    LONG_SENTENCE,
    make_view,
    near,
    pixels,
    sample_lesson,
    standard,
    yellow_on_black,
)
from widgets.speech_highlight import SpeechHighlighter, spoken_word_colours

PRESETS = load_presets()


def _range_of(view, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    text = view.document().toPlainText()
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _sentence_around(view, position: int) -> tuple[int, int]:
    text = view.document().toPlainText()
    start = text.rfind(". ", 0, position) + 2
    return start, text.index(".", position) + 1


def _visible(view, start: int, end: int) -> bool:
    viewport = view.viewport().rect()
    for position in (start, end):
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        if not viewport.contains(view.cursorRect(cursor)):
            return False
    return True


def _as_seen(profile, colour: str) -> str:
    """A colour as the pupil sees it, through the profile's overlay tint if any."""
    if profile.overlay_colour and profile.overlay_opacity > 0:
        return blend(colour, profile.overlay_colour, profile.overlay_opacity)
    return colour


def _underline_rows(shot: np.ndarray, box: str, letters: str) -> list[int]:
    """Rows inside the word's box where the letter colour runs across most of the box."""
    ys, xs = np.nonzero(near(shot, box, 12))
    left, right = xs.min(), xs.max()
    rows = []
    for y in range(ys.min(), ys.max() + 1):
        run = near(shot[y:y + 1, left:right + 1], letters, 40)
        if run.mean() > 0.8:
            rows.append(y)
    return rows


@pytest.mark.parametrize("preset", PRESETS, ids=[p.name for p in PRESETS])
def test_every_preset_shows_the_spoken_word_clearly_and_not_by_colour_alone(qtbot, preset):
    box, letters = spoken_word_colours(preset)
    seen_page, seen_box = _as_seen(preset, preset.colours.background), _as_seen(preset, box)
    assert contrast_ratio(seen_box, seen_page) >= 3.0, "the word stands out from the page"
    assert contrast_ratio(_as_seen(preset, letters), seen_box) >= 4.5, "its letters read"

    one_section = Lesson(title="The water cycle", sections=(
        Section("", 2, (Paragraph((Span(LONG_SENTENCE * 2),), 1),), 1),))
    view = make_view(qtbot, one_section, profile=preset)
    highlighter = SpeechHighlighter(view)
    start, end = _range_of(view, "invisible")
    highlighter.show_word(start, end - start, _sentence_around(view, start))
    shade, word = view.extraSelections()
    assert word.format.background().color() == QColor(box)
    assert word.format.foreground().color() == QColor(letters)
    assert word.format.fontUnderline() and word.format.underlineColor() == QColor(letters)
    sentence = _as_seen(preset, shade.format.background().color().name())
    assert contrast_ratio(_as_seen(preset, preset.colours.text), sentence) >= 4.5
    # On screen: the box, and a line in the letters' colour along its foot (the underline).
    shot = pixels(view.viewport())
    assert near(shot, seen_box, 12).sum() > 100
    assert _underline_rows(shot, seen_box, _as_seen(preset, letters))


def test_the_word_is_highlighted_in_its_own_colour_and_underlined(qtbot):
    view = make_view(qtbot)
    highlighter = SpeechHighlighter(view)
    seen = []
    highlighter.highlighted.connect(lambda s, n, t: seen.append((s, n, t)))
    start, end = _range_of(view, "invisible")
    sentence = _sentence_around(view, start)
    assert highlighter.show_word(start, end - start, sentence) == "invisible"
    assert seen == [(start, end - start, "invisible")]
    shade, word = view.extraSelections()
    assert (word.cursor.selectionStart(), word.cursor.selectionEnd()) == (start, end)
    box, _letters = spoken_word_colours(standard())
    assert word.format.background().color() == QColor(box)
    assert box != standard().colours.highlight, "not the key-word colour"
    assert word.format.fontUnderline(), "marked by more than colour"
    assert (shade.cursor.selectionStart(), shade.cursor.selectionEnd()) == sentence
    tint = shade.format.background().color()
    assert tint != QColor(box)
    # On screen: the word's box, and the paler shade over more of the view than the word.
    shot = pixels(view.viewport())
    boxed = near(shot, box, 10).sum()
    pale = near(shot, tint.name(), 6).sum()
    assert boxed > 50
    assert pale > boxed


def test_high_contrast_profile_keeps_its_own_text_colour_on_the_word(qtbot):
    view = make_view(qtbot, profile=yellow_on_black())
    highlighter = SpeechHighlighter(view)
    start, end = _range_of(view, "water vapour")
    highlighter.show_word(start, end - start)
    (word,) = view.extraSelections()
    box = word.format.background().color().name()
    assert contrast_ratio(box, "#000000") >= 3.0
    assert word.format.foreground().color() == QColor("#ffff00"), "yellow on blue, not black"
    assert near(pixels(view.viewport()), box, 10).sum() > 50


def test_a_page_too_dark_for_blue_letters_gets_letters_that_read():
    # On a mid-grey page no blue box takes the grey letters at 4.5:1: the letters change.
    grey = replace(standard(), colours=replace(standard().colours, text="#3a3a3a",
                                               background="#9a9a9a"))
    box, letters = spoken_word_colours(grey)
    assert contrast_ratio(box, "#9a9a9a") >= 3.0
    assert letters != "#3a3a3a" and contrast_ratio(letters, box) >= 4.5


def test_a_word_far_down_is_scrolled_into_view_a_third_of_the_way_down(qtbot):
    view = make_view(qtbot, sample_lesson(paragraphs=12), size=(600, 400))
    highlighter = SpeechHighlighter(view)
    start, end = _range_of(view, "invisible", occurrence=20)
    assert not _visible(view, start, end)
    highlighter.show_word(start, end - start)
    assert _visible(view, start, end)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    top = view.cursorRect(cursor).top()
    assert 0.15 * view.viewport().height() < top < 0.5 * view.viewport().height()
    # The caret follows the word (no selection), and the next word on the line
    # does not scroll the view again.
    assert view.textCursor().position() == start and not view.textCursor().hasSelection()
    value = view.verticalScrollBar().value()
    highlighter.show_word(end + 1, 3)
    assert view.verticalScrollBar().value() == value


def test_the_reading_ruler_frames_the_spoken_line(qtbot):
    profile = yellow_on_black(ruler_lines=1, ruler_opacity=1.0)
    view = make_view(qtbot, sample_lesson(paragraphs=6), profile=profile, size=(600, 400))
    highlighter = SpeechHighlighter(view)
    for occurrence in (3, 9):
        start, end = _range_of(view, "invisible", occurrence)
        highlighter.show_word(start, end - start)
        band = view.ruler_band()
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        word = view.cursorRect(cursor)
        assert band.top() <= word.center().y() <= band.bottom()


def test_not_following_the_caret_keeps_the_readers_selection(qtbot):
    view = make_view(qtbot)
    highlighter = SpeechHighlighter(view)
    highlighter.follow_caret = False
    selection = QTextCursor(view.document())
    selection.setPosition(5)
    selection.setPosition(20, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(selection)
    start, end = _range_of(view, "invisible")
    highlighter.show_word(start, end - start)
    caret = view.textCursor()
    assert (caret.selectionStart(), caret.selectionEnd()) == (5, 20)


def test_a_new_profile_recolours_the_highlight(qtbot):
    view = make_view(qtbot)
    highlighter = SpeechHighlighter(view)
    start, end = _range_of(view, "invisible")
    highlighter.show_word(start, end - start, _sentence_around(view, start))
    (_shade, word) = view.extraSelections()
    assert word.format.foreground().color() == QColor("#ffffff")
    view.set_profile(replace(yellow_on_black(), font_size_pt=16))
    shade, word = view.extraSelections()
    assert word.format.foreground().color() == QColor("#ffff00")
    assert shade.format.background().color().lightness() < 80, "a dark shade on a dark page"
    assert (word.cursor.selectionStart(), word.cursor.selectionEnd()) == (start, end)
    assert highlighter.word() == (start, end)


def test_another_lesson_and_clear_remove_the_highlight(qtbot):
    view = make_view(qtbot)
    highlighter = SpeechHighlighter(view)
    cleared = []
    highlighter.cleared.connect(lambda: cleared.append(True))
    highlighter.show_word(10, 4, (0, 30))
    view.set_lesson(Lesson(title="Other", sections=(
        Section("", 2, (Paragraph((Span("Something else."),), 1),), 1),)))
    assert highlighter.word() is None and view.extraSelections() == []
    highlighter.show_word(0, 5)
    highlighter.clear()
    assert view.extraSelections() == [] and highlighter.sentence() is None
    assert cleared == [True, True]
