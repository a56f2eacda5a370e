"""The lesson text box shows the lesson's structure (widgets/lesson_markup_highlighter.py).

Real LessonEditor widgets, offscreen. The formats are read back from the
text box's document, as Qt lays each line out (QTextLayout.formats()).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from lessons.contrast import contrast_ratio
from lessons.presets import load_presets
from widgets.lesson_editor import LessonEditor

DETAILS = """---
title: Plants
subject: Science
key_stage: KS1
year_group: Year 1
---

"""
HEADING = "## The parts of a plant"
SUB_HEADING = "### Roots"
PARAGRAPH = "Most plants have *four* parts and **roots**."
PLAIN = "Look carefully at the picture."
BULLET = "- The **stem** grows up out of the soil."
NUMBERED = "1. Find a leaf."
QUESTION = "> Question: Which part can we NOT see?"
PICTURE = "![A flowering plant with its parts labelled](images/plant-parts.svg)"
TABLE = "| Part | What it **does** |"
BODY = "\n\n".join([HEADING, PARAGRAPH, PLAIN, BULLET, NUMBERED, QUESTION, PICTURE,
                    SUB_HEADING, TABLE]) + "\n"


@pytest.fixture
def editor(qtbot) -> LessonEditor:
    widget = LessonEditor()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_text(DETAILS + BODY)
    QApplication.processEvents()
    return widget


def block_of(editor: LessonEditor, line: str):
    document = editor.text_edit.document()
    block = document.begin()
    while block.isValid():
        if block.text() == line:
            return block
        block = block.next()
    raise AssertionError(f"no line {line!r}")


def ranges(block) -> list[tuple[int, int, QTextCharFormat]]:
    """The formats Qt lays the line out with: (start, length, format), copied."""
    return [(piece.start, piece.length, QTextCharFormat(piece.format))
            for piece in block.layout().formats()]


def format_of(editor: LessonEditor, line: str, part: str) -> QTextCharFormat:
    """The format every character of ``part`` (in ``line``) is drawn with; empty if none."""
    block = block_of(editor, line)
    start = line.index(part)
    found = None
    for offset in range(start, start + len(part)):
        here = QTextCharFormat()
        for first, length, fmt in ranges(block):
            if first <= offset < first + length:
                here = fmt
        if found is None:
            found = here
        assert here == found, f"{part!r} in {line!r} is not drawn all alike"
    return found


def bold(fmt: QTextCharFormat) -> bool:
    return fmt.hasProperty(QTextCharFormat.Property.FontWeight) and \
        fmt.fontWeight() >= QFont.Weight.Bold


def muted(fmt: QTextCharFormat, editor: LessonEditor) -> bool:
    text = editor.text_edit.palette().color(QPalette.ColorRole.Text)
    return fmt.hasProperty(QTextCharFormat.Property.ForegroundBrush) and \
        fmt.foreground().color() != text


def body_size(editor: LessonEditor) -> float:
    return editor.text_edit.font().pointSizeF()


# ----- each kind of line ---------------------------------------------------------------

def test_headings_are_bold_and_larger_with_their_hashes_muted(editor):
    words = format_of(editor, HEADING, "The parts of a plant")
    assert bold(words)
    assert words.fontPointSize() >= 1.25 * body_size(editor)
    sub = format_of(editor, SUB_HEADING, "Roots")
    assert bold(sub)
    assert body_size(editor) < sub.fontPointSize() < words.fontPointSize()
    for line in (HEADING, SUB_HEADING):
        hashes = format_of(editor, line, line.split()[0])
        assert muted(hashes, editor) and not bold(hashes)
        assert not hashes.hasProperty(QTextCharFormat.Property.FontPointSize)


def test_bold_and_italic_words_with_their_stars_muted(editor):
    assert bold(format_of(editor, PARAGRAPH, "roots"))
    assert format_of(editor, PARAGRAPH, "four").fontItalic()
    stars = format_of(editor, PARAGRAPH, "**")
    assert muted(stars, editor) and not bold(stars)
    plain = format_of(editor, PARAGRAPH, "Most plants have")
    assert plain == QTextCharFormat()  # the words themselves in the text's own colour
    assert ranges(block_of(editor, PLAIN)) == []  # a plain paragraph is drawn as it was


def test_list_markers_are_bold_and_muted_and_the_item_is_text(editor):
    for line, marker in ((BULLET, "-"), (NUMBERED, "1.")):
        fmt = format_of(editor, line, marker)
        assert bold(fmt) and muted(fmt, editor)
    assert format_of(editor, BULLET, "grows up") == QTextCharFormat()
    assert bold(format_of(editor, BULLET, "stem"))


def test_a_question_line_is_set_apart(editor):
    marker = format_of(editor, QUESTION, ">")
    assert bold(marker) and muted(marker, editor)
    label = format_of(editor, QUESTION, "Question:")
    assert bold(label)
    words = format_of(editor, QUESTION, "Which part")
    assert words.hasProperty(QTextCharFormat.Property.BackgroundBrush)
    assert not words.hasProperty(QTextCharFormat.Property.ForegroundBrush)


def test_a_picture_line_shows_its_alt_text_and_dims_its_markup(editor):
    for markup in ("![", "](images/plant-parts.svg)"):
        fmt = format_of(editor, PICTURE, markup)
        assert fmt.fontItalic() and muted(fmt, editor)
        assert fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush)
    alt = format_of(editor, PICTURE, "A flowering plant with its parts labelled")
    assert not alt.fontItalic()
    assert not alt.hasProperty(QTextCharFormat.Property.ForegroundBrush)
    assert alt.hasProperty(QTextCharFormat.Property.BackgroundBrush)


def test_table_bars_are_muted(editor):
    assert muted(format_of(editor, TABLE, "|"), editor)
    assert bold(format_of(editor, TABLE, "does"))
    assert format_of(editor, TABLE, " Part ") == QTextCharFormat()


# ----- contrast in every palette ---------------------------------------------------------

def palette(text: str, background: str) -> QPalette:
    made = QPalette(QApplication.palette())
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        made.setColor(role, QColor(text))
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        made.setColor(role, QColor(background))
    return made


PALETTES = {
    "light": ("#000000", "#ffffff"),
    "dark": ("#f5f5f5", "#121212"),
    "yellow on black": ("#ffff00", "#000000"),
    "white on black": ("#ffffff", "#000000"),
    "grey on cream": ("#333333", "#fbf5e6"),
    **{f"preset {p.name}": (p.colours.text, p.colours.background) for p in load_presets()},
}


def drawn_pairs(editor: LessonEditor):
    """(letters, behind them) for every character the highlighter styles."""
    colours = editor.text_edit.palette()
    text = colours.color(QPalette.ColorRole.Text).name()
    base = colours.color(QPalette.ColorRole.Base).name()
    block = editor.text_edit.document().begin()
    while block.isValid():
        for first, length, fmt in ranges(block):
            ink = fmt.foreground().color().name() \
                if fmt.hasProperty(QTextCharFormat.Property.ForegroundBrush) else text
            behind = fmt.background().color().name() \
                if fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush) else base
            yield block.text()[first:first + length], ink, behind
        block = block.next()


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_colour_keeps_4_5_to_1_in_every_palette(editor, name):
    text, background = PALETTES[name]
    editor.text_edit.setPalette(palette(text, background))
    editor.markup_key.setPalette(palette(text, background))
    QApplication.processEvents()
    assert not editor.is_modified()  # drawn again in the new colours, not changed
    pairs = list(drawn_pairs(editor))
    inks = {ink for _, ink, _ in pairs}
    assert inks - {text}, "the markup is drawn in a shade of its own"
    for part, ink, behind in pairs:
        assert contrast_ratio(ink, behind) >= 4.5, (part, ink, behind)
    # The muted shade follows the palette: light on a dark one, dark on a light one.
    shade = next(ink for part, ink, _ in pairs if part.startswith("##"))
    assert (contrast_ratio(shade, "#000000") > contrast_ratio(shade, "#ffffff")) == \
        (contrast_ratio(text, "#000000") > contrast_ratio(text, "#ffffff"))
    key = editor.markup_key.text()
    shade = key.split('color:')[1][:7]
    assert contrast_ratio(shade, background) >= 4.5


# ----- the text is the text --------------------------------------------------------------

def test_typing_edits_the_text_exactly_and_the_typed_heading_shows_as_one(editor, qtbot):
    box = editor.text_edit
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    typed = "## New bit\n\nThe **sun** is hot. ![A sun](images/sun.svg)\n- a *list*\n> Task: go"
    for number, line in enumerate(typed.split("\n")):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)
    assert editor.text() == DETAILS + BODY + typed
    assert bold(format_of(editor, "## New bit", "New bit"))
    assert bold(format_of(editor, "The **sun** is hot. ![A sun](images/sun.svg)", "sun"))
    steps = editor.history.stack.count()
    # A new palette or font redraws the text, and changes nothing in it.
    box.setPalette(palette("#f5f5f5", "#121212"))
    font = box.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    box.setFont(font)
    QApplication.processEvents()
    assert editor.text() == DETAILS + BODY + typed
    assert editor.history.stack.count() == steps
    assert format_of(editor, "## New bit", "New bit").fontPointSize() >= 1.25 * body_size(editor)
    path = editor.save_as_new("Plants typed")
    assert path is not None
    saved = path.read_text(encoding="utf-8")
    assert saved.endswith(BODY + typed)


# ----- pictures are removed only whole ---------------------------------------------------

def put_cursor(editor: LessonEditor, position: int, anchor: int | None = None) -> None:
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


def picture_start(editor: LessonEditor) -> int:
    return editor.text_edit.toPlainText().index(PICTURE)


@pytest.mark.parametrize("key,at,modifier", [
    (Qt.Key.Key_Backspace, len(PICTURE), Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Delete, 0, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Backspace, len(PICTURE), Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Delete, PICTURE.index("]"), Qt.KeyboardModifier.NoModifier),
])
def test_a_key_on_the_markup_selects_the_picture_then_removes_it_whole(editor, qtbot, key,
                                                                      at, modifier):
    box = editor.text_edit
    box.setFocus()
    start = picture_start(editor)
    put_cursor(editor, start + at)
    before = editor.text()
    qtbot.keyClick(box, key, modifier)
    assert editor.text() == before  # nothing removed yet
    assert box.textCursor().selectedText() == PICTURE
    qtbot.keyClick(box, key, modifier)
    assert PICTURE not in editor.text()
    assert editor.text() == before.replace(PICTURE, "", 1)  # the whole picture, nothing more
    editor.undo()
    assert editor.text() == before


def test_backspace_in_the_alt_text_edits_it_and_then_stops_at_the_bracket(editor, qtbot):
    box = editor.text_edit
    box.setFocus()
    start = picture_start(editor)
    put_cursor(editor, start + PICTURE.index("]"))
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    shorter = "![A flowering plant with its parts labelle](images/plant-parts.svg)"
    assert shorter in editor.text()
    qtbot.keyClick(box, Qt.Key.Key_Delete)  # the "]" after the alt text
    assert shorter in editor.text()
    assert box.textCursor().selectedText() == shorter


def test_a_selection_over_part_of_the_markup_grows_to_the_whole_picture(editor, qtbot):
    box = editor.text_edit
    box.setFocus()
    start = picture_start(editor)
    inside = PICTURE.index("labelled")
    put_cursor(editor, start + PICTURE.index("images"), start + inside)
    before = editor.text()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert editor.text() == before
    assert box.textCursor().selectedText() == PICTURE


# ----- the key -------------------------------------------------------------------------

def test_the_key_names_the_symbols_and_shows_only_with_the_lesson_text(editor):
    key = editor.markup_key
    editor.show()
    assert key.plain_text() == "## heading · **bold** · - list · > question · ![picture]"
    assert key.accessibleName()
    # At 200% the key wraps: never between a symbol and its word, only after a "·".
    for word in ("heading", "list", "question"):
        assert f"</span>&nbsp;{word}" in key.text() or f"</span>&nbsp;<b>{word}" in key.text()
    assert "&nbsp;· " in key.text()
    assert "heading" in key.accessibleDescription() and "picture" in key.toolTip()
    assert key.isVisible()
    editor.pages.setCurrentWidget(editor.details)
    assert not key.isVisible()
    editor.pages.setCurrentWidget(editor.text_edit)
    assert key.isVisible()


def test_a_line_with_emoji_is_drawn_where_its_words_are(qtbot):
    # Qt counts an emoji as two positions: the bold must still fall on "roots", not "*r".
    line = "🌱 Most 🌍 plants have **roots**."
    widget = LessonEditor()
    qtbot.addWidget(widget)
    widget.set_text(DETAILS + line + "\n")
    QApplication.processEvents()
    block = block_of(widget, line)

    def drawn(part: str) -> list[QTextCharFormat]:
        start = len(line[:line.index(part)].encode("utf-16-le")) // 2
        formats = []
        for offset in range(start, start + len(part)):
            here = [fmt for first, length, fmt in ranges(block) if first <= offset < first + length]
            formats.append(here[-1] if here else QTextCharFormat())
        return formats

    assert all(bold(fmt) for fmt in drawn("roots"))
    assert all(muted(fmt, widget) and not bold(fmt) for fmt in drawn("**"))
    assert not any(bold(fmt) for fmt in drawn("have "))


def test_a_picture_after_an_emoji_is_still_selected_whole(qtbot):
    # The picture's place was found in Python's count, the selection made in Qt's.
    line = "🌻 " + PICTURE
    widget = LessonEditor()
    qtbot.addWidget(widget)
    widget.set_text(DETAILS + line + "\n")
    widget.show()
    box = widget.text_edit
    box.setFocus()
    start = len(widget.text_edit.toPlainText().encode("utf-16-le")) // 2 - 1  # the line's end
    put_cursor(widget, start)
    before = widget.text()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert widget.text() == before
    assert box.textCursor().selectedText() == PICTURE


def test_bold_over_an_emoji_selects_all_it_made_bold(editor):
    box = editor.text_edit
    editor.set_text(DETAILS + "Sunflowers 🌻 grow tall.\n")
    put_cursor(editor, 0, len("Sunflowers 🌻".encode("utf-16-le")) // 2)
    editor.make_bold()
    assert box.textCursor().selectedText() == "**Sunflowers 🌻**"
