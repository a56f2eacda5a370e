"""The lesson text box shows a lesson's structure, not only its Markdown.

Teachers edit the lesson as Markdown (lessons/FORMAT.md). This module makes
the text box read the way the lesson will: without changing one character
of the text, it only draws it differently (a ``QSyntaxHighlighter``).
Which character looks like what is decided by lessons/markup_looks.py
(pure text rules, shared with the lesson loader's reading of emphasis);
this module turns those looks into Qt formats.

- ``## heading`` / ``### sub-heading``: the words bold and larger;
- ``**bold**`` bold, ``*italic*`` italic, ``<u>underlined</u>`` underlined;
- ``- item`` and ``1. item``: the marker bold, so it stands apart;
- ``> Question: …`` / ``> Task: …``: the ``>`` bold, the label bold, the line
  on a light wash;
- ``![alt text](images/file.svg)``: a picture line on the same wash, the
  markup in italics and the alt text in the text's own colour.

The markup symbols themselves (``##``, ``**``, ``>``, ``![``, ``](…)``, ``|``)
are drawn in a softer shade of the text colour, so the words stand out. The
shade and the wash come from the text box's own palette (light, dark or high
contrast) and always keep 4.5:1 or more against what is behind them
(lessons/contrast.py); no style is shown by colour alone (weight, size and
italics carry it too).

:class:`PictureGuard` keeps a picture from being broken by a stray key:
Backspace or Delete (also with Ctrl) that would remove part of a picture's
markup selects the whole picture instead, and says so; pressed again, it
removes the picture whole. The alt text edits as any other text.

:class:`MarkupKey` is a one-line key to the symbols, shown under the text box.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QWidget

from lessons.contrast import AA_NORMAL, blend, contrast_ratio
from lessons.document_positions import one_per_position
from lessons.markup_looks import (
    BOLD,
    HEADING_2,
    HEADING_3,
    ITALIC,
    MUTED,
    UNDERLINE,
    WASH,
    line_looks,
    picture_spans,
)
from widgets.announce import announce
from widgets.soft_colour import soft_colour

HEADING_2_SCALE = 1.3
HEADING_3_SCALE = 1.15
WASH_SHARE = 0.08  # how far the wash goes from the background towards the text colour


# ----- colours ---------------------------------------------------------------------

@dataclass(frozen=True)
class MarkupColours:
    """The colours of the markup in a text box: ``#rrggbb`` strings."""

    text: str  # the palette's own text colour
    background: str  # the palette's own background
    muted: str  # markup symbols: 4.5:1 or more on the background and on the wash
    wash: str  # behind pictures and questions (the background when a wash would cost contrast)

    @classmethod
    def of(cls, palette: QPalette, text_role: QPalette.ColorRole = QPalette.ColorRole.Text,
           background_role: QPalette.ColorRole = QPalette.ColorRole.Base) -> MarkupColours:
        """The colours for a text box drawn with ``palette`` (a label: WindowText on Window)."""
        text = palette.color(text_role).name()
        background = palette.color(background_role).name()
        wash = blend(background, text, WASH_SHARE)
        if contrast_ratio(text, wash) < min(AA_NORMAL, contrast_ratio(text, background)):
            wash = background
        muted = soft_colour(text, wash)
        if contrast_ratio(muted, background) < AA_NORMAL:
            muted = soft_colour(text, background)
        return cls(text, background, muted, wash)


# ----- the highlighter -------------------------------------------------------------

class LessonMarkupHighlighter(QSyntaxHighlighter):
    """Draws the lesson text box's Markdown as the lesson's structure (module docstring).

    Only how the text looks changes: the document's text, its undo history and
    the lesson saved are exactly as without it. It follows the text box's
    palette and font when they change (a dark theme, View › Interface size).
    """

    def __init__(self, text_edit: QPlainTextEdit) -> None:
        super().__init__(text_edit.document())
        self._edit = text_edit
        self._formats: dict[int, QTextCharFormat] = {}
        self.colours = MarkupColours.of(text_edit.palette())
        text_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """A new palette or font: the colours and sizes follow it."""
        if watched is self._edit and event.type() in (QEvent.Type.PaletteChange,
                                                      QEvent.Type.FontChange):
            self.colours = MarkupColours.of(self._edit.palette())
            self._formats.clear()
            self.rehighlight()
        return super().eventFilter(watched, event)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        """Give each run of characters that look alike its format."""
        looks = line_looks(one_per_position(text))  # Qt's positions: an emoji counts twice
        start = 0
        for i in range(1, len(looks) + 1):
            if i == len(looks) or looks[i] != looks[start]:
                if looks[start]:
                    self.setFormat(start, i - start, self._format(looks[start]))
                start = i

    def _format(self, look: int) -> QTextCharFormat:
        made = self._formats.get(look)
        if made is not None:
            return made
        made = QTextCharFormat()
        if look & BOLD:
            made.setFontWeight(QFont.Weight.Bold)
        if look & ITALIC:
            made.setFontItalic(True)
        if look & UNDERLINE:
            made.setFontUnderline(True)
        if look & MUTED:
            made.setForeground(QColor(self.colours.muted))
        if look & WASH and self.colours.wash != self.colours.background:
            made.setBackground(QColor(self.colours.wash))
        if look & (HEADING_2 | HEADING_3):
            size = self._edit.font().pointSizeF()  # the document's follows it, a moment later
            if size > 0:
                made.setFontPointSize(size * (HEADING_2_SCALE if look & HEADING_2
                                              else HEADING_3_SCALE))
        self._formats[look] = made
        return made


# ----- pictures kept whole -----------------------------------------------------------

class PictureGuard(QObject):
    """Backspace or Delete on a picture's markup selects the whole picture first.

    Pressed again (the picture now selected whole) it removes the picture as
    usual, as one step of Undo. Keys that would remove only alt text, or
    whole pictures, and selections over several lines, are left alone.
    """

    def __init__(self, text_edit: QPlainTextEdit) -> None:
        super().__init__(text_edit)
        self._edit = text_edit
        text_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Catch the keys that would break a picture's markup."""
        if watched is self._edit and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and self._select_picture(event):
            return True
        return super().eventFilter(watched, event)

    def _select_picture(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key not in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or self._edit.isReadOnly():
            return False
        cursor = self._edit.textCursor()
        if not cursor.hasSelection():
            word = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            backwards = key == Qt.Key.Key_Backspace
            move = QTextCursor.MoveOperation
            if word:
                cursor.movePosition(move.PreviousWord if backwards else move.NextWord,
                                    QTextCursor.MoveMode.KeepAnchor)
            else:
                cursor.movePosition(move.PreviousCharacter if backwards else move.NextCharacter,
                                    QTextCursor.MoveMode.KeepAnchor)
        first, last = cursor.selectionStart(), cursor.selectionEnd()
        block = self._edit.document().findBlock(first)
        if not block.isValid() or last > block.position() + block.length() - 1:
            return False  # across lines: a deliberate change, left to the teacher
        first -= block.position()
        last -= block.position()
        for start, alt_start, alt_end, end in picture_spans(one_per_position(block.text())):
            whole = first <= start and last >= end
            on_markup = (first < alt_start and last > start) or (first < end and last > alt_end)
            if on_markup and not whole:
                chosen = QTextCursor(block)
                chosen.setPosition(block.position() + min(start, first))
                chosen.setPosition(block.position() + max(end, last),
                                   QTextCursor.MoveMode.KeepAnchor)
                self._edit.setTextCursor(chosen)
                announce(self._edit, self.tr(
                    "Picture selected. Press {key} again to remove the whole picture, or any "
                    "arrow key to keep it.").format(
                        key=self.tr("Backspace") if key == Qt.Key.Key_Backspace
                        else self.tr("Delete")))
                return True
        return False


# ----- the key -------------------------------------------------------------------------

KEY_PARTS = (("##", "heading", BOLD), ("**", "bold", BOLD), ("-", "list", 0),
             (">", "question", 0), ("![", "picture", 0))


class MarkupKey(QLabel):
    """One line under the lesson text: the symbols a lesson uses and what each makes.

    Drawn as the text box draws them (symbols in the softer shade, the words
    in their style); shown only while ``pages`` shows the lesson text.
    """

    def __init__(self, pages: QTabWidget, text_edit: QWidget) -> None:
        super().__init__()
        self._pages, self._edit = pages, text_edit
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(self.tr("Key to the symbols in the lesson text"))
        explained = self.tr(
            "Two hashes and a space start a heading; two stars each side make words bold; a "
            "dash and a space start a list item; a greater-than sign starts a question or "
            "task; an exclamation mark and square brackets start a picture, with the words "
            "a pupil hears in the brackets.")
        self.setAccessibleDescription(explained)
        self.setToolTip(explained + " " + self.tr(
            "Backspace or Delete on a picture's symbols selects the whole picture first, so "
            "a picture is never broken by mistake."))
        self._show()
        pages.currentChanged.connect(self._follow_tab)
        self._follow_tab()

    def _follow_tab(self) -> None:
        self.setVisible(self._pages.currentWidget() is self._edit)

    def plain_text(self) -> str:
        """The key as plain text: ``## heading · **bold** · …``."""
        return " · ".join(self._sample(symbol, word) for symbol, word, _ in KEY_PARTS)

    def _sample(self, symbol: str, word: str) -> str:
        if symbol == "**":
            return f"**{self.tr(word)}**"
        if symbol == "![":
            return f"![{self.tr(word)}]"
        return f"{symbol} {self.tr(word)}"

    def _show(self) -> None:
        muted = MarkupColours.of(self.palette(), QPalette.ColorRole.WindowText,
                                 QPalette.ColorRole.Window).muted

        def symbol(text: str) -> str:
            return f'<span style="color:{muted}">{html.escape(text, quote=False)}</span>'

        parts = []
        for mark, word, look in KEY_PARTS:
            shown = html.escape(self.tr(word), quote=False)
            if look & BOLD:
                shown = f"<b>{shown}</b>"
            if mark == "**":
                parts.append(symbol("**") + shown + symbol("**"))
            elif mark == "![":
                parts.append(symbol("![") + shown + symbol("]"))
            else:
                parts.append(symbol(mark) + "&nbsp;" + shown)  # "- list" never split
        self.setText(self.tr("Symbols:") + " " + "&nbsp;· ".join(parts))  # a "·" ends a line

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """A new palette: the symbols' shade follows it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show()

