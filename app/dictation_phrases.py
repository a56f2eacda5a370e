"""The phrases dictation has put into the pupil's text, for "scratch that" and "undo that".

Each finished phrase goes in at the pupil's caret (``speech.dictation_cursor``
reads it with the text around the caret). Its place is kept as an
``Insertion`` (widgets/text_insertion.py), a cursor that moves with the text,
so "scratch that" takes out the last phrase dictated wherever it went, and
"undo that" takes back dictation's last change (a phrase put in, or one
scratched). A phrase the pupil has changed since is left alone. Whatever the
pupil types or clears starts the history afresh (``clear``), so a spoken
command never removes typed text.
"""

from __future__ import annotations

from dataclasses import dataclass

from speech.dictation import Change, DictationOptions
from speech.dictation_cursor import Edit, phrase_at_cursor
from widgets.dictation_panel import DictationPanel
from widgets.text_insertion import Insertion

#: A phrase to scratch or undo no longer reads as it was put in: it was left alone.
CHANGED_SINCE = object()


@dataclass
class _Step:
    """One change dictation made, for "undo that": a phrase put in, or one scratched."""

    kind: str  # "insert" or "scratch"
    insertion: Insertion


class DictatedPhrases:
    """The phrases dictated into ``panel`` since the pupil's last edit, and the changes."""

    def __init__(self, panel: DictationPanel) -> None:
        self.panel = panel
        self._pieces: list[Insertion] = []  # phrases dictated since the pupil's last edit
        self._steps: list[_Step] = []  # dictation's changes since then, for "undo that"

    def clear(self) -> None:
        """The text is the pupil's again (typed, cleared, reopened): start afresh."""
        self._pieces.clear()
        self._steps.clear()

    def apply(self, raw: str, options: DictationOptions) -> Change | object:
        """One finished phrase: put in at the caret, or its editing commands obeyed."""
        before, after = self.panel.text_around_caret()
        phrase = phrase_at_cursor(raw, options, before, after, markdown=False)
        if not phrase.edits:
            if not phrase.text:
                self.panel.show_partial("")  # a guess that came to nothing goes
                return Change.NOTHING_HEARD
            insertion = self.panel.insert_phrase(phrase.text, phrase.back)
            self._pieces.append(insertion)
            self._steps.append(_Step("insert", insertion))
            return Change.ADDED
        self.panel.show_partial("")
        change: Change | object = Change.NONE
        for edit in phrase.edits:
            change = self._scratch() if edit is Edit.SCRATCH else self._undo()
        return change

    def _scratch(self) -> Change | object:
        """Take out the last phrase dictated, wherever it went."""
        if not self._pieces:
            return Change.NOTHING_TO_SCRATCH
        insertion = self._pieces.pop()
        if not self.panel.remove_phrase(insertion):
            return CHANGED_SINCE
        self._steps.append(_Step("scratch", insertion))
        return Change.SCRATCHED

    def _undo(self) -> Change | object:
        """Take back the last change dictation made: a phrase put in, or one scratched."""
        if not self._steps:
            return Change.NOTHING_TO_UNDO
        step = self._steps.pop()
        if step.kind == "insert":
            if not self.panel.remove_phrase(step.insertion):
                return CHANGED_SINCE
            if self._pieces and self._pieces[-1] is step.insertion:
                self._pieces.pop()
        else:
            self.panel.restore_phrase(step.insertion)
            self._pieces.append(step.insertion)  # "scratch that" may take it again
        return Change.UNDONE
