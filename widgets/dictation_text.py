"""The dictation text area: settled text the pupil can edit, and the words still being heard.

The settled text is ordinary, editable text. The words the recogniser has
heard but not settled (the *partial*) follow it in a distinct style that does
not rest on colour alone: a softer shade of the text colour (at least 4.5:1
on the background, in light and dark palettes alike), a dotted underline and
a trailing "…". Never italics, which the app itself advises against for
dyslexic readers. A new partial replaces the old; ``set_text`` replaces the settled text and
removes the partial.

Only the pupil's own edits emit ``user_edited``; the controller's updates do
not. Updates from the controller clear the editing undo history, since undoing
into a half-heard guess would only confuse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from widgets.soft_colour import soft_colour

PARTIAL_MARKER = "\u2026"  # "…" after the words still being heard

_EDITING_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter}
_EDITING_SEQUENCES = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut,
                      QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo,
                      QKeySequence.StandardKey.Delete)


def partial_format(palette: QPalette) -> QTextCharFormat:
    """How the words still being heard look: a softer shade and a dotted underline.

    The shade is the palette's text colour eased towards its background, kept
    at 4.5:1 or more, so it reads in a dark palette as well as a light one.
    """
    text = palette.color(QPalette.ColorRole.Text).name()
    background = palette.color(QPalette.ColorRole.Base).name()
    fmt = QTextCharFormat()
    fmt.setFontUnderline(True)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setForeground(QColor(soft_colour(text, background)))
    return fmt


class DictationText(QPlainTextEdit):
    """Editable settled text followed by a styled partial.

    Signals: ``user_edited(text)`` after the pupil changes the settled text;
    ``undo_unavailable()`` when Ctrl+Z is pressed with nothing to undo (the
    panel uses it to undo a Clear).
    """

    user_edited = Signal(str)
    undo_unavailable = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._partial = ""
        # Where the partial starts; a cursor so that it moves with edits before it.
        self._partial_start: QTextCursor | None = None
        self._updating = False
        self.setTabChangesFocus(True)  # Tab leaves the box, as keyboard users expect
        self.textChanged.connect(self._on_changed)

    # ---------------------------------------------------------------- reading

    def text(self) -> str:
        """The settled text, without the partial."""
        whole = self.toPlainText()
        if self._partial_start is None:
            return whole
        return whole[: self._partial_start.position()]

    def partial(self) -> str:
        """The partial shown now ("" when none)."""
        return self._partial

    def partial_range(self) -> tuple[int, int] | None:
        """Document positions (start, end) of the shown partial, marker included."""
        if self._partial_start is None:
            return None
        return self._partial_start.position(), self.document().characterCount() - 1

    # ---------------------------------------------------------------- updating

    def set_text(self, text: str) -> None:
        """Show ``text`` as the settled text and remove any partial.

        Only the part that differs is rewritten, so the pupil's caret and the
        scroll position survive ordinary dictation, which adds at the end.
        """
        with self._programmatic():
            self._remove_partial()
            old = self.toPlainText()
            if old == text:
                return
            caret = self.textCursor().position()
            at_end = caret >= len(old)
            common = _common_prefix(old, text)
            cursor = QTextCursor(self.document())
            cursor.setPosition(common)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text[common:], QTextCharFormat())
            self._place_caret(len(text) if at_end else min(caret, len(text)))

    def show_partial(self, text: str) -> None:
        """Show ``text`` as the words still being heard, after the settled text."""
        text = text.strip()
        with self._programmatic():
            caret = self.textCursor().position()
            self._remove_partial()
            if not text:
                return
            settled = self.toPlainText()
            gap = " " if settled and not settled[-1].isspace() else ""
            cursor = QTextCursor(self.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            start = cursor.position()
            cursor.insertText(gap, QTextCharFormat())
            cursor.insertText(text + " " + PARTIAL_MARKER, partial_format(self.palette()))
            self._partial_start = QTextCursor(self.document())
            self._partial_start.setPosition(start)
            self._partial = text
            self._place_caret(min(caret, start))

    def clear_partial(self) -> None:
        """Remove the partial, leaving the settled text."""
        if self._partial_start is None:
            return
        with self._programmatic():
            caret = self.textCursor().position()
            start = self._partial_start.position()
            self._remove_partial()
            self._place_caret(min(caret, start))

    # ---------------------------------------------------------------- the pupil's edits

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.matches(QKeySequence.StandardKey.Undo) and not self.document().isUndoAvailable():
            self.undo_unavailable.emit()
            event.accept()
            return
        if self._partial_start is not None and _edits(event):
            # The pupil is typing: the grey guess makes way rather than mixing in.
            self.clear_partial()
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt API
        self.clear_partial()
        super().inputMethodEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        self.clear_partial()
        super().insertFromMimeData(source)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        self.clear_partial()  # the menu can cut or delete
        super().contextMenuEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_partial", ""):
            self.show_partial(self._partial)  # its shade follows the new palette

    # ---------------------------------------------------------------- private

    def _remove_partial(self) -> None:
        if self._partial_start is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._partial_start.position())
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._partial_start = None
        self._partial = ""

    def _place_caret(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())  # typing after a partial is not grey

    def _on_changed(self) -> None:
        if not self._updating:
            self.user_edited.emit(self.text())

    def _programmatic(self):
        return _Updating(self)


class _Updating:
    """Marks the controller's updates: no ``user_edited``, no undo history."""

    def __init__(self, owner: DictationText) -> None:
        self.owner = owner

    def __enter__(self) -> None:
        self.nested = self.owner._updating
        if self.nested:
            return
        self.owner._updating = True
        self.owner.document().setUndoRedoEnabled(False)
        bar = self.owner.verticalScrollBar()
        self.kept = bar.value()
        self.follow = bar.value() >= bar.maximum() - 2

    def __exit__(self, *exc: object) -> None:
        if self.nested:
            return
        self.owner.document().setUndoRedoEnabled(True)
        self.owner._updating = False
        # Keep following new words when the pupil was at the bottom; otherwise stay put.
        bar = self.owner.verticalScrollBar()
        bar.setValue(bar.maximum() if self.follow else self.kept)


def _edits(event: QKeyEvent) -> bool:
    """True for a key press that changes text (typing, deleting, pasting)."""
    if any(event.matches(seq) for seq in _EDITING_SEQUENCES):
        return True
    if event.key() in _EDITING_KEYS:
        return True
    ignored = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    mods = event.modifiers() & ~ignored
    return bool(event.text()) and event.text().isprintable() and not mods


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i
