"""What the window shell puts in its menus and tool bar for read aloud.

A mixin for ``ReadAloudController`` (app/read_aloud.py): the Read aloud
actions, the voice menu and the speed control, made on first use by
``ReadAloudControls`` (app/read_aloud_ui.py, imported only then).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class WindowControls:
    """The controller's actions, voice menu and speed control (mixed into ReadAloudController)."""

    _ui = None  # the ReadAloudControls, once made

    def actions(self) -> list:
        """The Read aloud actions with their shortcuts, for a menu and a toolbar."""
        return self.controls().actions()

    def toolbar_actions(self) -> list:
        """The actions worth a tool bar button: read/pause, stop, previous, next sentence."""
        return self.controls().toolbar_actions()

    def voice_menu(self, parent: QWidget | None = None):
        """A menu of the installed voices (British English first), one ticked."""
        return self.controls().voice_menu(parent)

    def rate_widget(self, parent: QWidget | None = None) -> QWidget:
        """A small speed control (a slider from 0.5× to 2× and the speed in words)."""
        return self.controls().rate_widget(parent)

    def controls(self):
        """The ``ReadAloudControls`` (app/read_aloud_ui.py): each action by name."""
        if self._ui is None:
            from app.read_aloud_ui import ReadAloudControls

            self._ui = ReadAloudControls(self)
        return self._ui
