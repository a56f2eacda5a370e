"""The dictation text area: settled text the pupil can edit, and the words still being heard.

The settled text is ordinary, editable text. Dictation goes in at the
pupil's caret (``text_around_caret``, ``insert_phrase``), which is the end of
the text unless the pupil has put it elsewhere; the caret then ends after
the phrase. The words the recogniser has heard but not settled (the
*partial*) are shown at the caret too, in a distinct style that does
not rest on colour alone: a softer shade of the text colour (at least 4.5:1
on the background, in light and dark palettes alike), a dotted underline and
a trailing "…". Never italics, which the app itself advises against for
dyslexic readers. A new partial replaces the old; ``set_text`` replaces the settled text and
removes the partial.

Only the pupil's own edits emit ``user_edited``; the controller's updates do
not.

Undo (Ctrl+Z, and Ctrl+Y or Ctrl+Shift+Z to redo, and the right-click menu)
takes back the pupil's own typing and edits only, at any time, also while
dictation is running; a word at a time while typing, as in a word processor.
The words still being heard never become undo steps: undoing into a
half-heard guess would only confuse. Settled dictated phrases are not undo
steps either. The pupil takes those back by voice, with "scratch that" and
"undo that" (``speech.dictation``), whose own history holds exactly the
phrases dictated since the pupil last edited (the controller makes the
pupil's edits the base those commands never remove). So each kind of undo
owns one kind of change, and Ctrl+Z never depends on whether a phrase
happened to settle a moment before the keys were pressed: it always takes
back what the pupil's hands did, where that text now is (a typed word stays
undoable after phrases settle after it). Undoing is an edit like any other:
it emits ``user_edited``.

Qt's own undo stack is switched off for this (it holds positions, so it
must record every change, the guesses too, or be cleared); the pupil's
steps are kept in ``widgets.typing_history``, which moves them as
dictation changes the text around them. A change by the app that reaches
into the pupil's typed text (such as Clear) ends that history; Ctrl+Z with
nothing left to undo emits ``undo_unavailable``, which the panel uses to
undo a Clear.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from lessons.document_positions import one_per_position, position_length, readable
from widgets.keys import is_redo
from widgets.soft_colour import soft_colour
from widgets.text_insertion import Insertion, text_around_cursor
from widgets.typing_history import TypingHistory, text_change

PARTIAL_MARKER = "\u2026"  # "…" after the words still being heard

_EDITING_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter}
_EDITING_SEQUENCES = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut,
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

    Signals: ``user_edited(text)`` after the pupil changes the settled text
    (undo and redo included); ``undo_unavailable()`` when Ctrl+Z is pressed
    with nothing of the pupil's to undo (the panel uses it to undo a Clear);
    ``typed(character)`` after a key put a character in ("\\n" for Enter), not
    a paste or a word from the word bank (for speak as I type).
    """

    user_edited = Signal(str)
    undo_unavailable = Signal()
    typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._partial = ""
        # Where the partial starts; a cursor so that it moves with edits before it.
        self._partial_start: QTextCursor | None = None
        self._partial_length = 0  # characters shown for it: spaces and marker included
        self._updating = False
        self._history = TypingHistory()
        self._shown = ""  # the document's text as last seen, to tell what each change did
        self._replaying = False  # an undo or redo is being written
        # Off for good: Qt's stack would have to hold the guesses too (module docstring).
        self.document().setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)  # Tab leaves the box, as keyboard users expect
        self.document().contentsChange.connect(self._on_contents_change)
        self.textChanged.connect(self._on_changed)

    # ---------------------------------------------------------------- reading

    def text(self) -> str:
        """The settled text, without the partial."""
        return readable(self._settled())

    def partial(self) -> str:
        """The partial shown now ("" when none)."""
        return self._partial

    def partial_range(self) -> tuple[int, int] | None:
        """Document positions (start, end) of the shown partial, marker included."""
        if self._partial_start is None:
            return None
        start = self._partial_start.position()
        return start, start + self._partial_length

    def caret_position(self) -> int:
        """Where dictation goes in, as a document position in the settled text.

        The caret, or the end of a selection (the selected words are kept);
        the partial does not count. An emoji counts as two positions, as Qt
        counts it (lessons/document_positions.py).
        """
        return self._settled_position(self.textCursor().selectionEnd())

    def text_around_caret(self) -> tuple[str, str]:
        """The settled text before the caret and after it, for the dictation rules."""
        settled, caret = self._settled(), self.caret_position()
        return readable(settled[:caret]), readable(settled[caret:])

    # ---------------------------------------------------------------- updating

    def set_text(self, text: str) -> None:
        """Show ``text`` as the settled text and remove any partial.

        Only the part that differs is rewritten, so the pupil's caret and the
        scroll position survive ordinary dictation, which adds at the end.
        """
        with self._programmatic():
            self._remove_partial()
            old, new = self._plain(), one_per_position(text)
            if old == new:
                return
            caret = self.textCursor().position()
            at_end = caret >= len(old)
            common = _common_prefix(old, new)
            cursor = QTextCursor(self.document())
            cursor.setPosition(common)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(readable(new[common:]), QTextCharFormat())
            self._place_caret(len(new) if at_end else min(caret, len(new)))

    def show_partial(self, text: str) -> None:
        """Show ``text`` as the words still being heard, at the caret (which stays before it)."""
        text = text.strip()
        with self._programmatic():
            caret = self.caret_position()
            self._remove_partial()
            if not text:
                self._place_caret(caret)
                return
            settled = self._plain()
            gap = " " if caret and not settled[caret - 1].isspace() else ""
            # In front of the pupil's words: a space keeps the marker off them.
            tail = " " if settled[caret:caret + 1].strip() else ""
            cursor = QTextCursor(self.document())
            cursor.setPosition(caret)
            cursor.insertText(gap, QTextCharFormat())
            cursor.insertText(text + " " + PARTIAL_MARKER, partial_format(self.palette()))
            cursor.insertText(tail, QTextCharFormat())
            self._partial_start = QTextCursor(self.document())
            self._partial_start.setPosition(caret)
            self._partial_length = cursor.position() - caret
            self._partial = text
            self._place_caret(caret)

    def clear_partial(self) -> None:
        """Remove the partial, leaving the settled text."""
        if self._partial_start is None:
            return
        with self._programmatic():
            caret = self._settled_position(self.textCursor().position())
            self._remove_partial()
            self._place_caret(caret)

    def insert_phrase(self, text: str, back: int = 0) -> Insertion:
        """Put a settled phrase in at the caret (the partial goes); the caret ends after it.

        ``back``: the phrase goes in that many characters before the caret, in
        front of spaces typed there (a full stop said after "cats |" reads
        "cats. |"); the caret stays after those spaces.
        Not a step of the pupil's undo (module docstring). The returned
        ``Insertion`` follows the text as it changes, for "scratch that".
        """
        caret = self.caret_position()
        place = max(0, caret - back)
        with self._programmatic():
            self._remove_partial()
            cursor = QTextCursor(self.document())
            cursor.setPosition(place)
            cursor.insertText(text, QTextCharFormat())
            self._place_caret(caret + position_length(text))
        at_end = caret + position_length(text) >= len(self._plain())
        if not at_end:
            self.ensureCursorVisible()  # the pupil is looking at the caret, not the end
        start = QTextCursor(self.document())
        start.setPosition(place)
        return Insertion(start, text)

    def remove_phrase(self, insertion: Insertion) -> bool:
        """Take a dictated phrase out again; False (no change) if it no longer reads as
        it was put in. The caret goes where it was."""
        caret = self._settled_position(self.textCursor().position())
        with self._programmatic():
            self._remove_partial()
            if not insertion.is_intact():
                self._place_caret(caret)
                return False
            cursor = QTextCursor(self.document())
            cursor.setPosition(insertion.position())
            cursor.setPosition(insertion.end(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            self._place_caret(insertion.position())
        return True

    def restore_phrase(self, insertion: Insertion) -> None:
        """Put a phrase taken out by ``remove_phrase`` back where it was; the caret after it."""
        with self._programmatic():
            self._remove_partial()
            position = min(insertion.position(), len(self._plain()))
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            cursor.insertText(insertion.text, QTextCharFormat())
            self._place_caret(position + position_length(insertion.text))
        insertion.start.setPosition(position)

    # ---------------------------------------------------------------- undo and redo

    def can_undo(self) -> bool:
        """True when there is an edit of the pupil's to undo."""
        return self._history.can_undo()

    def can_redo(self) -> bool:
        """True when there is an undone edit of the pupil's to redo."""
        return self._history.can_redo()

    def undo_edit(self) -> bool:
        """Undo the pupil's last edit (Ctrl+Z); False when there was none to undo."""
        if not self._history.can_undo():
            return False
        self.clear_partial()  # the grey guess makes way, as for any edit
        step = self._history.take_undo()
        return step is not None and self._replay(step.pos, step.after, step.before)

    def redo_edit(self) -> bool:
        """Redo the pupil's last undone edit (Ctrl+Y); False when there was none."""
        if not self._history.can_redo():
            return False
        self.clear_partial()
        step = self._history.take_redo()
        return step is not None and self._replay(step.pos, step.before, step.after)

    # ---------------------------------------------------------------- the pupil's edits

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.matches(QKeySequence.StandardKey.Undo):
            event.accept()
            if not self.undo_edit():
                self.undo_unavailable.emit()
            return
        if is_redo(event):  # Ctrl+Y too, which Linux leaves out
            event.accept()
            self.redo_edit()
            return
        if self._partial_start is not None and _edits(event):
            # The pupil is typing: the grey guess makes way rather than mixing in.
            self.clear_partial()
        before = self._shown
        super().keyPressEvent(event)
        character = "\n" if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
            else event.text()
        shortcut = event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                        | Qt.KeyboardModifier.MetaModifier)
        if len(character) == 1 and (character.isprintable() or character == "\n") \
                and not shortcut and self._shown != before:  # not Ctrl+V's paste
            self.typed.emit(character)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt API
        self.clear_partial()
        super().inputMethodEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        # A file dragged from the desktop is not words for the pupil's text (its path
        # would go in): the window takes it instead, to open or import it.
        if source.hasUrls() and all(url.isLocalFile() for url in source.urls()):
            return False
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        self.clear_partial()
        super().insertFromMimeData(source)

    def text_around_selection(self) -> tuple[str, str]:
        """The settled text before the selection (or the caret) and after it: where
        typed words go, replacing the selection as typing does."""
        self.clear_partial()  # then the whole text is settled
        return text_around_cursor(self)

    def type_text(self, text: str) -> None:
        """Put ``text`` in over the selection (or at the caret) as if the pupil had typed
        it: one step of their undo, and ``user_edited`` follows."""
        self.clear_partial()  # the grey guess makes way, as it does for typing
        cursor = self.textCursor()
        cursor.insertText(text, QTextCharFormat())
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        self.clear_partial()  # the menu can cut or delete
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, position) -> QMenu:
        """The right-click menu at ``position``: Qt's own, its Undo and Redo doing ours."""
        menu = self.createStandardContextMenu(position)
        for name, act, available in (("edit-undo", self.undo_edit, self.can_undo()),
                                     ("edit-redo", self.redo_edit, self.can_redo())):
            action = menu.findChild(QAction, name)
            if action is not None:
                action.triggered.disconnect()  # from Qt's document undo, which is off
                action.triggered.connect(lambda _checked=False, act=act: act())
                action.setEnabled(available)
        return menu

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_partial", ""):
            self.show_partial(self._partial)  # its shade follows the new palette

    # ---------------------------------------------------------------- private

    def _remove_partial(self) -> None:
        if self._partial_start is None:
            return
        cursor = QTextCursor(self.document())
        start = self._partial_start.position()
        cursor.setPosition(start)
        cursor.setPosition(start + self._partial_length, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._partial_start = None
        self._partial_length = 0
        self._partial = ""

    def _plain(self) -> str:
        """The document's text with index ``i`` at position ``i`` (an emoji takes two).

        Every position sum here is done on this, so an emoji in the pupil's text
        never moves an edit one character off (lessons/document_positions.py).
        """
        return one_per_position(self.toPlainText())

    def _settled(self) -> str:
        """:meth:`_plain` without the partial."""
        whole = self._plain()
        if self._partial_start is None:
            return whole
        start = self._partial_start.position()
        return whole[:start] + whole[start + self._partial_length:]

    def _settled_position(self, position: int) -> int:
        """A document position as a position in the settled text (the partial left out)."""
        if self._partial_start is None:
            return position
        start = self._partial_start.position()
        if position <= start:
            return position
        return max(start, position - self._partial_length)

    def _place_caret(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())  # typing after a partial is not grey

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        old, self._shown = self._shown, self._plain()
        pos, before, after = text_change(old, self._shown, position, removed, added)
        if before == after or self._replaying:
            return  # a change of style only, or an undo the history has already moved
        if self._updating:
            self._history.follow(pos, len(before), len(after))
        else:
            self._history.record(pos, before, after)

    def _replay(self, pos: int, shown: str, replacement: str) -> bool:
        """Write an undo or redo: ``shown`` at ``pos`` becomes ``replacement``."""
        if self._plain()[pos: pos + len(shown)] != shown:
            # Never write over text the step does not describe; a safety net,
            # as the history follows every change.
            self._history.clear()
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        cursor.setPosition(pos + len(shown), QTextCursor.MoveMode.KeepAnchor)
        self._replaying = True
        try:
            if replacement:
                cursor.insertText(readable(replacement), QTextCharFormat())
            else:
                cursor.removeSelectedText()
        finally:
            self._replaying = False
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())
        self.ensureCursorVisible()  # the pupil sees what came back or went
        return True

    def _on_changed(self) -> None:
        if not self._updating:
            self.user_edited.emit(self.text())

    def _programmatic(self):
        return _Updating(self)


class _Updating:
    """Marks the controller's updates: no ``user_edited``, no undo steps."""

    def __init__(self, owner: DictationText) -> None:
        self.owner = owner

    def __enter__(self) -> None:
        self.nested = self.owner._updating
        if self.nested:
            return
        self.owner._updating = True
        bar = self.owner.verticalScrollBar()
        self.kept = bar.value()
        self.follow = bar.value() >= bar.maximum() - 2

    def __exit__(self, *exc: object) -> None:
        if self.nested:
            return
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
