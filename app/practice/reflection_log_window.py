"""My reflection log: past practice records listed, read and saved as Word or PDF.

The log itself is a folder of JSON files (``lessons.reflection``), which
a teacher cannot read. This window lists the records newest first (date,
lesson, pupil), shows the chosen one laid out as the PDF lays it out, and
saves one record or the whole log as a Word document (or plain text) or a
PDF with the practice window's own writers (``write_records``) and save box
(``ask_record_path``). A file that cannot be read is one sentence in the list
and stops nothing else. Opened from Practice › My reflection log
(``app/practice/entry.py``). ``ask_export_path`` and
``open_folder_url`` are the seams tests answer instead of a dialog and a
file manager. Nothing is sent anywhere.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
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
from app.practice.practice_saving import ask_record_path
from app.practice.session import record_file_name, write_records
from app.reflection_pdf import records_html
from lessons.reflection import PracticeSession, ReflectionStore
from lessons.reflection_log import EMPTY_LOG, LogEntry, log_file_name, read_log
from lessons.save_problem import save_problem
from widgets.announce import announce
from widgets.relative_font import set_relative_font
from widgets.screen_fit import open_within_screen
from widgets.value_label import ValueLabel
from widgets.window_role import reaches_reader_as_window

_KIND_WORDS = {"docx": "a Word document", "txt": "plain text", "pdf": "a PDF"}
ENTRY_ROLE = Qt.ItemDataRole.UserRole


def record_html(session: PracticeSession) -> str:
    """One record as rich text for the screen, from the blocks the PDF and Word use."""
    return records_html([session])


@reaches_reader_as_window  # "frame" to a reader, not "filler"
class ReflectionLogWindow(QWidget):
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
        self._saving = False
        self._close_when_saved = False
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

    def _show_current(self, _row: int = 0) -> None:
        entry = self.current_entry()
        if entry is None:
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

    # -- saving -----------------------------------------------------------------

    def save(self, which: str, fmt: str, path: str | Path | None = None) -> bool:
        """Save the chosen record (``which`` "one") or every record ("all") as ``fmt``
        ("docx" or "pdf") to ``path``, asked for when None. The file is written on a
        worker thread (a whole term's log is hundreds of pages) while the window works
        on; ``saved(path)`` follows (None when it failed). False when nothing is saved
        (no record, or the teacher cancels)."""
        sessions = self.sessions() if which == "all" else \
            [s for s in (self.current_session(),) if s is not None]
        if not sessions or self._saving:
            if not sessions:
                self.show_status(self.tr("There is no reflection to save yet."), error=True)
            return False
        if path is None:
            suggestion = record_file_name(sessions[0], fmt) if which == "one" \
                else log_file_name(date.today(), fmt)
            path = self.ask_export_path(fmt, suggestion)
            if not path:
                return False
        count = self.tr("1 reflection") if len(sessions) == 1 else \
            self.tr("{n} reflections").format(n=len(sessions))
        self._set_saving(True)
        self.show_status(self.tr("Saving {count}…").format(count=count))
        self._background.run(
            lambda: write_records(sessions, fmt, path),
            lambda written: self._saved(written, which, count),
            lambda error: self._not_saved(error, path), name="reflections", qt_thread=True)
        return True

    def is_saving(self) -> bool:
        """True while a file is being written."""
        return self._saving

    def _saved(self, written: tuple[str, Path], which: str, count: str) -> None:
        kind, out = written
        self._set_saving(False)
        message = self.tr("Saved {count} as {kind}: {path}. Nothing is sent anywhere.").format(
            count=count, kind=self.tr(_KIND_WORDS[kind]), path=out)
        skipped = sum(1 for e in self._entries if not e.readable)
        if which == "all" and skipped:
            message += " " + (self.tr("1 record that could not be read was left out.")
                              if skipped == 1 else
                              self.tr("{n} records that could not be read were left out.")
                              .format(n=skipped))
        self.show_status(message)
        self.saved.emit(out)
        self._close_if_asked()

    def _not_saved(self, error: BaseException, path: str | Path) -> None:
        self._set_saving(False)
        if isinstance(error, OSError):
            self.show_status(save_problem(error, self.tr("The record"), path), error=True)
        elif isinstance(error, ValueError):
            self.show_status(self.tr("The record could not be saved: {reason}.")
                             .format(reason=error), error=True)
        else:  # a fault in Lesson Lab or a writer library, not something the teacher did
            self.show_status(self.tr("The record could not be saved because of a fault in "
                                     "Lesson Lab; your log has not changed."), error=True)
            sys.excepthook(type(error), error, error.__traceback__)
        self.saved.emit(None)
        self._close_if_asked()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._update_buttons()

    def _close_if_asked(self) -> None:
        if self._close_when_saved:
            self._close_when_saved = False
            QTimer.singleShot(0, self, self.close)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._saving:  # the file first: the window closes by itself after
            event.ignore()
            self._close_when_saved = True
            self.show_status(self.tr("Saving; this window will close when it has finished."))
            return
        super().closeEvent(event)

    def ask_export_path(self, fmt: str, suggestion: str) -> str | None:
        """Ask where to save; None when the teacher cancels (as the practice window asks)."""
        return ask_record_path(self, self.tr("Save from my reflection log"), fmt, suggestion)

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
