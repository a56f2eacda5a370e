"""The lesson editor in a window of its own, with the checker beside it.

For editing any lesson (not a practice scenario): the text with its live
adapted preview, a profile list, and the checker panel re-scoring as the
teacher types, with one-click fixes. "Save as new lesson" writes to the
user's lesson folder; the file opened is never changed.

Dictate (F9, on the editor's tool bar) speaks into the text at the cursor
(``app.practice.editor_dictation``); the words still being heard show in
the line above the text. Closing first lets the phrase being said settle
and go in (at most ``last_words_wait_s``), then, with unsaved changes, asks
Save, Discard or Cancel (``ask_unsaved_changes``, replaced in tests); Save
saves as a new lesson, as the Save action does. After a Cancel, dictation
stays stopped until Dictate is pressed again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.controllers import lesson_words
from app.practice.workbench import Workbench
from lessons.presets import default_preset, load_presets
from lessons.profile import Profile
from lessons.profile_store import ProfileStore
from widgets.checker_panel import CheckerPanel
from widgets.dictation_line import DictationLine
from widgets.lesson_editor import LessonEditor

if TYPE_CHECKING:
    from app.practice.editor_dictation import EditorDictation
    from app.speech_worker import SpeechWorker

#: The answers ``ask_unsaved_changes`` gives.
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class LessonEditorWindow(QMainWindow):
    """A lesson's text, its adapted preview and the checker, in one window."""

    def __init__(self, parent: QWidget | None = None, profile: Profile | None = None,
                 store: ProfileStore | None = None,
                 worker_factory: Callable[[], SpeechWorker] | None = None) -> None:
        """``worker_factory`` makes the dictation's SpeechWorker (tests give a scripted one);
        by default it is made from the main window's speech settings, if it has them.
        """
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit a lesson[*] — Lesson Lab"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store if store is not None else ProfileStore()
        self.editor = LessonEditor()
        self.checker = CheckerPanel()
        self.workbench = Workbench(self.editor, self.checker, profile or default_preset(), self)
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Profile for the preview and the checker"))
        label = QLabel(self.tr("Pr&ofile:"))
        label.setBuddy(self.profile_combo)
        for item in [*load_presets(), *self.store.profiles()]:
            self.profile_combo.addItem(item.name, item)
        current = self.workbench.profile()
        index = self.profile_combo.findText(current.name)
        if index < 0:
            self.profile_combo.insertItem(0, current.name, current)
            index = 0
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.activated.connect(
            lambda i: self.workbench.set_profile(self.profile_combo.itemData(i)))
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.profile_combo)
        row.addStretch(1)
        self.dictation: EditorDictation | None = None
        self._worker_factory = worker_factory
        # How long closing waits for the phrase being said; None: the dictation dock's bound
        # (LAST_WORDS_WAIT_S). Tests with the real engine on a busy machine raise it.
        self.last_words_wait_s: float | None = None
        self.dictation_line = DictationLine(with_button=False)
        self.dictation_line.start_requested.connect(self.start_dictation)
        self.dictation_line.stop_requested.connect(self.stop_dictation)
        self.dictate_action = self.dictation_line.action
        # Dictate sits with the editing tools; the line under them shows what is heard.
        self.dictation_toolbar = self.editor.toolbar
        self.dictation_toolbar.addSeparator()
        self.dictation_toolbar.addAction(self.dictate_action)
        self.dictation_toolbar.widgetForAction(self.dictate_action).setAccessibleName(
            self.tr("Dictate into the lesson text"))
        self.editor.add_line_under_toolbar(self.dictation_line)
        self.editor.modification_changed.connect(self.setWindowModified)
        self._file_name = ""
        # The title names the lesson as teachers know it, and follows edits to its title.
        self.editor.lesson_parsed.connect(lambda _result: self._show_title())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(row)
        layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)
        dock = QDockWidget(self.tr("Checker"), self)
        dock.setObjectName("checkerDock")
        dock.setWidget(self.checker)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resize(1500, 950)

    def open_lesson(self, path: str | Path) -> bool:
        """Edit the lesson file at ``path`` (it is never written to); False when unreadable."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.editor.show_message(self.tr("This lesson file could not be read."), "error")
            return False
        self.editor.set_text(text, path)
        self.checker.set_baseline(self.workbench.scores())
        self._file_name = Path(path).name
        self._show_title()
        if self.dictation is not None:
            self.dictation.set_vocabulary(lesson_words(self.editor.lesson()))
        return True

    def _show_title(self) -> None:
        """"Edit: Writing a recount — Lesson Lab": the lesson's title, else its file name."""
        lesson = self.editor.lesson()
        name = lesson.title if lesson is not None and lesson.title else self._file_name
        if name:
            self.setWindowTitle(self.tr("Edit: {name}[*] — Lesson Lab").format(name=name))

    # ----- dictation ----------------------------------------------------------

    def start_dictation(self) -> None:
        """Start dictating into the text at the cursor (the Dictate action, F9)."""
        self.dictation_controller().start()

    def stop_dictation(self) -> None:
        """Stop dictating; the words still being recognised go in when they settle."""
        if self.dictation is not None:
            self.dictation.stop()

    def dictation_controller(self) -> EditorDictation:
        """The dictation controller, made (and its engine loaded) on first use."""
        if self.dictation is None:
            from app.practice.editor_dictation import EditorDictation

            settings = getattr(self.parent(), "settings", None)
            if self._worker_factory is not None:
                controller = EditorDictation(self.editor, self.dictation_line,
                                             worker=self._worker_factory(), parent=self)
            else:
                controller = EditorDictation(
                    self.editor, self.dictation_line,
                    engine=getattr(settings, "engine", None) or "auto",
                    model_path=getattr(settings, "model", None) or None,
                    microphone=getattr(settings, "input_device", None) or None,
                    parent=self)
            controller.set_vocabulary(lesson_words(self.editor.lesson()))
            controller.status_changed.connect(
                lambda message: self.statusBar().showMessage(message, 8000))
            self.dictation = controller
        return self.dictation

    # ----- closing ------------------------------------------------------------

    def has_unsaved_work(self) -> bool:
        """True when the text has changes not saved (closing then asks first).

        The main window asks every window that has this to close before it does.
        """
        return self.editor.is_modified()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Put in the last words dictated, then ask about unsaved changes.

        Save saves as a new lesson; Cancel keeps the window, with dictation stopped.
        """
        # First, so the phrase being said is in the text the question offers to save. (A
        # second close while this waits does not come here: Qt ignores it while closing.)
        if self.dictation is not None:
            self.dictation.finish_last_words(self.last_words_wait_s)
        if self.editor.is_modified():
            answer = self.ask_unsaved_changes()
            if answer == CANCEL or (answer == SAVE and self.editor.save_as_new() is None):
                event.ignore()
                return
        if self.dictation is not None:
            self.dictation.shutdown()
        event.accept()

    def ask_unsaved_changes(self) -> str:
        """Ask what to do with unsaved changes: SAVE, DISCARD or CANCEL. Tests replace this."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This lesson has changes that are not saved. "
                            "Do you want to save them?"))
        box.setInformativeText(self.tr("Saving makes a new lesson in your lessons folder; "
                                       "the lesson you opened is not changed."))
        save = box.addButton(self.tr("&Save as new lesson…"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard changes"),
                                QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL
