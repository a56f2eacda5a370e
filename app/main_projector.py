"""Projector mode for the main window: start it, keep its text size, carry the captions.

A mixin for :class:`app.main_window.MainWindow` (which gives ``lesson``,
``profile()``, ``view``, ``act``, ``captions_window`` and ``show_message``).

Live captions over the projector are carried inside it while it presents. A
window manager keeps a full-screen window above every other, so the
captions' own "always on top" window disappeared behind the projector on a
desktop with one (checked with Openbox; GNOME and KDE stack full-screen
windows the same way). While presenting, the captions are a strip above or
below the slide, as placed in their settings ("floating" goes below). When
the projector goes, they are a window of their own again, shown if they were.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from lessons.presets import default_preset


class Presenting:
    """Projector mode (F11) for the main window."""

    projector = None
    _projector_zoom = 1.0

    def start_projector(self):
        """Present the lesson full screen (Esc comes back)."""
        if self.lesson is None:
            self.show_message(self.tr("Choose a lesson first."))
            return None
        if self.projector is not None:
            # Already presenting (F11 again from this window on another screen):
            # bring it forward rather than start a second one.
            self.projector.present()
            return self.projector
        from widgets.projector import ProjectorView

        self.projector = ProjectorView()
        self.projector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.projector.set_profile(self.profile() if self._adapted else default_preset())
        self.projector.set_lesson(self.lesson)
        # The size a trainer chose for the room is kept for the next presentation.
        self.projector.view.set_zoom(self._projector_zoom)
        self.projector.view.zoom_changed.connect(self._keep_projector_zoom)
        self.projector.left.connect(self._projector_left)
        # Closed any other way than Escape (the window manager, a script), it is
        # deleted: forget it so a new profile or lesson is not sent to it.
        self.projector.destroyed.connect(self._projector_gone)
        # The window's keys work while presenting: captions (Ctrl+Shift+C), dictation
        # (F9), read aloud, the ruler. Not F11 (a second projector) nor F6 (this window).
        own = (self.act.projector, self.act.next_area, self.act.previous_area)
        self.projector.addActions([a for a in self.actions()
                                   if not a.shortcut().isEmpty() and a not in own])
        # The captions ride inside it: nothing stays above a full-screen window.
        self._carry_captions()
        self.projector.closing.connect(self._release_captions)
        if self.captions_window is not None:
            self.captions_window.settings_changed.connect(
                self._captions_moved, Qt.ConnectionType.UniqueConnection)
        self.projector.present()
        return self.projector

    def _carry_captions(self) -> None:
        captions, projector = self.captions_window, self.projector
        if captions is not None and projector is not None:
            captions.embed(projector)
            projector.carry(captions, at_top=captions.settings().placement == "top")

    def _release_captions(self) -> None:
        if self.captions_window is not None:
            self.captions_window.unembed()

    def _captions_moved(self, _settings) -> None:
        # Top or bottom chosen from the captions' menu while presenting.
        if self.captions_window.is_embedded():
            self._carry_captions()

    def _keep_projector_zoom(self, zoom: float) -> None:
        self._projector_zoom = zoom

    def _projector_gone(self, *_args) -> None:
        self.projector = None

    def _projector_left(self) -> None:
        self.projector = None
        self.activateWindow()
        self.view.setFocus()
