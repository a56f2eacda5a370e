"""A tool bar that keeps every command in sight: short labels, then a second row.

At a large interface size a text-only QToolBar can be wider than the room it
has, and Qt then hides the last commands behind the extension button (»),
where nobody finds them. :class:`FittingToolBar` never does:

1. each command may have a short label too ("Bullets" for "Bulleted list"),
   shown when the full labels do not fit on one row;
2. when even the short labels do not fit, the buttons wrap onto a further
   row, breaking at a separator where one falls at the edge.

The tooltip stays whole. A button is named by the label it shows, so voice
control's "click Bullets" finds it (WCAG 2.5.3, label in name), and a short
label's button is described by the whole name, so a screen reader hears
both ("Bullets, Bulleted list"). As in a QToolBar,
the buttons take no Tab stop (the commands have shortcut keys), and
``widgetForAction`` gives an action's button.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QActionEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLayout, QLayoutItem, QToolButton, QWidget

_GAP = 2  # between buttons, as a tool bar spaces them


def _plain(text: str) -> str:
    """A label as a button says it: no mnemonic '&', no closing '…'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class _RowsLayout(QLayout):
    """Lays the buttons out in rows, as many as the width needs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(2, 2, 2, 2)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def move_last_to(self, index: int) -> None:
        """Move the item added last to ``index`` (for QWidget.insertAction)."""
        self._items.insert(index, self._items.pop())
        self.invalidate()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def one_row_width(self) -> int:
        """The width every shown button needs on a single row."""
        margins = self.contentsMargins()
        shown = [item.sizeHint().width() for item in self._items if not item.isEmpty()]
        return margins.left() + margins.right() + sum(shown) + _GAP * max(0, len(shown) - 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.one_row_width(), self._row_height())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        margins = self.contentsMargins()
        widest = max((i.sizeHint().width() for i in self._items if not i.isEmpty()), default=0)
        return QSize(widest + margins.left() + margins.right(), self._row_height())

    def _row_height(self) -> int:
        margins = self.contentsMargins()
        tallest = max((i.sizeHint().height() for i in self._items if not i.isEmpty()),
                      default=0)
        return tallest + margins.top() + margins.bottom()

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        left, right = rect.x() + margins.left(), rect.right() - margins.right()
        row_height = self._row_height() - margins.top() - margins.bottom()
        x, y = left, rect.y() + margins.top()
        shown = [item for item in self._items if not item.isEmpty()]
        for index, item in enumerate(shown):
            size = item.sizeHint()
            separator = isinstance(item.widget(), QFrame)
            if separator and index + 1 == len(shown):  # nothing after it to set apart
                if move:
                    item.setGeometry(QRect(x, y, 0, 0))
                continue
            following = shown[index + 1].sizeHint().width() if index + 1 < len(shown) else 0
            wanted = size.width() + (_GAP + following if separator else 0)
            if x > left and x + wanted - 1 > right:
                x, y = left, y + row_height + _GAP
                if separator:  # a row does not start with a divider
                    if move:
                        item.setGeometry(QRect(x, y, 0, 0))
                    continue
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(size.width(), row_height)))
            x += size.width() + _GAP
        return y + row_height + margins.bottom() - rect.y()


class FittingToolBar(QWidget):
    """A row of text buttons for actions: short labels, then more rows, never a »."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._buttons: dict[QAction, QWidget] = {}
        self._short_texts: dict[QAction, str] = {}
        self._short = False
        self._rows = _RowsLayout(self)

    # ----- the QToolBar calls the editors use --------------------------------

    def addSeparator(self) -> QAction:  # noqa: N802 - as QToolBar names it
        """Add a divider between groups of commands."""
        action = QAction(self)
        action.setSeparator(True)
        self.addAction(action)
        return action

    def widgetForAction(self, action: QAction) -> QWidget | None:  # noqa: N802
        """The button (or divider) showing ``action``; None when it is not here."""
        return self._buttons.get(action)

    def set_short_text(self, action: QAction, text: str) -> None:
        """Show ``text`` on ``action``'s button when the full labels do not fit."""
        self._short_texts[action] = text
        self._refit()

    def is_short(self) -> bool:
        """True while the buttons show their short labels."""
        return self._short

    def rows(self) -> int:
        """How many rows the buttons take at the present width."""
        tops = {w.y() for a, w in self._buttons.items()
                if not a.isSeparator() and w.isVisibleTo(self)}
        return len(tops)

    def full_width(self) -> int:
        """The width one row of buttons needs with every full label."""
        width = self._rows.one_row_width()
        if self._short:
            for action, short in self._short_texts.items():
                button = self._buttons.get(action)
                if button is not None and action.isVisible():
                    metrics = button.fontMetrics()
                    width += (metrics.horizontalAdvance(_plain(action.text()))
                              - metrics.horizontalAdvance(short))
        return width

    # ----- reactions -----------------------------------------------------------

    def _refit(self) -> None:
        # Actions owned elsewhere may be going (their window is closing).
        self._short_texts = {a: t for a, t in self._short_texts.items()
                             if shiboken6.isValid(a) and a in self._buttons}
        self._short = self.full_width() > self.width()
        for action, text in self._short_texts.items():
            # An empty icon text gives the button the action's own text back.
            action.setIconText(text if self._short else "")
            whole = _plain(action.text())
            button = self._buttons[action]
            button.setAccessibleName(text if self._short else whole)
            button.setAccessibleDescription(whole if self._short else "")
        self._rows.invalidate()
        self.updateGeometry()

    def _make_button(self, action: QAction) -> QWidget:
        if action.isSeparator():
            line = QFrame(self)
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            line.setFixedWidth(6)
            return line
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as in a QToolBar: keys reach them
        # Named by its label; a short label is named in _refit.
        button.setAccessibleName(_plain(action.text()))
        return button

    def actionEvent(self, event: QActionEvent) -> None:  # noqa: N802 - Qt's name
        action = event.action()
        kind = event.type()
        if kind == QEvent.Type.ActionAdded:
            widget = self._make_button(action)
            self._buttons[action] = widget
            before = self._buttons.get(event.before())
            position = self._rows.indexOf(before) if before is not None else -1
            self._rows.addWidget(widget)
            if position >= 0:  # insertAction: the new item goes before the other
                self._rows.move_last_to(position)
            widget.setVisible(action.isVisible())
        elif kind == QEvent.Type.ActionRemoved:
            widget = self._buttons.pop(action, None)
            if widget is not None:
                self._rows.removeWidget(widget)
                widget.deleteLater()
            if self._short_texts.pop(action, None) is not None and shiboken6.isValid(action):
                action.setIconText("")  # elsewhere (a menu) it has its full name
        elif kind == QEvent.Type.ActionChanged and action in self._buttons:
            self._buttons[action].setVisible(action.isVisible())
        self._refit()
        super().actionEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._refit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit()
