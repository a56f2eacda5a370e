"""Live captions: what the teacher says, shown large in the CaptionsWindow.

Uses the same ``app.speech_worker.SpeechWorker`` as dictation (its own
recogniser, sharing the loaded model), but none of dictation's text rules:
words still being heard go to ``add_partial`` and each settled phrase to
``add_final`` as the engine wrote it (Whisper's own capitals and
punctuation included) but in British spelling ("vapour", not "vapor") and
starting with a capital, with the time it was said, so the window's history
reads as a timed transcript. (Whisper can start a phrase it heard cut off from
the last with a small letter: "rivers carry water to the sea." stayed on the
projector and in the saved history.)

What the shell does with it::

    captions = CaptionsController(captions_window, microphone=settings.microphone)
    captions.status_changed.connect(status_bar.showMessage)
    captions.set_vocabulary(lesson_words)
    captions.toggle()          # a menu action or shortcut
    ...
    captions.shutdown()        # when the app closes

On a busy computer the engine can fall behind the speaker. While it is
lastingly behind (``app.catching_up.CatchingUp``: the same rule as the
pupil's dictation) the window says the captions are running behind, and
takes that away once they have caught up.

Problems (no microphone, model missing, engine failed) come out as
``error(message)`` and ``status_changed(message)``; captions go back to idle
and ``start()`` tries again. The window stays up saying why, so a room
looking at it knows: it is "on" until it is put away, and ``toggle()`` (the
menu, Ctrl+Shift+C) puts it away whenever it shows, listening or not.
``shown_changed(bool)`` says when it comes and goes, for the menu's tick.

Leaving a presentation (the projector, trainer mode) keeps captions that are
listening, now in their own window: a pupil who needs them still does. A band
that only says why it is not listening goes with the presentation; the status
bar still says why. When the automatically chosen model will not
load and another one listens instead, that sentence goes out the same way,
but the captions keep going and do not say "Not listening".
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.catching_up import CatchingUp
from app.speech_worker import ListeningControls, SpeechWorker, worker_for
from speech.dictation_spelling import british_text
from widgets.captions_window import CaptionsWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaptionsController", text)


# The caption's first letter or digit, after any opening quote, bracket or "…".
_FIRST = re.compile(r"[^\W_]")


def _caption_line(text: str) -> str:
    """A settled phrase as a caption line: trimmed, British, its first letter a capital.

    "rivers carry water to the sea." -> "Rivers carry water to the sea."; a
    line that starts with a number ("3 rivers ...") is left as it is.
    """
    text = british_text(text.strip())
    first = _FIRST.search(text)
    if first is None or not first.group().isalpha():
        return text
    at = first.start()
    capital = text[at].upper()
    return text[:at] + (capital if len(capital) == 1 else text[at]) + text[at + 1 :]


class CaptionsController(ListeningControls, QObject):
    """Feeds a CaptionsWindow from the microphone.

    Constructor: ``window``; optional ``worker`` (a SpeechWorker; made with
    ``engine``, ``model_path``, ``microphone`` and ``vocabulary`` when not
    given). Signals: ``listening_changed(bool)``, ``shown_changed(bool)``,
    ``status_changed(message)``, ``error(message)``. Hiding the window (Esc,
    its Close button) stops the captions, and stopping them (the menu,
    Ctrl+Shift+C) hides the window.
    """

    listening_changed = Signal(bool)
    shown_changed = Signal(bool)
    status_changed = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        window: CaptionsWindow,
        *,
        worker: SpeechWorker | None = None,
        engine: str = "auto",
        model_path: str | Path | None = None,
        microphone: str | None = None,
        vocabulary: tuple[str, ...] | list[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.worker = worker_for(self, worker, dictation=False, engine=engine,
                                 model_path=model_path, microphone=microphone,
                                 vocabulary=vocabulary)
        self._shut = False
        self._replaced = ""  # the worker's note that another model is listening
        w = self.worker
        w.partial.connect(self._on_partial)
        w.final.connect(self._on_final)
        w.model_replaced.connect(self._on_model_replaced)
        w.error.connect(self._on_error)
        w.listening_changed.connect(self._on_listening)
        w.engine_ready.connect(self._on_engine_ready)
        w.progress.connect(self.status_changed)
        w.idle.connect(self._on_idle)
        # Only on the captions, not the status bar too: a screen reader would say it twice.
        self._catching_up = CatchingUp(w, parent=self)
        self._catching_up.started.connect(self._on_running_behind)
        self._catching_up.ended.connect(self._on_caught_up)
        window.dismissed.connect(self.stop)
        window.presentation_left.connect(self._on_presentation_left)

    # ------------------------------------------------------------------ for the shell

    @Slot()
    def start(self) -> None:
        """Show the captions and start listening."""
        if self._shut:
            return
        if self.window.isHidden():
            self.window.show()
            self.shown_changed.emit(True)
        if not self.is_listening():
            self.window.set_starting()  # a problem shown before gives way to the new try
        self.worker.start()

    def stop(self) -> None:
        """Stop listening and put the captions away; the history stays for next time.

        Words still in flight settle into the history after the window has gone.
        """
        self.worker.stop()
        self.window.hide()
        self.shown_changed.emit(False)

    def toggle(self) -> None:
        """Put the captions away while they show (listening or saying why not), else start."""
        if self.is_shown() or self.is_listening():
            self.stop()
        else:
            self.start()

    def is_shown(self) -> bool:
        """Whether the captions are up (listening, getting ready, or saying why not)."""
        return not self.window.isHidden()

    def set_microphone(self, name: str | None) -> None:
        """Use microphone ``name`` (None: the default); switches at once while listening."""
        self.worker.set_device(name)

    def shutdown(self) -> None:
        """The app is closing: stop listening; nothing is waited for."""
        self._shut = True
        self.worker.shutdown()

    # ------------------------------------------------------------------ from the worker

    @Slot(str)
    def _on_partial(self, text: str) -> None:
        self.window.add_partial(british_text(text.strip()))

    @Slot(str, object)
    def _on_final(self, text: str, words: object) -> None:
        self.window.add_final(_caption_line(text), self._said_at(words))

    @Slot()
    def _on_idle(self) -> None:
        self.window.add_partial("")  # a guess that never settled goes

    @Slot()
    def _on_running_behind(self) -> None:
        self.window.set_running_behind(True)

    @Slot()
    def _on_caught_up(self) -> None:
        self.window.set_running_behind(False)

    @Slot(str)
    def _on_model_replaced(self, message: str) -> None:
        self._replaced = message  # ``error`` with the same sentence follows at once

    @Slot(str)
    def _on_error(self, message: str) -> None:
        if message == self._replaced:
            # Captions carry on with another model: tell the teacher (status bar),
            # but the captions must not say "Not listening".
            self._replaced = ""
            self.error.emit(message)
            self.status_changed.emit(message)
            return
        self.window.show_problem(message)  # on the projector too, not only the status bar
        self.error.emit(message)
        self.status_changed.emit(message)

    @Slot(bool)
    def _on_listening(self, listening: bool) -> None:
        if listening:
            self.status_changed.emit(_tr("Live captions are on."))
        elif self.window.state() != "problem":  # the status bar keeps saying why
            self.status_changed.emit(_tr("Live captions are off."))
        self.window.set_listening(listening)
        self.listening_changed.emit(listening)

    @Slot()
    def _on_presentation_left(self) -> None:
        if self.window.state() == "problem" and not self.is_listening():
            self.stop()

    @Slot(str)
    def _on_engine_ready(self, name: str) -> None:
        self.status_changed.emit(_tr("Live captions use {name}.").format(name=name))

    # ------------------------------------------------------------------ private

    def _said_at(self, words: object) -> datetime:
        """When the phrase began: the session's start plus its first word's time."""
        started = self.worker.session_started_at()
        first = next(iter(words or ()), None)
        if started is None or first is None:
            return datetime.now()
        return datetime.fromtimestamp(started + float(first.start))
