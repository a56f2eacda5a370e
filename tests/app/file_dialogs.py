"""A stand-in for QFileDialog in tests of where file dialogs start.

It records where each dialog was asked to start and answers as a person
would, from a list given in advance ("" is Cancel).
"""

from __future__ import annotations


class Dialogs:
    """Stands in for QFileDialog: records each start path, gives the next answer."""

    def __init__(self) -> None:
        self.starts: list[str] = []
        self.answers: list[str] = []

    def _answer(self, _parent, _caption, start, _filter, _selected=""):
        self.starts.append(start)
        return self.answers.pop(0), ""

    def getOpenFileName(self, *args):  # noqa: N802 - QFileDialog's name
        return self._answer(*args)

    def getSaveFileName(self, *args):  # noqa: N802 - QFileDialog's name
        return self._answer(*args)

    def getExistingDirectory(self, _parent, _caption, start):  # noqa: N802 - QFileDialog's name
        self.starts.append(start)
        return self.answers.pop(0)
