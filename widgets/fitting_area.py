"""The scroll area the window-fitting areas share (:class:`widgets.screen_fit.GivesWay`
round a dock's panel, :class:`widgets.height_for_width_area.HeightForWidthArea`
round a window's contents).

It holds one widget, frameless, and takes no keyboard focus (Tab goes to the
controls inside). A new least size inside (new words, a new interface size)
is a new least size here. Each subclass says in ``minimumSizeHint`` how much
of its window's room the contents may ask for; ``_around``, the height of the
rows round the area in its window, is what they both need to know for that,
and is worked out afresh at a new interface size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FittingArea(QScrollArea):
    """A frameless, focusless scroll area round ``widget``, named ``<its name>-<kind>``."""

    def __init__(self, widget: QWidget, kind: str, unnamed: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{widget.objectName() or unnamed}-{kind}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(widget)
        widget.installEventFilter(self)
        self._around = 0  # the window's height round this area, the most seen

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new interface size: new rows round it
            self._around = 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget()
        hint = inner.sizeHint() if inner is not None else QSize()
        return hint.expandedTo(self.minimumSizeHint())
