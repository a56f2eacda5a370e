"""The word bank's words, a few lines tall however many there are; more scroll.

The dictation panel sits in a dock beside the lesson, with the pupil's text
above the word bank. The words used to ask for their height with a word a
line (their height at the narrowest the panel may be), so each key word made
the panel's least height grow: with 80 key words it was 3,329 px at 100%
and 8,748 px at 200%, the dock scrolled, and the pupil's own text, Read back
and Save went out of sight below or above. Here the words ask for at most
:data:`SHOWN_LINES` lines and need at least :data:`LEAST_LINES`, at any
width; more words scroll up and down within those lines, and a word reached
with the arrow keys is scrolled into view (``show_word``).

The least height depends on the words' font and number only, never on the
width the panel has, so no window round it has to grow or shrink as it is
resized (a least height that followed the width made the main window's
size unsteady at large interface sizes).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from widgets.flow_area import FlowArea

#: Lines of words the bank asks for when it has room (more scroll).
SHOWN_LINES = 4
#: Lines of words the bank keeps however short the panel is.
LEAST_LINES = 2


class _Words(FlowArea):
    """The words themselves, as tall as they need at the width the view gives them.

    Only one line tall at least: the view around them scrolls, and a least
    height of a word a line would make it scroll through empty lines.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(hint.width(), min(hint.height(), line_height(self)))


def line_height(words: FlowArea) -> int:
    """The height of one line of ``words``: the tallest word shown."""
    return max((w.sizeHint().height() for w in words.widgets() if not w.isHidden()), default=0)


class WordLines(QScrollArea):
    """Holds the word bank's words (``words``, a :class:`FlowArea`), scrolling up and down."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._gap = spacing
        self.words = _Words(spacing=spacing)
        self.setWidget(self.words)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The words are the Tab stops (one of them: widgets/word_bank.py); the area is not.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_word(self, word: QWidget) -> None:
        """Scroll so that ``word`` shows whole."""
        self.ensureWidgetVisible(word, 0, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # At the width it has: the words of a short list on two lines ask for two.
        return self._size(SHOWN_LINES, self.viewport().width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._size(LEAST_LINES, 0)

    def event(self, event: QEvent) -> bool:
        # The words changed (new words, a new font): so may the lines asked for.
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().event(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        before = self._size(SHOWN_LINES, event.oldSize().width() - self._sides())
        super().resizeEvent(event)
        if self.sizeHint() != before:
            self.updateGeometry()

    def _size(self, lines: int, width: int) -> QSize:
        """As wide as the widest word and a scroll bar; as tall as the words need at
        ``width`` (with a word a line if they do not fit in it), up to ``lines`` lines."""
        widest = self.words.minimumSizeHint().width()
        needed = self.words.heightForWidth(max(widest, width, 1))
        height = min(needed, lines * (line_height(self.words) + self._gap) - self._gap)
        return QSize(widest + self._sides(), height + 2 * self.frameWidth())

    def _sides(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
