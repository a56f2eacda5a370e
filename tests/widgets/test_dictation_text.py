"""The dictation editor's words still being heard: readable, distinct, never italic."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor

from lessons.contrast import contrast_ratio
from widgets.dictation_text import PARTIAL_MARKER, DictationText

LIGHT = ("#000000", "#ffffff")
DARK = ("#e8e8e8", "#1e1e1e")  # a dark desktop theme's text and base


def _palette(text: str, base: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    return palette


def _format_at(editor: DictationText, position: int) -> QTextCharFormat:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat()


@pytest.fixture
def editor(qtbot):
    widget = DictationText()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_partial_is_a_softer_readable_shade_with_a_dotted_underline(editor, colours):
    text, base = colours
    editor.setPalette(_palette(text, base))
    editor.set_text("Hello.")
    editor.show_partial("how are")
    start, end = editor.partial_range()
    heard = _format_at(editor, start + 2)
    assert not heard.fontItalic()
    assert heard.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    shade = heard.foreground().color().name()
    assert shade != text  # softer than the settled words…
    assert contrast_ratio(shade, base) >= 4.5  # …and still easy to read
    assert editor.toPlainText()[start:end].endswith(PARTIAL_MARKER)


def test_the_partial_follows_a_change_of_palette(editor):
    editor.setPalette(_palette(*LIGHT))
    editor.show_partial("water evap")
    editor.setPalette(_palette(*DARK))
    start, _end = editor.partial_range()
    shade = _format_at(editor, start + 1).foreground().color().name()
    assert contrast_ratio(shade, DARK[1]) >= 4.5
    assert editor.partial() == "water evap"
