"""Read back: the pupil's dictation read aloud with the spoken word highlighted in it.

The dictation panel's "Read back" button asks for its text to be read (through
the dictation controller, which stops the microphone first). Here that goes to
``ReadAloudController.read_in`` on the panel's text box, so each word is
highlighted in the pupil's own text as it is spoken, the sentence shaded, in
the same colours as in the lesson (widgets/text_box_highlight.py). The text,
its undo history and the caret are left alone; a change to the words being
read stops the reading.

While it reads, the button says "Stop reading back" (its accessible name
too) and pressing it again stops; it says "Read back" again when the reading
ends, however it ends.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadBack", text)


READ_BACK = "Read &back"
STOP_READING_BACK = "Stop reading &back"


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
        button = self.panel.read_back_button
        reading = self.is_reading()
        text = _tr(STOP_READING_BACK) if reading else _tr(READ_BACK)
        button.setText(text)
        button.setAccessibleName(text.replace("&", ""))
        tip = (_tr("Stop reading your text aloud") if reading else
               _tr("Read your text aloud, each word highlighted as it is spoken"))
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)


def attach_read_back(panel, dictation, reader) -> ReadBack:
    """Read back from ``panel`` (via the ``dictation`` controller) by ``reader``."""
    read_back = ReadBack(panel, reader)
    dictation.read_back.connect(read_back.toggle)
    return read_back
