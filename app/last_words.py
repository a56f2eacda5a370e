"""Closing while the engine still has speech to write down: wait for it, in plain sight.

On a busy machine the engine can be many seconds behind the microphone. When
the window closes, that speech is still recognised rather than dropped:
``finish_last_words`` closes the microphone and waits (through
``SpeechWorker.stop_and_settle``) while a small window says how much is left
("Writing down your last words… about 12 seconds of speech left.") and offers
"Close now". The wait is bounded: ``time_allowed`` gives ``LAST_PHRASE_WAIT_S``
for the last phrase plus a few seconds for each second of speech still
waiting, never more than two minutes.

When the pupil or teacher closes at once, or the time runs out, the result
says how many seconds of speech were not written down, so the caller can say
so plainly and keep the transcript on offer for the next start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.speech_worker import SpeechWorker
from widgets.announce import announce
from widgets.value_label import ValueLabel

# Time allowed for the last phrase, the Final decode that the end of the stream
# starts, when "Close now" is on offer. On one core shared with three busy loops
# a five-second phrase took longer than 5.8 s (the soak harness); a 20 s phrase
# with beam search takes several times that.
LAST_PHRASE_WAIT_S = 20.0
# The lesson editor's time for its last phrase, as it was before it offered "Close
# now" too: a final Whisper decode (tiny.en) took up to 2.1 s alone on a shared
# two-core machine, longer under load.
EDITOR_LAST_PHRASE_WAIT_S = 5.0
# Time allowed for each second of speech still waiting at the close: a busy
# machine that fell behind writes down audio more slowly than real time, even
# with partial results off (measured: see app/bench_catch_up.py).
WAIT_PER_SECOND_LEFT = 3.0
MOST_WAIT_S = 120.0
# A short settle (one last phrase) needs no window of its own: the status bar's
# "Saving the last words dictated…" covers it. Speech waiting shows it at once.
SHOW_AFTER_MS = 700
SHOW_AT_ONCE_S = 1.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("LastWords", text)


@dataclass(frozen=True)
class LastWords:
    """How closing went: everything written down, or how much speech was not."""

    settled: bool
    unwritten_s: float = 0.0  # seconds of speech still waiting when closing gave up
    closed_at_once: bool = False  # "Close now" was chosen


def time_allowed(timeout_s: float, waiting_s: float) -> float:
    """How long closing waits: ``timeout_s`` for the last phrase, plus time per second waiting."""
    return min(MOST_WAIT_S, max(timeout_s, timeout_s + WAIT_PER_SECOND_LEFT * waiting_s))


def left_message(seconds: float) -> str:
    """"Writing down your last words… about 12 seconds of speech left." (none: no count)."""
    whole = math.ceil(seconds) if seconds >= 0.5 else 0
    if whole == 0:
        return _tr("Writing down your last words…")
    if whole == 1:
        return _tr("Writing down your last words… about 1 second of speech left.")
    return _tr("Writing down your last words… about {seconds} seconds of speech left.").format(
        seconds=whole)


def unwritten_message(seconds: float, offered_back: bool = True) -> str:
    """The plain sentence for speech that was not written down at the close.

    ``offered_back``: the text goes to a transcript the next start offers back
    (pupil dictation); else it is in the text being edited (the lesson editor).
    """
    whole = math.ceil(seconds) if seconds >= 0.5 else 0
    if offered_back:
        kept = _tr("Everything written before them is saved, and Lesson Lab offers it "
                   "back when it next starts.")
    else:
        kept = _tr("Everything written before them is in the lesson.")
    if whole == 0:
        said = _tr("Your last few words may not all have been written down.")
    elif whole == 1:
        said = _tr("The last second of speech was not written down.")
    else:
        said = _tr("The last {seconds} seconds of speech were not written down.").format(
            seconds=whole)
    return f"{said} {kept}"


class LastWordsDialog(QDialog):
    """"Writing down your last words…" with how much is left, and a "Close now" button.

    ``close_now`` is emitted when the button is pressed (or Escape).
    """

    close_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Writing down your last words"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.message = ValueLabel(parent=self)
        self.message.setWordWrap(True)
        note = QLabel(_tr("If you close now, the speech not yet written down is left out. "
                          "Everything written so far is kept."), self)
        note.setWordWrap(True)
        self.close_button = QPushButton(_tr("Close &now"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close_now)
        self.rejected.connect(self.close_now)  # Escape or the title bar's close
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.set_left(0.0)

    def set_left(self, seconds: float) -> None:
        """Show how many seconds of speech are still to be written down."""
        self.message.setText(left_message(seconds))

    def text(self) -> str:
        """What the dialog says now."""
        return self.message.text()

    def appear(self) -> None:
        """Show the dialog and tell a screen reader what it says, once."""
        if self.isVisible():
            return
        self.show()
        self.raise_()
        announce(self.message, self.message.text())


def finish_last_words(worker: SpeechWorker, parent: QWidget | None,
                      timeout_s: float) -> LastWords:
    """Close the microphone and let the engine write down what it heard (see the module).

    Runs a local event loop for at most ``time_allowed(timeout_s, waiting)``;
    the dialog appears at once when speech is waiting, else after a moment.
    """
    if not worker.is_busy():
        return LastWords(True)
    waiting = worker.waiting_seconds()
    dialog = LastWordsDialog(parent)
    dialog.set_left(waiting)
    pressed: list[bool] = []
    dialog.close_now.connect(lambda: pressed.append(True))
    worker.behind.connect(dialog.set_left)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(dialog.appear)
    timer.start(0 if waiting >= SHOW_AT_ONCE_S else SHOW_AFTER_MS)
    try:
        settled = worker.stop_and_settle(time_allowed(timeout_s, waiting), until=dialog.close_now)
    finally:
        timer.stop()
        worker.behind.disconnect(dialog.set_left)
        dialog.hide()
        dialog.deleteLater()
    if settled:
        return LastWords(True)
    return LastWords(False, worker.unwritten_seconds(), bool(pressed))
