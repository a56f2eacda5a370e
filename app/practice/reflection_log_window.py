"""My reflection log: past practice records listed, read and saved as Word or PDF.

The log itself is a folder of JSON files (``lessons.reflection``), which
a teacher cannot read. This window lists the records newest first (date,
lesson, pupil), shows the chosen one laid out as the PDF lays it out, and
saves one record or the whole log as a Word document (or plain text) or a
PDF with the practice window's own writers (``write_records``) and save box
(``ask_record_path``), in the background (app/practice/reflection_log_saving.py).
Find (Ctrl+F) shows the records with every word typed: a pupil, a lesson, a
month or a word the teacher wrote. A file that cannot be read is one sentence
in the list and stops nothing else. Opened from Practice › My reflection log
(``app/practice/entry.py``). ``ask_export_path`` and
``open_folder_url`` are the seams tests answer instead of a dialog and a
file manager. Nothing is sent anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.background import Background
from app.practice.reflection_log_saving import LogSaving
from app.reflection_pdf import records_html
from lessons.reflection import PracticeSession, ReflectionStore
from lessons.reflection_log import EMPTY_LOG, LogEntry, entry_matches, read_log
from widgets.announce import announce
from widgets.relative_font import set_relative_font
from widgets.screen_fit import open_within_screen
from widgets.value_label import ValueLabel
from widgets.window_role import reaches_reader_as_window

ENTRY_ROLE = Qt.ItemDataRole.UserRole


def record_html(session: PracticeSession) -> str:
    """One record as rich text for the screen, from the blocks the PDF and Word use."""
    return records_html([session])


@reaches_reader_as_window  # "frame" to a reader, not "filler"
class ReflectionLogWindow(LogSaving, QWidget):
    """The reflection log: a list of records, the chosen one, and Save buttons.

    Signal: ``saved(path)`` when a save has ended: the file, or None when it failed.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None,
                 store: ReflectionStore | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store if store is not None else ReflectionStore()
        self._entries: list[LogEntry] = []
        self._seen: tuple = ()
        self._background = Background(self)
        self.setWindowTitle(self.tr("My reflection log"))
        self.setAccessibleName(self.tr("My reflection log"))

        heading = QLabel(self.tr("My reflection log"))
        set_relative_font(heading, 1.3, bold=True)
        intro = QLabel(self.tr(
            "Your practice records, kept on this computer as evidence of continuing "
            "professional development (CPD). Nothing is sent anywhere."))
        intro.setWordWrap(True)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Reflections, newest first"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSpacing(2)
        # Long lines wrap to the list's width, at any interface size, never scroll sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        list_label = QLabel(self.tr("&Reflections, newest first:"))
        list_label.setBuddy(self.list)
        # A term's log is a long list: find a pupil, a lesson, a month or a word written.
        self.find = QLineEdit()
        self.find.setAccessibleName(self.tr("Find reflections"))
        self.find.setPlaceholderText(self.tr("Pupil, lesson, month or a word you wrote"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._filter)
        self.find.installEventFilter(self)  # Down goes on into the list
        find_label = QLabel(self.tr("F&ind:"))
        find_label.setBuddy(self.find)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find.setFocus)
        self.found = ValueLabel(hide_when_empty=True)
        find_row = QHBoxLayout()
        find_row.addWidget(find_label)
        find_row.addWidget(self.find, 1)
        find_row.addWidget(self.found, 1)

        self.viewer = QTextBrowser()
        self.viewer.setAccessibleName(self.tr("The chosen reflection"))
        self.viewer.setOpenLinks(False)
        self.viewer.setTabChangesFocus(True)  # Tab moves on; the arrows scroll
        viewer_label = QLabel(self.tr("&The chosen reflection:"))
        viewer_label.setBuddy(self.viewer)

        left, right = QWidget(), QWidget()
        for side, label, widget in ((left, list_label, self.list),
                                    (right, viewer_label, self.viewer)):
            column = QVBoxLayout(side)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(widget, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        self.save_one_docx = QPushButton(self.tr("Save this one as a &Word document…"))
        self.save_one_pdf = QPushButton(self.tr("Save this one as a P&DF…"))
        self.save_all_docx = QPushButton(self.tr("Save &all as one Word document…"))
        self.save_all_pdf = QPushButton(self.tr("Save all as one PD&F…"))
        self.folder_button = QPushButton(self.tr("&Open the folder of records"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.save_one_docx.clicked.connect(lambda: self.save("one", "docx"))
        self.save_one_pdf.clicked.connect(lambda: self.save("one", "pdf"))
        self.save_all_docx.clicked.connect(lambda: self.save("all", "docx"))
        self.save_all_pdf.clicked.connect(lambda: self.save("all", "pdf"))
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.close)
        buttons = QGridLayout()
        buttons.addWidget(self.save_one_docx, 0, 0)
        buttons.addWidget(self.save_one_pdf, 0, 1)
        buttons.addWidget(self.save_all_docx, 1, 0)
        buttons.addWidget(self.save_all_pdf, 1, 1)
        buttons.addWidget(self.folder_button, 0, 2)
        buttons.addWidget(self.close_button, 1, 2)
        buttons.setColumnStretch(3, 1)
        for button in (self.save_one_docx, self.save_one_pdf, self.save_all_docx,
                       self.save_all_pdf, self.folder_button, self.close_button):
            button.setAutoDefault(False)

        # A reader hears the message itself, also after it was announced (a fixed name,
        # "Message", stood in place of it); hidden while there is none.
        self.status = ValueLabel(hide_when_empty=True)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(find_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self.list.currentRowChanged.connect(self._show_current)
        open_within_screen(self, QSize(1000, 680))  # a laptop, or at 200%: smaller
        self.reload()
        self.list.setFocus()  # the keyboard starts in the list: Up and Down choose

    # -- the list -------------------------------------------------------------

    def entries(self) -> list[LogEntry]:
        """The log as listed, newest first."""
        return list(self._entries)

    def reload(self) -> None:
        """Read the folder again, keeping the chosen record chosen if it is still there."""
        current = self.current_session()
        self._seen = self._folder_state()
        self._entries = read_log(self.store)
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry.text)
            item.setData(ENTRY_ROLE, entry)
            if not entry.readable:
                item.setToolTip(entry.text)
            self.list.addItem(item)
        if not self._entries:
            item = QListWidgetItem(self.tr(EMPTY_LOG))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = 0
        if current is not None:
            row = next((i for i, e in enumerate(self._entries)
                        if e.session is not None and e.session.id == current.id), 0)
        self.list.setCurrentRow(row)
        self._show_current(row)
        self._filter()

    def sessions(self) -> list[PracticeSession]:
        """Every readable record, newest first."""
        return [e.session for e in self._entries if e.session is not None]

    def current_entry(self) -> LogEntry | None:
        """The entry chosen in the list; None when the log is empty."""
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def current_session(self) -> PracticeSession | None:
        """The record chosen in the list; None for a damaged file or an empty log."""
        entry = self.current_entry()
        return entry.session if entry is not None else None

    def _filter(self, query: str = "") -> None:
        """Show the entries with every word of the Find box; the first shown is chosen
        when the chosen one is hidden."""
        query = self.find.text()
        shown = 0
        for row, entry in enumerate(self._entries):
            hidden = not entry_matches(entry, query)
            self.list.item(row).setHidden(hidden)
            shown += not hidden
        if query.strip() and self._entries:
            self.found.setText(self.tr("{shown} of {total} reflections found.").format(
                shown=shown, total=len(self._entries)) if shown else self.tr(
                "No reflection has all of those words."))
        else:
            self.found.setText("")
        current = self.list.currentItem()
        if current is None or current.isHidden():
            first = next((row for row in range(len(self._entries))
                          if not self.list.item(row).isHidden()), -1)
            self.list.setCurrentRow(first)
            self._show_current()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.find and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.list.currentItem() is not None:
            self.list.setFocus()  # from the Find box into what it found
            return True
        return super().eventFilter(watched, event)

    def _show_current(self, _row: int = 0) -> None:
        entry = self.current_entry()
        if entry is None and self._entries:  # the Find box hides every one
            self.viewer.setPlainText(self.tr("No reflection has all of the words in the "
                                             "Find box."))
        elif entry is None:
            self.viewer.setPlainText(self.tr(EMPTY_LOG))
        elif entry.session is not None:
            self.viewer.setHtml(record_html(entry.session))
        else:
            self.viewer.setPlainText(self.tr(
                "{problem} The file is left as it was, in {folder}, and the other records "
                "are not affected.").format(problem=entry.text, folder=self.store.folder))
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Save one needs a readable record chosen, Save all one at least; both wait
        while a file is being written."""
        has_one = self.current_session() is not None and not self._saving
        has_any = bool(self.sessions()) and not self._saving
        self.save_one_docx.setEnabled(has_one)
        self.save_one_pdf.setEnabled(has_one)
        self.save_all_docx.setEnabled(has_any)
        self.save_all_pdf.setEnabled(has_any)

    def _folder_state(self) -> tuple:
        """Names, sizes and times of the record files: a change means read again."""
        try:
            return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                                for p in self.store.folder.glob("*.json")))
        except OSError:
            return ()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Coming back from the practice window after saving: show the new record.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() \
                and self._folder_state() != self._seen:
            self.reload()
        super().changeEvent(event)

    # -- the folder and messages ----------------------------------------------

    def open_folder(self) -> bool:
        """Open the folder of record files in the file manager, or say where it is."""
        folder = self.store.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        if self.open_folder_url(QUrl.fromLocalFile(str(folder))):
            self.show_status(self.tr("Opened the folder {folder}. The records are JSON files "
                                     "for Lesson Lab; read them here.").format(folder=folder))
            return True
        self.show_status(self.tr("There is no file manager to open the folder with. The "
                                 "records are kept in {folder}.").format(folder=folder))
        return False

    def open_folder_url(self, url: QUrl) -> bool:
        """Hand ``url`` to the desktop's file manager; False when there is none."""
        return QDesktopServices.openUrl(url)

    def show_status(self, text: str, error: bool = False) -> None:
        """Say what happened, on screen and to a screen reader."""
        self.status.setText(text)
        announce(self.status, text, assertive=error)
