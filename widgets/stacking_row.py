"""A row of widgets that stacks them one above another when it is too narrow for the row.

At a large interface size two big buttons side by side ("Start dictation",
"Hold to talk") can be wider than a dock beside the lesson should be. A
:class:`StackingRow` lays its widgets side by side when it is given the
width they need in a row, and one above another otherwise. Its minimum
width is that of the widest widget alone, so it never makes its panel wider
than that; its size hint is the row's, so a panel with room keeps the row.
Keyboard order and names do not change: only the places of the widgets do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtWidgets import QBoxLayout, QLayout, QScrollArea, QWidget

#: A window property: False keeps every row side by side (the main window sets it
#: below 150%, where its panels look as they always have and a small window keeps
#: its small minimum height); unset or True lets rows stack when they must.
ROWS_MAY_STACK = "lesson-lab-rows-may-stack"

_ACROSS = QBoxLayout.Direction.LeftToRight
_DOWN = QBoxLayout.Direction.TopToBottom


def _scroll_area(owner: QWidget) -> QScrollArea | None:
    """The scroll area ``owner`` is shown in, if any."""
    widget = owner
    while widget is not None and not widget.isWindow():
        viewport = widget.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QScrollArea) and area.viewport() is viewport:
            return area
        widget = viewport
    return None


class StackingRow(QBoxLayout):
    """Widgets (or rows of them) in a row when there is room, else stacked, first on top.

    ``natural``: the row needs each widget's size hint (True) or only its
    minimum size (False: the row stays while every widget can still have
    its minimum, as a QHBoxLayout would keep it).

    ``keep_within``: while the row is no wider than this share of its window,
    its minimum is the whole row, so its panel is made wide enough for it, as
    a plain row would make it (at 100% a panel looks as it always has); a
    wider row (a large interface size) lets the panel be as narrow as its
    widest widget. None: never hold the panel open for the row.

    Nor is the row held open in a scroll area whose vertical scroll bar has
    left too little beside it: the bar took width the dock was not given for
    it (GivesWay counts the bar only for a panel taller than the screen, not
    for one that grows taller as it wraps), and the held row scrolled
    sideways ("Hold to tal"). It stacks instead, within what the area shows.
    """

    def __init__(self, parent: QWidget | None = None, natural: bool = True,
                 keep_within: float | None = 1 / 3) -> None:
        super().__init__(_ACROSS, parent)
        self._natural = natural
        self._keep_within = keep_within
        self._kept: bool | None = None  # whether the row was the minimum, last time
        self._viewport: QWidget | None = None  # of the scroll area it is shown in

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # A scroll bar coming or going, or the dock made narrower, resizes the viewport.
        if (watched is self._viewport and event.type() == QEvent.Type.Resize
                and self._kept is not None and self._keeps_row() != self._kept):
            self._new_minimum()  # the row is held, or let go
        return False

    def _new_minimum(self) -> None:
        # The layouts round the row keep the minimum it gave them until they are
        # invalidated too; the scroll area asks the panel again on its LayoutRequest.
        layout = self
        while isinstance(layout, QLayout):
            layout.invalidate()
            layout = layout.parent()

    def _keeps_row(self) -> bool:
        owner = self.parentWidget()
        if owner is not None and owner.window().property(ROWS_MAY_STACK) is False:
            return True  # the window keeps its rows at this interface size
        if self._keep_within is None:
            return False
        if owner is None:
            return True
        area = _scroll_area(owner)
        if area is not None:
            if area.viewport() is not self._viewport:  # hear when it is resized
                area.viewport().installEventFilter(self)
                self._viewport = area.viewport()
            if (area.verticalScrollBar().isVisible()
                    and area.viewport().width() < self._held_width()):
                return False
        return self.row_width() <= self._keep_within * owner.window().width()

    def _items(self):
        # The widgets and rows it holds, not its stretches or hidden widgets.
        return [item for item in (self.itemAt(i) for i in range(self.count()))
                if item.spacerItem() is None and not item.isEmpty()]

    def _margins(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    def row_width(self) -> int:
        """The width the widgets need side by side."""
        items = self._items()
        spacing = max(0, self.spacing())
        widths = [(item.sizeHint() if self._natural else item.minimumSize()).width()
                  for item in items]
        return sum(widths) + spacing * max(0, len(widths) - 1) + self._margins()

    def _held_width(self) -> int:
        """The row with the margins of the layouts round it: what it holds open."""
        width, layout = self.row_width(), self.parent()
        while isinstance(layout, QLayout):
            margins = layout.contentsMargins()
            width += margins.left() + margins.right()
            layout = layout.parent()
        return width

    def is_stacked(self) -> bool:
        """True while the widgets are one above another."""
        return self.direction() == _DOWN

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        self._kept = self._keeps_row()
        if self._kept:
            width = self.row_width()
        else:
            width = max((item.minimumSize().width() for item in self._items()),
                        default=0) + self._margins()
        return QSize(width, super().minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.row_width()), hint.height())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        if self._kept is not None and self._keeps_row() != self._kept:
            self._new_minimum()  # the window changed width: the minimum is asked for again
        wanted = _ACROSS if rect.width() >= self.row_width() else _DOWN
        if wanted != self.direction():
            # Qt lays the panel out again with the new height (setDirection asks it to).
            self.setDirection(wanted)
        super().setGeometry(rect)
