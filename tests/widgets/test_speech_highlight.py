"""The spoken word highlighted in a real lesson view: colours on screen, scrolling, the ruler."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor, QTextCursor

from lessons.model import Lesson, Paragraph, Section, Span
from tests.widgets.samples import make_view, near, pixels, sample_lesson, standard, yellow_on_black
from widgets.speech_highlight import SpeechHighlighter


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


def test_the_word_is_highlighted_in_the_profile_colour_and_underlined(qtbot):
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
    assert word.format.background().color() == QColor(standard().colours.highlight)
    assert word.format.fontUnderline(), "marked by more than colour"
    assert (shade.cursor.selectionStart(), shade.cursor.selectionEnd()) == sentence
    tint = shade.format.background().color()
    assert tint != QColor(standard().colours.highlight)
    # On screen: the word's yellow, and the paler shade over more of the view than the word.
    shot = pixels(view.viewport())
    yellow = near(shot, standard().colours.highlight, 10).sum()
    pale = near(shot, tint.name(), 6).sum()
    assert yellow > 50
    assert pale > yellow


def test_high_contrast_profile_colours_and_the_best_text_colour(qtbot):
    view = make_view(qtbot, profile=yellow_on_black())
    highlighter = SpeechHighlighter(view)
    start, end = _range_of(view, "water vapour")
    highlighter.show_word(start, end - start)
    (word,) = view.extraSelections()
    assert word.format.background().color() == QColor("#1f1fa8")
    assert word.format.foreground().color() == QColor("#ffff00"), "yellow on blue, not black"
    assert near(pixels(view.viewport()), "#1f1fa8", 10).sum() > 50


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
    colours = replace(standard().colours, highlight="#80ff80")
    view.set_profile(replace(standard(), colours=colours, font_size_pt=16))
    shade, word = view.extraSelections()
    assert word.format.background().color() == QColor("#80ff80")
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
