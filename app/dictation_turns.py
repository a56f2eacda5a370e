"""One dictation listens at a time: the pupil's Dictation panel or a lesson editor's.

Each dictation controller (``app.dictation_controller.DictationController``,
``app.practice.editor_dictation.EditorDictation``) has its own SpeechWorker,
and each would write down every word said. With two listening, a sentence
went into both texts, and "scratch that" said for one took a phrase out of
the other. So a dictation takes its turn before it opens the microphone::

    take_turn(self)      # in start(): every other dictation stops first
    end_turn(self)       # in stop(), when the microphone closes, and at shutdown

A dictation made to stop is asked ``make_way_for_dictation(place)``, where
``place`` names the one starting ("the lesson editor"); it stops as it
always does (its text kept, the words already heard still written down) and
says why in one sentence. Live captions are not dictation and are not asked:
they write into no text, and the trainer's captions on the projector are how
a deaf pupil follows what is said.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication

# The dictation that asked to listen last and has not stopped: weak, so a
# controller dropped without shutdown (a window closed in a test) does not linger.
_turn: weakref.ref | None = None


def _alive(controller) -> bool:
    return controller is not None and shiboken6.isValid(controller)


def take_turn(controller) -> None:
    """``controller`` is about to listen: the dictation still listening stops first."""
    global _turn
    other = _turn() if _turn is not None else None
    _turn = weakref.ref(controller)
    if other is not controller and _alive(other):
        other.make_way_for_dictation(controller.dictation_place())


def end_turn(controller) -> None:
    """``controller`` has stopped (or is stopping): it no longer holds the microphone."""
    global _turn
    if _turn is not None and _turn() in (None, controller):
        _turn = None


def made_way_note(place: str, carry_on: str) -> str:
    """Why a dictation stopped for the one starting in ``place``, and how to go on."""
    return QCoreApplication.translate(
        "Dictation", "Dictation stopped because you started dictating in {place}, so your "
        "words go to one place only. {carry_on}").format(place=place, carry_on=carry_on)
