"""Doubles for "Save as…" tests: the save dialog and the replace question.

``use_dialog`` replaces QFileDialog.getSaveFileName itself (so any module's
dialog is answered, whatever name it imported Qt's class under);
``use_question`` replaces widgets.save_as.confirm_replace. The fixtures
``dialog`` and ``question`` give a test each, with no answers yet (a
plugin of tests/conftest.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from widgets import save_as


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records (start, filters, selected) each
    time it opens, and gives the next of ``answers`` ((path, chosen filter) pairs)."""

    def __init__(self, answers=()) -> None:
        self.answers = list(answers)
        self.opened: list[tuple[str, str, str]] = []

    def __call__(self, _parent, _caption, start, filters, selected=""):
        self.opened.append((start, filters, selected))
        return self.answers.pop(0)


class Question:
    """Stands in for the replace question: records each file asked about, gives the next
    of ``answers`` (True for "Replace it", False for "Choose another name")."""

    def __init__(self, answers=()) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, _parent, path, _question=None) -> bool:
        self.asked.append(path)
        return self.answers.pop(0)


def use_dialog(monkeypatch, *answers) -> SaveDialog:
    """Answer every save dialog with ``answers``, in turn."""
    made = SaveDialog(answers)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", made)
    return made


def use_question(monkeypatch, *answers: bool) -> Question:
    """Answer every "Replace the file?" question with ``answers``, in turn."""
    made = Question(answers)
    monkeypatch.setattr(save_as, "confirm_replace", made)
    return made


@pytest.fixture
def dialog(monkeypatch) -> SaveDialog:
    """Every save dialog answered by the test (set ``dialog.answers``)."""
    return use_dialog(monkeypatch)


@pytest.fixture
def question(monkeypatch) -> Question:
    """Every replace question answered by the test (set ``question.answers``)."""
    return use_question(monkeypatch)
