"""The lesson editor's formatting, applied to the Markdown in its text box.

The rules for what each change does to the text are pure functions in
widgets/lesson_markup.py. This module applies them at the cursor of a
``QPlainTextEdit``: it picks the lines or the words the change acts on, makes
the change as one undoable step, and leaves the cursor where the teacher
expects it. The lesson editor (widgets/lesson_editor.py) calls it from its
tool bar and asks the teacher anything it needs to know first.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from lessons.document_positions import position_length
from widgets.lesson_markup import toggle_bold, toggle_heading, toggle_list


class MarkdownFormatting:
    """Headings, lists and bold at the cursor of ``text_edit``.

    Each change is one step of the text box's undo history.
    """

    def __init__(self, text_edit: QPlainTextEdit) -> None:
        self._edit = text_edit

    def make_heading(self, level: int = 2) -> None:
        """Make the lines at the cursor a section (2) or sub-section (3) heading, or plain again."""
        cursor = self._line_cursor()
        self._replace_selection(cursor, toggle_heading(_selected_lines(cursor), level))

    def make_list(self, numbered: bool = False) -> None:
        """Make the lines at the cursor a bulleted or numbered list, or plain again."""
        cursor = self._line_cursor()
        self._replace_selection(cursor, toggle_list(_selected_lines(cursor), numbered))

    def make_bold(self) -> None:
        """Wrap the selection in ``** **`` (or unwrap it); with none, type between the stars."""
        cursor = self._edit.textCursor()
        selected = _selected_lines(cursor)
        new = toggle_bold(selected)
        if not selected:
            position = cursor.position()
            cursor.insertText(new)
            cursor.setPosition(position + 2)
            self._edit.setTextCursor(cursor)
            return
        self._replace_selection(cursor, new)

    def selected_word(self) -> str:
        """The selected text, or the word at the cursor when nothing is selected."""
        cursor = self._edit.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        return _selected_lines(cursor).strip()

    def _line_cursor(self) -> QTextCursor:
        """A cursor selecting whole lines: those the selection touches."""
        cursor = self._edit.textCursor()
        start, end = sorted((cursor.anchor(), cursor.position()))
        lines = QTextCursor(self._edit.document())
        lines.setPosition(start)
        lines.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        lines.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        lines.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        return lines

    def _replace_selection(self, cursor: QTextCursor, text: str) -> None:
        """Put ``text`` in place of the selection, and select it."""
        start = cursor.selectionStart()
        cursor.insertText(text)
        cursor.setPosition(start)
        cursor.setPosition(start + position_length(text), QTextCursor.MoveMode.KeepAnchor)
        self._edit.setTextCursor(cursor)


def _selected_lines(cursor: QTextCursor) -> str:
    # Qt gives paragraph separators (U+2029) for line breaks in a selection.
    return cursor.selectedText().replace("\u2029", "\n")
