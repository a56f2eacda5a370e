"""Small parts of the dictation panel: the message bar, the commands list, the live indicator."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.announce import announce
from widgets.fold_toggle import FoldToggle
from widgets.wrapping_rows import WrappingRows

MESSAGE_KINDS = ("info", "error")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DictationPanel", text)


class MessageBar(QFrame):
    """One message at a time, inside the panel: an icon, the words, maybe an action.

    A new message replaces the one shown, so repeated problems never pile up.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Message"))
        self.kind = ""
        self._action: Callable[[], None] | None = None
        self.icon = QLabel(self)
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.action_button = QPushButton(self)
        self.action_button.clicked.connect(self._run_action)
        self.close_button = QToolButton(self)
        self.close_button.setText("\u00d7")  # ×
        self.close_button.setAccessibleName(_tr("Dismiss message"))
        self.close_button.setToolTip(_tr("Dismiss message"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, kind: str = "info", action_text: str = "",
                     action: Callable[[], None] | None = None) -> None:
        """Show ``text`` (replacing any message) with the icon for ``kind``."""
        if kind not in MESSAGE_KINDS:
            raise ValueError(f"message kind must be one of {', '.join(MESSAGE_KINDS)}")
        self.kind = kind
        self.icon.setAccessibleName(_tr("Problem") if kind == "error" else _tr("Information"))
        self.text_label.setText(text)
        self._fit_to_font()
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text and action))
        self.setAccessibleDescription(text)
        # Its own dark-on-light colours, readable whatever theme the window has.
        frame = ("MessageBar { background: #fdecea; border: 2px solid #b3261e; }"
                 if kind == "error" else
                 "MessageBar { background: #e8f1fb; border: 1px solid #1f5fa8; }")
        self.setStyleSheet(frame + " MessageBar QLabel { color: #1a1a1a; }")
        self.show()
        announce(self, text, assertive=kind == "error")

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.kind:
            self._fit_to_font()  # the interface was made bigger or smaller while showing

    def _fit_to_font(self) -> None:
        """Size the icon and the words to the panel's font as it is now."""
        icon = (QStyle.StandardPixmap.SP_MessageBoxCritical if self.kind == "error"
                else QStyle.StandardPixmap.SP_MessageBoxInformation)
        size = self.fontMetrics().height() * 3 // 2
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(QSize(size, size)))
        # The style sheet stops a new font reaching the buttons by itself.
        for button in (self.action_button, self.close_button):
            button.setFont(self.font())
        # An error is bold as well as marked by its icon: never colour alone.
        font = self.font()
        font.setBold(self.kind == "error")
        self.text_label.setFont(font)

    def text(self) -> str:
        """The message shown ("" when hidden)."""
        return "" if self.isHidden() else self.text_label.text()

    def dismiss(self) -> None:
        """Hide the message."""
        self._action = None
        self.text_label.clear()
        self.kind = ""
        self.hide()
        self.dismissed.emit()

    def _run_action(self) -> None:
        action = self._action
        self.dismiss()
        if action is not None:
            action()


class _CommandsTable(QTreeWidget):
    """The commands table, asking for no more than its minimum (two rows).

    On a short screen the pupil's text then keeps its room and this list
    scrolls; on a tall one it still grows, up to its maximum, with its share
    of the panel's stretch.

    What each command does wraps onto more lines when the column is narrow,
    rather than being cut with "…" (widgets/wrapping_rows.py).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        WrappingRows(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.minimumHeight())


class CommandsList(QWidget):
    """The spoken commands, as a list that folds away behind a toggle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _CommandsTable(self)
        self.toggle = FoldToggle(self.table, self)
        self.table.setColumnCount(2)
        self.table.setHeaderLabels([_tr("Say"), _tr("What it does")])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(_tr("Spoken commands"))
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.table)
        self._count_shown()

    def set_commands(self, commands: Sequence[tuple[str, str]]) -> None:
        """Show ``commands`` as (what to say, what it does) pairs."""
        self.table.clear()
        for phrase, description in commands:
            item = QTreeWidgetItem([f"\u201c{phrase}\u201d", description])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, phrase)
            self.table.addTopLevelItem(item)
        # Tall enough for up to eight commands without scrolling, and no taller.
        rows = max(1, min(len(commands), 8))
        row_height = max(self.table.sizeHintForRow(0), self.table.fontMetrics().height() + 4)
        header = self.table.header().sizeHint().height()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(header + row_height * min(rows, 2) + frame)
        self.table.setMaximumHeight(header + row_height * rows + frame + 2)
        self._count_shown()

    def commands(self) -> list[tuple[str, str]]:
        """The commands listed, as given."""
        out = []
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            out.append((item.data(0, Qt.ItemDataRole.AccessibleTextRole), item.text(1)))
        return out

    def set_expanded(self, expanded: bool) -> None:
        """Show or fold away the list."""
        self.toggle.setChecked(expanded)

    def is_expanded(self) -> bool:
        """True when the list is shown."""
        return self.toggle.isChecked()

    def _count_shown(self) -> None:
        count = self.table.topLevelItemCount()
        self.toggle.setText(_tr("Spoken commands ({count})").format(count=count))


def live_icon(size: int, live: bool) -> QPixmap:
    """A round "recording" mark: filled red when live, an empty grey ring when off."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = max(1, size // 8)
    if live:
        painter.setPen(QPen(QColor("#ffffff"), max(1, size // 10)))
        painter.setBrush(QColor("#c62828"))
    else:
        painter.setPen(QPen(QColor("#6b6b6b"), max(1, size // 8)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.end()
    return pixmap


class LiveIndicator(QWidget):
    """ "Microphone is live" with a red mark, or "Microphone is off" with an empty ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.label)
        self.live = False
        self.set_live(False)

    def set_live(self, live: bool) -> None:
        """Show whether the microphone is listening."""
        self.live = live
        font = self.font()  # the panel's size, which may have been scaled since
        font.setBold(live)
        self.label.setFont(font)
        self.icon.setPixmap(live_icon(self.label.fontMetrics().height(), live))
        text = _tr("Microphone is live") if live else _tr("Microphone is off")
        self.label.setText(text)
        self.setAccessibleName(text)

    def text(self) -> str:
        """The words shown."""
        return self.label.text()
