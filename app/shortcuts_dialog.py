"""Help > Keyboard shortcuts: every key the window answers to, read from its actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.screen_fit import fit_size


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


class ShortcutsDialog(QDialog):
    """A table of (keys, what they do, where) rows."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Keyboard shortcuts"))
        self.setAccessibleName(_tr("Keyboard shortcuts"))
        intro = QLabel(_tr("Every key the window answers to. Commands without one, like "
                           "Welcome and About, are in the menus: press Alt and the underlined "
                           "letter. This list is read from the app itself, so it is always "
                           "up to date."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(_tr("Shortcuts"))
        self.table.setHorizontalHeaderLabels([_tr("Keys"), _tr("What it does"), _tr("Where")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setSizeGripEnabled(True)
        self.resize(self._comfortable_size())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _comfortable_size(self) -> QSize:
        # Big enough to show every row when the screen allows (at 600 x 420 only
        # eleven of the forty-odd rows showed), never bigger than most of the screen.
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader()
        columns = (sum(max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c))
                       for c in range(3)) + self.table.frameWidth() * 2 + 40)
        rows = (self.table.verticalHeader().length() + header.height()
                + self.table.frameWidth() * 2)
        wanted = QSize(max(columns, self.fontMetrics().averageCharWidth() * 100),
                       self.layout().sizeHint().height() - self.table.sizeHint().height()
                       + rows + 8)
        return fit_size(self, wanted)

    def rows(self) -> list[tuple[str, str, str]]:
        """The rows shown."""
        return [tuple(self.table.item(r, c).text() for c in range(3))
                for r in range(self.table.rowCount())]
