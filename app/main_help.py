"""The main window's tools and help: speech models, the lesson checker, the
shortcuts list, the first-run welcome and About.

A mixin for :class:`app.main_window.MainWindow`. ``start_background_work``
runs once the window is up: it asks ``app.speech_report`` (on a worker
thread) what speech works here, names the engine and voice in the status
bar, and shows the welcome on a first run. ``show_welcome`` is a method so
tests can replace it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.main_menus import shortcut_rows


class ToolsAndHelp:
    """Tools and Help menu commands, and the first-run welcome, for the main window."""

    def open_model_manager(self):
        """Open the speech models (downloads keep running when it closes)."""
        if self.model_dialog is None:
            from app.model_manager import open_model_manager

            self.model_dialog, self.model_manager = open_model_manager(self)
            # A Vosk model downloaded, imported or removed: the engine menu follows.
            manager = self.model_manager
            manager.rows_changed.connect(lambda: self._vosk_models_changed(manager))
        else:
            self.model_manager.refresh()
        self.model_dialog.show()
        self.model_dialog.raise_()
        return self.model_dialog

    def _vosk_models_changed(self, manager) -> None:
        ready = manager.vosk_ready()
        if ready is not None:
            self.act.set_vosk_ready(ready)

    def open_lesson_editor(self):
        """The lesson's text with the checker beside it (the file is never changed)."""
        from app.practice import open_lesson_editor

        return open_lesson_editor(self, self.lesson_path, self.profile())

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(keys, what, where) for every shortcut, read from the live actions."""
        return shortcut_rows(self)

    def show_shortcuts(self):
        """Help > Keyboard shortcuts."""
        from app.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def start_background_work(self) -> None:
        """After the window is up: ask what speech works here, then welcome a first run."""
        from app.speech_report import SpeechReportLoader

        self._speech_loader = SpeechReportLoader(self)
        self._speech_loader.ready.connect(self._speech_report_ready)
        self._speech_loader.failed.connect(lambda message: self._speech_report_ready(None))
        self._speech_loader.start()

    def _speech_report_ready(self, report) -> None:
        from app.speech_report import engine_status_text, voice_status_text

        self.speech_report = report
        # The report says what would run; a controller that has loaded its
        # engine or voice has already said what does, and is not overwritten.
        if report is not None:
            if not self.speech_status.engine_named:
                self.set_engine_status(engine_status_text(report, self.settings.engine))
            if not self.speech_status.voice_named:
                self.set_voice_status(voice_status_text(report))
        if not self.settings.welcome_shown:
            self.settings.welcome_shown = True
            self.show_welcome(report)
        self.speech_report_ready.emit(report)

    def show_welcome(self, report):
        """Show the welcome (not modal). Tests replace this."""
        from app.welcome import WelcomeDialog

        key = self.act.models.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        dialog = WelcomeDialog(report, key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.models_requested.connect(lambda: self.open_model_manager())
        dialog.destroyed.connect(lambda *_: self._welcome_gone(dialog))
        self.welcome_dialog = dialog
        dialog.open()
        return dialog

    def _welcome_gone(self, dialog) -> None:
        if self.welcome_dialog is dialog:
            self.welcome_dialog = None

    def show_welcome_again(self) -> None:
        """Help > Welcome."""
        self.show_welcome(self.speech_report)

    def show_about(self):
        """Help > About: version, licence, the parts it is made with and where data is kept."""
        from app.about import AboutDialog, app_places

        store = getattr(self, "store", None)
        dialog = AboutDialog(app_places(getattr(store, "folder", None)), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
