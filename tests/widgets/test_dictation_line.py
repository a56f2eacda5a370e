"""The lesson editor's dictation line: words still being heard are readable, distinct,
never italic (the app's own advice for dyslexic readers)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from lessons.contrast import contrast_ratio
from widgets.dictation_line import PARTIAL_MARKER, DictationLine

LIGHT = ("#000000", "#f0f0f0")
DARK = ("#e8e8e8", "#1e1e1e")  # a dark desktop theme's window text and window


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_words_being_heard_are_a_softer_readable_shade_with_a_marker(qtbot, colours):
    text, window = colours
    line = DictationLine()
    qtbot.addWidget(line)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    line.setPalette(palette)
    line.show_partial("clouds form ")
    assert line.partial_text() == "clouds form"
    assert line.partial.text() == "clouds form" + PARTIAL_MARKER  # not colour alone
    assert not line.partial.font().italic()
    line.partial.ensurePolished()
    shown = line.partial.palette().windowText().color().name()
    assert shown != text, "a shade of its own, softer than the text"
    assert contrast_ratio(shown, window) >= 4.5, shown
    line.show_partial("")
    assert line.partial.text() == "" and line.partial_text() == ""


def test_the_words_being_heard_and_a_problem_grow_with_the_interface(qtbot):
    # Both labels have a style sheet (for their colour), and Qt does not hand a
    # new application font (View › Interface size) to a widget with one.
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    line = DictationLine()
    qtbot.addWidget(line)
    line.show()
    line.show_partial("clouds form")
    line.show_message("The microphone stopped working.", "error")
    app = QApplication.instance()
    old = QFont(app.font())
    bigger = QFont(old)
    bigger.setPointSizeF(old.pointSizeF() * 2)
    try:
        app.setFont(bigger)
        qtbot.waitUntil(lambda: line.font().pointSizeF() == bigger.pointSizeF())
        assert line.partial.font().pointSizeF() == bigger.pointSizeF()
        assert line.message.font().pointSizeF() == bigger.pointSizeF()
    finally:
        app.setFont(old)
