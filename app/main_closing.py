"""Closing the main window: nothing a pupil or teacher was doing is lost.

A mixin for :class:`app.main_window.MainWindow` (it uses the window's
``read_aloud``, ``captions``, ``dictation``, ``model_manager``, ``settings``,
``projector``, ``editor``, ``captions_window`` and ``show_status``). First
every window with work of its own (lesson editors, practice) is asked to
close, and a Cancel there keeps the whole app open; then read aloud and
captions stop, the phrase a pupil was saying is finished and saved, the
pupil is asked about dictated text never saved to a file (a Cancel there
keeps the app open too, with dictation stopped), and the rest shuts down.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from app import settings as keys
from app.ui_scale import dock_homes


class Closing:
    """The main window's close, for the main window (which sets ``_closing`` to False)."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Asked again while a question below or the last words are pending (a second
        # click on the close button): the first close carries on.
        if self._closing:
            event.ignore()
            return
        self._closing = True
        try:
            # First, as nothing has been stopped or saved yet: a Cancel in a window
            # with unsaved work keeps the whole app as it was.
            if not self.close_work_windows():
                event.ignore()
                return
            # Read aloud and captions stop first, so they neither speak into the
            # microphone nor compete for the processor with the last decode.
            self._tell("stop", self.read_aloud, self.captions)
            # The phrase a pupil was saying goes into the text before it closes, and
            # then the pupil is asked about text never saved: Cancel keeps the app.
            finish = getattr(self.dictation, "finish_last_words", None)
            if callable(finish):
                self.show_status(self.tr("Saving the last words dictated…"))
                finish()
            confirm = getattr(self.dictation, "confirm_close", None)
            if callable(confirm) and not confirm():
                self.dictation.close_cancelled()
                self.show_status(self.tr("Lesson Lab stays open; dictation has stopped."))
                event.ignore()
                return
            self._tell("shutdown", self.read_aloud, self.captions)
        finally:
            self._closing = False
        self.settings.set(keys.GEOMETRY, self.saveGeometry())
        self.settings.set(keys.STATE, self.saveState())
        self.settings.dock_homes = dock_homes(self._docks)
        self.settings.sync()
        self._tell("shutdown", self.dictation, self.model_manager)
        for window in (self.projector, self.editor, self.captions_window):
            if window is not None:
                window.close()
        super().closeEvent(event)

    @staticmethod
    def _tell(method: str, *controllers) -> None:
        """Call ``method`` ("stop", "shutdown") on each controller that is there and has it."""
        for controller in controllers:
            call = getattr(controller, method, None)
            if callable(call):
                call()

    def close_work_windows(self) -> bool:
        """Ask each open window with work of its own (lesson editors, practice) to close.

        Each asks about its unsaved work as when closed by itself. False when
        one stays open (Cancel); it is brought forward, and this window must
        stay open too.
        """
        for child in self.children():
            # These windows are children of this one: without this, closing it
            # would destroy them without their own close (and its question).
            if (isinstance(child, QWidget) and child.isWindow() and child.isVisible()
                    and callable(getattr(child, "has_unsaved_work", None))
                    and not child.close()):
                child.raise_()
                child.activateWindow()
                return False
        return True
