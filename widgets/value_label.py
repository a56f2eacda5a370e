"""A label whose words are the information (a count, a state, a result), for screen readers.

Qt's QLabel reaches a screen reader over AT-SPI with no Text interface: all
the reader gets is the label's accessible name. A fixed accessible name
("Lessons shown") therefore *replaces* what the label shows ("16 lessons"),
and a reader never hears the value. A :class:`ValueLabel` keeps its
accessible name equal to what it shows, after an optional caption:
"Colour contrast: Text on background: 2.32:1 (fail); …".

Use it for every label that shows a value or a message. A plain QLabel is
still right for a caption beside a control (its buddy): that label's text
*is* its name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt::mightBeRichText lives in Qt GUI
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

_ENDS_A_SENTENCE = (".", "!", "?", ":", ";", ",", "…")


def spoken_text(text: str, caption: str = "") -> str:
    """``text`` as one line for a reader, after ``caption`` ("" when there is no text).

    Lines are joined with a pause ("; ") unless a line already ends in
    punctuation, so "2.32:1 (fail)" and the next pair are not run together.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    spoken = lines[0]
    for line in lines[1:]:
        spoken += (" " if spoken.endswith(_ENDS_A_SENTENCE) else "; ") + line
    return f"{caption}: {spoken}" if caption else spoken


class ValueLabel(QLabel):
    """A QLabel whose accessible name follows its text: ``caption: text``.

    ``setText`` and ``clear`` keep the name up to date. ``set_text(text,
    spoken)`` shows ``text`` but names the label with ``spoken`` instead, for
    a value that changes faster than a reader could follow (a level in
    decibels) or has a mark a reader would say badly ("Standard *").
    """

    def __init__(self, caption: str = "", text: str = "", parent: QWidget | None = None,
                 *, hide_when_empty: bool = False) -> None:
        super().__init__(parent)
        self._caption = caption
        self._spoken: str | None = None
        # An empty label shows nothing, but a reader still meets it, unnamed.
        self._hide_when_empty = hide_when_empty
        self.setText(text)

    def caption(self) -> str:
        """What the value is, said before it ("" for none)."""
        return self._caption

    def set_caption(self, caption: str) -> None:
        """Say ``caption`` before the value from now on."""
        self._caption = caption
        self._name()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Show ``text``; the accessible name becomes ``caption: text``."""
        self._spoken = None
        super().setText(text)
        self._name()

    def set_text(self, text: str, spoken: str | None = None) -> None:
        """Show ``text`` and name the label ``caption: spoken`` (``spoken`` None: the text)."""
        super().setText(text)
        self._spoken = spoken
        self._name()

    def clear(self) -> None:
        """Show nothing (and name nothing)."""
        self._spoken = None
        super().clear()
        self._name()

    def _name(self) -> None:
        if self._hide_when_empty:
            if not self.text():
                self.hide()
            elif self.parentWidget() is not None:  # never a window of its own
                self.show()
        name = spoken_text(self._spoken if self._spoken is not None else self._plain(),
                           self._caption)
        # Only on a change: each new name is an event on the accessibility bus.
        if name != self.accessibleName():
            self.setAccessibleName(name)

    def _plain(self) -> str:
        text = self.text()
        rich = self.textFormat() == Qt.TextFormat.RichText or (
            self.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
        if not rich:
            return text
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
