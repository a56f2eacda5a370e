"""A lesson's key words and what they mean, as a small table with Add and Remove.

Part of the lesson details form (widgets/lesson_details_form.py). Each
change the teacher finishes (a cell typed in, a row added or removed) comes
out as ``entries_edited`` with every key word in order; a row whose word is
still empty is not a key word yet, so it is left out until it has one, and a
word on a second row is left out with a note saying so (a lesson's key words
are a list of different words).
``set_entries`` shows entries without signalling; called while a change is
being handled (the editor shows its new details as a result of this table's
own signal) it waits until that is over, so it never deletes the cell Qt is
still setting. ``set_read_only`` keeps key words the loader could not read
all of from being changed here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lessons.model import VocabularyEntry
from widgets.announce import announce
from widgets.value_label import ValueLabel

WORD, MEANING = 0, 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("KeyWordsTable", text)


class KeyWordsTable(QWidget):
    """Key words in a two-column table, with "Add a key word" and "Remove key word"."""

    entries_edited = Signal(object)  # tuple[VocabularyEntry, ...]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self._handling = False  # inside our own entries_edited: the table must not be rebuilt
        self._pending: tuple[VocabularyEntry, ...] | None = None
        self._read_only = False
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([_tr("Key word"), _tr("What it means")])
        self.table.setAccessibleName(_tr("Key words and what they mean"))
        self.table.setAccessibleDescription(_tr(
            "One key word on each row. Press F2 or start typing to change a cell."))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._triggers = (QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setEditTriggers(self._triggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WORD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MEANING, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._changed)
        # Rows as tall as their wrapped meanings, at whatever width the table has. Queued:
        # the header resizes inside QTableView::updateGeometries (often from Qt's layout
        # timer), and Python code run there (which may run the garbage collector, and so
        # delete a window that is garbage, this table's own included) must not run while
        # that C++ function is still using the view.
        header.sectionResized.connect(self._fit_rows, Qt.ConnectionType.QueuedConnection)
        # Several rows in sight whatever the text size; the form scrolls rather than squeeze it.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 6
                                    + header.sizeHint().height() + 2 * self.table.frameWidth())
        self.label = QLabel(_tr("Key &words and what they mean"))
        self.label.setBuddy(self.table)
        # A reader hears the note itself ("“river” is in the list twice; …"), also after
        # it was announced: a fixed name, "About the key words", stood in place of it.
        self.note = ValueLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.add_button = QPushButton(_tr("&Add a key word"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(_tr("&Remove key word"))
        self.remove_button.setToolTip(_tr("Remove the key word on the chosen row"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.table.currentCellChanged.connect(lambda *_: self._enable_remove())
        self._enable_remove()

    def entries(self) -> tuple[VocabularyEntry, ...]:
        """The key words shown, in order (rows with no word yet, and a word again, left out)."""
        found: dict[str, VocabularyEntry] = {}
        for row in range(self.table.rowCount()):
            word, meaning = (self._cell(row, column) for column in (WORD, MEANING))
            if word and word.lower() not in found:
                found[word.lower()] = VocabularyEntry(word, meaning)
        return tuple(found.values())

    def repeated(self) -> list[str]:
        """Words that are on more than one row (only the first row of each counts)."""
        words = [self._cell(row, WORD) for row in range(self.table.rowCount())]
        seen: set[str] = set()
        again = []
        for word in words:
            if word and word.lower() in seen and word not in again:
                again.append(word)
            seen.add(word.lower())
        return again

    def set_entries(self, entries: tuple[VocabularyEntry, ...]) -> None:
        """Show ``entries`` (no signal); a row still being filled in stays when nothing differs.

        Called while this table's own change is being handled, it shows them
        once that is over (Qt may still be setting the cell that changed).
        """
        if self._handling:
            if self._pending is None:
                QTimer.singleShot(0, self, self._show_pending)
            self._pending = tuple(entries)
            return
        self._pending = None
        if entries == self.entries():
            return
        self._showing = True
        try:
            self.table.setRowCount(0)
            for entry in entries:
                self._append(entry.word, entry.definition)
            self.table.resizeRowsToContents()
        finally:
            self._showing = False
        self._note_repeats()
        self._enable_remove()

    def _show_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.set_entries(pending)

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        """Let the key words be changed here or not (``reason``: why not, for a screen reader)."""
        self._read_only = read_only
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                   else self._triggers)
        self.add_button.setEnabled(not read_only)
        self.table.setAccessibleDescription(reason if read_only else _tr(
            "One key word on each row. Press F2 or start typing to change a cell."))
        self._enable_remove()

    def is_read_only(self) -> bool:
        """Whether the key words cannot be changed here."""
        return self._read_only

    def add_row(self) -> None:
        """Add an empty row at the end and start typing its word."""
        if self._read_only:
            return
        row = self._append("", "")
        self.table.setCurrentCell(row, WORD)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.editItem(self.table.item(row, WORD))
        self._enable_remove()

    def remove_current(self) -> None:
        """Remove the row with the current cell (one change)."""
        row = self.table.currentRow()
        if row < 0 or self._read_only:
            return
        self.table.removeRow(row)
        self._note_repeats()
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), WORD)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._enable_remove()
        self._emit()

    def _append(self, word: str, meaning: str) -> int:
        row = self.table.rowCount()
        showing, self._showing = self._showing, True  # filling cells is not an edit
        try:
            self.table.insertRow(row)
            self.table.setItem(row, WORD, QTableWidgetItem(word))
            self.table.setItem(row, MEANING, QTableWidgetItem(meaning))
        finally:
            self._showing = showing
        return row

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return " ".join(item.text().split()) if item is not None else ""

    def _changed(self, _item: QTableWidgetItem) -> None:
        if self._showing:
            return
        self.table.resizeRowsToContents()
        self._note_repeats()
        self._emit()

    def _emit(self) -> None:
        """Send the entries; what the editor sends back meanwhile waits (see set_entries)."""
        self._handling = True
        try:
            self.entries_edited.emit(self.entries())
        finally:
            self._handling = False

    def _fit_rows(self, *_section) -> None:
        # Not in a closed window: fitting asks the style (Python code, so the cycle
        # collector may run) and may then free that very window mid-call. Rows
        # are fitted again when the table shows (showEvent).
        if self.table.isVisible():
            self.table.resizeRowsToContents()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _note_repeats(self) -> None:
        again = self.repeated()
        text = _tr("“{word}” is in the list twice; only its first row is kept.").format(
            word=again[0]) if again else ""
        if text != self.note.text():
            self.note.setText(text)
            self.note.setVisible(bool(text))
            if text:
                announce(self.note, text)

    def _enable_remove(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0 and not self._read_only)
