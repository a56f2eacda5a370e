"""The model manager dialog: installed and downloadable speech models.

The dialog only shows :class:`ModelRow` values and emits intents; the
controller in ``app/model_manager.py`` does the work on other threads and
sends rows back. Questions to the user go through ``ask_import_path``,
``ask_confirm`` and ``ask_close_during_download`` so tests can answer them
without real dialogs.

Closing while a download runs asks whether to keep downloading in the
background (the default: the controller, not the dialog, owns the download,
and reopening the dialog shows its progress), cancel it (the part already
downloaded is kept, so it can be resumed), or go back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from widgets.announce import announce
from widgets.button_question import ACCEPT, DESTRUCTIVE, REJECT, Choice, ask_buttons
from widgets.height_for_width_area import HeightForWidthArea
from widgets.model_drops import ModelDrops
from widgets.model_table import (
    MODEL_COLUMN,
    PROGRESS_COLUMN,
    STATUS_COLUMN,
    ModelRow,
    ModelTableModel,
    ProgressDelegate,
    RowProgress,
)
from widgets.screen_fit import keep_on_screen, open_within_screen
from widgets.value_label import ValueLabel

__all__ = [
    "CANCEL_DOWNLOADS",
    "GO_BACK",
    "KEEP_DOWNLOADING",
    "ModelManagerDialog",
    "ModelRow",
    "RowProgress",
]

# Answers to "a download is running: close anyway?"
KEEP_DOWNLOADING = "keep"
CANCEL_DOWNLOADS = "cancel"
GO_BACK = "stay"

IMPORT_ZIP = "zip"
IMPORT_FOLDER = "folder"


class ModelManagerDialog(ModelDrops, QDialog):
    """List, download, import, check and remove speech models.

    Signals (each carries a row's name, or a path for imports):
    ``download_requested`` (also used to resume), ``cancel_requested``,
    ``import_requested``, ``verify_requested``, ``remove_requested`` (sent
    only after the user confirmed), ``use_requested`` (use this installed
    model for dictation and captions); and ``automatic_requested()`` (let
    them choose a model for themselves).
    """

    download_requested = Signal(str)
    cancel_requested = Signal(str)
    import_requested = Signal(str)
    verify_requested = Signal(str)
    remove_requested = Signal(str)
    use_requested = Signal(str)
    automatic_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_folder: Callable[[], Path] = Path.home  # where Import opens
        self.setWindowTitle(self.tr("Speech models"))
        self.setAccessibleName(self.tr("Speech models"))
        self.setAcceptDrops(True)  # a model's zip or folder dropped here is imported
        self.table_model = ModelTableModel(self)

        intro = QLabel(
            self.tr(
                "Models turn speech into text for dictation and captions. Lesson Lab "
                "only goes online when you choose Download; you can also import a "
                "model from a zip file or folder, such as a USB stick."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("Speech models"))
        self.table.setAccessibleDescription(
            self.tr("Use the arrow keys to choose a model, then the buttons below.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(PROGRESS_COLUMN, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PROGRESS_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PROGRESS_COLUMN, 130)
        table_label = QLabel(self.tr("&Speech models"))
        table_label.setBuddy(self.table)

        # The details, the model in use and the message are values: a screen reader
        # hears a label only by its name, so each label's name is the words it shows
        # (ValueLabel), in the group "Chosen model". A fixed name ("How well it
        # works") would have hidden them.
        self.details_title = ValueLabel(hide_when_empty=True)
        font = self.details_title.font()
        font.setBold(True)
        self.details_title.setFont(font)
        # The model's file name, under the name a teacher reads: what a download
        # page, a USB stick or a colleague will call it ("File name: vosk-model-…"); the
        # engine's name only in its tooltip, for whoever helps.
        self.details_file = ValueLabel()
        self.details_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_accuracy = ValueLabel(hide_when_empty=True)
        self.details_accuracy.setWordWrap(True)
        self.details_status = ValueLabel(hide_when_empty=True)  # "Status: Installed"
        self.details_status.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFormat("%p%")
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        # Hidden when nothing runs, without the buttons below jumping about.
        policy = self.progress_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress_bar.setSizePolicy(policy)
        status_row = QHBoxLayout()
        status_row.addWidget(self.details_status, 2)
        status_row.addWidget(self.progress_bar, 1)
        self.in_use = ValueLabel(hide_when_empty=True)  # "Dictation and captions use: …"
        self.in_use.setWordWrap(True)
        details = QGroupBox(self.tr("Chosen model"))
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.details_file)
        details_layout.addWidget(self.details_accuracy)
        details_layout.addLayout(status_row)

        self.use_button = self._button(self.tr("&Use for dictation"), self._on_use)
        self.use_button.setToolTip(self.tr(
            "Dictation and live captions listen with the chosen model, straight away"))
        self.automatic_button = self._button(self.tr("&Automatic choice"),
                                             self.automatic_requested.emit)
        self.automatic_button.setToolTip(self.tr(
            "Let dictation and captions choose a speech model for themselves"))
        self.automatic_button.setEnabled(False)
        self.download_button = self._button(self.tr("&Download"), self._on_download)
        self.cancel_button = self._button(self.tr("&Cancel download"), self._on_cancel)
        self.verify_button = self._button(self.tr("&Verify"), self._on_verify)
        self.remove_button = self._button(self.tr("Re&move"), self._on_remove)
        self.import_zip_button = self._button(
            self.tr("Import &zip file…"), lambda: self._on_import(IMPORT_ZIP)
        )
        self.import_folder_button = self._button(
            self.tr("Import from &folder…"), lambda: self._on_import(IMPORT_FOLDER)
        )
        self.close_button = self._button(self.tr("C&lose"), self.reject)
        in_use_row = QHBoxLayout()
        in_use_row.addWidget(self.in_use, 1)
        in_use_row.addWidget(self.use_button)
        in_use_row.addWidget(self.automatic_button)
        actions = QHBoxLayout()
        for button in (self.download_button, self.cancel_button, self.verify_button,
                       self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_zip_button)
        actions.addWidget(self.import_folder_button)

        # Named by what the icon says ("Warning"), or nothing without a message.
        self.message_icon = QLabel()
        self.message = ValueLabel(hide_when_empty=True)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)

        # Everything but the message and Close in an area as tall as its wrapped lines
        # need: Qt sized the dialog without them, and at 250% the model's description
        # and its "Status:" line were drawn over each other. Where the screen is too
        # short for them all, they scroll, with Close still in sight below.
        contents = QWidget()
        contents.setObjectName("speech-models-contents")
        parts = QVBoxLayout(contents)
        parts.setContentsMargins(0, 0, 0, 0)
        parts.addWidget(intro)
        parts.addWidget(table_label)
        parts.addWidget(self.table, 1)
        parts.addLayout(in_use_row)
        parts.addWidget(details)
        parts.addLayout(actions)
        self.contents_area = HeightForWidthArea(contents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.contents_area, 1)
        layout.addLayout(bottom)
        open_within_screen(self, QSize(1180, 720))  # within the screen at any scale

        # Delete removes the chosen model, as in a file manager (it still asks first).
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self._on_remove)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.table.setFocus()
        self._show_details()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # Made taller by new words (a chosen model's description, a larger interface
        # size), not by the teacher: keep its bottom edge on the screen.
        if (self.isVisible() and event.size().height() > event.oldSize().height() > 0
                and self.height() == self.minimumHeight()):
            keep_on_screen(self)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.setAutoDefault(False)  # Return in the table must not press a button
        button.clicked.connect(slot)
        return button

    # ----- rows ---------------------------------------------------------------

    def set_rows(self, rows: list[ModelRow]) -> None:
        """Show ``rows``, keeping the chosen model chosen if it is still there."""
        chosen = self.selected_name()
        self.table_model.set_rows(rows)
        if chosen is None or not self.select(chosen):
            if rows:
                self.select(rows[0].name)
        self._show_details()

    def update_row(self, row: ModelRow) -> None:
        """Replace one row (found by name); add it at the end if it is new."""
        if not self.table_model.update_row(row):
            self.table_model.set_rows([*self.table_model.rows(), row])
        if row.name == self.selected_name():
            self._show_details()

    def rows(self) -> list[ModelRow]:
        """Every row shown, in order."""
        return self.table_model.rows()

    def row(self, name: str) -> ModelRow | None:
        """The row called ``name``, or None."""
        position = self.table_model.position_of(name)
        return self.table_model.row_at(position)

    def select(self, name: str) -> bool:
        """Make ``name`` the chosen row; False if there is no such row."""
        position = self.table_model.position_of(name)
        if position < 0:
            return False
        index = self.table_model.index(position, MODEL_COLUMN)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def selected_name(self) -> str | None:
        """The chosen row's name, or None."""
        row = self.selected_row()
        return row.name if row else None

    def selected_row(self) -> ModelRow | None:
        """The chosen row, or None."""
        index = self.table.selectionModel().currentIndex()
        return self.table_model.row_at(index.row()) if index.isValid() else None

    def set_in_use(self, text: str, automatic: bool) -> None:
        """Say which model dictation and captions use; ``automatic`` when they choose."""
        self.in_use.setText(text)
        self.automatic_button.setEnabled(not automatic)

    def in_use_text(self) -> str:
        """The words saying which model is in use."""
        return self.in_use.text()

    # ----- messages -----------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Say something went well, in the message line under the buttons."""
        self._message(text, QStyle.StandardPixmap.SP_MessageBoxInformation)

    def show_error(self, text: str) -> None:
        """Say what went wrong, in plain words, with a warning icon beside it."""
        self._message(text, QStyle.StandardPixmap.SP_MessageBoxWarning)

    def message_text(self) -> str:
        """The message shown now ("" for none)."""
        return self.message.text()

    def _message(self, text: str, icon: QStyle.StandardPixmap) -> None:
        self.message.setText(text)
        warning = icon == QStyle.StandardPixmap.SP_MessageBoxWarning
        self.message_icon.setAccessibleName(
            "" if not text else self.tr("Warning") if warning else self.tr("Information"))
        if not text:
            self.message_icon.clear()
            return
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.message_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        # The label's new words reach a screen reader only as a new description,
        # which Orca does not speak: a download's end or a refused import was silent.
        announce(self.message, text, assertive=warning)

    # ----- questions (replaced in tests) --------------------------------------------

    def ask_import_path(self, kind: str = IMPORT_ZIP) -> str | None:
        """Ask for a model zip file (``kind="zip"``) or folder; None when cancelled.

        The dialog opens in ``start_folder()`` (the app gives the folder a model
        was last imported from: a USB stick, say)."""
        start = str(self.start_folder())
        if kind == IMPORT_FOLDER:
            path = QFileDialog.getExistingDirectory(self, self.tr("Import a model folder"), start)
        else:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import a model zip file"), start, self.tr("Zip files (*.zip)")
            )
        return path or None

    def ask_confirm(self, text: str) -> bool:
        """Ask a yes/no question; True for yes."""
        answer = QMessageBox.question(self, self.tr("Speech models"), text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_close_during_download(self, count: int) -> str:
        """Ask what to do with ``count`` running downloads when closing.

        Returns ``KEEP_DOWNLOADING``, ``CANCEL_DOWNLOADS`` or ``GO_BACK``.
        """
        return ask_buttons(
            self, self.tr("Speech models"),
            self.tr("A download is still running.") if count == 1
            else self.tr("%n downloads are still running.", "", count),
            self.tr("Lesson Lab can keep downloading while you work; open Speech models "
                    "again to see how it is going. If you cancel, what has arrived so far "
                    "is kept and you can resume later."),
            [Choice(self.tr("&Keep downloading"), ACCEPT, KEEP_DOWNLOADING),
             Choice(self.tr("&Cancel the download"), DESTRUCTIVE, CANCEL_DOWNLOADS),
             Choice(self.tr("&Go back"), REJECT, GO_BACK)],
            default=KEEP_DOWNLOADING)

    # ----- closing --------------------------------------------------------------

    def reject(self) -> None:
        """Close (Escape, the window's close button or Close), asking first during a download."""
        busy = [row.name for row in self.rows() if row.busy]
        if busy and self.isVisible():
            choice = self.ask_close_during_download(len(busy))
            if choice == GO_BACK:
                return
            if choice == CANCEL_DOWNLOADS:
                for name in busy:
                    self.cancel_requested.emit(name)
        super().reject()

    # ----- actions --------------------------------------------------------------

    def _on_download(self) -> None:
        row = self.selected_row()
        if row is not None and row.downloadable and not row.installed and not row.busy:
            self.download_requested.emit(row.name)

    def _on_use(self) -> None:
        row = self.selected_row()
        if row is not None and row.can_use:
            self.use_requested.emit(row.name)

    def _on_cancel(self) -> None:
        row = self.selected_row()
        if row is not None and row.busy:
            self.cancel_requested.emit(row.name)

    def _on_verify(self) -> None:
        row = self.selected_row()
        if row is not None and row.installed and not row.busy:
            self.verify_requested.emit(row.name)

    def _on_remove(self) -> None:
        row = self.selected_row()
        if row is None or row.busy or not row.can_remove:
            return
        if row.installed:
            question = self.tr(
                "Remove the speech model '{name}'? This frees {size}. To use it again "
                "you would need to download or import it again."
            ).format(name=row.title, size=row.size_text)
        else:
            question = self.tr(
                "Throw away the part of '{name}' downloaded so far? The download would "
                "then start again from the beginning."
            ).format(name=row.title)
        if self.ask_confirm(question):
            self.remove_requested.emit(row.name)

    def _on_import(self, kind: str) -> None:
        path = self.ask_import_path(kind)
        if path:
            self.import_requested.emit(path)

    # ----- details and buttons --------------------------------------------------------

    def _show_details(self, *_args) -> None:
        row = self.selected_row()
        self.download_button.setText(
            self.tr("&Resume") if row is not None and row.resumable else self.tr("&Download")
        )
        self.download_button.setAccessibleName(self.download_button.text().replace("&", ""))
        self.download_button.setEnabled(
            row is not None and row.downloadable and not row.installed and not row.busy
        )
        self.cancel_button.setEnabled(row is not None and row.busy)
        self.use_button.setEnabled(row is not None and row.can_use)
        self.verify_button.setEnabled(row is not None and row.installed and not row.busy)
        self.remove_button.setEnabled(row is not None and row.can_remove and not row.busy)
        if row is None:
            self.details_title.setText(self.tr("No model chosen"))
            self.details_file.clear()
            self.details_file.hide()
            self.details_accuracy.clear()
            self.details_status.clear()
        elif row.label and row.language:
            # "English (UK), small — 43 MB", then "File name: vosk-model-small-en-gb-0.15".
            self.details_title.setText(
                self.tr("{name} — {size}").format(name=row.label, size=row.size_text))
            self.details_file.setText(self.tr("File name: {file}").format(file=row.name))
            self.details_file.setToolTip(self.tr("Speech engine: {engine}").format(
                engine=row.engine))
            self.details_file.show()
        else:
            self.details_title.setText(
                self.tr("{name}: {language}, {engine}, {size}").format(
                    name=row.title, language=row.language or self.tr("unknown language"),
                    engine=(row.kind or row.engine).lower(), size=row.size_text,
                )
            )
            self.details_file.clear()
            self.details_file.hide()
        if row is not None:
            self.details_accuracy.setText(row.accuracy)
            self.details_status.setText(self.tr("Status: {status}").format(status=row.status))
        progress = row.progress if row is not None else None
        self.progress_bar.setVisible(progress is not None)
        if progress is not None:
            if progress.percent is None:
                self.progress_bar.setRange(0, 0)  # a moving bar: the size is unknown
            else:
                self.progress_bar.setRange(0, 100)
                self.progress_bar.setValue(progress.percent)
            self.progress_bar.setAccessibleDescription(progress.text)
