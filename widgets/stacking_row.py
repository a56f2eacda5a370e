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

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QBoxLayout, QWidget

_ACROSS = QBoxLayout.Direction.LeftToRight
_DOWN = QBoxLayout.Direction.TopToBottom


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
    """

    def __init__(self, parent: QWidget | None = None, natural: bool = True,
                 keep_within: float | None = 1 / 3) -> None:
        super().__init__(_ACROSS, parent)
        self._natural = natural
        self._keep_within = keep_within
        self._kept: bool | None = None  # whether the row was the minimum, last time

    def _keeps_row(self) -> bool:
        if self._keep_within is None:
            return False
        owner = self.parentWidget()
        if owner is None:
            return True
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
            self.invalidate()  # the window changed width: the minimum is asked for again
        wanted = _ACROSS if rect.width() >= self.row_width() else _DOWN
        if wanted != self.direction():
            # Qt lays the panel out again with the new height (setDirection asks it to).
            self.setDirection(wanted)
        super().setGeometry(rect)
