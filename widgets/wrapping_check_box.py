"""A check box whose words wrap onto more lines when it is narrow.

QCheckBox never wraps: a long label ("Central field loss (as in macular
degeneration)") sets how narrow its whole panel can be, and at a large
interface size that is wider than a dock beside the lesson should be. A
:class:`WrappingCheckBox` is still a QCheckBox in every other way: its
``text()`` and the name a screen reader hears are the whole sentence, Space
toggles it, and a click anywhere on the box or its words toggles it. Only
the drawing breaks the words into lines at the width it is given, and its
height follows (it has a height for each width, as a word-wrapped label has).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)


class WrappingCheckBox(QCheckBox):
    """A QCheckBox whose text wraps at word boundaries to the width it is given."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------ measuring

    def _option(self, text: str | None = None) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        if text is not None:
            option.text = text
        return option

    def _overhead(self) -> int:
        """The width the box, the gap and the style's margins take beside the words."""
        option = self._option()
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_CheckBox, option, QSize(0, 0), self).width()

    def wrapped_text(self, width: int | None = None) -> str:
        """The text as drawn at ``width`` (the present width when None): lines joined by "\\n"."""
        room = (self.width() if width is None else width) - self._overhead()
        metrics = self.fontMetrics()
        lines: list[str] = []
        for paragraph in self.text().split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if line and metrics.horizontalAdvance(candidate) > room:
                    lines.append(line)
                    line = word
                else:
                    line = candidate
            lines.append(line)
        return "\n".join(lines)

    def _size_for(self, text: str) -> QSize:
        # As QCheckBox::sizeHint measures its text, for these lines.
        option = self._option(text)
        words = self.style().itemTextRect(self.fontMetrics(), QRect(), Qt.TextFlag.TextShowMnemonic,
                                          False, text).size()
        return self.style().sizeFromContents(QStyle.ContentsType.CT_CheckBox, option, words, self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the longest word allows, one line high."""
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        one_line = super().sizeHint()
        return QSize(min(one_line.width(), self._overhead() + longest), one_line.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._size_for(self.wrapped_text(width)).height()

    # ------------------------------------------------------------ drawing and clicking

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        # The style draws the box, the words (its drawItemText breaks lines at "\n")
        # and the focus mark, exactly as for a QCheckBox.
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, self._option(self.wrapped_text()))

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt's name
        # Every line of the words toggles it, not only the one line QCheckBox measures.
        return self.rect().contains(pos)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.update()
