"""The word being read aloud, highlighted in a lesson view.

The spoken word gets the profile's highlight colour as its background, the
text colour that contrasts best with it, and an underline, so it is marked
by more than colour alone. The sentence around it is shaded with a lighter
tint of the same colour. Both are ``QTextEdit.ExtraSelection``s: they change
nothing in the document and cost no re-layout.

The view is kept on the word: when the word comes near the top or the bottom
of the view, the view scrolls so its line sits a third of the way down (a
reader's eyes move less than with line-by-line scrolling). The caret is moved
to the start of the word (without selecting), so the reading ruler, which
follows the caret, frames the line being spoken instead of dimming it, and
"read from the caret" after a stop carries on where the voice stopped.

This widget knows nothing of speech: a controller in ``app/`` tells it which
positions to show.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from lessons.contrast import contrast_ratio
from lessons.profile import Colours

SENTENCE_TINT = 0.3  # how far the sentence shade goes from the background to the highlight
TOP_ZONE = 0.08  # scroll when the word comes this close to the top of the view…
BOTTOM_ZONE = 0.85  # …or passes this far down it
SCROLL_TO = 0.3  # …so its line sits this far down


def _mix(background: str, colour: str, amount: float) -> QColor:
    a, b = QColor(background), QColor(colour)
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


class SpeechHighlighter(QObject):
    """Highlights a spoken word, and shades its sentence, in a QTextEdit (a LessonView).

    Signals: ``highlighted(start, length, text)`` each time a word is shown,
    with the word's text as the document has it; ``cleared()``.
    ``follow_caret`` (default True) moves the caret to each word.
    """

    highlighted = Signal(int, int, str)
    cleared = Signal()

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self._view = view
        self._word: tuple[int, int] | None = None
        self._sentence: tuple[int, int] | None = None
        self._document = None
        self.follow_caret = True
        applied = getattr(view, "profile_applied", None)
        if applied is not None:
            applied.connect(self._restyle)

    # ----- public API ------------------------------------------------------------

    def show_word(self, start: int, length: int,
                  sentence: tuple[int, int] | None = None) -> str:
        """Highlight ``length`` characters from ``start``; shade ``sentence`` (start, end).

        Scrolls the view to keep the word in sight and returns the word's text.
        """
        document = self._view.document()
        last = max(0, document.characterCount() - 1)
        start = max(0, min(start, last))
        end = max(start, min(start + length, last))
        self._document = document
        self._word = (start, end)
        self._sentence = None
        if sentence is not None:
            self._sentence = (max(0, min(sentence[0], last)), max(0, min(sentence[1], last)))
        self._apply()
        self._keep_in_view(start, end)
        if self.follow_caret:
            caret = QTextCursor(document)
            caret.setPosition(start)
            self._view.setTextCursor(caret)
        text = self._cursor(start, end).selectedText()
        self.highlighted.emit(start, end - start, text)
        return text

    def clear(self) -> None:
        """Remove the highlight and the sentence shading (the caret stays where it is)."""
        had = self._word is not None
        self._word = self._sentence = None
        self._document = None
        self._view.setExtraSelections([])
        if had:
            self.cleared.emit()

    def word(self) -> tuple[int, int] | None:
        """(start, end) of the highlighted word in the document, or None."""
        return self._word

    def sentence(self) -> tuple[int, int] | None:
        """(start, end) of the shaded sentence, or None."""
        return self._sentence

    def word_colours(self) -> tuple[QColor, QColor]:
        """(background, text) colours of the highlighted word in the current profile."""
        colours = self._colours()
        best = max((colours.text, colours.background),
                   key=lambda c: contrast_ratio(c, colours.highlight))
        return QColor(colours.highlight), QColor(best)

    def sentence_colour(self) -> QColor:
        """The shade behind the rest of the sentence."""
        colours = self._colours()
        return _mix(colours.background, colours.highlight, SENTENCE_TINT)

    # ----- drawing -------------------------------------------------------------------

    def _colours(self) -> Colours:
        shown = getattr(self._view, "shown_profile", None)
        return shown().colours if callable(shown) else Colours()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _apply(self) -> None:
        selections = []
        if self._sentence is not None and self._sentence[0] < self._sentence[1]:
            shade = QTextEdit.ExtraSelection()
            shade.cursor = self._cursor(*self._sentence)
            fmt = QTextCharFormat()
            fmt.setBackground(self.sentence_colour())
            shade.format = fmt
            selections.append(shade)
        if self._word is not None:
            background, text = self.word_colours()
            word = QTextEdit.ExtraSelection()
            word.cursor = self._cursor(*self._word)
            fmt = QTextCharFormat()
            fmt.setBackground(background)
            fmt.setForeground(text)
            # Not colour alone: the spoken word is underlined too.
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(text)
            word.format = fmt
            selections.append(word)
        self._view.setExtraSelections(selections)

    def _keep_in_view(self, start: int, end: int) -> None:
        view = self._view
        height = view.viewport().height()
        first = view.cursorRect(self._cursor(start, start))
        last = view.cursorRect(self._cursor(end, end))
        top, bottom = min(first.top(), last.top()), max(first.bottom(), last.bottom())
        if top >= height * TOP_ZONE and bottom <= height * BOTTOM_ZONE:
            return
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + top - round(height * SCROLL_TO))

    def _restyle(self, *_profile) -> None:
        """The view re-styled (new colours) or changed its document."""
        if self._word is None:
            return
        if self._view.document() is not self._document:
            self.clear()  # another lesson or page: these positions mean nothing there
        else:
            self._apply()
