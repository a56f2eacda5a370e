"""Speak as I type (Dictation › Speak as I type): the pupil's typing in the dictation
panel said aloud a word or a sentence at a time, by read aloud's voice.

The text rules are in ``speech.typing_echo``. Here each character a key
puts in the pupil's text is turned into what to say, and said with
``ReadAloudController.echo``: quietly (no status message, nothing
highlighted), each echo cutting off the one before, never a reading of the
lesson. Nothing is said while dictation listens (the microphone would write
the voice down), and an echo still being said stops when dictation starts.
An echo that cannot be said (no speaker) stops speak as I type, saying so in
the dictation panel, until it is chosen again: one message, not one a word.
The choice is kept in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup

from speech.typing_echo import BOTH, MODES, OFF, SENTENCES, WORDS, echo_for


def _tr(text: str) -> str:
    return QCoreApplication.translate("TypingEcho", text)


def mode_labels() -> dict[str, str]:
    """The menu's words for each mode."""
    return {OFF: _tr("&Off"), WORDS: _tr("&Words"), SENTENCES: _tr("&Sentences"),
            BOTH: _tr("Words &and sentences")}


class TypingEcho(QObject):
    """Says the pupil's typing in ``panel`` with ``reader`` (a ReadAloudController)
    while ``dictation`` (a DictationController) is not listening.

    Signal: ``said(text)`` each word or sentence handed to the voice.
    """

    said = Signal(str)

    def __init__(self, panel, reader, dictation, mode: str = OFF,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.reader, self.dictation = panel, reader, dictation
        self.mode = mode if mode in MODES else OFF
        self._failed = False  # an echo could not be said: none until a mode is chosen again
        panel.typed.connect(self._on_typed)
        dictation.listening_changed.connect(self._on_listening)
        reader.echo_failed.connect(self._on_failed)

    def set_mode(self, mode: str) -> None:
        """OFF, WORDS, SENTENCES or BOTH (``speech.typing_echo``)."""
        if mode in MODES:
            self.mode = mode
            self._failed = False
            if mode == OFF:
                self.reader.stop_echo()  # an echo still being said stops; a reading never

    def actions(self, parent: QObject) -> QActionGroup:
        """One radio item a mode, the current one checked; choosing one sets it."""
        group = QActionGroup(parent)
        for mode, label in mode_labels().items():
            action = QAction(label, parent, checkable=True)
            action.setData(mode)
            action.setChecked(mode == self.mode)
            group.addAction(action)
        group.triggered.connect(lambda action: self.set_mode(action.data()))
        return group

    def _on_typed(self, character: str) -> None:
        if self.mode == OFF or self._failed or self.dictation.is_listening():
            return
        before, _after = self.panel.text_around_caret()
        text = echo_for(before, character, self.mode)
        if text and self.reader.echo(text):
            self.said.emit(text)

    def _on_failed(self, problem: str) -> None:
        if self._failed:
            return
        self._failed = True
        self.panel.show_message(_tr(
            "Speak as I type has stopped: {problem} Choose it again in Dictation › "
            "Speak as I type to try again.").format(problem=problem.strip()), "error")

    def _on_listening(self, listening: bool) -> None:
        if listening:
            self.reader.stop_echo()  # the microphone must not hear the echo
