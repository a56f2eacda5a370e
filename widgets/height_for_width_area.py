"""A window's contents as tall as their wrapped lines need, scrolling only where the screen ends.

Qt gives a window the least height of its contents, and that leaves out
heightForWidth: a label whose words wrap onto three lines at its width counts
as the one or two lines it would take at some wider width. At a large
interface size the dialog was not made tall enough, and Qt drew the lines of
neighbouring labels over each other (Speech models at 250%: the model's
description over its "Status:" line). Inside a :class:`HeightForWidthArea`
the contents ask for the height their words need at the width they have, so
the window grows to show every line; where the screen has not that much room
(a laptop at 250%) the area asks only for what there is, and the contents
scroll up and down. Likewise sideways, for contents wider than the screen.
The area takes no keyboard focus: Tab goes to the controls inside it.

Contents with a part that takes whatever room there is (a text box, a tab
widget of them) go in a :class:`LeastHeightContents`: the area then asks for
that part's least height, not its preferred one, and gives it the rest of
what the window has.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from widgets.fitting_area import FittingArea
from widgets.screen_fit import HEIGHT_SHARE, WIDTH_SHARE, _outer_size, available_area

_LEAST_TALL = 120  # never shorter than this to fit the screen


class HeightForWidthArea(FittingArea):
    """Holds ``widget`` (with a layout) at the height its layout needs for its width."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(widget, "area", "contents", parent)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped lines need another height at another width

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget()
        if inner is None or inner.layout() is None:
            return super().minimumSizeHint()
        least = inner.minimumSizeHint()
        width = least.width()
        wide, tall = self._room()
        if width > wide:
            width = wide  # sideways scrolling from here
        # The height the contents ask for at the width they will have: QScrollArea makes
        # them that tall, not their least height for it, and scrolls for the difference.
        # Their width is this area's less a scroll bar's: once the bar has come (the area
        # was shorter a moment ago), the lines wrapped narrower needed more than the
        # height for the whole width, so the bar stayed; with room for that, it goes.
        bar = self.verticalScrollBar().sizeHint().width()
        across = max(least.width(), (self.width() if self.isVisible() else width) - bar)
        height = max(least.height(), inner.heightForWidth(across))
        if least.width() > wide:
            height += self.horizontalScrollBar().sizeHint().height()
        if height > tall:
            height = tall
            width = min(wide, width + bar)
        return QSize(width, height)

    def _room(self) -> tuple[int, int]:
        """The widest and tallest this area can be with its window within the screen."""
        window = self.window()
        area = available_area(window)
        frame = _outer_size(window) - window.size()
        if window is not self and self.isVisible():
            # The rows round this area and the window's margins. Mid-layout this
            # area can briefly be taller than its window allows: the most seen counts.
            self._around = max(self._around, window.height() - self.height())
            return (max(1, area.width() - frame.width() - (window.width() - self.width())),
                    max(_LEAST_TALL, area.height() - frame.height() - self._around))
        # Not shown yet: what a new window may take (widgets/screen_fit.py), less a
        # guess at the rows round it.
        return (int(area.width() * WIDTH_SHARE), int(area.height() * HEIGHT_SHARE))


class LeastHeightContents(QWidget):
    """Contents whose height for a width is their least: wrapped lines at their full
    height, everything else (a text box that stretches) at its minimum height.

    A plain widget asks for its layout's preferred height for the width, and
    QScrollArea makes it at least that tall: the practice window's lesson editor,
    which fills what room it is given, was made its preferred 1060 px at 250%, and
    the whole page scrolled. A child that has a height for width only through
    preferred heights of its own (QTabWidget asks its pages') should report none.
    """

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return super().heightForWidth(width)
        return layout.totalMinimumHeightForWidth(width)
