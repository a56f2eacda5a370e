"""Blanking a presentation (B or ".") leaves the live captions in sight.

The black panel used to be raised over the captions' band too, so a deaf
delegate lost the captions while the trainer went on talking. Both full-screen
views (the projector and trainer mode) are checked on their own pixels, then
shown again: everything comes back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from app.controllers import attach_controllers
from app.practice import open_trainer
from tests.app.main_window_helpers import choose

SCENARIO = "year4-low-vision-water-cycle"


def _share(image, area: QRect, wanted) -> float:
    """The share of pixels in ``area`` (sampled every 4 px) whose colour passes ``wanted``."""
    hits = total = 0
    for y in range(area.top(), area.bottom() + 1, 4):
        for x in range(area.left(), area.right() + 1, 4):
            colour = image.pixelColor(x, y)
            hits += wanted(colour.red(), colour.green(), colour.blue())
            total += 1
    return hits / total


def black(r, g, b):
    return r < 16 and g < 16 and b < 16


def yellow(r, g, b):  # the captions' words (yellow on black)
    return r > 200 and g > 200 and b < 80


def _present(kind: str, window):
    if kind == "projector":
        choose(window, "The water cycle")
        window.choose_profile("Standard")  # black on white: not black before blanking
        return window.start_projector()
    return open_trainer(window, SCENARIO)


@pytest.mark.parametrize("kind", ["projector", "trainer"])
def test_blanking_keeps_the_captions_and_showing_again_restores_everything(
        qtbot, opened, kind):
    window = opened.open()
    assert attach_controllers(window, ("captions",)) == ["captions"]
    captions = window.captions_window
    captions.show()
    captions.add_final("Rain falls from the clouds.")
    shown = _present(kind, window)
    qtbot.waitExposed(shown)
    QApplication.processEvents()
    band = captions.geometry()
    assert captions.parent() is shown and band.bottom() == shown.height() - 1, "at the bottom"
    above = QRect(0, 0, shown.width(), band.top())

    before = shown.grab().toImage()
    assert _share(before, above, black) < 0.5, "the lesson is showing"
    assert _share(before, band, yellow) > 0.005, "the caption words are on the band"

    qtbot.keyClick(shown, Qt.Key.Key_B)
    assert shown.is_blank()
    blanked = shown.grab().toImage()
    assert _share(blanked, above, black) > 0.99, "all but the captions is black"
    assert _share(blanked, band, yellow) > 0.005, "the captions stay in sight"
    assert captions.isVisible() and captions.geometry() == band
    assert " ".join(captions.shown_lines()) == "Rain falls from the clouds."

    captions.add_final("Water runs back to the sea.")  # the trainer is still talking
    QApplication.processEvents()
    assert "Water runs back to the sea." in " ".join(captions.shown_lines())
    assert _share(shown.grab().toImage(), band, yellow) > 0.005

    qtbot.keyClick(shown, Qt.Key.Key_Period)
    assert not shown.is_blank()
    again = shown.grab().toImage()
    assert _share(again, above, black) == pytest.approx(_share(before, above, black), abs=0.02)
    assert _share(again, band, yellow) > 0.005
    assert captions.parent() is shown and captions.geometry() == band

    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert captions.isWindow() and captions.isVisible()


def test_captions_turned_on_while_blank_are_in_sight(qtbot, opened):
    window = opened.open()
    attach_controllers(window, ("captions",))
    captions = window.captions_window
    trainer = open_trainer(window, SCENARIO)
    qtbot.waitExposed(trainer)
    qtbot.keyClick(trainer, Qt.Key.Key_B)
    captions.show()  # as Ctrl+Shift+C does (tests/app/test_trainer_captions.py)
    captions.add_final("Rain falls from the clouds.")
    QApplication.processEvents()
    assert trainer.is_blank() and captions.parent() is trainer
    assert _share(trainer.grab().toImage(), captions.geometry(), yellow) > 0.005
    qtbot.keyClick(trainer, Qt.Key.Key_Escape)
