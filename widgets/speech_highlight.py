"""The word being read aloud, highlighted in a lesson view.

The spoken word sits in a box of its own colour, not the profile's key-word
highlight: a pale highlight on a pale page is hard to follow, and a spoken
word the same colour as the key words would be mistaken for one. The box is
blue (a hue that red-green colour blindness leaves distinct from yellow and
cream pages), as vivid as the page allows while it stands out from the page
by at least 3:1 and its letters read on it at 4.5:1 or more, both measured as
the pupil sees them (through the profile's coloured overlay, if any). It is
underlined as well, so it is marked by more than colour. The sentence around
it is shaded with a light tint of the same blue. Both are
``QTextEdit.ExtraSelection``s: they change nothing in the document and cost
no re-layout.

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

import colorsys
from functools import lru_cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from lessons.contrast import AA_LARGE, AA_NORMAL, blend, contrast_ratio, to_hex
from lessons.profile import Profile

SENTENCE_TINT = 0.3  # how far the sentence shade goes from the page towards the word's box
TOP_ZONE = 0.08  # scroll when the word comes this close to the top of the view…
BOTTOM_ZONE = 0.85  # …or passes this far down it
SCROLL_TO = 0.3  # …so its line sits this far down
SPOKEN_HUE = 220  # degrees: a royal blue
SPOKEN_SATURATION = 0.8
LIGHTNESS_STEPS = 200  # how finely the box's lightness is searched
WORD_ON_PAGE = AA_LARGE  # the box against the page, as WCAG 1.4.11 asks of a marker
LETTERS_ON_WORD = AA_NORMAL  # the word's letters on the box


def spoken_word_colours(profile: Profile) -> tuple[str, str]:
    """(box, letters): the ``#rrggbb`` colours of the spoken word in ``profile``.

    The box is the most vivid blue (HSL lightness nearest one half) that
    differs from the page background by at least ``WORD_ON_PAGE`` while some
    letter colour reads on it at ``LETTERS_ON_WORD``. The letters are the
    first of the profile's text colour, its page colour, black and white that
    does. Both ratios are taken as the pupil sees the colours, through the
    overlay tint when the profile has one.
    """
    c = profile.colours
    return _spoken_word_colours(c.text, c.background, *_overlay(profile))


def sentence_shade(profile: Profile) -> str:
    """The ``#rrggbb`` shade behind the spoken word's sentence in ``profile``.

    A tint of the word's box over the page, ``SENTENCE_TINT`` of the way or
    less: as far as the profile's text still reads on it at
    ``LETTERS_ON_WORD``, seen through the overlay as the pupil sees it.
    """
    c = profile.colours
    return _sentence_shade(c.text, c.background, *_overlay(profile))


def _overlay(profile: Profile) -> tuple[str, float]:
    if profile.overlay_colour and profile.overlay_opacity > 0:
        return profile.overlay_colour, profile.overlay_opacity
    return "", 0.0


def _seen(colour: str, overlay: str, opacity: float) -> str:
    """``colour`` as the pupil sees it through the overlay tint ("" for none)."""
    return blend(colour, overlay, opacity) if overlay else colour


@lru_cache(maxsize=64)  # asked for every word spoken; profiles change rarely
def _sentence_shade(text: str, page: str, overlay: str, opacity: float) -> str:
    box, _letters = _spoken_word_colours(text, page, overlay, opacity)
    steps = round(SENTENCE_TINT * 100)
    for step in range(steps, 0, -1):
        shade = blend(page, box, step / 100)
        if contrast_ratio(_seen(text, overlay, opacity),
                          _seen(shade, overlay, opacity)) >= LETTERS_ON_WORD:
            return shade
    return page


@lru_cache(maxsize=64)
def _spoken_word_colours(text: str, page: str, overlay: str,
                         opacity: float) -> tuple[str, str]:
    def seen(colour: str) -> str:
        return _seen(colour, overlay, opacity)

    letter_choices = (text, page, "#000000", "#ffffff")
    best: tuple[float, str, str] | None = None
    for step in range(LIGHTNESS_STEPS + 1):
        lightness = step / LIGHTNESS_STEPS
        red, green, blue = colorsys.hls_to_rgb(SPOKEN_HUE / 360, lightness, SPOKEN_SATURATION)
        box = to_hex((round(red * 255), round(green * 255), round(blue * 255)))
        if contrast_ratio(seen(box), seen(page)) < WORD_ON_PAGE:
            continue
        letters = next((colour for colour in letter_choices
                        if contrast_ratio(seen(colour), seen(box)) >= LETTERS_ON_WORD), None)
        dullness = abs(lightness - 0.5)  # 0 at full colour, 0.5 at black or white
        if letters is not None and (best is None or dullness < best[0]):
            best = (dullness, box, letters)
    # Without an overlay, black (lightness 0) or white (1) with letters of the other
    # always passes, so ``best`` is found. Only a near-opaque overlay, which washes
    # every colour out, leaves none: then the profile's own text and page, swapped.
    return (best[1], best[2]) if best else (text, page)


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
        box, letters = spoken_word_colours(self._profile())
        return QColor(box), QColor(letters)

    def sentence_colour(self) -> QColor:
        """The shade behind the rest of the sentence."""
        return QColor(sentence_shade(self._profile()))

    # ----- drawing -------------------------------------------------------------------

    def _profile(self) -> Profile:
        shown = getattr(self._view, "shown_profile", None)
        return shown() if callable(shown) else Profile()

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
