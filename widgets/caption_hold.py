"""A settled caption stays readable for a moment before new words roll it away.

When a Final replaces the grey guesses, the corrected line is the one a pupil
who relies on captions most needs to read: it is where the guesses' mistakes
are put right. With a two-line band and the teacher already saying the next
sentence, the next guess used to roll it off the top within a fifth of a
second (the captions review: final at 280.08 s, its first line gone at
280.24 s). So for ``HOLD_SECONDS`` after a caption settles, or until the next
one settles, the words still being heard take only the lines the settled
caption leaves free: as many of their first words as fit, the rest when the
hold ends. Nothing is lost: the next guess, or the Final, carries them all.

Two seconds: the pupil has already read most of the words as guesses, and
needs long enough to look back at the line and see what changed (about the
shortest time a subtitle is left on screen in broadcast practice, 1.5 to 2 s),
while a speaker who carries on is not kept off the screen for longer than a
breath. The next Final ends the hold, since that caption is newer still.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from widgets.caption_text import CaptionText

HOLD_SECONDS = 2.0


class CaptionHold(QObject):
    """Keeps the newest settled caption of ``text`` on screen for ``seconds``.

    The captions window calls :meth:`settled` after each Final and
    :meth:`show_partial` for the words still being heard. ``clock`` gives
    seconds (``time.monotonic``); tests set their own and call :meth:`tick`,
    which the timer calls when the hold should be over.
    """

    def __init__(self, text: CaptionText, seconds: float = HOLD_SECONDS,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.seconds = seconds
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        self._until: float | None = None  # when the hold ends (clock time)
        self._held: list[str] = []  # the settled caption's lines on screen
        self._partial = ""  # the words still being heard, all of them

    def holding(self) -> bool:
        """True while the newest settled caption is kept on screen."""
        return self._until is not None

    def settled(self, caption: str) -> None:
        """``caption`` has just settled (it is the newest line): hold it."""
        self._partial = ""
        self._held = _lines_of(self.text.shown_lines(), caption)
        self._until = self.clock() + self.seconds
        self.timer.start(round(self.seconds * 1000))

    def show_partial(self, partial: str) -> None:
        """Show the words still being heard, as far as the hold lets them."""
        self._partial = partial
        if not self.holding() or not partial.strip():
            self.text.set_partial(partial)
            return
        words = partial.split()
        # The most first words that leave the settled caption where it is.
        low, high = 0, len(words)
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(" ".join(words[:middle])):
                low = middle
            else:
                high = middle - 1
        self.text.set_partial(" ".join(words[:low]))

    def tick(self) -> None:
        """The hold may be over: if so, show all the words still being heard."""
        if self._until is None:
            return
        left = self._until - self.clock()
        if left > 0:
            self.timer.start(max(1, round(left * 1000)))
            return
        self.release()

    def release(self) -> None:
        """End the hold now (the next Final, or the lines cleared)."""
        self.timer.stop()
        if self._until is None:
            return
        self._until = None
        self._held = []
        self.text.set_partial(self._partial)

    def _fits(self, partial: str) -> bool:
        self.text.set_partial(partial)
        return _contains(self.text.shown_lines(), self._held)


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def _lines_of(shown: list[str], caption: str) -> list[str]:
    """The last lines of ``shown`` that hold ``caption`` (all of them if it overflows)."""
    wanted = caption.split()
    for count in range(1, len(shown) + 1):
        if _words(shown[-count:]) == wanted:
            return shown[-count:]
    return shown


def _contains(lines: list[str], block: list[str]) -> bool:
    """True when ``block`` is a run of whole lines in ``lines``."""
    if not block:
        return True
    return any(lines[start : start + len(block)] == block
               for start in range(len(lines) - len(block) + 1))
