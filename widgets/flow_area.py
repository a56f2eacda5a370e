"""Widgets laid out like words in a paragraph: along a line, then on to the next.

For a set of buttons whose number and width are not known in advance (the
lesson's key words in the word bank): as many as fit on a line, the rest on
the lines below, and the area as tall as those lines need at its width.

A widget that places its children itself rather than a QLayout written in
Python, so no layout item passes between Qt and Python.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtWidgets import QSizePolicy, QWidget


class FlowArea(QWidget):
    """Holds ``widgets`` left to right, wrapping onto new lines; height for width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._widgets: list[QWidget] = []
        self._gap = spacing
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_widgets(self, widgets: Sequence[QWidget]) -> None:
        """Show ``widgets`` (made with this area as their parent), in order."""
        self._widgets = list(widgets)
        for widget in self._widgets:
            widget.installEventFilter(self)
            widget.show()
        self._relayout()

    def widgets(self) -> list[QWidget]:
        """The widgets held, in order."""
        return list(self._widgets)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(width, move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = max(self.width(), self.minimumSizeHint().width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # As narrow as the widest widget: each then has a line to itself.
        widest = max((w.sizeHint().width() for w in self._widgets), default=0)
        return QSize(widest, self.heightForWidth(max(widest, 1)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place(self.width(), move=True)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # A widget's size changed (a new font, new words): lay the lines out again.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange):
            self._relayout()
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._relayout()

    def _relayout(self) -> None:
        self.updateGeometry()  # the height for this width may have changed
        self._place(self.width(), move=True)

    def _place(self, width: int, move: bool) -> int:
        """Lay the widgets out ``width`` wide (or only measure); the height they take."""
        x = y = line_height = 0
        for widget in self._widgets:
            if widget.isHidden():
                continue
            hint = widget.sizeHint()
            size = QSize(min(hint.width(), max(width, 1)), hint.height())
            if x > 0 and x + size.width() > width:
                x, y, line_height = 0, y + line_height + self._gap, 0
            if move:
                widget.setGeometry(QRect(x, y, size.width(), size.height()))
            x += size.width() + self._gap
            line_height = max(line_height, size.height())
        return y + line_height
