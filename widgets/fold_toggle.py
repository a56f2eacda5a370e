"""A heading that shows or folds away the part under it (the spoken commands, the word bank)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QToolButton, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("FoldToggle", text)


class FoldToggle(QToolButton):
    """An arrow and words ("Word bank (12)"); pressing it shows or hides ``content``.

    Whether the part is shown is said by the arrow and, for screen readers,
    the description, never by colour.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self.setCheckable(True)
        self.setChecked(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.toggled.connect(self._show)
        self._show(True)

    def _show(self, expanded: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.setAccessibleDescription(
            _tr("Shown. Press to hide the list.") if expanded
            else _tr("Hidden. Press to show the list."))
        self._content.setVisible(expanded)
