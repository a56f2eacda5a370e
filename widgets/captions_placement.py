"""Where the live captions sit: along the top or the bottom of a screen, floating, or
inside a full-screen presentation.

In a window of their own the captions stay on top of every other window (a
slide show in another program, say), except the app's own dialogs: while one
of those is in use (the keyboard shortcuts, the model manager, a message; any
window of the app with a parent window), the captions step out of the
always-on-top layer so they do not cover it, and step back when it goes.

A mixin for :class:`widgets.captions_window.CaptionsWindow`, which gives
``_settings`` (its ``CaptionSettings``: placement and frame), ``text`` (the
caption lines, whose ``height_for_lines`` sets the band's height) and
``_note_height(width)`` (the running-behind note's strip, 0 while hidden).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import QWidget

_NO_LIMIT = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export


class CaptionsPlacement:
    """Placing the captions window on its screen, or inside a presentation."""

    _embedded = False  # shown inside a presentation (see ``embed``)

    def move_to_screen(self, screen: QScreen) -> None:
        """Show the captions on ``screen`` (for example the projector), placed as set."""
        self.setScreen(screen)
        if self._settings.placement == "floating":
            area = screen.availableGeometry()
            self.move(area.left() + area.width() // 6, area.top() + area.height() * 2 // 3)
        self.place()

    def embed(self, host: QWidget) -> None:
        """Show inside ``host`` (a full-screen presentation) instead of in a window of its own.

        A window manager keeps a full-screen window above every other, "always
        on top" or not, so over the projector or trainer mode the captions must
        be part of it. Hidden or shown stays as it was; ``host`` lays the band
        out (``widgets.presentation.CaptionsCarrier`` does both).
        """
        hidden = self.isHidden()
        self._embedded = True
        self.setParent(host, Qt.WindowType.Widget)
        self.place()
        self.setHidden(hidden)

    def unembed(self) -> None:
        """Back to a window of its own (after :meth:`embed`), shown if it was.

        Then ``presentation_left`` goes out, so the app can decide what the
        captions should do now.
        """
        if not self._embedded:
            return
        hidden = self.isHidden()
        self._embedded = False
        self.setParent(None)
        self.setMinimumHeight(0)
        self.setMaximumHeight(_NO_LIMIT)
        self._apply_window_flags()
        self.setHidden(hidden)
        self.place()
        self.presentation_left.emit()

    def is_embedded(self) -> bool:
        """True while shown inside another window (see :meth:`embed`)."""
        return self._embedded

    def place(self) -> None:
        """Put the window where its placement says, on the screen it is on."""
        if self._embedded:  # the host gives the width
            self.setFixedHeight(self.text.height_for_lines() + self._note_height(self.width()))
            return
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if self._settings.placement == "floating":
            keep = self.isVisible() and self.width() > 200
            width = self.width() if keep else area.width() * 2 // 3
            self.resize(width, self.text.height_for_lines() + self._note_height(width))
            return
        height = self.text.height_for_lines() + self._note_height(area.width())
        # The frame's own height (title bar) counts too when there is one.
        frame = max(0, self.frameGeometry().height() - self.geometry().height())
        if self._settings.placement == "top":
            top = area.top() + frame
        else:
            top = area.bottom() + 1 - height - frame
        self.setGeometry(QRect(area.left(), top, area.width(), height))

    def watch_dialogs(self) -> None:
        """Make way for the app's dialogs (see the module's notes); called once."""
        QGuiApplication.instance().focusWindowChanged.connect(self._make_way)

    def on_top(self) -> bool:
        """Whether the captions' window is in the always-on-top layer now."""
        handle = self.windowHandle()
        if self._embedded or handle is None:
            return False
        return bool(handle.flags() & Qt.WindowType.WindowStaysOnTopHint)

    def _make_way(self, focus: QWindow | None) -> None:
        handle = self.windowHandle()
        if self._embedded or handle is None:
            return
        # A dialog has a parent window; the main windows and other programs do not.
        dialog = focus is not None and focus is not handle and focus.transientParent() is not None
        if self.on_top() == (not dialog):
            return
        # On the native window, not the widget: that would hide and show it again.
        handle.setFlag(Qt.WindowType.WindowStaysOnTopHint, not dialog)
        if dialog:
            focus.raise_()  # above the captions, which keep their place over the rest

    def _apply_window_flags(self) -> None:
        if self._embedded:
            return  # part of a presentation until unembedded
        visible = self.isVisible()
        flags = Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
        if self._settings.frameless:
            flags |= Qt.WindowType.FramelessWindowHint
        self.setWindowFlags(flags)
        if visible:  # changing the flags hides a window
            self.show()
