"""F6 and Shift+F6: move the keyboard between the window's areas.

The areas, in order: the library (when shown), the lesson (the adapted pane
in side by side), then each open dock (dictation, simulations, any a
controller adds). A mixin for :class:`app.main_window.MainWindow`; it uses
the window's ``library_dock``, ``library``, ``stack``, ``view``,
``side_by_side`` and ``_docks``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


class FocusAreas:
    """F6 focus cycling for the main window."""

    def focus_areas(self) -> list[tuple[QWidget, QWidget]]:
        """(area, widget to focus) for F6, in order: library, lesson, then each open dock."""
        current = self.stack.currentWidget()
        lesson = self.side_by_side.adapted if current is self.side_by_side else self.view
        areas = [(self.library_dock, self.library.list)] if self.library_dock.isVisible() else []
        areas.append((self.stack, lesson))
        for dock in self._docks:
            if dock is not self.library_dock and dock.isVisible() and dock.widget():
                areas.append((dock, _first_focusable(dock.widget())))
        return areas

    def cycle_focus(self, step: int = 1) -> QWidget:
        """Move the keyboard to the next (or previous) area; returns the widget focused."""
        areas = self.focus_areas()
        focus = QApplication.focusWidget()
        here = next((i for i, (area, _w) in enumerate(areas)
                     if focus is not None and (area is focus or area.isAncestorOf(focus))), -1)
        index = (here + step) % len(areas) if here >= 0 else (0 if step > 0 else len(areas) - 1)
        target = areas[index][1]
        if target.window() is not QApplication.activeWindow():
            target.window().activateWindow()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target


def _first_focusable(widget: QWidget) -> QWidget:
    """The first widget inside ``widget`` that Tab would stop at (or ``widget``)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return widget
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (widget.isAncestorOf(candidate) and candidate.isVisibleTo(widget)
                and candidate.isEnabled() and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus):
            return candidate
        candidate = candidate.nextInFocusChain()
    return widget
