"""The rows of the model manager: plain data, a Qt table model and a progress cell.

Widgets may not import ``models/``, so the controller in ``app/`` turns what
``models/`` reports into :class:`ModelRow` values and the dialog only shows
them. Progress is always shown as words and numbers as well as a bar, never
by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

#: The share done, 0-100, in the progress column (``None`` when unknown).
PERCENT_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelTable", text)


@dataclass(frozen=True)
class RowProgress:
    """How far a download, unpack or copy has got, ready to show."""

    percent: int | None  # 0-100, or None when the total size is unknown
    text: str  # "Downloading: 45%, 19 MB of 43 MB at 1.2 MB/s"


@dataclass(frozen=True)
class ModelRow:
    """One line of the model manager's table."""

    name: str  # the model's name, also the key for every intent signal
    engine: str  # "Vosk" or "Whisper": for the tooltip and technical users only
    language: str  # "English (UK)"
    size_text: str  # "43 MB"
    accuracy: str  # a plain sentence about how well it works
    status: str  # "Installed", "Not installed", "Paused at …: choose Resume", …
    installed: bool = False
    can_remove: bool = False  # False for the model installed with the app
    downloadable: bool = False  # can be downloaded (or resumed) from the catalogue
    resumable: bool = False  # a partial download is waiting: the action says "Resume"
    busy: bool = False  # a download, import or check is running for it
    progress: RowProgress | None = None
    label: str = ""  # what to show as its name, when not the name itself
    path: str = ""  # an installed model's folder
    broken: bool = False  # installed but missing files, so it cannot be used
    in_use: bool = False  # dictation and captions use it (the status says so in words)
    automatic: bool = False  # ... only because they were left to choose for themselves
    # How it writes, in a teacher's words ("Word by word"), shown instead of the engine
    kind: str = ""

    @property
    def title(self) -> str:
        """The name to show."""
        return self.label or self.name

    @property
    def can_use(self) -> bool:
        """True when dictation could be switched to this model now."""
        chosen = self.in_use and not self.automatic
        return self.installed and not self.broken and not self.busy and not chosen


COLUMNS = (
    _tr("Model"),
    _tr("Language"),
    _tr("How it writes"),
    _tr("Size"),
    _tr("Status"),
    _tr("Progress"),
)
MODEL_COLUMN, LANGUAGE_COLUMN, ENGINE_COLUMN, SIZE_COLUMN, STATUS_COLUMN, PROGRESS_COLUMN = range(6)


class ModelTableModel(QAbstractTableModel):
    """The rows as a Qt table; one row per model, updated in place by name."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ModelRow] = []

    # ----- data -------------------------------------------------------------

    def rows(self) -> list[ModelRow]:
        """Every row, in display order."""
        return list(self._rows)

    def set_rows(self, rows: list[ModelRow]) -> None:
        """Replace every row (the view keeps no stale state)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_row(self, row: ModelRow) -> bool:
        """Replace the row with the same name; False if there is none."""
        for position, current in enumerate(self._rows):
            if current.name == row.name:
                self._rows[position] = row
                self.dataChanged.emit(
                    self.index(position, 0), self.index(position, len(COLUMNS) - 1)
                )
                return True
        return False

    def row_at(self, position: int) -> ModelRow | None:
        """The row at ``position``, or None."""
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, name: str) -> int:
        """Where the row called ``name`` is, or -1."""
        for position, row in enumerate(self._rows):
            if row.name == name:
                return position
        return -1

    # ----- QAbstractTableModel ---------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PROGRESS_COLUMN and row.progress is not None:
                return row.progress.text
            if column == MODEL_COLUMN:
                # The file name as well, when the row shows a friendlier name.
                return f"{row.name}\n{row.accuracy}" if row.label else row.accuracy
            if column == ENGINE_COLUMN and row.kind and row.engine:
                # The engine's name is for whoever helps; the cell says how it writes.
                return _tr("{kind} (speech engine: {engine})").format(
                    kind=row.kind, engine=row.engine)
            return self._text(row, column)
        if role == Qt.ItemDataRole.FontRole and row.in_use:
            # Bold as well as the words in the status column, never colour alone.
            font = QFont()
            font.setBold(True)
            return font
        if role == PERCENT_ROLE and column == PROGRESS_COLUMN:
            return row.progress.percent if row.progress is not None else None
        return None

    @staticmethod
    def _text(row: ModelRow, column: int) -> str:
        if column == MODEL_COLUMN:
            return row.title
        if column == LANGUAGE_COLUMN:
            return row.language
        if column == ENGINE_COLUMN:
            return row.kind or row.engine
        if column == SIZE_COLUMN:
            return row.size_text
        if column == STATUS_COLUMN:
            return row.status
        if row.progress is None:
            return ""
        if row.progress.percent is None:
            return _tr("Working")
        return f"{row.progress.percent}%"


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a bar with its percentage written beside it."""

    def paint(self, painter, option, index) -> None:
        percent = index.data(PERCENT_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            super().paint(painter, option, index)
            return
        # The selection highlight first, so a selected row looks selected here too.
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, cell, painter, option.widget
        )
        # The words beside the bar, not on it: text over a half-filled bar is
        # hard to read at low vision, and the words must never depend on colour.
        text_width = option.fontMetrics.horizontalAdvance("100%") + 8
        area = option.rect.adjusted(4, 5, -4, -5)
        bar = QStyleOptionProgressBar()
        bar.rect = area.adjusted(0, 0, -text_width, 0)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = percent if percent is not None else 0
        bar.textVisible = False
        # Qt 6 reads the orientation from the state: without this the bar fills upwards.
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.drawText(
            area.adjusted(area.width() - text_width, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()
