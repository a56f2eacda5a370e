"""Every profile setting changes what the lesson view shows (each test fails without it)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCursor, QTextDocument

from lessons.model import Lesson, Paragraph, Section, Span
from lessons.profile import Profile
from tests.widgets.samples import make_view, near, pixels, sample_lesson


def _block(view, starts_with: str):
    block = view.document().begin()
    while block.isValid():
        if block.text().startswith(starts_with):
            return block
        block = block.next()
    raise AssertionError(f"no block starts with {starts_with!r}")


def _format_at(view, text: str):
    """The character format in the middle of the first occurrence of ``text``."""
    found = view.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull(), text
    cursor = QTextCursor(view.document())
    middle = found.selectionStart() + len(text) // 2
    cursor.setPosition(middle)
    cursor.setPosition(middle + 1, QTextCursor.MoveMode.KeepAnchor)
    return cursor.charFormat()


def _single_line_width(view) -> float:
    layout = _block(view, "Geography").layout()
    assert layout.lineCount() == 1
    return layout.lineAt(0).naturalTextWidth()


def _height(view) -> float:
    return view.document().documentLayout().documentSize().height()


def _widest_line(view) -> float:
    widest = 0.0
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            widest = max(widest, layout.lineAt(i).naturalTextWidth())
        block = block.next()
    return widest


def _changed(view, **changes):
    view.set_profile(replace(view.profile(), **changes))


def test_text_heading_and_link_colours(qtbot):
    view = make_view(qtbot)
    colours = replace(Profile().colours, text="#112233", heading="#445566", link="#778899")
    _changed(view, colours=colours)
    assert _format_at(view, "Where does rain").foreground().color() == QColor("#112233")
    assert _format_at(view, "In the sky").foreground().color() == QColor("#445566")
    # Key words are links to their meaning: link colour when not highlighted.
    assert _format_at(view, "evaporation").foreground().color() == QColor("#778899")


def test_background_colour(qtbot):
    view = make_view(qtbot)
    _changed(view, colours=replace(Profile().colours, background="#204060"))
    assert near(pixels(view.viewport()), "#204060", 4).mean() > 0.6


def test_font_family_size_and_weight(qtbot):
    view = make_view(qtbot)
    height = _height(view)
    _changed(view, font_family="OpenDyslexic", font_size_pt=20.0, font_weight=700)
    fmt = _format_at(view, "Where does rain")
    assert fmt.font().family() == "OpenDyslexic"
    assert fmt.fontPointSize() == 20.0
    assert fmt.fontWeight() == 700
    heading = _format_at(view, "In the sky")
    assert heading.fontPointSize() > 20.0, "headings stay larger than the body"
    assert _height(view) > height * 1.4


def test_letter_spacing_widens_the_text(qtbot):
    view = make_view(qtbot)
    width = _single_line_width(view)
    _changed(view, letter_spacing_em=0.12)
    assert _single_line_width(view) > width * 1.1


def test_word_spacing_widens_the_text(qtbot):
    view = make_view(qtbot)
    width = _single_line_width(view)
    _changed(view, word_spacing_em=0.5)
    assert _single_line_width(view) > width * 1.05


def test_line_height_makes_the_document_taller(qtbot):
    view = make_view(qtbot)
    height = _height(view)
    _changed(view, line_height=2.0)
    assert _height(view) > height * 1.3


def test_paragraph_spacing_makes_the_document_taller(qtbot):
    view = make_view(qtbot)
    height = _height(view)
    _changed(view, paragraph_spacing_em=3.0)
    assert _height(view) > height * 1.1
    assert _block(view, "Where does rain").blockFormat().bottomMargin() > 40


def test_max_line_chars_narrows_the_text(qtbot):
    view = make_view(qtbot, size=(1200, 700))
    wide = _widest_line(view)
    _changed(view, max_line_chars=40)
    narrow = _widest_line(view)
    assert narrow < wide * 0.7
    # The column is centred: equal margins either side.
    frame = view.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 100


def _line_start_x(view, starts_with: str) -> int:
    cursor = QTextCursor(_block(view, starts_with))
    return view.cursorRect(cursor).left()


def test_alignment(qtbot):
    view = make_view(qtbot)
    left = _line_start_x(view, "Geography")
    _changed(view, alignment="centre")
    assert _line_start_x(view, "Geography") > left + 100
    _changed(view, alignment="right")
    assert _line_start_x(view, "Geography") > view.viewport().width() / 2
    _changed(view, alignment="justify")
    assert _block(view, "Where does rain").blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify


def test_suppress_italics(qtbot):
    view = make_view(qtbot)
    assert _format_at(view, "slowly").fontItalic()
    _changed(view, suppress_italics=True)
    assert not _format_at(view, "slowly").fontItalic()


def test_suppress_underline(qtbot):
    view = make_view(qtbot)
    assert _format_at(view, "carefully").fontUnderline()
    _changed(view, suppress_underline=True)
    assert not _format_at(view, "carefully").fontUnderline()
    assert not _format_at(view, "evaporation").fontUnderline(), "no dotted line under key words"


def test_suppress_all_caps_shows_sentence_case_and_back(qtbot):
    view = make_view(qtbot)
    assert "STOP AND THINK" in view.toPlainText()
    _changed(view, suppress_all_caps=True)
    assert "Stop and think about it." in view.toPlainText()
    assert "STOP AND THINK" not in view.toPlainText()
    _changed(view, suppress_all_caps=False)
    assert "STOP AND THINK" in view.toPlainText()


def test_vocabulary_highlighting_is_colour_and_weight(qtbot):
    view = make_view(qtbot)
    plain = _format_at(view, "evaporation")
    assert plain.background().style() == Qt.BrushStyle.NoBrush
    _changed(view, highlight_vocabulary=True)
    fmt = _format_at(view, "evaporation")
    assert fmt.background().color() == QColor(Profile().colours.highlight)
    assert fmt.fontWeight() >= QFont.Weight.Bold, "not colour alone"
    assert fmt.isAnchor()
    assert near(pixels(view.viewport()), Profile().colours.highlight, 10).sum() > 100


def test_ruler_opacity(qtbot):
    view = make_view(qtbot)
    colours = replace(Profile().colours, ruler="#0000ff")
    _changed(view, colours=colours, ruler_lines=1, ruler_opacity=1.0)
    strong = near(pixels(view.viewport()), "#0000ff", 10).sum()
    _changed(view, ruler_opacity=0.5)
    assert near(pixels(view.viewport()), "#0000ff", 10).sum() == 0
    assert near(pixels(view.viewport()), "#7f7fff", 10).sum() > strong * 0.5


def _image_width(view) -> float:
    found = view.document().find("\ufffc")
    return found.charFormat().toImageFormat().width()


def test_image_scale(qtbot):
    view = make_view(qtbot, sample_lesson(paragraphs=0), size=(1600, 800))
    width = _image_width(view)
    assert width > 50
    _changed(view, image_scale=1.5)
    assert _image_width(view) == width * 1.5


def test_pictures_never_overflow_the_view(qtbot):
    view = make_view(qtbot, sample_lesson(paragraphs=0), size=(700, 600))
    _changed(view, image_scale=4.0)
    assert _image_width(view) <= view.viewport().width()


def test_focus_mode_shows_one_section(qtbot):
    view = make_view(qtbot)
    assert "Clouds are made of drops." in view.toPlainText()
    _changed(view, focus_mode=True)
    assert view.toPlainText().startswith("The water cycle")
    assert "Clouds are made of drops." not in view.toPlainText()
    _changed(view, focus_mode=False)
    assert "Clouds are made of drops." in view.toPlainText()


def test_capitals_after_an_emoji_become_a_sentence_in_their_place(qtbot):
    # Qt counts an emoji as two positions: the sentence case landed a letter early.
    lesson = Lesson(title="Plants", sections=(Section("", 2, (
        Paragraph((Span("🌱 PLANTS NEED WATER and light."),), 1),), 1),))
    view = make_view(qtbot, lesson)
    _changed(view, suppress_all_caps=True)
    assert "🌱 Plants need water and light." in view.toPlainText()
    _changed(view, suppress_all_caps=False)
    assert "🌱 PLANTS NEED WATER and light." in view.toPlainText()


def test_capitals_in_bold_mid_sentence_get_no_capital_of_their_own(qtbot):
    # Found on a trainer's slide: "Text in **ALL CAPITALS**" showed "Text in All capitals".
    lesson = Lesson(title="Pitfalls", sections=(Section("", 2, (Paragraph((
        Span("Avoid text in "), Span("ALL CAPITALS", bold=True), Span(". YES I CAN read it.")),
        1),), 1),))
    view = make_view(qtbot, lesson)
    _changed(view, suppress_all_caps=True)
    assert "Avoid text in all capitals. Yes I can read it." in view.toPlainText()
