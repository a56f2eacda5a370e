"""The lesson editor in a window of its own, with the checker beside it.

For editing any lesson (not a practice scenario): the text with its live
adapted preview, the profile row (``app.practice.editor_profile``: a profile
changed by the checker's fixes shows as "Dyslexia (adapted)" and can be
saved as the teacher's own), and the checker panel re-scoring as the
teacher types, with one-click fixes. "Save as new lesson" writes to the
user's lesson folder; the file opened is never changed. File › Save a copy
as… (F12, ``app.practice.editor_copy``) saves the lesson as it reads now
anywhere the teacher chooses, as a lesson file or a Word document, without
counting as saving it (a way out when the data disk is full, or to share it).

Dictate (F9, on the editor's tool bar) speaks into the text at the cursor
(``app.practice.editor_dictation``); the words still being heard show in
the line above the text. Closing first lets the phrase being said settle
and go in (at most ``last_words_wait_s``), then, with unsaved changes to the
text or an unsaved profile made here, asks Save, Discard or Cancel in one
question (``ask_unsaved_changes``, replaced in tests); Save saves the text
as a new lesson, as the Save action does, and the profile as the teacher's
own. Ctrl+W and Escape close it too. After a Cancel, dictation stays
stopped until Dictate is pressed again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from app.controllers import lesson_words
from app.dock_title import DockTitle
from app.practice.editor_copy import LessonCopy
from app.practice.editor_profile import EditorProfile
from app.practice.workbench import Workbench
from app.settings import AppSettings
from lessons.presets import default_preset
from lessons.profile import Profile
from lessons.profile_store import ProfileStore
from widgets.button_question import ACCEPT, DESTRUCTIVE, REJECT, Choice, ask_buttons
from widgets.checker_panel import CheckerPanel
from widgets.dictation_line import DictationLine
from widgets.lesson_editor import LessonEditor
from widgets.screen_fit import GivesWay, open_within_screen, room_for_docks

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
        # The practice window's profile row, with "Save profile…" (editor_profile.py).
        self.profile_row = EditorProfile(self.workbench, self.editor, self.store, self)
        self.profile_bar = self.profile_row.bar
        self.profile_combo = self.profile_bar.combo
        self.profile_saved = self.profile_row.saved
        self.dictation: EditorDictation | None = None
        self._worker_factory = worker_factory
        # How long closing waits for the phrase being said; None: the dictation dock's
        # bound (app.last_words.EDITOR_LAST_PHRASE_WAIT_S). Tests with the real engine
        # on a busy machine raise it.
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
        self.editor.modification_changed.connect(lambda _modified: self._show_modified())
        self.profile_row.unsaved_changed.connect(lambda _unsaved: self._show_modified())
        # Ctrl+W or Escape closes, asking first about anything unsaved. Owned by the
        # editor so Help › Keyboard shortcuts lists it under "Lesson editor"; a key word
        # being typed in the details' table takes its Escape first.
        self.close_action = QAction(self.tr("Close the lesson editor"), self.editor)
        self.close_action.setShortcuts(close_keys())
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.setToolTip(self.tr("Close the lesson editor ({keys})").format(
            keys=", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                           for k in self.close_action.shortcuts())))
        self.close_action.triggered.connect(lambda _checked=False: self.close())
        self.addAction(self.close_action)
        # File › Save a copy as… (F12): the lesson anywhere, even when the data disk is full.
        settings = getattr(parent, "settings", None)
        self.lesson_copy = LessonCopy(self, settings if settings is not None else AppSettings())
        self.copy_action = self.lesson_copy.action
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.editor.save_action)
        file_menu.addAction(self.copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        self._file_name = ""
        # The title names the lesson as teachers know it, and follows edits to its title.
        self.editor.lesson_parsed.connect(lambda _result: self._show_title())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.profile_bar)
        layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)
        self.checker_dock = checker_dock(self, self.checker)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checker_dock)
        # A closed checker comes back from the keyboard: Checker › Show the checker
        # (CHECKER_KEY, as in the practice window). Alt+C: the other letters are taken.
        self.checker_action = show_checker_action(self, self.checker_dock, self.checker,
                                                  self.tr("&Show the checker"))
        self.menuBar().addMenu(self.tr("&Checker")).addAction(self.checker_action)
        # Within the screen it opens on (at 200% the screen is half as big to Qt).
        open_within_screen(self, QSize(1500, 950))

    def open_lesson(self, path: str | Path) -> bool:
        """Edit the lesson file at ``path`` (it is never written to); False when unreadable."""
        from lessons.loader import decode_lesson_bytes

        try:
            data = Path(path).read_bytes()
        except OSError:
            self.editor.show_message(self.tr("This lesson file could not be read."), "error")
            return False
        # Read as the library reads it (UTF-16 from Notepad too), so what opens there opens here.
        text, problem = decode_lesson_bytes(data, str(path))
        if problem is not None:
            self.editor.show_message(problem.message, "error")
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
        """True when the text has changes not saved, or a profile made here is not saved.

        Closing then asks first. The main window asks every window that has
        this to close before it does.
        """
        return self.editor.is_modified() or self.profile_row.unsaved() is not None

    def _show_modified(self) -> None:
        self.setWindowModified(self.has_unsaved_work())

    def save_unsaved_work(self) -> bool:
        """Save the text as a new lesson and the profile made here, each if unsaved.

        False when either was not saved (cancelled, or it could not be).
        """
        if self.editor.is_modified() and self.editor.save_as_new() is None:
            return False
        return self.profile_row.unsaved() is None or self.profile_row.save() is not None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Put in the last words dictated, then ask about unsaved changes.

        Save saves the text as a new lesson and the profile as the teacher's
        own; Cancel keeps the window, with dictation stopped.
        """
        # First, so the phrase being said is in the text the question offers to save. (A
        # second close while this waits does not come here: Qt ignores it while closing.)
        if self.dictation is not None:
            self.dictation.finish_last_words(self.last_words_wait_s)
        if self.has_unsaved_work():
            answer = self.ask_unsaved_changes()
            if answer == CANCEL or (answer == SAVE and not self.save_unsaved_work()):
                event.ignore()
                return
        if self.dictation is not None:
            self.dictation.shutdown()
        event.accept()

    def ask_unsaved_changes(self) -> str:
        """Ask what to do with unsaved changes: SAVE, DISCARD or CANCEL. Tests replace this.

        One question covers the text and the profile made here, naming what is unsaved.
        """
        text_changed = self.editor.is_modified()
        profile = self.profile_row.unsaved()
        if profile is None:
            question = self.tr("This lesson has changes that are not saved. "
                               "Do you want to save them?")
            detail = self.tr("Saving makes a new lesson in your lessons folder; "
                             "the lesson you opened is not changed.")
            save_text = self.tr("&Save as new lesson…")
        elif not text_changed:
            question = self.tr("The profile “{name}” made here is not saved. Do you want to "
                               "save it as one of your own profiles?").format(name=profile.name)
            detail = self.tr("If you do not, its changes are lost when this window closes.")
            save_text = self.tr("&Save profile…")
        else:
            question = self.tr("This lesson has changes that are not saved, and so has the "
                               "profile “{name}” made here. Do you want to save them?").format(
                                   name=profile.name)
            detail = self.tr("Saving makes a new lesson in your lessons folder and keeps the "
                             "profile as one of your own; the lesson you opened is not changed.")
            save_text = self.tr("&Save lesson and profile…")
        return ask_buttons(
            self, self.tr("Unsaved changes"), question, detail,
            [Choice(save_text, ACCEPT, SAVE), Choice(self.tr("&Discard changes"), DESTRUCTIVE,
                                                     DISCARD),
             Choice(self.tr("Cancel"), REJECT, CANCEL)],
            default=SAVE)


#: Shows or hides the checker in the editor and practice windows. Not Ctrl+Shift+C,
#: which is the live captions in the main window and in trainer mode.
CHECKER_KEY = "Ctrl+Shift+K"


def checker_dock(window: QMainWindow, checker: QWidget) -> QDockWidget:
    """The checker in a dock with the main window's title bar (app/dock_title.py): its
    float and close buttons are named "Float or dock Checker" and "Close Checker" for a
    screen reader, and Tab reaches them."""
    dock = QDockWidget(window.tr("Checker"), window)
    dock.setObjectName("checkerDock")
    dock.setAccessibleName(dock.windowTitle())
    # On a narrow screen the findings scroll sideways rather than push the window past it.
    dock.setWidget(GivesWay(checker, lambda: room_for_docks(window)))
    dock.setTitleBarWidget(DockTitle(dock))
    return dock


def show_checker_action(window: QMainWindow, dock: QDockWidget, checker: QWidget,
                        text: str) -> QAction:
    """``CHECKER_KEY`` and a menu item (``text``) that show the checker and put the
    keyboard in it. Not a toggle: a teacher pressing the checker's key while it is open
    wants to go to it, not to see it vanish; its title bar's close button puts it away."""
    action = QAction(text, window)
    action.setShortcut(QKeySequence(CHECKER_KEY))
    action.setToolTip(window.tr("Show the checker and go to it ({key})").format(
        key=CHECKER_KEY))

    def show() -> None:
        dock.show()
        dock.raise_()
        checker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    action.triggered.connect(lambda _checked=False: show())
    window.addAction(action)
    return action


def close_keys() -> list[QKeySequence]:
    """The keys that close the editor: the system's Close keys (with Ctrl+W), and Escape."""
    keys = [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close) if not k.isEmpty()]
    for extra in (QKeySequence("Ctrl+W"), QKeySequence(Qt.Key.Key_Escape)):
        if extra not in keys:
            keys.append(extra)
    return keys
