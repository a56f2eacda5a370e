"""The word being read aloud, highlighted in an editable text box (the pupil's dictation).

The same look as in the lesson (widgets/speech_highlight.py): the word in a
blue box of its own, underlined, its sentence shaded with a light tint of
the same blue, the colours worked out against the box's own text and page
colours (its palette) instead of a lesson profile's. Both are
``ExtraSelection``s, so the pupil's text, its formats and its undo history
are untouched.

The box is the pupil's to edit, so, unlike the lesson view, the caret is
never moved: the pupil's place stays where they left it. The box scrolls to
keep the spoken word in sight (a ``QPlainTextEdit`` scrolls by lines, not
pixels, so it needs a scroll of its own).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from lessons.profile import Colours, Profile
from widgets.speech_highlight import BOTTOM_ZONE, SCROLL_TO, TOP_ZONE, SpeechHighlighter


class TextBoxHighlighter(SpeechHighlighter):
    """Highlights a spoken word, and shades its sentence, in a QPlainTextEdit or QTextEdit
    the pupil edits; leaves the caret and the text alone."""

    def __init__(self, box: QPlainTextEdit | QTextEdit) -> None:
        super().__init__(box)
        self.follow_caret = False

    def _profile(self) -> Profile:
        palette = self._view.palette()
        text = palette.color(QPalette.ColorRole.Text).name()
        page = palette.color(QPalette.ColorRole.Base).name()
        return replace(Profile(), colours=Colours(text=text, background=page, heading=text))

    def _keep_in_view(self, start: int, end: int) -> None:
        box = self._view
        if not isinstance(box, QPlainTextEdit):
            super()._keep_in_view(start, end)
            return
        height = box.viewport().height()
        first = box.cursorRect(self._cursor(start, start))
        last = box.cursorRect(self._cursor(end, end))
        top, bottom = min(first.top(), last.top()), max(first.bottom(), last.bottom())
        if top >= height * TOP_ZONE and bottom <= height * BOTTOM_ZONE:
            return
        # The scroll bar counts lines here: move by whole lines, the word's line
        # to about a third of the way down.
        line = max(1, first.height())
        bar = box.verticalScrollBar()
        bar.setValue(bar.value() + round((top - height * SCROLL_TO) / line))
