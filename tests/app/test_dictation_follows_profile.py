"""The pupil's own dictated text is shown in the pupil's profile, as the lesson is.

The pupils' review: with Dyslexia (cream page, Comic Neue, wide spacing) or
yellow on black, the lesson changed but the pupil's writing stayed black on
bright white in the default font. Real main window, real presets.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette

from lessons.presets import load_presets


def _look(panel):
    palette = panel.editor.palette()
    font = panel.editor.font()
    return (palette.color(QPalette.ColorRole.Base).name(),
            palette.color(QPalette.ColorRole.Text).name(),
            font.letterSpacing(), font.wordSpacing())


def test_the_dictation_text_takes_each_presets_page_and_spacing(opened):
    window = opened.open()
    panel = window.dictation_panel
    size = panel.editor.font().pointSizeF()
    for preset in load_presets():
        assert window.choose_profile(preset.name), preset.name
        base, text, letters, words = _look(panel)
        assert (base, text) == (QColor(preset.colours.background).name(),
                                QColor(preset.colours.text).name()), preset.name
        assert (letters > 0) == (preset.letter_spacing_em > 0), preset.name
        assert (words > 0) == (preset.word_spacing_em > 0), preset.name
        assert panel.editor.font().pointSizeF() == size  # the panel's own large size
        assert panel.editor.font().weight() >= QFont.Weight(min(preset.font_weight, 700)) - 100


def test_a_new_profile_restyles_the_writing_and_keeps_every_word(opened):
    window = opened.open()
    panel = window.dictation_panel
    panel.set_text("My writing stays as it was.")
    window.choose_profile("High contrast yellow on black")
    assert _look(panel)[:2] == ("#000000", "#ffff00")
    window.choose_profile("Standard")
    assert QColor(_look(panel)[0]).lightness() > 200
    assert panel.text() == "My writing stays as it was."
    assert not panel.editor.document().isUndoAvailable()  # restyling is not an edit
