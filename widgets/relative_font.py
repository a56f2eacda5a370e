"""Headings and other text sized relative to the interface, that stay so when it changes.

A heading made larger by setting its own font (the application font × 1.5,
say) keeps that point size for ever: Qt hands a new application font
(View › Interface size) only to widgets that have not set their own. So the
practice window's heading, the checker's scores and group headings and the
lesson editor's text stayed at 100% when a trainer made the interface 200%.
:func:`set_relative_font` sets such a font and remembers how it was made;
:func:`refresh_relative_fonts`, called once the application font has
changed, makes each one again from the new application font.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


def set_relative_font(widget: QWidget, factor: float = 1.0, *, bold: bool = False,
                      least_pt: float = 0.0, family: str | None = None) -> None:
    """Give ``widget`` the application font × ``factor`` (at least ``least_pt``), bold if
    asked, in ``family`` if given; :func:`refresh_relative_fonts` makes it again."""
    recipe = widget.findChild(_FontRecipe, options=_DIRECT) or _FontRecipe(widget)
    recipe.factor, recipe.bold, recipe.least_pt, recipe.family = factor, bold, least_pt, family
    recipe.apply()


def refresh_relative_fonts() -> int:
    """Make every font set by :func:`set_relative_font` again from the application font
    as it is now (after View › Interface size); returns how many were made."""
    count = 0
    for widget in QApplication.allWidgets():
        recipe = widget.findChild(_FontRecipe, options=_DIRECT)
        if recipe is not None:
            recipe.apply()
            count += 1
    return count


class _FontRecipe(QObject):
    """How its widget's font is made from the application font (a child of the widget,
    so it goes with it)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.factor, self.bold, self.least_pt, self.family = 1.0, False, 0.0, None

    def apply(self) -> None:
        widget = self.parent()
        interface = QApplication.font(widget)
        font = QFont(self.family) if self.family else QFont(interface)
        font.setPointSizeF(max(self.least_pt, interface.pointSizeF() * self.factor))
        font.setBold(self.bold)
        widget.setFont(font)
