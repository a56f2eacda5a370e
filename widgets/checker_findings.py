"""The checker's findings as keyboard stops: a card per finding, and its place button.

Every finding is a Tab stop of its own, whether or not it has a button: the
card takes focus, and a screen reader hears the finding in its accessible
name (where it is and what was found) and the rest in its description (the
group it sits in, why it matters, the one-click fix if there is one). The
card's buttons follow it in the Tab order, and Up and Down move from card to
card, so a keyboard user can skim the findings without stepping through
every button. The card asks the style for its focus mark, so it looks like
every other focused control.

A place in the lesson ("The features of a recount, point 3 of the list") is
a flat button whose words wrap onto more lines when the panel is narrow or
the interface is large, instead of being cut off with "…".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

_WRAP = Qt.TextFlag.TextWordWrap


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckerPanel", text)


def card_description(group: str, index: int, count: int, why: str, fix_label: str | None) -> str:
    """What a reader hears after a finding's name: its group, why it matters, its fix."""
    parts = [_tr("{group}, finding {index} of {count}.").format(
        group=group, index=index, count=count)]
    if why:
        parts.append(_tr("Why it matters: {why}").format(why=why))
    if fix_label:
        parts.append(_tr("One-click fix: {label}.").format(label=fix_label))
    return " ".join(parts)


class FindingCard(QFrame):
    """One finding in a frame that takes focus and carries the finding for a screen reader."""

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finding")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setToolTip(_tr("Up and Down move between findings; Tab goes to its buttons"))

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.hasFocus():
            return
        # The style draws the focus mark, so a card looks like any focused control.
        option = QStyleOptionFocusRect()
        option.initFrom(self)
        option.rect = self.rect()
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter,
                                   self)


class PlaceButton(QPushButton):
    """A place in the lesson as a flat link whose words wrap rather than being cut off.

    A push button draws its text on one line, so a long place ("Investigation:
    make a water cycle in a bowl, task 3") either made the list wider than its
    dock or had to end in "…". This one is as wide as its words when there is
    room, and otherwise as wide as the panel gives it and as tall as its
    wrapped words need.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full = text
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def full_text(self) -> str:
        """The whole place (the button always shows all of it)."""
        return self._full

    def _padding(self) -> QSize:
        # What the style adds around a one-line text, so wrapped text gets the same.
        option = QStyleOptionButton()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.horizontalAdvance(self._full), metrics.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, self)
        return size - text

    def _text_height(self, width: int) -> int:
        box = self.fontMetrics().boundingRect(QRect(0, 0, max(1, width), 100000), _WRAP,
                                              self._full)
        return box.height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        pad = self._padding()
        # A pixel or two to spare: wrapping measures the words a little wider
        # than their advance, and a button exactly as wide would wrap its last word.
        width = self.fontMetrics().horizontalAdvance(self._full) + pad.width() + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        pad = self._padding()
        narrow = min(self.fontMetrics().horizontalAdvance(self._full),
                     self.fontMetrics().horizontalAdvance("M" * 8))
        return QSize(narrow + pad.width(), self.fontMetrics().height() + pad.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        pad = self._padding()
        return self._text_height(width - pad.width()) + pad.height()

    def text_rect(self) -> QRect:
        """Where the words are drawn, inside the button's padding."""
        pad = self._padding()
        left, top = pad.width() // 2, pad.height() // 2
        return self.rect().adjusted(left, top, -(pad.width() - left), -(pad.height() - top))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        # The style draws the button (and its focus mark) without words; the
        # words follow, wrapped.
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(self.text_rect(),
                         int(_WRAP | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self._full)
