"""A question answered with named buttons (widgets/button_question.py), in a real box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.fixtures.question_box import NextBox
from widgets.button_question import ACCEPT, ACTION, REJECT, Choice, ask_buttons

CHOICES = [Choice("&Replace it", ACCEPT, "replace"), Choice("&Keep both", ACTION, "both"),
           Choice("Cancel", REJECT, "cancel")]


def ask(parent=None):
    return ask_buttons(parent, "A lesson with this name", "Your lessons already have it.",
                       "Replace it, or keep both?", CHOICES, default="both")


@pytest.mark.parametrize(("button", "answer"), [
    ("Replace it", "replace"), ("Keep both", "both"), ("Cancel", "cancel")])
def test_each_button_gives_its_answer(qtbot, button, answer):
    box = NextBox(button, lambda shown: (shown.windowTitle(), shown.text(),
                                         shown.informativeText()))
    assert ask() == answer
    box.stop()
    assert box.seen == [("A lesson with this name", "Your lessons already have it.",
                         "Replace it, or keep both?")]


def _press_when_asked(key: Qt.Key, seen: list) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _press_when_asked(key, seen))
        return
    seen.append(box.defaultButton().text())
    QTest.keyClick(box, key)


@pytest.mark.parametrize(("key", "answer"), [
    (Qt.Key.Key_Return, "both"),  # the default: loses nothing when pressed too quickly
    (Qt.Key.Key_Escape, "cancel"),  # the last choice
])
def test_enter_gives_the_default_and_escape_the_last_choice(qtbot, key, answer):
    seen: list = []
    QTimer.singleShot(0, lambda: _press_when_asked(key, seen))
    assert ask() == answer
    assert seen == ["&Keep both"]


def test_closing_the_box_gives_the_last_choice(qtbot):
    def close_when_asked():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_when_asked)
            return
        box.close()

    QTimer.singleShot(0, close_when_asked)
    assert ask() == "cancel"
