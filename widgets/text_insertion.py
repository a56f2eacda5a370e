"""Putting text into a QPlainTextEdit as whole steps, and taking it out again.

For dictation into a text the user also types in (the lesson editor): each
phrase goes in at the cursor as its own step of undo, and "scratch that"
can take the last one out again, as long as it still reads as it was put
in. A :class:`Insertion` remembers where a piece went with a QTextCursor,
which Qt moves along as the text around it changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from lessons.document_positions import one_per_position, position_length, readable


@dataclass
class Insertion:
    """A piece of text put in at ``start`` (a cursor that follows edits elsewhere)."""

    start: QTextCursor
    text: str

    def position(self) -> int:
        """Where the piece starts now."""
        return self.start.position()

    def end(self) -> int:
        """Where the piece ends now: an emoji in it takes two positions, as in Qt."""
        return self.start.position() + position_length(self.text)

    def is_intact(self) -> bool:
        """Whether the text at its place still reads as it was put in."""
        document = self.start.document()
        if document is None or self.start.isNull():
            return False
        probe = QTextCursor(document)
        begin, end = self.start.position(), self.end()
        if end > document.characterCount() - 1:
            return False
        probe.setPosition(begin)
        probe.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return probe.selectedText().replace("\u2029", "\n") == self.text


def text_around_cursor(edit: QPlainTextEdit) -> tuple[str, str]:
    """The text before the cursor (or selection) and the text after it."""
    cursor = edit.textCursor()
    text = one_per_position(edit.toPlainText())  # index = position, as the cursor counts
    return readable(text[:cursor.selectionStart()]), readable(text[cursor.selectionEnd():])


def insert_as_own_step(edit: QPlainTextEdit, text: str, back: int = 0) -> Insertion:
    """Insert ``text`` at the cursor (replacing a selection) as one step of undo.

    ``back``: the text goes in that many characters before the cursor, in
    front of spaces typed there (a full stop said after "cats |" reads
    "cats. |"); the cursor ends after those spaces.
    Qt merges typing straight after an insertion into the same undo step;
    ending the step with a removal keeps the two apart, so Undo takes out
    exactly the inserted text.
    """
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    end = cursor.position()
    start = max(0, end - back)
    cursor.setPosition(start)
    cursor.insertText(text + " ")
    cursor.deletePreviousChar()
    cursor.setPosition(end + position_length(text))
    cursor.endEditBlock()
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    anchor = QTextCursor(edit.document())
    anchor.setPosition(start)
    return Insertion(anchor, text)


def remove_insertion(edit: QPlainTextEdit, insertion: Insertion) -> bool:
    """Take ``insertion`` out as one step of undo; False (no change) if it was edited since."""
    if not insertion.is_intact():
        return False
    cursor = QTextCursor(edit.document())
    cursor.setPosition(insertion.position())
    cursor.setPosition(insertion.end(), QTextCursor.MoveMode.KeepAnchor)
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    cursor.endEditBlock()
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    return True
