"""Read back: the pupil's dictation read aloud with the spoken word highlighted in it.

The dictation panel's "Read back" button asks for its text to be read (through
the dictation controller, which stops the microphone first). Here that goes to
``ReadAloudController.read_in`` on the panel's text box, so each word is
highlighted in the pupil's own text as it is spoken, the sentence shaded, in
the same colours as in the lesson (widgets/text_box_highlight.py). The text,
its undo history and the caret are left alone; a change to the words being
read stops the reading. ``read_in`` and ``reading_in`` are here too, in
``ReadingInATextBox``, a mixin for the controller.

While it reads, the button says "Stop reading back" (its accessible name
too) and pressing it again stops; it says "Read back" again when the reading
ends, however it ends.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.read_aloud_text import plan_text


class ReadingInATextBox:
    """The controller's reading of a text box that is not the lesson (mixed into
    ReadAloudController, which holds the reading's state and highlights each word
    with the box's highlighter while the document it reads is the box's)."""

    _box = None  # the text box last read by ``read_in``
    _box_text = ""  # the part of its text being read
    _box_highlighter = None  # a TextBoxHighlighter on it

    def read_in(self, box, text: str | None = None) -> bool:
        """Read the text in ``box`` (a QPlainTextEdit or QTextEdit that is not the lesson,
        such as the pupil's dictation), highlighting each word there as it is spoken.

        ``text`` is the part to read, from the box's start (default: all of it).
        The box's text, undo history and caret are left alone. A change to that
        part of the text while it is read stops the reading (the highlight would
        no longer fit the words).
        """
        if text is None:
            text = box.toPlainText()
        if self._box_highlighter is None or self._box is not box:
            self._forget_box()
            from widgets.text_box_highlight import TextBoxHighlighter

            self._box_highlighter = TextBoxHighlighter(box)
            self._box_highlighter.highlighted.connect(self.word_highlighted)
            self._box = box
            box.document().contentsChanged.connect(self._check_box)
        self._box_text = text
        return self._begin(plan_text(text), box.document())

    def reading_in(self):
        """The text box being read by ``read_in``, or None (not reading one)."""
        if self.is_speaking() and self._box_highlighter_for(self._document) is not None:
            return self._box
        return None

    def _box_highlighter_for(self, document):
        """The text box's highlighter when ``document`` is the box's, else None."""
        if self._box is not None and document is self._box.document():
            return self._box_highlighter
        return None

    def _clear_box_highlight(self) -> None:
        if self._box_highlighter is not None:
            self._box_highlighter.clear()

    def _forget_box(self) -> None:
        if self._box is None:
            return
        self._box_highlighter.clear()
        try:
            self._box.document().contentsChanged.disconnect(self._check_box)
        except (RuntimeError, TypeError):  # the box has gone already
            pass
        self._box_highlighter.deleteLater()
        self._box = self._box_highlighter = None

    def _check_box(self) -> None:
        """The box's text changed: stop when what is being read is no longer there."""
        box = self.reading_in()
        if box is not None and not box.toPlainText().startswith(self._box_text):
            self.stop()
            self.status_changed.emit(self.tr("Reading back stopped because the text changed."))


class ReadBack(QObject):
    """Connects a DictationPanel's read back to a ReadAloudController."""

    def __init__(self, panel, reader, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else panel)
        self.panel = panel
        self.reader = reader
        reader.speaking_changed.connect(self._show)
        self._show()

    def toggle(self, text: str) -> None:
        """Read ``text`` (the panel's) back with its words highlighted; stop if reading it."""
        if self.is_reading():
            self.reader.stop()
            return
        self.reader.read_in(self.panel.editor, text)
        self._show()

    def is_reading(self) -> bool:
        """True while the pupil's text is being read back."""
        return self.reader.reading_in() is self.panel.editor

    def _show(self, *_args) -> None:
        self.panel.show_reading_back(self.is_reading())


def attach_read_back(panel, dictation, reader) -> ReadBack:
    """Read back from ``panel`` (via the ``dictation`` controller) by ``reader``."""
    read_back = ReadBack(panel, reader)
    dictation.read_back.connect(read_back.toggle)
    return read_back
