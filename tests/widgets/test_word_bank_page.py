"""The word bank's words drawn as tiles of the pupil's page (widgets/word_bank.py),
through the app's own style, with a focus ring that stands out from them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from app.focus_ring import control_backgrounds, ring_colour
from app.ui_scale import install_scaled_style
from lessons.contrast import contrast_ratio
from lessons.presets import get_preset
from widgets.dictation_panel import DictationPanel

WORDS = [("evaporation", "water turning into vapour"), ("cycle", "goes round and round")]


def _colours(image) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)}


def _near(colour: str, shown: set[str]) -> bool:
    """Whether ``colour``, or a shade within Fusion's gentle gradient of it, is shown."""
    wanted = QColor(colour)
    return any(max(abs(QColor(c).red() - wanted.red()), abs(QColor(c).green() - wanted.green()),
                   abs(QColor(c).blue() - wanted.blue())) <= 12 for c in shown)


@pytest.mark.parametrize("preset", ["High contrast yellow on black", "Dyslexia"])
def test_the_words_are_in_the_pupils_page_colours_with_a_ring_that_shows(qtbot, preset):
    install_scaled_style(QApplication.instance())
    profile = get_preset(preset)
    panel = DictationPanel()
    qtbot.addWidget(panel)
    panel.set_word_bank(WORDS)
    panel.set_page(profile)
    panel.resize(600, 700)
    panel.show()
    qtbot.waitExposed(panel)
    word = panel.word_bank.button_for("cycle")
    shown = _colours(word.grab().toImage())
    page, text = QColor(profile.colours.background).name(), QColor(profile.colours.text).name()
    # Drawn as a tile of the page, in its text colour.
    assert _near(page, shown) and _near(text, shown)
    ring = ring_colour(word.palette().highlight().color(), control_backgrounds(word.palette()))
    assert contrast_ratio(ring.name(), page) >= 3  # WCAG 2.4.13: focused against unfocused
