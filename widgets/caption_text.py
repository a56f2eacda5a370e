"""The caption lines themselves: one to three very large lines, newest at the bottom.

Settled captions each start a new line and wrap to the width; the words still
being heard follow in a softer shade (still at least 4.5:1), with a dotted
underline and ending with "…" — not italics, which are hard for dyslexic
readers. Only the last N lines after wrapping are drawn, so old lines scroll
off the top.

The lesson's key words stand out in the captions, bold and underlined (not
by colour alone), so a pupil who reads the captions catches the subject's
words as the teacher says them.

A notice says what the captions are doing when they have nothing to show
("Listening…", quietly, in the same softer shade without an underline) or
plainly why nothing will come ("Not listening: …", in the full text colour).

A :class:`CaptionLagNote` says the captions are running behind. It is not a
caption line: the window shows it in a strip of its own beside the lines, so
it never takes a line, moves one, or goes into the history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from lessons.document_positions import one_per_position, readable
from lessons.text_rules import vocabulary_matches, vocabulary_pattern
from widgets.announce import announce
from widgets.soft_colour import soft_colour
from widgets.value_label import ValueLabel

PARTIAL_MARKER = "\u2026"
# The note about lateness at this share of the caption size (never below
# MIN_NOTE_PT): smaller than the captions, so it reads as a note about them,
# yet at 48 pt captions still about 29 pt, readable from the back of a room.
NOTE_SCALE = 0.6
MIN_NOTE_PT = 18.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("Captions", text)


@dataclass(frozen=True)
class _Line:
    text: str
    layout: QTextLayout
    index: int  # line number inside its layout
    kind: str = "final"  # "final", "partial", "notice" (quiet) or "alert" (plain)


class CaptionText(QWidget):
    """Draws the last ``lines`` wrapped lines of the captions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Live captions"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._finals: list[str] = []
        self._partial = ""
        self._waiting = ""  # shown only while there is nothing else, e.g. "Listening…"
        self._notice = ""  # shown after the captions whatever they hold, e.g. "Not listening"
        self._lines = 2
        self._foreground = QColor("#ffff00")
        self._background = QColor("#000000")
        self._cache: tuple[int, list[_Line]] | None = None
        self._key_words: list[str] = []
        self._key_pattern = None
        self.margin = 12

    # ---------------------------------------------------------------- content

    def set_content(self, finals: Sequence[str], partial: str) -> None:
        """Show these settled captions (oldest first) and the words still being heard."""
        self._finals = list(finals)
        self._partial = partial
        self._changed()

    def add_final(self, text: str) -> None:
        """A caption has settled: it replaces the partial and starts the next line."""
        self._finals.append(text)
        # Only the newest few can be on screen; each settled caption takes a line at least.
        del self._finals[:-max(3, self._lines)]
        self._partial = ""
        self.setAccessibleDescription(text)
        announce(self, text)
        self._changed()

    def set_partial(self, text: str) -> None:
        """Show the words still being heard."""
        self._partial = text
        self._changed()

    def clear(self) -> None:
        """Show no captions (a notice stays)."""
        self.set_content([], "")

    def set_key_words(self, words: Sequence[str]) -> None:
        """The lesson's key words, to stand out in what is said."""
        self._key_words = list(words)
        self._key_pattern = vocabulary_pattern(self._key_words)
        self._changed()

    def key_words_shown(self) -> list[str]:
        """The key words standing out on screen now, top to bottom (for tests)."""
        found = []
        for line in self._visible():
            text = one_per_position(line.layout.text())  # index = Qt's position
            start = line.layout.lineAt(line.index).textStart()
            end = start + line.layout.lineAt(line.index).textLength()
            found += [readable(text[r.start:r.start + r.length]) for r in line.layout.formats()
                      if r.format.fontWeight() == QFont.Weight.Bold
                      and start <= r.start < end]
        return found

    def set_notice(self, waiting: str = "", notice: str = "") -> None:
        """``waiting`` shows only on an empty screen; ``notice`` after any captions."""
        self._waiting, self._notice = waiting, notice
        self._changed()

    def notice(self) -> str:
        """The notice on screen now ("" when the captions fill it)."""
        if not any(line.kind in ("notice", "alert") for line in self._visible()):
            return ""
        return self._notice or self._waiting

    def soft_colour(self) -> str:
        """The shade of the words still being heard and of the notice, as ``#rrggbb``."""
        return soft_colour(self._foreground.name(), self._background.name())

    # ---------------------------------------------------------------- look

    def set_lines(self, lines: int) -> None:
        """How many lines to show (1 to 3)."""
        self._lines = max(1, min(3, lines))
        self._changed()

    def set_colours(self, foreground: str, background: str) -> None:
        """Text and background colours as ``#rrggbb``."""
        self._foreground = QColor(foreground)
        self._background = QColor(background)
        self.setAutoFillBackground(False)
        self._changed()  # the softer shade follows the colours

    def colours(self) -> tuple[str, str]:
        """(text, background) as ``#rrggbb``."""
        return self._foreground.name(), self._background.name()

    def setFont(self, font: QFont) -> None:  # noqa: N802 - Qt API
        super().setFont(font)
        self._changed()

    def line_height(self) -> float:
        """Height of one caption line in pixels."""
        return QFontMetricsF(self.font()).lineSpacing()

    def height_for_lines(self, lines: int | None = None) -> int:
        """Pixels needed to show ``lines`` lines (the current setting when ``None``)."""
        count = lines if lines is not None else self._lines
        return round(self.line_height() * count + 2 * self.margin)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(800, self.height_for_lines())

    # ---------------------------------------------------------------- what is shown

    def shown_lines(self) -> list[str]:
        """The lines on screen now, top to bottom, as text (the partial ends with "…")."""
        return [line.text for line in self._visible()]

    def _visible(self) -> list[_Line]:
        width = max(1, self.width() - 2 * self.margin)
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        paragraphs = [(text, "final") for text in self._finals if text.strip()]
        if self._partial.strip():
            paragraphs.append((f"{self._partial.strip()} {PARTIAL_MARKER}", "partial"))
        if self._notice:
            paragraphs.append((self._notice, "alert"))
        elif not paragraphs and self._waiting:
            paragraphs.append((self._waiting, "notice"))
        lines: list[_Line] = []
        soft = QColor(self.soft_colour())
        for text, kind in paragraphs:
            layout = QTextLayout(text, QFont(self.font()))
            # Qt counts in positions, an emoji two: index i of this is position i.
            positions = one_per_position(text)
            formats = []
            if kind in ("partial", "notice"):
                formats.append(_soft_range(len(positions), soft, underline=kind == "partial"))
            if kind in ("final", "partial"):
                formats += [_key_word_range(start, end - start, solid=kind == "final")
                            for start, end, _word in vocabulary_matches(
                                positions, self._key_pattern, self._key_words)]
            layout.setFormats(formats)
            layout.beginLayout()
            index = 0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                segment = readable(
                    positions[line.textStart(): line.textStart() + line.textLength()])
                lines.append(_Line(segment.strip(), layout, index, kind))
                index += 1
            layout.endLayout()
        shown = lines[-self._lines:]
        self._cache = (width, shown)
        return shown

    def _changed(self) -> None:
        self._cache = None
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._cache = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        painter.setPen(self._foreground)
        visible = self._visible()
        # Newest line at the bottom, as in subtitles: pad any unused lines above.
        y = self.height() - self.margin - self.line_height() * len(visible)
        for entry in visible:
            line = entry.layout.lineAt(entry.index)
            line.draw(painter, QPointF(self.margin, y - line.y()))
            y += self.line_height()
        painter.end()


class CaptionLagNote(QWidget):
    """A boxed note in a strip of its own: the captions are running behind.

    Hidden until :meth:`set_shown`. The box (a border in the text colour) and
    the smaller size set it apart from what was said without relying on
    colour; the words say it plainly. Colours and font follow the captions'
    (:meth:`set_look`).
    """

    def __init__(self, parent: QWidget | None = None, margin: int = 12) -> None:
        super().__init__(parent)
        # A ValueLabel: a reader hears the note's words, also after they were announced
        # (the name "Note about the captions" stood in place of them).
        self.label = ValueLabel(_tr("Note about the captions"), parent=self)
        self.label.setObjectName("captionLagNote")
        self.label.setWordWrap(True)
        self.label.setText(lag_note_text())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        # The box hugs its words on one line when they fit (``set_look`` caps its
        # width), and wraps only when the band is narrower than that.
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1)
        layout.addStretch(0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.shown = False  # asked for; on screen too while the window is
        self.hide()

    def set_shown(self, shown: bool) -> bool:
        """Show or hide the note; True when that changed it."""
        if shown == self.shown:
            return False
        self.shown = shown
        self.setVisible(shown)
        return True

    def text(self) -> str:
        """The note's words."""
        return self.label.text()

    def set_look(self, foreground: str, background: str, font: QFont) -> None:
        """The captions' colours, and their font at ``NOTE_SCALE`` of its size."""
        self.label.setStyleSheet(
            f"QLabel#captionLagNote {{ color: {foreground}; background: {background};"
            f" border: 3px solid {foreground}; padding: 2px 12px; }}")
        small = QFont(font)
        small.setPointSizeF(max(MIN_NOTE_PT, font.pointSizeF() * NOTE_SCALE))
        self.label.setFont(small)
        self.label.ensurePolished()  # the style sheet's border and padding count too
        self.label.setWordWrap(False)
        self.label.setMaximumWidth(self.label.sizeHint().width())  # the words on one line
        self.label.setWordWrap(True)

    def height_for(self, width: int) -> int:
        """Pixels the strip needs at ``width`` (its words may wrap)."""
        height = self.heightForWidth(width)
        return height if height > 0 else self.sizeHint().height()


def lag_note_text() -> str:
    """What the room is told while the captions run behind the speaker."""
    return _tr("Captions are running behind because the computer is busy. "
               "They will catch up.")


def _key_word_range(start: int, length: int, solid: bool) -> QTextLayout.FormatRange:
    """A key word: bold, and underlined (in words still being heard it keeps their dotted
    underline, which marks a guess)."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    if solid:
        fmt.setFontUnderline(True)
    found = QTextLayout.FormatRange()
    found.start, found.length, found.format = start, length, fmt
    return found


def _soft_range(length: int, colour: QColor, underline: bool) -> QTextLayout.FormatRange:
    """The softer shade over a whole paragraph; a dotted underline for words being heard.

    Not colour alone and not italics: the dotted underline and the "…" mark a guess.
    """
    fmt = QTextCharFormat()
    fmt.setForeground(colour)
    if underline:
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    whole = QTextLayout.FormatRange()
    whole.start, whole.length, whole.format = 0, length, fmt
    return whole
