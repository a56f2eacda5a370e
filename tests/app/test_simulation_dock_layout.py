""""See it as a pupil might" in the main window: rows never overlap and the dock
scrolls instead of stretching the window past the screen (at 100% and 200%)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from widgets.simulation.panel import GROUPS

# The smallest screen a teacher is likely to project from, at 200%: 1600 × 1000.
SCREEN_HEIGHT = 1000


def _rows_do_not_overlap(panel) -> None:
    """Every switch and combo keeps its own height, one below the other."""
    for _title, names in GROUPS:
        widgets = [panel.switch(name) for name in names]
        if "central" in names:
            widgets += [panel.focus_combo, panel.side_combo]
        previous_bottom = None
        for widget in widgets:
            top = widget.mapTo(panel, widget.rect().topLeft()).y()
            assert widget.height() >= widget.sizeHint().height(), (
                f"{widget.accessibleName()!r} is squashed to {widget.height()} px")
            if previous_bottom is not None:
                assert top >= previous_bottom, f"{widget.accessibleName()!r} overlaps the row above"
            previous_bottom = top + widget.height()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_opening_the_simulations_keeps_the_window_size_and_every_row(qtbot, opened, scale):
    window = opened.open()
    window.set_ui_scale(scale)
    window.resize(1400 if scale == 1.0 else 1600, 900)
    QApplication.processEvents()
    height = window.height()
    window.show_simulations(True)
    qtbot.waitUntil(lambda: window.simulation_panel.isVisible())
    QApplication.processEvents()
    assert window.height() == height, "opening the dock made the window taller"
    assert window.minimumSizeHint().height() <= SCREEN_HEIGHT
    assert isinstance(window.simulation_dock.widget(), QScrollArea)
    _rows_do_not_overlap(window.simulation_panel)
    area = window.simulation_dock.widget()
    # Only ever up and down: nothing is cut off at the right edge.
    assert window.simulation_panel.width() <= area.viewport().width()
    assert area.horizontalScrollBar().maximum() == 0
    # The dock is shorter than the panel: the rest is reached by scrolling.
    if window.simulation_panel.height() > area.viewport().height():
        assert area.verticalScrollBar().maximum() > 0
