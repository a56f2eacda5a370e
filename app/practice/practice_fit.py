"""The practice window's parts that keep it within a laptop's screen at any interface size.

At 250% on a 1366 x 768 screen the steps' names went behind scroll arrows,
and the simulation settings were cut off at the right of their column and
scrolled sideways; these keep every word in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTabWidget

from app.ui_scale import UpAndDown

#: The simulation settings' column is never narrower than this (its width at 100%).
SETTINGS_LEAST_WIDTH = 400


class PracticeSteps(QTabWidget):
    """The practice steps as tabs, every tab's words in sight, and the step shown as tall
    as the page leaves it (at least its least height; the page scrolls below that)."""

    def __init__(self) -> None:
        super().__init__()
        # Behind scroll arrows at 250% the steps' names were cut off mid-word.
        self.setUsesScrollButtons(False)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        # Its height for a width is its pages' preferred heights: the page round it
        # (widgets/height_for_width_area.LeastHeightContents) would ask for all of it.
        return False


class SimulationSettingsArea(UpAndDown):
    """The simulation settings, scrolling up and down, never narrower than they are (at
    250% they needed 567 px and had 490, cut at the right) nor than 400 px."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(max(SETTINGS_LEAST_WIDTH, hint.width() + 2 * self.frameWidth()),
                     hint.height())
