"""Presenting from the main window: projector mode, and what every presentation borrows.

A mixin for :class:`app.main_window.MainWindow` (which gives ``lesson``,
``profile()``, ``view``, ``act``, ``captions_window`` and ``show_message``).

Every full-screen presentation this window opens (the projector, F11; trainer
mode, Ctrl+Shift+T or a practice window's F5) borrows two things from it
through :meth:`Presenting.lend_to`:

- the live captions, carried inside the presentation while it shows (a
  window manager keeps a full-screen window above "always on top" ones, so
  their own window would be hidden: see widgets/presentation.py);
- the window's keys: captions (Ctrl+Shift+C), dictation (F9), read aloud,
  the ruler; not those that would open another presentation over it (F11,
  Ctrl+Shift+T), move about this hidden window (F6), or that the
  presentation answers itself (its text size).

The projector also borrows read aloud: while it shows, read aloud reads and
highlights the projector's view (the class sees the spoken word on the
slide), and a reading under way moves there from the word being read;
leaving the projector moves it back to the view it came from.

The projector opens on the section the window shows (the caret's, or the
one at the top of the view). Leaving the projector (Esc, or however it
closes), the window shows the section the trainer was on: turned to it in
focus mode, scrolled to its heading when the whole lesson shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from lessons.presets import default_preset
from widgets.page_headings import page_at, section_heading


class Presenting:
    """Projector mode (F11) for the main window."""

    projector = None
    _projector_zoom = 1.0
    _captions_carrier = None
    _read_aloud_home = None  # the view read aloud read before the projector took it

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
        # It opens on the section the trainer is looking at, not back at the start.
        self.projector.view.go_to_section(self._section_shown())
        # The size a trainer chose for the room is kept for the next presentation.
        self.projector.view.set_zoom(self._projector_zoom)
        self.projector.view.zoom_changed.connect(self._keep_projector_zoom)
        self.projector.left.connect(self._projector_left)
        # Closed any other way than Escape (the window manager, a script), it is
        # deleted: forget it so a new profile or lesson is not sent to it.
        self.projector.destroyed.connect(self._projector_gone)
        # Back in the window, the lesson is where the trainer left it; before read
        # aloud comes back, so a reading under way is found on that page.
        self.projector.closing.connect(self._projector_closing)
        # Read aloud comes back while the projector's view is still there to leave.
        self.projector.closing.connect(self._read_aloud_back)
        self.lend_to(self.projector)
        self._lend_read_aloud(self.projector.view)
        self.projector.present()
        return self.projector

    def _section_shown(self) -> int:
        """The projector page of what the window shows: the page in focus mode; else
        the caret's section when the caret is in sight, or the section at the top."""
        view = self.view
        lesson = view.lesson()
        if lesson is None or view.profile().focus_mode:
            return view.section_index()
        caret = view.textCursor()
        in_sight = view.viewport().rect().intersects(view.cursorRect(caret))
        position = (caret.position() if in_sight
                    else view.cursorForPosition(view.viewport().rect().topLeft()).position())
        return page_at(view.document(), lesson, position)

    def show_presented_section(self, index: int) -> None:
        """Show page ``index`` of the projector (from 0) in the window's lesson view.

        In focus mode the view turns to that page; showing the whole lesson, it
        scrolls to the page's heading (the top for the first page) and puts the
        caret there.
        """
        view = self.view
        lesson = view.lesson()
        if lesson is None or not 0 <= index < view.section_count():
            return
        if view.profile().focus_mode:
            view.go_to_section(index)
            return
        document = view.document()
        block = section_heading(document, lesson, index)
        caret = QTextCursor(document)
        if block is not None:
            caret.setPosition(block.position())
        view.setTextCursor(caret)
        top = document.documentLayout().blockBoundingRect(block).top() if block else 0
        view.verticalScrollBar().setValue(int(top))

    def _projector_closing(self) -> None:
        if self.projector is not None:
            self.show_presented_section(self.projector.section_index())

    def _lend_read_aloud(self, view) -> None:
        """Read aloud reads (and highlights in) ``view`` until the projector goes."""
        reader = getattr(self, "read_aloud", None)
        if reader is None:
            return
        if self._read_aloud_home is None:
            self._read_aloud_home = reader.view()
        reader.move_to_view(view)

    def _read_aloud_back(self) -> None:
        """The projector has gone: read aloud reads the view it read before."""
        reader, home = getattr(self, "read_aloud", None), self._read_aloud_home
        self._read_aloud_home = None
        if reader is not None and home is not None:
            reader.move_to_view(home)

    def lend_to(self, presentation) -> None:
        """While ``presentation`` (a PresentationWindow) shows, it has this window's keys
        and carries its live captions; the captions come back when it closes."""
        practice = getattr(self.act, "practice", {})
        openers = (self.act.projector, practice.get("trainer"),
                   self.act.next_area, self.act.previous_area)
        presentation.addActions([
            a for a in self.actions()
            if a.shortcuts() and a not in openers
            and not any(presentation.keeps_shortcut(s) for s in a.shortcuts())])
        captions = self.captions_window
        if captions is None:
            return
        if self._captions_carrier is None or self._captions_carrier.captions is not captions:
            from widgets.presentation import CaptionsCarrier

            self._captions_carrier = CaptionsCarrier(captions)
        self._captions_carrier.carry_into(presentation)

    def _keep_projector_zoom(self, zoom: float) -> None:
        self._projector_zoom = zoom

    def _projector_gone(self, *_args) -> None:
        self.projector = None
        self._read_aloud_back()

    def _projector_left(self) -> None:
        self.projector = None
        self._read_aloud_back()
        self.activateWindow()
        self.view.setFocus()
