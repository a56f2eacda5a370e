"""A colour setting: a swatch button that opens a colour picker, and hex entry.

Keyboard: Tab reaches the swatch, then the hex box; Space, Enter or Return on
the swatch opens the colour picker.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class SwatchButton(QPushButton):
    """A button that also clicks on Enter and Return, as Space does, in or out of a dialog."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)


class ColourField(QWidget):
    """A ``#rrggbb`` colour chosen with a picker or typed in.

    ``colour_changed(str)`` is emitted with the new colour (lower case) when
    the picker closes with a choice or a complete hex value is typed.
    """

    colour_changed = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._colour = "#000000"
        self.swatch = SwatchButton()
        self.swatch.setFixedWidth(44)
        # Not the dialog's default button: Enter here opens the picker only.
        self.swatch.setAutoDefault(False)
        self.swatch.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.swatch.setAccessibleName(self.tr("Choose the {name} colour").format(name=name))
        self.swatch.setToolTip(self.tr("Choose the {name} colour (Space or Enter)").format(
            name=name))
        self.hex = QLineEdit()
        self.hex.setMaxLength(7)
        self.hex.setPlaceholderText("#rrggbb")
        self.hex.setValidator(QRegularExpressionValidator(QRegularExpression(r"#[0-9a-fA-F]{0,6}")))
        self.hex.setAccessibleName(self.tr("{name} colour as a hex code").format(name=name))
        self.hex.setAccessibleDescription(self.tr("Six hex digits after a hash, like #1a2b3c."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.swatch)
        layout.addWidget(self.hex, 1)
        # No focus proxy: in Qt 6 a focus proxy takes its siblings out of the Tab
        # chain, which left the swatch reachable by mouse only.
        QWidget.setTabOrder(self.swatch, self.hex)
        self.swatch.clicked.connect(self.pick_colour)
        self.hex.textEdited.connect(self._typed)
        self.set_colour("#000000")

    def colour(self) -> str:
        """The colour as ``#rrggbb``."""
        return self._colour

    def set_colour(self, colour: str) -> None:
        """Show ``colour`` (no signal)."""
        self._colour = colour.lower()
        if self.hex.text().lower() != self._colour:
            self.hex.setText(self._colour)
        # The swatch shows the colour; the hex code beside it says it in text.
        self.swatch.setStyleSheet(
            f"QPushButton {{ background: {self._colour}; border: 2px solid palette(text); "
            "min-height: 22px; }")
        self.swatch.setAccessibleDescription(
            self.tr("Now {colour}. Space or Enter opens the colour picker.").format(
                colour=self._colour))

    def pick_colour(self) -> None:
        """Open the colour picker; a choice updates the field."""
        chosen = self.ask_colour(QColor(self._colour))
        if chosen.isValid():
            self._set_and_emit(chosen.name())

    def ask_colour(self, current: QColor) -> QColor:
        """The colour picker (modal); an invalid colour when it is cancelled. Tests replace it."""
        return QColorDialog.getColor(
            current, self, self.tr("Choose the {name} colour").format(name=self._name))

    def _typed(self, text: str) -> None:
        if _HEX.match(text):
            self._set_and_emit(text)

    def _set_and_emit(self, colour: str) -> None:
        colour = colour.lower()
        if colour == self._colour:
            return
        self.set_colour(colour)
        self.colour_changed.emit(colour)
