"""The window is closing: dictation writes down its last words, then shuts down.

``finish_last_words`` closes the microphone and lets the engine settle what
it already heard (``app.last_words``); ``close_cancelled`` undoes that when
the pupil cancels the close; ``shutdown`` stops the worker, saves the text
and marks it finished, unless speech was left unwritten, so that the next
start offers the text back.

A mixin for ``app.dictation_controller.DictationController``: it uses the
controller's ``panel``, ``worker``, ``autosave``, ``_text``, ``_shut``,
``_closing``, ``last_words`` and ``_on_error``.
"""

from __future__ import annotations

from app.dictation_turns import end_turn
from app.last_words import LAST_PHRASE_WAIT_S, unwritten_message
from app.last_words import finish_last_words as write_down_last_words


class DictationClosing:
    """The controller's ``finish_last_words``, ``close_cancelled`` and ``shutdown``."""

    def finish_last_words(self, timeout_s: float = LAST_PHRASE_WAIT_S) -> bool:
        """The window is closing: close the microphone and let the engine finish what it heard.

        The audio already captured is recognised to its end (the end of the
        stream settles the last phrase), and that phrase goes into the text
        and the transcript as any other. Waits ``timeout_s``, and longer when
        the engine is behind, with a window saying how much is left and a
        "Close now" button (``app.last_words``); True when every word heard
        has settled. Otherwise the panel and status bar say how many seconds
        of speech were not written down, and ``shutdown`` leaves the saved
        text on offer for the next start. Call ``shutdown`` afterwards.
        """
        if self._shut:
            return True
        self._closing = True
        self.last_words = write_down_last_words(self.worker, self.panel.window(), timeout_s)
        if not self.last_words.settled:
            self._on_error(unwritten_message(self.last_words.unwritten_s))
        return self.last_words.settled

    def close_cancelled(self) -> None:
        """The window stays open after all: Start works again (dictation stays stopped)."""
        self._closing = False
        self.last_words = None  # the pupil saw what was lost; a later close starts afresh

    def shutdown(self) -> None:
        """The window is closing: stop listening, save, and mark the text finished.

        Words still being recognised are dropped: call ``finish_last_words`` first
        to keep them. When it could not write them all down, the text is saved
        but not marked finished, so the next start offers it back.
        """
        if self._shut:
            return
        self._shut = True
        end_turn(self)
        self.worker.shutdown()
        self.autosave.save_now(self._text)
        # Speech left unwritten at the close: the text is saved but not marked
        # finished, so the next start offers it back rather than hiding it.
        lost = self.last_words is not None and not self.last_words.settled
        self.autosave.close(finished=not lost)
