"""A dock's title bar that grows with the interface size.

Qt draws a dock's own title in a font it picks once, when the dock is made,
so it stays small after the interface is scaled for a projector. This bar is
ordinary widgets (a bold label, a float button and a close button) that
follow the application font like everything else. Dragging the bar still
moves the dock: the bar leaves mouse presses to the dock.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DockTitle", text)


class DockTitle(QWidget):
    """Title, "float or dock" and "close" for one QDockWidget."""

    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock)
        self._dock = dock
        self.label = QLabel(dock.windowTitle())
        self.float_button = self._button(QStyle.StandardPixmap.SP_TitleBarNormalButton,
                                         _tr("Float or dock {title}"), self._toggle_floating)
        self.close_button = self._button(QStyle.StandardPixmap.SP_TitleBarCloseButton,
                                         _tr("Close {title}"), dock.close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        dock.windowTitleChanged.connect(self._retitle)
        self._retitle(dock.windowTitle())

    def _button(self, icon, name: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setAutoRaise(True)
        button.setProperty("name_pattern", name)
        button.clicked.connect(slot)
        return button

    def _retitle(self, title: str) -> None:
        self.label.setText(title)
        for button in (self.float_button, self.close_button):
            text = button.property("name_pattern").format(title=title)
            button.setAccessibleName(text)
            button.setToolTip(text)

    def _toggle_floating(self) -> None:
        self._dock.setFloating(not self._dock.isFloating())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Bold at whatever size the interface is: a FontChange re-derives it.
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._embolden()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._embolden()
        super().showEvent(event)

    def _embolden(self) -> None:
        font = self.font()
        font.setBold(True)
        if self.label.font() != font:
            self.label.setFont(font)
